// renderDot with libgvc. Graphviz reports errors through a process-wide callback, so messages
// are collected into a buffer for the length of one call; calls must not run concurrently.
#include "newsgraph/diagram/render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>

// Exported by libgvc 2.42 but declared only in its private headers: measures one text span with
// the text layout plugin (pango).
extern "C" pointf textspan_size(GVC_t* gvc, textspan_t* span);

#if defined(__SANITIZE_ADDRESS__)
#define NEWSGRAPH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NEWSGRAPH_ASAN 1
#endif
#endif

#ifdef NEWSGRAPH_ASAN
// Sanitizer builds: Graphviz, its plugins, fontconfig, pango and glib keep caches for the life
// of the process (plugin lists, font sets), which LeakSanitizer reports at exit. Only frames in
// those libraries are suppressed; a leak in newsgraph's own code is still reported.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\nleak:libcgraph.so\nleak:libcdt.so\nleak:libgvplugin_\n"
         "leak:libfontconfig.so\nleak:libpango\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\n"
         "leak:libcairo.so\nleak:libharfbuzz.so\nleak:libfreetype.so\n";
}
// ... and without the table of suppressions used, which would end up in every command's output.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif

namespace newsgraph::diagram {
namespace {

// Graphviz 2.42's pango plugin remembers a pointer to the name of the last font it measured,
// and that name lives in the graph's own strings: once the graph is closed, the next graph's
// first measurement compares against freed memory (ASan: heap-use-after-free in
// pango_textlayout). Measuring one span whose font name is in static storage, before the graph
// is closed, leaves that pointer on memory that never goes away.
void pointFontCacheAtStaticName(GVC_t* context) {
  static char fontName[] = "DejaVu Sans";
  static char text[] = "x";
  static textfont_t font{};
  font.name = fontName;
  font.size = 11;
  textspan_t span{};
  span.str = text;
  span.font = &font;
  span.just = 'n';
  textspan_size(context, &span);
  if (span.layout != nullptr && span.free_layout != nullptr) span.free_layout(span.layout);
}

std::string& graphvizMessages() {
  static std::string messages;
  return messages;
}

extern "C" int collectMessage(char* message) {
  graphvizMessages() += message;
  return 0;
}

// Trims Graphviz's trailing newlines and "Error: " prefix from collected messages.
std::string lastMessages(std::string_view fallback) {
  std::string text = graphvizMessages();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (std::string_view prefix : {"Error: ", "Warning: "}) {
    if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
  }
  return text.empty() ? std::string(fallback) : text;
}

struct ContextCloser {
  void operator()(GVC_t* context) const { gvFreeContext(context); }
};
struct GraphCloser {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};

common::Error graphvizError(std::string message) {
  return common::Error{"", 0, 0, "graphviz", std::move(message)};
}

}  // namespace

common::Status checkRenderable(const Diagram& diagram) {
  if (diagram.nodes.size() <= kMaxRenderedNodes) return common::okStatus();
  return common::Error{
      "", 0, 0, "diagram",
      "the diagram has " + std::to_string(diagram.nodes.size()) + " nodes and " +
          std::to_string(diagram.edges.size()) + " edges, too many to read as a picture (at most " +
          std::to_string(kMaxRenderedNodes) +
          "); narrow it with --focus ID --depth 1, --types, --classes, --from/--to or "
          "--min-sources, or write --format dot, graphml or html"};
}

common::Result<std::string> renderDot(std::string_view dot, std::string_view format,
                                      std::string_view layout) {
  graphvizMessages().clear();
  agusererrf previous = agseterrf(collectMessage);
  agseterr(AGERR);
  struct Restore {
    agusererrf previous;
    ~Restore() { agseterrf(previous); }
  } restore{previous};

  std::unique_ptr<GVC_t, ContextCloser> context(gvContext());
  if (!context) return graphvizError("cannot start Graphviz");
  std::string text(dot);
  std::unique_ptr<Agraph_t, GraphCloser> graph(agmemread(text.c_str()));
  if (!graph) return graphvizError(lastMessages("Graphviz cannot read the DOT text"));
  std::string engine(layout);
  if (gvLayout(context.get(), graph.get(), engine.c_str()) != 0) {
    pointFontCacheAtStaticName(context.get());
    return graphvizError(lastMessages("layout engine '" + engine + "' failed"));
  }
  char* data = nullptr;
  unsigned int length = 0;
  std::string formatName(format);
  int rendered = gvRenderData(context.get(), graph.get(), formatName.c_str(), &data, &length);
  std::string output;
  if (rendered == 0 && data != nullptr) output.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(context.get(), graph.get());
  pointFontCacheAtStaticName(context.get());
  if (rendered != 0 || output.empty()) {
    return graphvizError(lastMessages("cannot render format '" + formatName + "'"));
  }
  return output;
}

}  // namespace newsgraph::diagram

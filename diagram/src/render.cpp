// renderDot with libgvc. Graphviz reports errors through a process-wide callback, so messages
// are collected into a buffer for the length of one call; calls must not run concurrently.
#include "newsgraph/diagram/render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>

namespace newsgraph::diagram {
namespace {

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
  if (rendered != 0 || output.empty()) {
    return graphvizError(lastMessages("cannot render format '" + formatName + "'"));
  }
  return output;
}

}  // namespace newsgraph::diagram

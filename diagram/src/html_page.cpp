#include "newsgraph/diagram/html_page.h"

#include <string>
#include <string_view>
#include <vector>

#include "html_json.h"
#include "html_layout.h"
#include "html_template.h"

namespace newsgraph::diagram {
namespace {

// Appends `text` escaped for HTML text content (the <title> element).
void appendHtmlText(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

void writeHtml(const Diagram& diagram, const graph::KnowledgeGraph& graph, std::ostream& out) {
  const PageTemplate& page = pageTemplate();
  std::vector<NodeLook> looks = nodeLooks(diagram);
  std::vector<Point> positions = layoutDiagram(diagram, looks);

  std::string text;
  text.reserve(page.beforeTitle.size() + page.beforeData.size() + page.afterData.size() +
               diagram.nodes.size() * 200 + diagram.edges.size() * 400);
  text += page.beforeTitle;
  appendHtmlText(text, diagram.title);
  text += page.beforeData;
  appendPageData(text, diagram, graph, positions, looks);
  text += page.afterData;
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace newsgraph::diagram

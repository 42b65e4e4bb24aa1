#include "newsgraph/diagram/html_page.h"

#include <string>
#include <string_view>
#include <vector>

#include "dot_text.h"
#include "html_json.h"
#include "html_layout.h"
#include "html_template.h"

namespace newsgraph::diagram {
void writeHtml(const Diagram& diagram, const graph::KnowledgeGraph& graph, std::ostream& out) {
  const PageTemplate& page = pageTemplate();
  std::vector<NodeLook> looks = nodeLooks(diagram);
  std::vector<Point> positions = layoutDiagram(diagram, looks);

  std::string text;
  text.reserve(page.beforeTitle.size() + page.beforeData.size() + page.afterData.size() +
               diagram.nodes.size() * 200 + diagram.edges.size() * 400);
  text += page.beforeTitle;
  text += htmlEscape(diagram.title);  // the <title> element
  text += page.beforeData;
  appendPageData(text, diagram, graph, positions, looks);
  text += page.afterData;
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace newsgraph::diagram

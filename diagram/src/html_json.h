// Private to the diagram module: the JSON data of the HTML page (html_page.cpp), written by hand
// for speed (a 10,000-node page is several megabytes) and escaped for an HTML <script> element.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html_layout.h"
#include "newsgraph/diagram/diagram.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::diagram {

// Appends `text` as a JSON string (quotes included) that is also safe as the content of a
// <script> element: '<', '>' and '&' become \u003c, \u003e and \u0026 (so no "</script" or
// "<!--" appears), U+2028 and U+2029 become \u2028 and \u2029, control characters are escaped.
// Other UTF-8 is copied as is.
void appendJsonString(std::string& out, std::string_view text);

// Appends the page's data (fields read by diagram/html/page.js): title, scope, the style table
// (style.h), nodes with their position and look, edges with their evidence, and the articles the
// evidence cites. REQUIRES: one position and one look per node.
void appendPageData(std::string& out, const Diagram& diagram, const graph::KnowledgeGraph& graph,
                    const std::vector<Point>& positions, const std::vector<NodeLook>& looks);

}  // namespace newsgraph::diagram

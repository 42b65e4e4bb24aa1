// writeDot: the Diagram copied into a small Boost graph whose bundled properties are the DOT
// attributes, written by write_graphviz_dp; the legend is an HTML-like label added after the
// opening line, since Boost quotes every value it writes.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <set>
#include <sstream>

#include "dot_text.h"
#include "newsgraph/diagram/formats.h"
#include "newsgraph/diagram/style.h"

namespace newsgraph::diagram {
namespace {

struct DotNode {
  std::string name;
  std::string label;
  std::string tooltip;
  std::string shape;
  std::string fill;
  std::string font;
};

struct DotEdge {
  std::string label;
  std::string tooltip;
  std::string colour;
  std::string width;
  std::string style;
  std::string arrowHead;
  std::string dir;
};

using DotGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotNode, DotEdge>;

// A node name Boost may leave unquoted must not be a DOT keyword; slugs never hold '_', so the
// suffix cannot collide with another entity.
std::string nodeName(const std::string& id) {
  static const std::set<std::string> kKeywords = {"node",    "edge",     "graph",
                                                  "digraph", "subgraph", "strict"};
  return kKeywords.count(id) != 0 ? id + "_" : dotString(id);
}

std::string number(double value) {
  std::ostringstream out;
  out.precision(3);
  out << value;
  return out.str();
}

DotGraph toBoostGraph(const Diagram& diagram) {
  DotGraph graph;
  for (const DiagramNode& node : diagram.nodes) {
    const NodeFamilyStyle& style = nodeStyle(node.family);
    boost::add_vertex(
        DotNode{nodeName(node.id), dotString(node.label, 60),
                dotString(node.id + " (" + node.cls + ")"), std::string(style.dotShape),
                std::string(style.fill), std::string(style.font)},
        graph);
  }
  for (const DiagramEdge& edge : diagram.edges) {
    const StatusStyle& status = statusStyle(edge.status);
    std::string tooltip = edge.type + ", " + std::to_string(edge.sources) +
                          (edge.sources == 1 ? " source" : " sources");
    if (!edge.evidence.empty()) tooltip += ": " + edge.evidence.front()->quote;
    boost::add_edge(edge.from, edge.to,
                    DotEdge{edge.type + std::string(status.labelSuffix), dotString(tooltip, 300),
                            std::string(edgeStyle(edge.family).colour),
                            number(edgeWidth(edge.sources)), std::string(status.dash),
                            std::string(status.arrowHead), edge.symmetric ? "none" : "forward"},
                    graph);
  }
  return graph;
}

// Graph attributes for the engine: `dot` reads left to right and places edge labels itself;
// the force-directed engines remove node overlaps, spread the hubs (K) and drop the edge labels
// that would overlap (forcelabels=false on external labels).
std::vector<std::pair<std::string, std::string>> graphAttributes(std::string_view layout) {
  std::vector<std::pair<std::string, std::string>> attributes = {
      {"layout", std::string(layout)}, {"labelloc", "t"},           {"labeljust", "l"},
      {"outputorder", "edgesfirst"},   {"fontname", "DejaVu Sans"}, {"pad", "0.3"}};
  if (layout == "dot") {
    attributes.insert(attributes.end(),
                      {{"rankdir", "LR"}, {"nodesep", "0.3"}, {"ranksep", "0.8"}});
  } else {
    attributes.insert(attributes.end(), {{"overlap", "prism"},
                                         {"sep", "+6"},
                                         {"K", "0.6"},
                                         {"splines", "false"},
                                         {"forcelabels", "false"}});
  }
  return attributes;
}

// The title, the scope and one legend row per kind of family present, as an HTML-like label.
std::string legendLabel(const Diagram& diagram) {
  std::set<std::string> nodeFamiliesPresent;
  std::set<std::string> edgeFamiliesPresent;
  std::set<graph::EvidenceStatus> statusesPresent;
  for (const DiagramNode& node : diagram.nodes) nodeFamiliesPresent.insert(node.family);
  for (const DiagramEdge& edge : diagram.edges) {
    edgeFamiliesPresent.insert(edge.family);
    statusesPresent.insert(edge.status);
  }
  std::ostringstream out;
  out << "<<table border=\"0\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"2\">"
      << "<tr><td align=\"left\"><font point-size=\"18\"><b>" << htmlEscape(diagram.title)
      << "</b></font></td></tr>"
      << "<tr><td align=\"left\"><font point-size=\"11\">" << htmlEscape(diagram.scope)
      << "</font></td></tr><tr><td align=\"left\"><table border=\"0\" cellspacing=\"3\"><tr>";
  for (const NodeFamilyStyle& style : nodeFamilies()) {
    if (nodeFamiliesPresent.count(std::string(style.family)) == 0) continue;
    out << "<td bgcolor=\"" << style.fill << "\"><font point-size=\"10\" color=\"" << style.font
        << "\">" << htmlEscape(style.legend) << "</font></td>";
  }
  out << "</tr></table></td></tr><tr><td align=\"left\"><table border=\"0\" cellspacing=\"3\">"
      << "<tr>";
  for (const EdgeFamilyStyle& style : edgeFamilies()) {
    if (edgeFamiliesPresent.count(std::string(style.family)) == 0) continue;
    out << "<td><font point-size=\"10\" color=\"" << style.colour << "\">\u2501\u2501 "
        << htmlEscape(style.legend) << "</font></td>";
  }
  for (graph::EvidenceStatus status : statusesPresent) {
    if (status == graph::EvidenceStatus::kAsserted) continue;
    const char* line = statusStyle(status).dash == "dashed" ? "- - -" : "\u00b7\u00b7\u00b7\u00b7";
    out << "<td><font point-size=\"10\">" << line << " " << graph::statusName(status)
        << "</font></td>";
  }
  out << "<td><font point-size=\"10\">wider: more sources</font></td></tr></table></td></tr>"
      << "</table>>";
  return out.str();
}

}  // namespace

std::string chooseLayout(const Diagram& diagram) {
  return diagram.edges.size() <= kDotMaxEdges ? "dot" : "sfdp";
}

void writeDot(const Diagram& diagram, std::ostream& out, std::string_view layout) {
  DotGraph graph = toBoostGraph(diagram);
  boost::dynamic_properties properties;
  properties.property("node_id", boost::get(&DotNode::name, graph));
  properties.property("label", boost::get(&DotNode::label, graph));
  properties.property("tooltip", boost::get(&DotNode::tooltip, graph));
  properties.property("shape", boost::get(&DotNode::shape, graph));
  properties.property("fillcolor", boost::get(&DotNode::fill, graph));
  properties.property("fontcolor", boost::get(&DotNode::font, graph));
  // dot places edge labels without overlap; other engines get external labels they may drop.
  properties.property(layout == "dot" ? "label" : "xlabel", boost::get(&DotEdge::label, graph));
  properties.property("tooltip", boost::get(&DotEdge::tooltip, graph));
  properties.property("color", boost::get(&DotEdge::colour, graph));
  properties.property("fontcolor", boost::get(&DotEdge::colour, graph));
  properties.property("penwidth", boost::get(&DotEdge::width, graph));
  properties.property("style", boost::get(&DotEdge::style, graph));
  properties.property("arrowhead", boost::get(&DotEdge::arrowHead, graph));
  properties.property("dir", boost::get(&DotEdge::dir, graph));
  for (const auto& [name, value] : graphAttributes(layout)) {
    properties.property(name, boost::make_constant_property<DotGraph*>(value));
  }
  std::ostringstream body;
  boost::write_graphviz_dp(body, graph, properties, "node_id");
  // Boost opens with "digraph G {\n": the defaults and the legend go right after it.
  std::string text = body.str();
  std::size_t open = text.find('\n') + 1;
  out << text.substr(0, open)
      << "node [style=\"filled\", fontname=\"DejaVu Sans\", fontsize=11, margin=\"0.08,0.04\"];\n"
      << "edge [fontname=\"DejaVu Sans\", fontsize=8, arrowsize=0.7];\n"
      << "label=" << legendLabel(diagram) << ";\n"
      << text.substr(open);
}

}  // namespace newsgraph::diagram

// writeGraphml: the Diagram copied into a small Boost graph whose bundled properties are the
// GraphML data keys, written by write_graphml (which XML-escapes every value).
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <sstream>

#include "dot_text.h"
#include "newsgraph/diagram/formats.h"

namespace newsgraph::diagram {
namespace {

struct GraphmlNode {
  std::string id;
  std::string label;
  std::string cls;
  std::string family;
  std::string lat;
  std::string lon;
};

struct GraphmlEdge {
  std::string type;
  std::string family;
  std::string status;
  int sources = 0;
  std::string quote;
};

using GraphmlGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, GraphmlNode, GraphmlEdge>;

std::string coordinate(const std::optional<double>& value) {
  if (!value) return "";
  std::ostringstream out;
  out.precision(9);
  out << *value;
  return out.str();
}

}  // namespace

void writeGraphml(const Diagram& diagram, std::ostream& out) {
  GraphmlGraph graph;
  for (const DiagramNode& node : diagram.nodes) {
    boost::add_vertex(GraphmlNode{cleanText(node.id), cleanText(node.label), cleanText(node.cls),
                                  node.family, coordinate(node.lat), coordinate(node.lon)},
                      graph);
  }
  for (const DiagramEdge& edge : diagram.edges) {
    std::string quote = edge.evidence.empty() ? "" : cleanText(edge.evidence.front()->quote);
    boost::add_edge(edge.from, edge.to,
                    GraphmlEdge{edge.type, edge.family, std::string(graph::statusName(edge.status)),
                                edge.sources, std::move(quote)},
                    graph);
  }
  boost::dynamic_properties properties;
  properties.property("id", boost::get(&GraphmlNode::id, graph));
  properties.property("label", boost::get(&GraphmlNode::label, graph));
  properties.property("class", boost::get(&GraphmlNode::cls, graph));
  properties.property("family", boost::get(&GraphmlNode::family, graph));
  properties.property("lat", boost::get(&GraphmlNode::lat, graph));
  properties.property("lon", boost::get(&GraphmlNode::lon, graph));
  properties.property("type", boost::get(&GraphmlEdge::type, graph));
  properties.property("family", boost::get(&GraphmlEdge::family, graph));
  properties.property("status", boost::get(&GraphmlEdge::status, graph));
  properties.property("sources", boost::get(&GraphmlEdge::sources, graph));
  properties.property("quote", boost::get(&GraphmlEdge::quote, graph));
  properties.property("title",
                      boost::make_constant_property<GraphmlGraph*>(cleanText(diagram.title)));
  properties.property("scope",
                      boost::make_constant_property<GraphmlGraph*>(cleanText(diagram.scope)));
  boost::write_graphml(out, graph, boost::get(boost::vertex_index, graph), properties, true);
}

}  // namespace newsgraph::diagram

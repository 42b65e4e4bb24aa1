// The look of a diagram, shared by every writer (DOT, GraphML, SVG/PNG, the HTML page): one
// colour and shape per class family, one colour per relation family, a dash per evidence status
// and a width per number of sources. Which class or relation belongs to which family is ontology
// data (ontology/data/diagram.ttl); how a family looks is this table, so every format draws the
// same picture. Colours are "#rrggbb"; shapes are given both as Graphviz and Cytoscape.js names.
#pragma once

#include <string_view>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::diagram {

// How the nodes of one class family look.
struct NodeFamilyStyle {
  std::string_view family;    // "jihadist"
  std::string_view legend;    // legend text, "jihadist group"
  std::string_view fill;      // fill colour
  std::string_view font;      // label colour readable on `fill`
  std::string_view dotShape;  // Graphviz node shape, "octagon"
  std::string_view cyShape;   // Cytoscape.js node shape, "octagon"
};

// How the edges of one relation family look.
struct EdgeFamilyStyle {
  std::string_view family;  // "hostile"
  std::string_view legend;  // legend text, "hostile (attacks, fights, ...)"
  std::string_view colour;  // line and arrow colour
};

// How an edge's status (the strongest status among its kept evidence) changes its line.
struct StatusStyle {
  std::string_view dash;         // "solid", "dashed" or "dotted" (Graphviz and Cytoscape.js)
  std::string_view arrowHead;    // Graphviz arrowhead; Cytoscape.js target-arrow-shape: "tee"
                                 // for negated, else "normal" (Graphviz) / "triangle" (Cytoscape)
  std::string_view labelSuffix;  // appended to the edge label: "", " (claimed)", ...
};

// Every node family in legend order; the last one is "other", the fallback.
const std::vector<NodeFamilyStyle>& nodeFamilies();
// Every edge family in legend order; the last one is "other", the fallback.
const std::vector<EdgeFamilyStyle>& edgeFamilies();

// The style of a family; an unknown family gets the "other" style. The reference lives for the
// whole process.
const NodeFamilyStyle& nodeStyle(std::string_view family);
const EdgeFamilyStyle& edgeStyle(std::string_view family);
const StatusStyle& statusStyle(graph::EvidenceStatus status);

// Line width for an edge with this many distinct sources: 1 for one source, growing with the
// logarithm of the count, at most 6 (Graphviz penwidth; Cytoscape.js width in px is 1.5x this).
double edgeWidth(int sources);

}  // namespace newsgraph::diagram

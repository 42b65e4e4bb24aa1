// The text formats of a diagram: DOT for Graphviz (written with Boost's write_graphviz_dp, with
// the title and a legend as the graph's label) and GraphML for Gephi, Cytoscape and yEd (Boost's
// write_graphml). Both draw a Diagram from selectDiagram (diagram.h) with the style of style.h.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "newsgraph/diagram/diagram.h"

namespace newsgraph::diagram {

// The Graphviz engines `--layout` accepts.
inline constexpr std::string_view kLayoutEngines[] = {"dot",   "neato", "fdp",   "sfdp",
                                                      "circo", "twopi", "osage", "patchwork"};

// Up to this many edges chooseLayout picks `dot`, whose left-to-right ranks read best on an ego
// network; beyond it, `sfdp`, which stays compact where dot's drawing grows wide and its edges
// long (docs/DIAGRAMS.md has the measurements).
inline constexpr std::size_t kDotMaxEdges = 100;

// The engine for this diagram's size: "dot" or "sfdp".
std::string chooseLayout(const Diagram& diagram);

// Writes the diagram as a Graphviz digraph: one node per DiagramNode (named by its entity id,
// labelled with its French label, filled and shaped by family), one edge per DiagramEdge
// (labelled with its type, coloured by family, dashed by status, wide by sources; symmetric
// types without arrow; under a force-directed engine the type is an external label that
// Graphviz leaves out where it would overlap), graph attributes tuned for `layout` (written as the
// graph's `layout` attribute so that `dot -Tsvg` on the file uses it), and the title, scope and a
// legend of the families present as an HTML-like graph label. Strings are escaped for DOT (quotes,
// backslashes, control characters); UTF-8 text is kept.
void writeDot(const Diagram& diagram, std::ostream& out, std::string_view layout);

// Writes the diagram as GraphML (UTF-8, XML-escaped). Node data: id, label, class, family, lat,
// lon ("" when unknown); edge data: type, family, status, sources, quote (the first kept
// evidence sentence); graph data: title and scope.
void writeGraphml(const Diagram& diagram, std::ostream& out);

}  // namespace newsgraph::diagram

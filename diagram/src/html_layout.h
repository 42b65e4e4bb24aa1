// Private to the diagram module: where the HTML page draws each node. Positions are computed
// here, in C++, for every diagram: a force-directed layout with a grid (about linear per round)
// then a sweep that pushes overlapping labels apart, or, for the largest diagrams, families in
// disks. The browser then only draws ('preset' layout): no quadratic layout in JavaScript.
#pragma once

#include <cstddef>
#include <vector>

#include "newsgraph/diagram/diagram.h"

namespace newsgraph::diagram {

// Up to this many nodes, forceLayout; above it, familyDiskLayout (see docs/DIAGRAMS.md).
inline constexpr std::size_t kForceLayoutMaxNodes = 1000;

// A node's position on the page, in Cytoscape.js model pixels (y grows downwards).
struct Point {
  double x = 0;
  double y = 0;
};

// How a node is drawn: both its shape and its label grow with its number of edges, so that the
// most connected nodes stay readable when the whole diagram is in view.
struct NodeLook {
  double diameter = 0;     // the node's shape, px
  double fontSize = 0;     // its label's, px
  double labelWidth = 0;   // estimated width of the wrapped label, px
  double labelHeight = 0;  // estimated height of the wrapped label, px
  double wrapWidth = 0;    // the label wraps at this width, px
};

// One look per node of `diagram`, same order.
std::vector<NodeLook> nodeLooks(const Diagram& diagram);

// Positions for `diagram`: forceLayout then removeOverlaps up to kForceLayoutMaxNodes nodes,
// familyDiskLayout above. Deterministic. REQUIRES: looks.size() == diagram.nodes.size().
std::vector<Point> layoutDiagram(const Diagram& diagram, const std::vector<NodeLook>& looks);

// Fruchterman-Reingold with repulsion from the nodes of the neighbouring grid cells only, a
// weak pull to the centre and a cooling step, from a sunflower start (most connected first).
std::vector<Point> forceLayout(const Diagram& diagram);

// Moves nodes until no two boxes (shape with its label under it) overlap, or a round limit is
// reached: a sweep along x finds the overlapping pairs, each pair moves apart along the axis of
// the smaller overlap.
void removeOverlaps(std::vector<Point>& positions, const std::vector<NodeLook>& looks);

// Each class family in a disk of its own, its nodes on a sunflower spiral with the most
// connected ones in the middle, the disks side by side in rows, largest first.
std::vector<Point> familyDiskLayout(const Diagram& diagram);

}  // namespace newsgraph::diagram

// Private to the diagram module: positions for large HTML diagrams, computed in linear time
// (after a sort) so that a 10,000-node page opens without a layout in the browser.
#pragma once

#include <vector>

#include "newsgraph/diagram/diagram.h"

namespace newsgraph::diagram {

// A node's position on the page, in Cytoscape.js model pixels (y grows downwards).
struct Point {
  double x = 0;
  double y = 0;
};

// One position per node of `diagram` (same order): each class family in a disk of its own, its
// nodes on a sunflower spiral with the most connected ones in the middle, the disks side by
// side in rows, largest first. Deterministic.
std::vector<Point> familyDiskLayout(const Diagram& diagram);

}  // namespace newsgraph::diagram

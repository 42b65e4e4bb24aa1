// The HTML page's layout for the largest diagrams: class families in disks (html_layout.h).
#include "html_layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "newsgraph/diagram/style.h"

namespace newsgraph::diagram {
namespace {

constexpr double kGoldenAngle = 2.399963229728653;  // radians: pi * (3 - sqrt(5))
constexpr double kSpacing = 40.0;  // spiral step: about 70 px between nodes, a short label
constexpr double kGap = 120.0;     // between two disks

// A family's disk: its nodes (most connected first) and its radius.
struct Disk {
  std::vector<std::size_t> nodes;
  double radius = 0;
  Point centre;
};

}  // namespace

std::vector<Point> familyDiskLayout(const Diagram& diagram) {
  std::vector<std::size_t> degree(diagram.nodes.size(), 0);
  for (const DiagramEdge& edge : diagram.edges) {
    ++degree[edge.from];
    ++degree[edge.to];
  }
  // One disk per family, in the style table's order (unknown families share "other").
  const auto& families = nodeFamilies();
  std::vector<Disk> disks(families.size());
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
    const NodeFamilyStyle& style = nodeStyle(diagram.nodes[i].family);
    disks[static_cast<std::size_t>(&style - families.data())].nodes.push_back(i);
  }
  for (Disk& disk : disks) {
    std::stable_sort(disk.nodes.begin(), disk.nodes.end(),
                     [&](std::size_t a, std::size_t b) { return degree[a] > degree[b]; });
    disk.radius = kSpacing * std::sqrt(static_cast<double>(disk.nodes.size())) + kSpacing;
  }
  std::erase_if(disks, [](const Disk& disk) { return disk.nodes.empty(); });
  std::stable_sort(disks.begin(), disks.end(),
                   [](const Disk& a, const Disk& b) { return a.radius > b.radius; });

  // Rows of disks, each row at most about as wide as the whole picture is tall.
  double area = 0;
  for (const Disk& disk : disks) area += (2 * disk.radius + kGap) * (2 * disk.radius + kGap);
  const double rowWidth = std::max(std::sqrt(area) * 1.3, disks.empty() ? 0 : 2 * disks[0].radius);
  double x = 0, y = 0, rowHeight = 0;
  for (Disk& disk : disks) {
    double width = 2 * disk.radius;
    if (x > 0 && x + width > rowWidth) {
      x = 0;
      y += rowHeight + kGap;
      rowHeight = 0;
    }
    disk.centre = {x + disk.radius, y + disk.radius};
    x += width + kGap;
    rowHeight = std::max(rowHeight, width);
  }

  std::vector<Point> positions(diagram.nodes.size());
  for (const Disk& disk : disks) {
    for (std::size_t k = 0; k < disk.nodes.size(); ++k) {
      double r = kSpacing * std::sqrt(static_cast<double>(k) + 0.5);
      double angle = static_cast<double>(k) * kGoldenAngle;
      positions[disk.nodes[k]] = {disk.centre.x + r * std::cos(angle),
                                  disk.centre.y + r * std::sin(angle)};
    }
  }
  return positions;
}

}  // namespace newsgraph::diagram

// The HTML page's network layout: node looks by degree, Fruchterman-Reingold on a grid, and the
// removal of overlapping labels (html_layout.h).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "html_layout.h"

namespace newsgraph::diagram {
namespace {

constexpr double kGoldenAngle = 2.399963229728653;  // radians: pi * (3 - sqrt(5))
constexpr double kIdeal = 70.0;                     // ideal edge length, px
constexpr double kCharWidth = 0.62;                 // average glyph width, in font sizes
constexpr double kWrapChars = 20.0;                 // a label wraps after about this many
constexpr double kMargin = 6.0;                     // kept between two boxes, px

std::vector<std::size_t> degrees(const Diagram& diagram) {
  std::vector<std::size_t> degree(diagram.nodes.size(), 0);
  for (const DiagramEdge& edge : diagram.edges) {
    ++degree[edge.from];
    ++degree[edge.to];
  }
  return degree;
}

// Code points of a UTF-8 string.
std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
  return count;
}

// The box a node takes: its shape, and its label centred under it.
struct Box {
  double left, right, top, bottom;
};

Box boxOf(const Point& p, const NodeLook& look) {
  double half = std::max(look.diameter, look.labelWidth) / 2 + kMargin / 2;
  return {p.x - half, p.x + half, p.y - look.diameter / 2 - kMargin / 2,
          p.y + look.diameter / 2 + 3 + look.labelHeight + kMargin / 2};
}

}  // namespace

std::vector<NodeLook> nodeLooks(const Diagram& diagram) {
  std::vector<std::size_t> degree = degrees(diagram);
  std::vector<NodeLook> looks(diagram.nodes.size());
  for (std::size_t i = 0; i < looks.size(); ++i) {
    double root = std::sqrt(static_cast<double>(std::max<std::size_t>(degree[i], 1) - 1));
    NodeLook& look = looks[i];
    look.diameter = std::min(50.0, 16.0 + 3.0 * root);
    look.fontSize = std::round(std::min(32.0, 11.0 + 2.2 * root));
    look.wrapWidth = std::round(kWrapChars * kCharWidth * look.fontSize);
    const std::string& label =
        diagram.nodes[i].label.empty() ? diagram.nodes[i].id : diagram.nodes[i].label;
    double width = static_cast<double>(characters(label)) * kCharWidth * look.fontSize;
    // Word wrapping leaves lines shorter than the wrap width: count a fifth more lines.
    double lines = std::max(1.0, std::ceil(width * 1.2 / look.wrapWidth));
    look.labelWidth = std::min(width, look.wrapWidth);
    look.labelHeight = lines * look.fontSize * 1.25;
  }
  return looks;
}

std::vector<Point> forceLayout(const Diagram& diagram) {
  const std::size_t n = diagram.nodes.size();
  std::vector<std::size_t> degree = degrees(diagram);
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return degree[a] > degree[b]; });
  std::vector<Point> p(n);
  for (std::size_t k = 0; k < n; ++k) {
    double r = kIdeal * std::sqrt(static_cast<double>(k) + 0.5);
    double angle = static_cast<double>(k) * kGoldenAngle;
    p[order[k]] = {r * std::cos(angle), r * std::sin(angle)};
  }
  if (n < 2) return p;

  const double reach = 2 * kIdeal;  // repulsion reaches this far
  const int rounds = n <= 300 ? 400 : n <= 600 ? 250 : 150;
  double temperature = kIdeal * std::sqrt(static_cast<double>(n)) / 4;
  const double cooling = temperature / rounds;
  std::vector<Point> shift(n);
  // The grid: nodes sorted by cell (counting sort), cellStart[c] .. cellStart[c + 1] in `byCell`.
  std::vector<std::size_t> cellOf(n), cellStart, byCell(n);
  for (int round = 0; round < rounds; ++round) {
    std::fill(shift.begin(), shift.end(), Point{});
    double minX = p[0].x, minY = p[0].y, maxX = p[0].x, maxY = p[0].y;
    for (const Point& q : p) {
      minX = std::min(minX, q.x);
      minY = std::min(minY, q.y);
      maxX = std::max(maxX, q.x);
      maxY = std::max(maxY, q.y);
    }
    // Cells at least `reach` wide, and not many more cells than nodes.
    double cell = std::max(
        reach, std::sqrt((maxX - minX + 1) * (maxY - minY + 1) / static_cast<double>(4 * n)));
    auto columns = static_cast<std::size_t>((maxX - minX) / cell) + 1;
    auto rows = static_cast<std::size_t>((maxY - minY) / cell) + 1;
    cellStart.assign(columns * rows + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      cellOf[i] = static_cast<std::size_t>((p[i].y - minY) / cell) * columns +
                  static_cast<std::size_t>((p[i].x - minX) / cell);
      ++cellStart[cellOf[i] + 1];
    }
    for (std::size_t c = 1; c < cellStart.size(); ++c) cellStart[c] += cellStart[c - 1];
    std::vector<std::size_t> fill(cellStart.begin(), cellStart.end() - 1);
    for (std::size_t i = 0; i < n; ++i) byCell[fill[cellOf[i]]++] = i;
    // Repulsion k^2/d from the nodes of the 3x3 cells around, within `reach`.
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t cx = cellOf[i] % columns, cy = cellOf[i] / columns;
      for (std::size_t y = cy > 0 ? cy - 1 : 0; y <= std::min(cy + 1, rows - 1); ++y) {
        for (std::size_t x = cx > 0 ? cx - 1 : 0; x <= std::min(cx + 1, columns - 1); ++x) {
          std::size_t c = y * columns + x;
          for (std::size_t k = cellStart[c]; k < cellStart[c + 1]; ++k) {
            std::size_t j = byCell[k];
            if (j == i) continue;
            double ddx = p[i].x - p[j].x, ddy = p[i].y - p[j].y;
            double d2 = ddx * ddx + ddy * ddy;
            if (d2 > reach * reach) continue;
            if (d2 < 1e-6) {  // same place: split them apart deterministically
              ddx = i < j ? 0.5 : -0.5;
              ddy = 0.3;
              d2 = ddx * ddx + ddy * ddy;
            }
            double f = kIdeal * kIdeal / d2;  // (k^2/d) along the unit vector (ddx/d)
            shift[i].x += ddx * f;
            shift[i].y += ddy * f;
          }
        }
      }
    }
    // Attraction d^2/k along the edges, shared by both ends.
    for (const DiagramEdge& edge : diagram.edges) {
      if (edge.from == edge.to) continue;
      double ddx = p[edge.from].x - p[edge.to].x, ddy = p[edge.from].y - p[edge.to].y;
      double d = std::sqrt(ddx * ddx + ddy * ddy);
      double f = d / kIdeal;  // (d^2/k) along the unit vector (ddx/d)
      shift[edge.from].x -= ddx * f;
      shift[edge.from].y -= ddy * f;
      shift[edge.to].x += ddx * f;
      shift[edge.to].y += ddy * f;
    }
    // A weak pull to the centre keeps the components together; moves capped by temperature.
    for (std::size_t i = 0; i < n; ++i) {
      shift[i].x -= 0.02 * p[i].x;
      shift[i].y -= 0.02 * p[i].y;
      double length = std::sqrt(shift[i].x * shift[i].x + shift[i].y * shift[i].y);
      if (length < 1e-9) continue;
      double step = std::min(length, temperature) / length;
      p[i].x += shift[i].x * step;
      p[i].y += shift[i].y * step;
    }
    temperature = std::max(1.0, temperature - cooling);
  }
  return p;
}

void removeOverlaps(std::vector<Point>& positions, const std::vector<NodeLook>& looks) {
  const std::size_t n = positions.size();
  if (n < 2) return;
  // First spread the picture until it has room for every box (2.2 times their area), so that
  // the sweeps below only settle local conflicts.
  double area = 0;
  Box all = boxOf(positions[0], looks[0]);
  for (std::size_t i = 0; i < n; ++i) {
    Box box = boxOf(positions[i], looks[i]);
    area += (box.right - box.left) * (box.bottom - box.top);
    all = {std::min(all.left, box.left), std::max(all.right, box.right), std::min(all.top, box.top),
           std::max(all.bottom, box.bottom)};
  }
  double scale = std::sqrt(2.2 * area / ((all.right - all.left) * (all.bottom - all.top)));
  if (scale > 1) {
    for (Point& p : positions) p = {p.x * scale, p.y * scale};
  }
  std::vector<std::size_t> order(n);
  std::vector<Box> boxes(n);
  for (int round = 0; round < 500; ++round) {
    for (std::size_t i = 0; i < n; ++i) {
      order[i] = i;
      boxes[i] = boxOf(positions[i], looks[i]);
    }
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return boxes[a].left < boxes[b].left; });
    bool moved = false;
    for (std::size_t a = 0; a < n; ++a) {
      std::size_t i = order[a];
      for (std::size_t b = a + 1; b < n && boxes[order[b]].left < boxes[i].right; ++b) {
        std::size_t j = order[b];
        double overlapX =
            std::min(boxes[i].right, boxes[j].right) - std::max(boxes[i].left, boxes[j].left);
        double overlapY =
            std::min(boxes[i].bottom, boxes[j].bottom) - std::max(boxes[i].top, boxes[j].top);
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        // Move apart along the cheaper axis, half each, a little more than needed.
        if (overlapX < overlapY) {
          double half = overlapX / 2 + 0.5;
          double sign = positions[i].x <= positions[j].x ? -1 : 1;
          positions[i].x += sign * half;
          positions[j].x -= sign * half;
        } else {
          double half = overlapY / 2 + 0.5;
          double sign = positions[i].y <= positions[j].y ? -1 : 1;
          positions[i].y += sign * half;
          positions[j].y -= sign * half;
        }
        boxes[i] = boxOf(positions[i], looks[i]);
        boxes[j] = boxOf(positions[j], looks[j]);
      }
    }
    if (!moved) return;
  }
}

std::vector<Point> layoutDiagram(const Diagram& diagram, const std::vector<NodeLook>& looks) {
  if (diagram.nodes.size() > kForceLayoutMaxNodes) return familyDiskLayout(diagram);
  std::vector<Point> positions = forceLayout(diagram);
  removeOverlaps(positions, looks);
  return positions;
}

}  // namespace newsgraph::diagram

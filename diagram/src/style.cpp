#include "newsgraph/diagram/style.h"

#include <algorithm>
#include <cmath>

namespace newsgraph::diagram {

const std::vector<NodeFamilyStyle>& nodeFamilies() {
  // Colours from Tableau 10 (distinct for the common forms of colour blindness), dark fills with
  // white text; the shape repeats the family for readers who cannot tell the colours apart.
  static const std::vector<NodeFamilyStyle> kFamilies = {
      {"state", "state", "#4e79a7", "#ffffff", "box", "rectangle"},
      {"armed-forces", "armed forces, operation", "#1d3f63", "#ffffff", "hexagon", "hexagon"},
      {"jihadist", "jihadist group", "#e15759", "#ffffff", "octagon", "octagon"},
      {"rebel", "rebel group", "#f28e2b", "#000000", "diamond", "diamond"},
      {"armed-group", "other armed group, militia", "#ff9da7", "#000000", "diamond",
       "round-diamond"},
      {"pmc", "private military company", "#76448a", "#ffffff", "invtriangle", "vee"},
      {"organization", "international organization", "#59a14f", "#ffffff", "component",
       "round-rectangle"},
      {"person", "person", "#edc948", "#000000", "ellipse", "ellipse"},
      {"place", "place", "#76b7b2", "#000000", "house", "pentagon"},
      {"event", "event", "#bab0ac", "#000000", "note", "tag"},
      {"other", "other", "#e8e8e8", "#000000", "ellipse", "ellipse"},
  };
  return kFamilies;
}

const std::vector<EdgeFamilyStyle>& edgeFamilies() {
  static const std::vector<EdgeFamilyStyle> kFamilies = {
      {"hostile", "hostile: attacks, fights, criticizes, sanctions...", "#c62828"},
      {"cooperative", "cooperative: supports, allied, cooperates...", "#2e7d32"},
      {"presence", "presence: captures, controls, deploys, withdraws...", "#1565c0"},
      {"structure", "structure: part of, member of, leads, located in", "#757575"},
      {"event-role", "event role: actor 1, actor 2, occurred in", "#a1887f"},
      {"other", "other", "#424242"},
  };
  return kFamilies;
}

const NodeFamilyStyle& nodeStyle(std::string_view family) {
  const auto& families = nodeFamilies();
  auto it = std::find_if(families.begin(), families.end(),
                         [&](const NodeFamilyStyle& style) { return style.family == family; });
  return it == families.end() ? families.back() : *it;
}

const EdgeFamilyStyle& edgeStyle(std::string_view family) {
  const auto& families = edgeFamilies();
  auto it = std::find_if(families.begin(), families.end(),
                         [&](const EdgeFamilyStyle& style) { return style.family == family; });
  return it == families.end() ? families.back() : *it;
}

const StatusStyle& statusStyle(graph::EvidenceStatus status) {
  static const StatusStyle kAsserted{"solid", "normal", ""};
  static const StatusStyle kClaimed{"dashed", "normal", " (claimed)"};
  static const StatusStyle kHypothetical{"dotted", "normal", " (hypothetical)"};
  static const StatusStyle kNegated{"dotted", "tee", " (negated)"};
  switch (status) {
    case graph::EvidenceStatus::kAsserted:
      return kAsserted;
    case graph::EvidenceStatus::kClaimed:
      return kClaimed;
    case graph::EvidenceStatus::kHypothetical:
      return kHypothetical;
    case graph::EvidenceStatus::kNegated:
      return kNegated;
  }
  return kAsserted;
}

double edgeWidth(int sources) {
  if (sources <= 1) return 1.0;
  return std::min(6.0, 1.0 + 1.5 * std::log2(static_cast<double>(sources)));
}

}  // namespace newsgraph::diagram

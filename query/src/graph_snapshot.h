// Private: what a GraphSnapshot holds. Adjacency in compressed sparse rows (offsets + entries),
// per direction; nodes grouped by class; relation types interned.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "newsgraph/query/query.h"

namespace newsgraph::query {

struct Adjacent {
  graph::EdgeId edge = 0;
  graph::VertexId neighbour = 0;
};

struct SnapshotData {
  const graph::KnowledgeGraph* graph = nullptr;
  const ontology::Ontology* ontology = nullptr;
  std::size_t vertexCount = 0;
  std::vector<bool> live;  // false for retracted events
  std::vector<std::uint16_t> vertexClass;
  std::vector<std::string> classNames;
  std::vector<std::vector<graph::VertexId>> classMembers;  // live vertices by class id
  std::vector<std::string> typeNames;
  std::unordered_map<std::string, std::uint16_t> typeIds;
  std::vector<bool> typeSymmetric;
  std::vector<std::uint16_t> edgeType;  // by edge id
  std::vector<bool> edgeLive;           // has evidence and both ends live
  std::vector<std::size_t> outOffsets;  // vertexCount + 1
  std::vector<Adjacent> outEntries;
  std::vector<std::size_t> inOffsets;
  std::vector<Adjacent> inEntries;
  std::size_t liveVertexCount = 0;
  std::size_t liveEdgeCount = 0;

  const Adjacent* outBegin(graph::VertexId v) const { return outEntries.data() + outOffsets[v]; }
  const Adjacent* outEnd(graph::VertexId v) const { return outEntries.data() + outOffsets[v + 1]; }
  const Adjacent* inBegin(graph::VertexId v) const { return inEntries.data() + inOffsets[v]; }
  const Adjacent* inEnd(graph::VertexId v) const { return inEntries.data() + inOffsets[v + 1]; }
  std::size_t degree(graph::VertexId v) const {
    return outOffsets[v + 1] - outOffsets[v] + inOffsets[v + 1] - inOffsets[v];
  }
};

}  // namespace newsgraph::query

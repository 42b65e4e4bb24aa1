#include "graph_snapshot.h"

namespace newsgraph::query {

GraphSnapshot::GraphSnapshot(const graph::KnowledgeGraph& graph, const ontology::Ontology& ontology)
    : data_(std::make_unique<SnapshotData>()) {
  SnapshotData& d = *data_;
  d.graph = &graph;
  d.ontology = &ontology;
  d.vertexCount = graph.entityCount();
  d.live.assign(d.vertexCount, true);
  d.vertexClass.resize(d.vertexCount);
  std::unordered_map<std::string, std::uint16_t> classIds;
  for (graph::VertexId v = 0; v < d.vertexCount; ++v) {
    const graph::EntityNode& node = graph.entity(v);
    if (node.event && node.event->retracted) d.live[v] = false;
    auto [it, added] = classIds.try_emplace(node.cls, static_cast<std::uint16_t>(classIds.size()));
    if (added) {
      d.classNames.push_back(node.cls);
      d.classMembers.emplace_back();
    }
    d.vertexClass[v] = it->second;
    if (d.live[v]) {
      d.classMembers[it->second].push_back(v);
      ++d.liveVertexCount;
    }
  }
  for (const ontology::RelationType& type : ontology.relationTypes()) {
    d.typeIds.emplace(type.name, static_cast<std::uint16_t>(d.typeNames.size()));
    d.typeNames.push_back(type.name);
    d.typeSymmetric.push_back(type.symmetric);
  }
  std::size_t edgeCount = graph.relationCount();
  d.edgeType.resize(edgeCount);
  d.edgeLive.assign(edgeCount, false);
  d.outOffsets.assign(d.vertexCount + 1, 0);
  d.inOffsets.assign(d.vertexCount + 1, 0);
  for (graph::EdgeId e = 0; e < edgeCount; ++e) {
    const graph::RelationEdge& rel = graph.relation(e);
    auto [it, added] =
        d.typeIds.try_emplace(rel.type, static_cast<std::uint16_t>(d.typeNames.size()));
    if (added) {
      d.typeNames.push_back(rel.type);
      d.typeSymmetric.push_back(false);
    }
    d.edgeType[e] = it->second;
    if (rel.evidence.empty() || !d.live[rel.subject] || !d.live[rel.object]) continue;
    d.edgeLive[e] = true;
    ++d.liveEdgeCount;
    ++d.outOffsets[rel.subject + 1];
    ++d.inOffsets[rel.object + 1];
  }
  for (std::size_t v = 0; v < d.vertexCount; ++v) {
    d.outOffsets[v + 1] += d.outOffsets[v];
    d.inOffsets[v + 1] += d.inOffsets[v];
  }
  d.outEntries.resize(d.liveEdgeCount);
  d.inEntries.resize(d.liveEdgeCount);
  std::vector<std::size_t> outFill(d.outOffsets.begin(), d.outOffsets.end() - 1);
  std::vector<std::size_t> inFill(d.inOffsets.begin(), d.inOffsets.end() - 1);
  for (graph::EdgeId e = 0; e < edgeCount; ++e) {
    if (!d.edgeLive[e]) continue;
    const graph::RelationEdge& rel = graph.relation(e);
    d.outEntries[outFill[rel.subject]++] = {e, rel.object};
    d.inEntries[inFill[rel.object]++] = {e, rel.subject};
  }
}

GraphSnapshot::~GraphSnapshot() = default;
GraphSnapshot::GraphSnapshot(GraphSnapshot&&) noexcept = default;
GraphSnapshot& GraphSnapshot::operator=(GraphSnapshot&&) noexcept = default;

const graph::KnowledgeGraph& GraphSnapshot::graph() const { return *data_->graph; }
const ontology::Ontology& GraphSnapshot::ontology() const { return *data_->ontology; }

}  // namespace newsgraph::query

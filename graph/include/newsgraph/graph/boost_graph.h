// The knowledge graph as a Boost.Graph: KnowledgeGraph models the VertexListGraph, EdgeListGraph,
// IncidenceGraph and BidirectionalGraph concepts, with vertex_index and edge_index property
// maps, so Boost's algorithms (breadth_first_search, dijkstra_shortest_paths, connected
// components through a view...) run on the graph itself, without a copy.
// Vertices are VertexId, edges EdgeId; an edge goes from its relation's subject to its object.
// The ranges are valid until the graph next changes (KnowledgeGraph::outEdgeRange).
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/filter_iterator.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <limits>
#include <utility>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::graph {

// What Boost.Graph's traits say about a KnowledgeGraph.
struct KnowledgeGraphTraversal : boost::vertex_list_graph_tag,
                                 boost::edge_list_graph_tag,
                                 boost::bidirectional_graph_tag {};

// Edge ids of relations that still have evidence (a removed article's only relations stay as
// empty slots so that ids are stable; they are not edges of the graph).
class LiveEdge {
 public:
  LiveEdge() = default;
  explicit LiveEdge(const KnowledgeGraph* graph) : graph_(graph) {}
  bool operator()(EdgeId edge) const { return !graph_->relation(edge).evidence.empty(); }

 private:
  const KnowledgeGraph* graph_ = nullptr;
};

}  // namespace newsgraph::graph

namespace boost {

// Boost.Graph's description of KnowledgeGraph.
template <>
struct graph_traits<newsgraph::graph::KnowledgeGraph> {
  using vertex_descriptor = newsgraph::graph::VertexId;
  using edge_descriptor = newsgraph::graph::EdgeId;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = newsgraph::graph::KnowledgeGraphTraversal;
  using out_edge_iterator = const newsgraph::graph::EdgeId*;
  using in_edge_iterator = const newsgraph::graph::EdgeId*;
  using vertex_iterator = counting_iterator<newsgraph::graph::VertexId>;
  using edge_iterator =
      filter_iterator<newsgraph::graph::LiveEdge, counting_iterator<newsgraph::graph::EdgeId>>;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  static vertex_descriptor null_vertex() {
    return std::numeric_limits<newsgraph::graph::VertexId>::max();
  }
};

// Vertex and edge ids are their own indexes.
template <>
struct property_map<newsgraph::graph::KnowledgeGraph, vertex_index_t> {
  using type = typed_identity_property_map<newsgraph::graph::VertexId>;
  using const_type = type;
};
template <>
struct property_map<newsgraph::graph::KnowledgeGraph, edge_index_t> {
  using type = typed_identity_property_map<newsgraph::graph::EdgeId>;
  using const_type = type;
};

}  // namespace boost

namespace newsgraph::graph {

using BoostTraits = boost::graph_traits<KnowledgeGraph>;

// The Boost.Graph interface, found by argument-dependent lookup.
inline VertexId source(EdgeId edge, const KnowledgeGraph& g) { return g.relation(edge).subject; }
inline VertexId target(EdgeId edge, const KnowledgeGraph& g) { return g.relation(edge).object; }

inline std::pair<const EdgeId*, const EdgeId*> out_edges(VertexId v, const KnowledgeGraph& g) {
  auto range = g.outEdgeRange(v);
  return {range.data(), range.data() + range.size()};
}
inline std::pair<const EdgeId*, const EdgeId*> in_edges(VertexId v, const KnowledgeGraph& g) {
  auto range = g.inEdgeRange(v);
  return {range.data(), range.data() + range.size()};
}
inline std::size_t out_degree(VertexId v, const KnowledgeGraph& g) {
  return g.outEdgeRange(v).size();
}
inline std::size_t in_degree(VertexId v, const KnowledgeGraph& g) {
  return g.inEdgeRange(v).size();
}
inline std::size_t degree(VertexId v, const KnowledgeGraph& g) {
  return out_degree(v, g) + in_degree(v, g);
}

inline std::pair<BoostTraits::vertex_iterator, BoostTraits::vertex_iterator> vertices(
    const KnowledgeGraph& g) {
  return {BoostTraits::vertex_iterator(0),
          BoostTraits::vertex_iterator(static_cast<VertexId>(g.entityCount()))};
}
inline std::size_t num_vertices(const KnowledgeGraph& g) { return g.entityCount(); }

inline std::pair<BoostTraits::edge_iterator, BoostTraits::edge_iterator> edges(
    const KnowledgeGraph& g) {
  auto end = boost::counting_iterator<EdgeId>(static_cast<EdgeId>(g.relationCount()));
  return {BoostTraits::edge_iterator(LiveEdge(&g), boost::counting_iterator<EdgeId>(0), end),
          BoostTraits::edge_iterator(LiveEdge(&g), end, end)};
}
// Counts the live edges (one pass over the relations).
inline std::size_t num_edges(const KnowledgeGraph& g) {
  auto [first, last] = edges(g);
  return static_cast<std::size_t>(std::distance(first, last));
}

inline boost::typed_identity_property_map<VertexId> get(boost::vertex_index_t,
                                                        const KnowledgeGraph&) {
  return {};
}
inline boost::typed_identity_property_map<EdgeId> get(boost::edge_index_t, const KnowledgeGraph&) {
  return {};
}
inline VertexId get(boost::vertex_index_t, const KnowledgeGraph&, VertexId vertex) {
  return vertex;
}
inline EdgeId get(boost::edge_index_t, const KnowledgeGraph&, EdgeId edge) { return edge; }

}  // namespace newsgraph::graph

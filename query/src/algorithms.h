// Private: the graph algorithms behind CALL algo.*. Each works on the snapshot's live nodes and
// edges, all relation types, directions as stored (pagerank) or ignored (the others).
#pragma once

#include <string>
#include <vector>

#include "graph_snapshot.h"

namespace newsgraph::query {

struct AlgorithmRow {
  graph::VertexId vertex = 0;
  double score = 0;            // pagerank, degree, betweenness
  std::int64_t component = 0;  // components: the component's number, 0 the largest
  std::int64_t size = 0;       // components: the component's node count
};

// PageRank with Boost.Graph (compressed sparse row, 20 iterations, damping 0.85), scores
// normalised to sum to 1. Symmetric relations count both ways.
std::vector<AlgorithmRow> pageRank(const SnapshotData& snapshot);
// Number of live relations touching each node.
std::vector<AlgorithmRow> degree(const SnapshotData& snapshot);
// Weakly connected components (Boost disjoint sets), numbered by decreasing size.
std::vector<AlgorithmRow> components(const SnapshotData& snapshot);
// Betweenness centrality (Brandes, undirected). Exact up to `samples` nodes; above, computed
// from `samples` source nodes spread evenly and scaled up, and `note` says so.
std::vector<AlgorithmRow> betweenness(const SnapshotData& snapshot, std::size_t samples,
                                      std::string& note);

}  // namespace newsgraph::query

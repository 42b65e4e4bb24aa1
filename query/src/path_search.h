// Private: the walks of the executor over the snapshot's adjacency, and the searches behind
// shortestPath (bidirectional breadth-first) and allShortestPaths (breadth-first layers, then
// every path back through nodes one step nearer the start).
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "ast.h"
#include "evaluator.h"
#include "graph_snapshot.h"

namespace newsgraph::query {

// The opposite direction (kBoth stays kBoth).
inline Direction flip(Direction d) {
  if (d == Direction::kOut) return Direction::kIn;
  if (d == Direction::kIn) return Direction::kOut;
  return d;
}

// Calls fn(edge, neighbour) for each step from v in direction d along edges whose type
// `typeMask` allows (empty: all); symmetric relations are walked both ways whatever the direction.
template <typename Fn>
void forEachStep(const SnapshotData& s, graph::VertexId v, const std::vector<bool>& typeMask,
                 Direction d, Fn&& fn) {
  auto allowed = [&](graph::EdgeId e) { return typeMask.empty() || typeMask[s.edgeType[e]]; };
  for (const Adjacent* a = s.outBegin(v); a != s.outEnd(v); ++a) {
    if (!allowed(a->edge)) continue;
    if (d != Direction::kIn || s.typeSymmetric[s.edgeType[a->edge]]) fn(a->edge, a->neighbour);
  }
  for (const Adjacent* a = s.inBegin(v); a != s.inEnd(v); ++a) {
    if (!allowed(a->edge)) continue;
    if (a->neighbour == v) continue;  // a self-loop was walked as an out-edge
    if (d != Direction::kOut || s.typeSymmetric[s.edgeType[a->edge]]) fn(a->edge, a->neighbour);
  }
}

// Shortest paths between two live vertices along the relations of one pattern. One instance
// serves every row of an operator: its per-vertex arrays are allocated once and reset after
// each search. Searches tick `ctx` (timeout, cancel) and check its row cap.
class PathSearch {
 public:
  // Whether a step along this edge may be taken (the pattern's property map, for one row).
  using EdgeFilter = std::function<bool(graph::EdgeId)>;

  PathSearch(ExecContext& ctx, const RelPattern& rel, int maxHops);

  // One shortest path from `from` to `to` (distinct), or none within maxHops.
  std::optional<PathValue> shortest(graph::VertexId from, graph::VertexId to,
                                    const EdgeFilter& accept);
  // Every shortest path from `from` to `to` (distinct) that uses no relation twice.
  std::vector<PathValue> allShortest(graph::VertexId from, graph::VertexId to,
                                     const EdgeFilter& accept);

 private:
  void collect(graph::VertexId source, const EdgeFilter& accept, PathValue& partial,
               std::vector<PathValue>& all);

  ExecContext& ctx_;
  const SnapshotData& s_;
  const RelPattern& rel_;
  int maxHops_;
  std::vector<int> dist_;  // allShortest: hops from the start, -1 unseen
  std::vector<graph::VertexId> touched_;
};

}  // namespace newsgraph::query

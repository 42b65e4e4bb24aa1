#include "path_search.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>

namespace newsgraph::query {

PathSearch::PathSearch(ExecContext& ctx, const RelPattern& rel, int maxHops)
    : ctx_(ctx), s_(ctx.snapshot), rel_(rel), maxHops_(maxHops) {}

// Bidirectional breadth-first search: grows the smaller frontier a layer at a time and stops
// after the layer where the two searches meet (the best meeting node of that layer gives a
// shortest path). Visits about twice the square root of what a one-way search visits.
std::optional<PathValue> PathSearch::shortest(graph::VertexId from, graph::VertexId to,
                                              const EdgeFilter& accept) {
  // Per side: distance + 1 (0: unseen) and the step that reached each node. calloc'd, so
  // untouched pages cost nothing: a search touches a small part of a large graph.
  struct Side {
    std::unique_ptr<std::int32_t, decltype(&std::free)> dist{nullptr, &std::free};
    std::unique_ptr<Adjacent, decltype(&std::free)> step{nullptr, &std::free};
    std::vector<graph::VertexId> front;
    int depth = 0;
  };
  std::size_t n = s_.vertexCount;
  Side sides[2];
  for (Side& side : sides) {
    side.dist.reset(static_cast<std::int32_t*>(std::calloc(n, sizeof(std::int32_t))));
    side.step.reset(static_cast<Adjacent*>(std::malloc(n * sizeof(Adjacent))));
    if (!side.dist || !side.step) throw std::bad_alloc();
  }
  sides[0].dist.get()[from] = 1;
  sides[0].front.push_back(from);
  sides[1].dist.get()[to] = 1;
  sides[1].front.push_back(to);
  int best = INT32_MAX;
  graph::VertexId meet = 0;
  while (!sides[0].front.empty() && !sides[1].front.empty() &&
         sides[0].depth + sides[1].depth < maxHops_ && best == INT32_MAX) {
    int k = sides[0].front.size() <= sides[1].front.size() ? 0 : 1;
    Side& side = sides[k];
    const std::int32_t* other = sides[1 - k].dist.get();
    std::int32_t* dist = side.dist.get();
    Adjacent* step = side.step.get();
    int level = side.depth + 1;
    Direction d = k == 0 ? rel_.direction : flip(rel_.direction);
    std::vector<graph::VertexId> next;
    for (graph::VertexId v : side.front) {
      ctx_.tick();
      forEachStep(s_, v, rel_.typeMask, d, [&](graph::EdgeId e, graph::VertexId w) {
        if (dist[w] != 0 || !s_.live[w] || !accept(e)) return;
        dist[w] = level + 1;
        step[w] = {e, v};
        next.push_back(w);
        if (other[w] != 0 && level + other[w] - 1 < best) {
          best = level + other[w] - 1;
          meet = w;
        }
      });
    }
    side.depth = level;
    side.front = std::move(next);
  }
  if (best == INT32_MAX) return std::nullopt;
  PathValue path;
  for (graph::VertexId v = meet; v != from; v = sides[0].step.get()[v].neighbour) {
    path.nodes.push_back(v);
    path.edges.push_back(sides[0].step.get()[v].edge);
  }
  path.nodes.push_back(from);
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.edges.begin(), path.edges.end());
  for (graph::VertexId v = meet; v != to;) {
    const Adjacent& back = sides[1].step.get()[v];
    path.edges.push_back(back.edge);
    path.nodes.push_back(back.neighbour);
    v = back.neighbour;
  }
  return path;
}

std::vector<PathValue> PathSearch::allShortest(graph::VertexId from, graph::VertexId to,
                                               const EdgeFilter& accept) {
  if (dist_.empty()) dist_.assign(s_.vertexCount, -1);
  // Breadth-first from `from`, to the layer that reaches `to`.
  std::vector<graph::VertexId> frontier{from};
  dist_[from] = 0;
  touched_.push_back(from);
  bool found = false;
  for (int depth = 0; depth < maxHops_ && !frontier.empty() && !found; ++depth) {
    std::vector<graph::VertexId> next;
    for (graph::VertexId v : frontier) {
      ctx_.tick();
      forEachStep(s_, v, rel_.typeMask, rel_.direction, [&](graph::EdgeId e, graph::VertexId w) {
        if (dist_[w] >= 0 || !s_.live[w] || !accept(e)) return;
        dist_[w] = depth + 1;
        touched_.push_back(w);
        next.push_back(w);
        if (w == to) found = true;
      });
    }
    frontier = std::move(next);
  }
  std::vector<PathValue> all;
  if (found) {
    // Every path back from `to` through nodes one step nearer `from`.
    PathValue partial;
    partial.nodes.push_back(to);
    collect(from, accept, partial, all);
  }
  for (graph::VertexId v : touched_) dist_[v] = -1;
  touched_.clear();
  return all;
}

void PathSearch::collect(graph::VertexId source, const EdgeFilter& accept, PathValue& partial,
                         std::vector<PathValue>& all) {
  ctx_.tick();
  graph::VertexId v = partial.nodes.back();
  if (v == source) {
    PathValue path = partial;
    std::reverse(path.nodes.begin(), path.nodes.end());
    std::reverse(path.edges.begin(), path.edges.end());
    all.push_back(std::move(path));
    ctx_.checkRows(all.size());
    return;
  }
  forEachStep(s_, v, rel_.typeMask, flip(rel_.direction), [&](graph::EdgeId e, graph::VertexId u) {
    if (dist_[u] != dist_[v] - 1 || !accept(e)) return;
    if (std::find(partial.edges.begin(), partial.edges.end(), e) != partial.edges.end()) return;
    partial.nodes.push_back(u);
    partial.edges.push_back(e);
    collect(source, accept, partial, all);
    partial.nodes.pop_back();
    partial.edges.pop_back();
  });
}

}  // namespace newsgraph::query

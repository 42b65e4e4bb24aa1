#include "algorithms.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/property_map/property_map.hpp>  // before disjoint_sets: get() on pointers
// clang-format off
#include <boost/pending/disjoint_sets.hpp>
// clang-format on
#include <queue>
#include <utility>

namespace newsgraph::query {

std::vector<AlgorithmRow> pageRank(const SnapshotData& s) {
  using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS>;
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  edges.reserve(s.liveEdgeCount);
  for (graph::VertexId v = 0; v < s.vertexCount; ++v) {
    for (const Adjacent* a = s.outBegin(v); a != s.outEnd(v); ++a) {
      edges.emplace_back(v, a->neighbour);
      if (s.typeSymmetric[s.edgeType[a->edge]]) edges.emplace_back(a->neighbour, v);
    }
  }
  Csr csr(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), s.vertexCount);
  std::vector<double> ranks(s.vertexCount, 0.0);
  if (s.vertexCount > 0) {
    boost::graph::page_rank(
        csr, boost::make_iterator_property_map(ranks.begin(), boost::get(boost::vertex_index, csr)),
        boost::graph::n_iterations(20));
  }
  // Boost gives ranks on a scale of (1 - damping) and drops what flows into nodes without
  // out-links; normalising makes scores sum to 1 whatever the graph.
  double total = 0;
  for (graph::VertexId v = 0; v < s.vertexCount; ++v) {
    if (s.live[v]) total += ranks[v];
  }
  std::vector<AlgorithmRow> out;
  for (graph::VertexId v = 0; v < s.vertexCount; ++v) {
    if (s.live[v]) out.push_back({v, total > 0 ? ranks[v] / total : 0.0, 0, 0});
  }
  return out;
}

std::vector<AlgorithmRow> degree(const SnapshotData& s) {
  std::vector<AlgorithmRow> out;
  for (graph::VertexId v = 0; v < s.vertexCount; ++v) {
    if (s.live[v]) out.push_back({v, static_cast<double>(s.degree(v)), 0, 0});
  }
  return out;
}

std::vector<AlgorithmRow> components(const SnapshotData& s) {
  std::vector<std::size_t> rank(s.vertexCount), parent(s.vertexCount);
  using Map = boost::iterator_property_map<std::vector<std::size_t>::iterator,
                                           boost::identity_property_map>;
  boost::disjoint_sets<Map, Map> sets(Map(rank.begin(), boost::identity_property_map()),
                                      Map(parent.begin(), boost::identity_property_map()));
  for (std::size_t v = 0; v < s.vertexCount; ++v) sets.make_set(v);
  for (graph::VertexId v = 0; v < s.vertexCount; ++v) {
    for (const Adjacent* a = s.outBegin(v); a != s.outEnd(v); ++a)
      sets.union_set(std::size_t{v}, std::size_t{a->neighbour});
  }
  std::vector<std::size_t> root(s.vertexCount), size(s.vertexCount, 0);
  for (std::size_t v = 0; v < s.vertexCount; ++v) {
    root[v] = sets.find_set(v);
    if (s.live[v]) ++size[root[v]];
  }
  // Number components by decreasing size, then by their first node.
  std::vector<std::size_t> roots;
  for (std::size_t v = 0; v < s.vertexCount; ++v) {
    if (s.live[v] && root[v] == v) roots.push_back(v);
  }
  std::vector<std::size_t> firstNode(s.vertexCount, SIZE_MAX);
  for (std::size_t v = 0; v < s.vertexCount; ++v) {
    if (s.live[v]) firstNode[root[v]] = std::min(firstNode[root[v]], v);
  }
  std::stable_sort(roots.begin(), roots.end(), [&](std::size_t a, std::size_t b) {
    if (size[a] != size[b]) return size[a] > size[b];
    return firstNode[a] < firstNode[b];
  });
  std::vector<std::int64_t> number(s.vertexCount, -1);
  for (std::size_t i = 0; i < roots.size(); ++i) number[roots[i]] = static_cast<std::int64_t>(i);
  std::vector<AlgorithmRow> out;
  for (graph::VertexId v = 0; v < s.vertexCount; ++v) {
    if (!s.live[v]) continue;
    out.push_back({v, 0, number[root[v]], static_cast<std::int64_t>(size[root[v]])});
  }
  return out;
}

std::vector<AlgorithmRow> betweenness(const SnapshotData& s, std::size_t samples,
                                      std::string& note) {
  std::vector<graph::VertexId> live;
  for (graph::VertexId v = 0; v < s.vertexCount; ++v) {
    if (s.live[v]) live.push_back(v);
  }
  std::vector<graph::VertexId> sources;
  if (live.size() <= samples || samples == 0) {
    sources = live;
  } else {
    double step = static_cast<double>(live.size()) / static_cast<double>(samples);
    for (std::size_t i = 0; i < samples; ++i) {
      sources.push_back(live[static_cast<std::size_t>(static_cast<double>(i) * step)]);
    }
    note = "betweenness sampled from " + std::to_string(samples) + " of " +
           std::to_string(live.size()) + " source nodes: scores are estimates";
  }
  std::size_t n = s.vertexCount;
  std::vector<double> centrality(n, 0.0), delta(n, 0.0), sigma(n, 0.0);
  std::vector<int> dist(n, -1);
  std::vector<graph::VertexId> order;
  std::vector<std::vector<graph::VertexId>> preds(n);
  for (graph::VertexId source : sources) {
    order.clear();
    std::queue<graph::VertexId> queue;
    dist[source] = 0;
    sigma[source] = 1;
    queue.push(source);
    while (!queue.empty()) {
      graph::VertexId v = queue.front();
      queue.pop();
      order.push_back(v);
      auto visit = [&](graph::VertexId w) {
        if (w == v) return;
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push(w);
        }
        if (dist[w] == dist[v] + 1) {
          sigma[w] += sigma[v];
          preds[w].push_back(v);
        }
      };
      for (const Adjacent* a = s.outBegin(v); a != s.outEnd(v); ++a) visit(a->neighbour);
      for (const Adjacent* a = s.inBegin(v); a != s.inEnd(v); ++a) visit(a->neighbour);
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      graph::VertexId w = *it;
      for (graph::VertexId v : preds[w]) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
      if (w != source) centrality[w] += delta[w];
    }
    for (graph::VertexId v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
      preds[v].clear();
    }
  }
  // Undirected: each pair was counted from both ends.
  double scale = 0.5 * static_cast<double>(live.size()) /
                 static_cast<double>(std::max<std::size_t>(1, sources.size()));
  std::vector<AlgorithmRow> out;
  for (graph::VertexId v : live) out.push_back({v, centrality[v] * scale, 0, 0});
  return out;
}

}  // namespace newsgraph::query

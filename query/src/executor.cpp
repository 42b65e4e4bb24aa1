#include "executor.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <new>
#include <optional>
#include <unordered_map>

#include "aggregation.h"
#include "algorithms.h"

namespace newsgraph::query {
namespace {

using Rows = std::vector<Row>;

Direction flip(Direction d) {
  if (d == Direction::kOut) return Direction::kIn;
  if (d == Direction::kIn) return Direction::kOut;
  return d;
}

class Executor {
 public:
  Executor(const Plan& plan, const SnapshotData& snapshot, const QueryOptions& options)
      : plan_(plan), s_(snapshot), ctx_{snapshot,
                                        options,
                                        std::chrono::steady_clock::now() + options.timeout,
                                        nullptr,
                                        {},
                                        0} {}

  QueryResult run() {
    Rows rows(1, Row(plan_.query.slotNames.size()));
    rows = runOps(plan_.ops, std::move(rows));
    QueryResult result;
    result.columns = plan_.query.columns;
    for (Row& row : rows) {
      std::vector<Value> out;
      for (int slot : plan_.query.columnSlots)
        out.push_back(std::move(row[static_cast<std::size_t>(slot)]));
      result.rows.push_back(std::move(out));
    }
    result.notes = std::move(ctx_.notes);
    return result;
  }

 private:
  const Plan& plan_;
  const SnapshotData& s_;
  ExecContext ctx_;

  Rows runOps(const std::vector<PlanOp>& ops, Rows rows) {
    for (const PlanOp& op : ops) {
      auto begin = std::chrono::steady_clock::now();
      rows = std::visit([&](const auto& o) { return apply(o, std::move(rows)); }, op.op);
      auto end = std::chrono::steady_clock::now();
      op.rowsOut += rows.size();
      op.milliseconds += std::chrono::duration<double, std::milli>(end - begin).count();
      ctx_.checkRows(rows.size());
      ctx_.checkTime();
    }
    return rows;
  }

  void emit(Rows& out, Row row) {
    out.push_back(std::move(row));
    if (out.size() > ctx_.options.maxRows) ctx_.checkRows(out.size());
    ctx_.tick();
  }

  bool nodeMatches(const NodePattern& node, graph::VertexId v, const Row& row) {
    if (!s_.live[v]) return false;
    if (!node.classMask.empty() && !node.classMask[s_.vertexClass[v]]) return false;
    for (const auto& [key, expr] : node.properties) {
      if (!isTrue(equalValues(nodeProperty(s_, v, key), evaluate(*expr, row, ctx_)))) return false;
    }
    return true;
  }

  bool relMatches(const RelPattern& rel, graph::EdgeId e, const Row& row) {
    if (!rel.typeMask.empty() && !rel.typeMask[s_.edgeType[e]]) return false;
    for (const auto& [key, expr] : rel.properties) {
      if (!isTrue(equalValues(relProperty(s_, e, key), evaluate(*expr, row, ctx_)))) return false;
    }
    return true;
  }

  bool edgeUsed(const std::vector<int>& slots, graph::EdgeId e, const Row& row) const {
    for (int slot : slots) {
      const Value& v = row[static_cast<std::size_t>(slot)];
      if (const auto* r = v.asRel(); r && r->edge == e) return true;
      if (const auto* p = v.asPath()) {
        if (std::find(p->edges.begin(), p->edges.end(), e) != p->edges.end()) return true;
      }
    }
    return false;
  }

  // Calls fn(edge, neighbour) for each step from v in direction d; symmetric relations are
  // walked both ways whatever the direction.
  template <typename Fn>
  void forEachStep(graph::VertexId v, const std::vector<bool>& typeMask, Direction d, Fn&& fn) {
    auto allowed = [&](graph::EdgeId e) { return typeMask.empty() || typeMask[s_.edgeType[e]]; };
    for (const Adjacent* a = s_.outBegin(v); a != s_.outEnd(v); ++a) {
      if (!allowed(a->edge)) continue;
      if (d != Direction::kIn || s_.typeSymmetric[s_.edgeType[a->edge]]) fn(a->edge, a->neighbour);
    }
    for (const Adjacent* a = s_.inBegin(v); a != s_.inEnd(v); ++a) {
      if (!allowed(a->edge)) continue;
      if (a->neighbour == v) continue;  // a self-loop was walked as an out-edge
      if (d != Direction::kOut || s_.typeSymmetric[s_.edgeType[a->edge]]) fn(a->edge, a->neighbour);
    }
  }

  const std::vector<graph::VertexId>& candidates(const NodePattern& node,
                                                 std::vector<graph::VertexId>& storage) {
    storage.clear();
    if (node.classMask.empty()) {
      for (graph::VertexId v = 0; v < s_.vertexCount; ++v) {
        if (s_.live[v]) storage.push_back(v);
      }
      return storage;
    }
    for (std::size_t c = 0; c < node.classMask.size(); ++c) {
      if (node.classMask[c]) {
        storage.insert(storage.end(), s_.classMembers[c].begin(), s_.classMembers[c].end());
      }
    }
    std::sort(storage.begin(), storage.end());
    return storage;
  }

  Rows apply(const ScanOp& op, Rows rows) {
    Rows out;
    std::vector<graph::VertexId> storage;
    const auto& vertices = candidates(*op.node, storage);
    std::size_t slot = static_cast<std::size_t>(op.node->slot);
    for (const Row& row : rows) {
      for (graph::VertexId v : vertices) {
        if (!nodeMatches(*op.node, v, row)) continue;
        Row next = row;
        next[slot] = Value(NodeRef{v});
        emit(out, std::move(next));
      }
    }
    return out;
  }

  Rows apply(const IdLookupOp& op, Rows rows) {
    Rows out;
    std::size_t slot = static_cast<std::size_t>(op.node->slot);
    for (Row& row : rows) {
      Value id = evaluate(*op.id, row, ctx_);
      const std::string* text = id.asString();
      if (!text) continue;
      auto v = s_.graph->findEntity(*text);
      if (!v || !nodeMatches(*op.node, *v, row)) continue;
      row[slot] = Value(NodeRef{*v});
      emit(out, std::move(row));
    }
    return out;
  }

  Rows apply(const CheckNodeOp& op, Rows rows) {
    Rows out;
    for (Row& row : rows) {
      const NodeRef* n = row[static_cast<std::size_t>(op.node->slot)].asNode();
      if (n && nodeMatches(*op.node, n->vertex, row)) emit(out, std::move(row));
    }
    return out;
  }

  bool toMatches(const ExpandOp& op, graph::VertexId v, const Row& row) {
    if (op.toBound) {
      const NodeRef* bound = row[static_cast<std::size_t>(op.to->slot)].asNode();
      if (!bound || bound->vertex != v) return false;
    }
    return nodeMatches(*op.to, v, row);
  }

  Rows apply(const ExpandOp& op, Rows rows) {
    Rows out;
    Direction d = op.reversed ? flip(op.rel->direction) : op.rel->direction;
    std::size_t relSlot = static_cast<std::size_t>(op.rel->slot);
    std::size_t toSlot = static_cast<std::size_t>(op.to->slot);
    for (const Row& row : rows) {
      const NodeRef* from = row[static_cast<std::size_t>(op.from->slot)].asNode();
      if (!from) continue;
      if (!op.rel->variableLength) {
        forEachStep(from->vertex, op.rel->typeMask, d, [&](graph::EdgeId e, graph::VertexId w) {
          if (!relMatches(*op.rel, e, row) || edgeUsed(op.distinctFrom, e, row)) return;
          if (!toMatches(op, w, row)) return;
          Row next = row;
          next[relSlot] = Value(RelRef{e});
          next[toSlot] = Value(NodeRef{w});
          emit(out, std::move(next));
        });
        continue;
      }
      PathValue path;
      path.nodes.push_back(from->vertex);
      int maxHops = op.rel->maxHops.value_or(ctx_.options.maxDepth);
      walk(op, d, row, path, maxHops, out);
    }
    return out;
  }

  // Depth-first over trails (no relation twice) from path's last node.
  void walk(const ExpandOp& op, Direction d, const Row& row, PathValue& path, int maxHops,
            Rows& out) {
    ctx_.tick();
    graph::VertexId v = path.nodes.back();
    int depth = static_cast<int>(path.edges.size());
    if (depth >= op.rel->minHops && toMatches(op, v, row)) {
      Row next = row;
      PathValue stored = path;
      if (op.reversed) {
        std::reverse(stored.nodes.begin(), stored.nodes.end());
        std::reverse(stored.edges.begin(), stored.edges.end());
      }
      next[static_cast<std::size_t>(op.rel->slot)] = Value::path(std::move(stored));
      next[static_cast<std::size_t>(op.to->slot)] = Value(NodeRef{v});
      emit(out, std::move(next));
    }
    if (depth >= maxHops) return;
    forEachStep(v, op.rel->typeMask, d, [&](graph::EdgeId e, graph::VertexId w) {
      if (std::find(path.edges.begin(), path.edges.end(), e) != path.edges.end()) return;
      if (!relMatches(*op.rel, e, row) || edgeUsed(op.distinctFrom, e, row)) return;
      path.edges.push_back(e);
      path.nodes.push_back(w);
      walk(op, d, row, path, maxHops, out);
      path.edges.pop_back();
      path.nodes.pop_back();
    });
  }

  Rows apply(const FilterOp& op, Rows rows) {
    Rows out;
    for (Row& row : rows) {
      ctx_.tick();
      if (isTrue(evaluate(*op.predicate, row, ctx_))) out.push_back(std::move(row));
    }
    return out;
  }

  Rows apply(const PathOp& op, Rows rows) {
    const PatternPath& p = *op.path;
    for (Row& row : rows) {
      PathValue path;
      bool ok = true;
      const NodeRef* first = row[static_cast<std::size_t>(p.nodes[0].slot)].asNode();
      if (!first) ok = false;
      if (ok) path.nodes.push_back(first->vertex);
      for (std::size_t i = 0; ok && i < p.rels.size(); ++i) {
        const Value& r = row[static_cast<std::size_t>(p.rels[i].slot)];
        if (const PathValue* sub = r.asPath()) {
          path.edges.insert(path.edges.end(), sub->edges.begin(), sub->edges.end());
          path.nodes.insert(path.nodes.end(), sub->nodes.begin() + 1, sub->nodes.end());
        } else if (const RelRef* rel = r.asRel()) {
          const NodeRef* next = row[static_cast<std::size_t>(p.nodes[i + 1].slot)].asNode();
          if (!next) {
            ok = false;
            break;
          }
          path.edges.push_back(rel->edge);
          path.nodes.push_back(next->vertex);
        } else {
          ok = false;
        }
      }
      row[static_cast<std::size_t>(p.pathSlot)] = ok ? Value::path(std::move(path)) : Value();
    }
    return rows;
  }

  Rows apply(const ShortestPathOp& op, Rows rows) {
    const PatternPath& p = *op.path;
    const RelPattern& rel = p.rels[0];
    int maxHops = rel.maxHops.value_or(ctx_.options.maxDepth);
    // Only allShortestPaths needs per-node arrays (shortestPath searches from both ends).
    std::vector<int> dist;
    std::vector<std::pair<graph::VertexId, graph::EdgeId>> parent;
    if (p.kind == PathKind::kAllShortest) {
      dist.assign(s_.vertexCount, -1);
      parent.resize(s_.vertexCount);
    }
    std::vector<graph::VertexId> touched;
    Rows out;
    for (const Row& row : rows) {
      const NodeRef* from = row[static_cast<std::size_t>(p.nodes[0].slot)].asNode();
      const NodeRef* to = row[static_cast<std::size_t>(p.nodes[1].slot)].asNode();
      if (!from || !to) continue;
      auto store = [&](PathValue path) {
        Row next = row;
        next[static_cast<std::size_t>(rel.slot)] = Value::path(path);
        next[static_cast<std::size_t>(p.pathSlot)] = Value::path(std::move(path));
        emit(out, std::move(next));
      };
      if (from->vertex == to->vertex) {
        if (rel.minHops == 0) store(PathValue{{from->vertex}, {}});
        continue;
      }
      if (p.kind == PathKind::kShortest) {
        if (auto path = shortestBetween(rel, row, from->vertex, to->vertex, maxHops)) {
          store(std::move(*path));
        }
        continue;
      }
      // Breadth-first from `from`, to the layer that reaches `to`.
      std::vector<graph::VertexId> frontier{from->vertex};
      dist[from->vertex] = 0;
      touched.push_back(from->vertex);
      bool found = false;
      for (int depth = 0; depth < maxHops && !frontier.empty() && !found; ++depth) {
        std::vector<graph::VertexId> next;
        for (graph::VertexId v : frontier) {
          ctx_.tick();
          forEachStep(v, rel.typeMask, rel.direction, [&](graph::EdgeId e, graph::VertexId w) {
            if (dist[w] >= 0 || !s_.live[w] || !relMatches(rel, e, row)) return;
            dist[w] = depth + 1;
            parent[w] = {v, e};
            touched.push_back(w);
            next.push_back(w);
            if (w == to->vertex) found = true;
          });
        }
        frontier = std::move(next);
      }
      if (found) {
        if (p.kind == PathKind::kShortest) {
          PathValue path;
          for (graph::VertexId v = to->vertex; v != from->vertex; v = parent[v].first) {
            path.nodes.push_back(v);
            path.edges.push_back(parent[v].second);
          }
          path.nodes.push_back(from->vertex);
          std::reverse(path.nodes.begin(), path.nodes.end());
          std::reverse(path.edges.begin(), path.edges.end());
          store(std::move(path));
        } else {
          // Every path back from `to` through nodes one step nearer `from`.
          PathValue partial;
          partial.nodes.push_back(to->vertex);
          std::vector<PathValue> all;
          collectShortest(rel, row, dist, from->vertex, partial, all);
          for (PathValue& path : all) store(std::move(path));
        }
      }
      for (graph::VertexId v : touched) dist[v] = -1;
      touched.clear();
    }
    return out;
  }

  // Bidirectional breadth-first search: grows the smaller frontier a layer at a time and stops
  // after the layer where the two searches meet (the best meeting node of that layer gives a
  // shortest path). Visits about twice the square root of what a one-way search visits.
  std::optional<PathValue> shortestBetween(const RelPattern& rel, const Row& row,
                                           graph::VertexId from, graph::VertexId to, int maxHops) {
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
           sides[0].depth + sides[1].depth < maxHops && best == INT32_MAX) {
      int k = sides[0].front.size() <= sides[1].front.size() ? 0 : 1;
      Side& side = sides[k];
      const std::int32_t* other = sides[1 - k].dist.get();
      std::int32_t* dist = side.dist.get();
      Adjacent* step = side.step.get();
      int level = side.depth + 1;
      Direction d = k == 0 ? rel.direction : flip(rel.direction);
      std::vector<graph::VertexId> next;
      for (graph::VertexId v : side.front) {
        ctx_.tick();
        forEachStep(v, rel.typeMask, d, [&](graph::EdgeId e, graph::VertexId w) {
          if (dist[w] != 0 || !s_.live[w] || !relMatches(rel, e, row)) return;
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

  void collectShortest(const RelPattern& rel, const Row& row, const std::vector<int>& dist,
                       graph::VertexId source, PathValue& partial, std::vector<PathValue>& all) {
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
    forEachStep(v, rel.typeMask, flip(rel.direction), [&](graph::EdgeId e, graph::VertexId u) {
      if (dist[u] != dist[v] - 1 || !relMatches(rel, e, row)) return;
      if (std::find(partial.edges.begin(), partial.edges.end(), e) != partial.edges.end()) return;
      partial.nodes.push_back(u);
      partial.edges.push_back(e);
      collectShortest(rel, row, dist, source, partial, all);
      partial.nodes.pop_back();
      partial.edges.pop_back();
    });
  }

  Rows apply(const CallOp& op, Rows rows) {
    const CallClause& call = *op.call;
    std::vector<AlgorithmRow> results;
    if (call.procedure == "algo.pagerank") {
      results = pageRank(s_);
    } else if (call.procedure == "algo.degree") {
      results = degree(s_);
    } else if (call.procedure == "algo.components") {
      results = components(s_);
    } else {
      std::size_t samples = 256;
      if (!call.args.empty()) {
        Value v = evaluate(*call.args[0], Row(plan_.query.slotNames.size()), ctx_);
        if (!v.asInt() || *v.asInt() < 1) {
          fail("runtime", call.args[0]->pos,
               "algo.betweenness(samples) takes a positive integer number of source nodes");
        }
        samples = static_cast<std::size_t>(*v.asInt());
      }
      std::string note;
      results = betweenness(s_, samples, note);
      if (!note.empty()) ctx_.notes.push_back(note);
    }
    if (call.procedure != "algo.betweenness" && !call.args.empty()) {
      fail("semantic", call.pos, call.procedure + "() takes no arguments");
    }
    Rows out;
    for (const Row& row : rows) {
      for (const AlgorithmRow& result : results) {
        Row next = row;
        for (const YieldItem& item : call.yields) {
          Value v;
          if (item.name == "node") {
            v = Value(NodeRef{result.vertex});
          } else if (item.name == "score") {
            v = Value(result.score);
          } else if (item.name == "component") {
            v = Value(result.component);
          } else {
            v = Value(result.size);
          }
          next[static_cast<std::size_t>(item.slot)] = std::move(v);
        }
        emit(out, std::move(next));
      }
    }
    return out;
  }

  Rows apply(const UnwindOp& op, Rows rows) {
    Rows out;
    std::size_t slot = static_cast<std::size_t>(op.unwind->slot);
    for (const Row& row : rows) {
      Value list = evaluate(*op.unwind->list, row, ctx_);
      if (list.isNull()) continue;
      if (const ValueList* items = list.asList()) {
        for (const Value& item : *items) {
          Row next = row;
          next[slot] = item;
          emit(out, std::move(next));
        }
      } else {
        Row next = row;
        next[slot] = list;
        emit(out, std::move(next));
      }
    }
    return out;
  }

  Rows apply(const ProjectOp& op, Rows rows) {
    const ProjectionClause& p = *op.projection;
    std::size_t width = plan_.query.slotNames.size();
    Rows out;
    if (p.aggregates.empty()) {
      std::unordered_map<std::string, bool> seen;
      for (Row& row : rows) {
        ctx_.tick();
        Row next = p.distinct ? Row(width) : row;
        for (const ReturnItem& item : p.items) {
          next[static_cast<std::size_t>(item.slot)] = evaluate(*item.expr, row, ctx_);
        }
        if (p.distinct) {
          std::string key;
          for (const ReturnItem& item : p.items)
            key += groupKey(next[static_cast<std::size_t>(item.slot)]) + "|";
          if (!seen.emplace(std::move(key), true).second) continue;
        }
        out.push_back(std::move(next));
      }
      return out;
    }
    struct Group {
      Row first;
      std::vector<Value> keys;
      std::vector<Accumulator> accumulators;
    };
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> index;
    std::vector<bool> isKey;
    for (const ReturnItem& item : p.items) isKey.push_back(!containsAggregate(*item.expr));
    bool hasKeys = std::find(isKey.begin(), isKey.end(), true) != isKey.end();
    for (const Row& row : rows) {
      ctx_.tick();
      std::string key;
      std::vector<Value> keys;
      for (std::size_t i = 0; i < p.items.size(); ++i) {
        if (!isKey[i]) continue;
        keys.push_back(evaluate(*p.items[i].expr, row, ctx_));
        key += groupKey(keys.back()) + "|";
      }
      auto [it, added] = index.try_emplace(key, groups.size());
      if (added)
        groups.push_back({row, std::move(keys), std::vector<Accumulator>(p.aggregates.size())});
      Group& group = groups[it->second];
      for (std::size_t a = 0; a < p.aggregates.size(); ++a) {
        accumulate(*p.aggregates[a], group.accumulators[a], row, ctx_);
      }
    }
    if (groups.empty() && !hasKeys) {
      groups.push_back({Row(width), {}, std::vector<Accumulator>(p.aggregates.size())});
    }
    for (Group& group : groups) {
      std::vector<Value> finals;
      for (std::size_t a = 0; a < p.aggregates.size(); ++a) {
        finals.push_back(finish(*p.aggregates[a], group.accumulators[a]));
      }
      ctx_.aggregates = &finals;
      Row next(width);
      std::size_t k = 0;
      for (std::size_t i = 0; i < p.items.size(); ++i) {
        next[static_cast<std::size_t>(p.items[i].slot)] =
            isKey[i] ? group.keys[k++] : evaluate(*p.items[i].expr, group.first, ctx_);
      }
      ctx_.aggregates = nullptr;
      out.push_back(std::move(next));
    }
    if (p.distinct) {
      std::unordered_map<std::string, bool> seen;
      Rows unique;
      for (Row& row : out) {
        std::string key;
        for (const ReturnItem& item : p.items)
          key += groupKey(row[static_cast<std::size_t>(item.slot)]) + "|";
        if (seen.emplace(std::move(key), true).second) unique.push_back(std::move(row));
      }
      return unique;
    }
    return out;
  }

  Rows apply(const SortOp& op, Rows rows) {
    const auto& items = op.projection->orderBy;
    std::vector<std::pair<std::vector<Value>, std::size_t>> keys;
    keys.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      std::vector<Value> k;
      for (const SortItem& item : items) k.push_back(evaluate(*item.expr, rows[i], ctx_));
      keys.emplace_back(std::move(k), i);
    }
    // Ties keep input order (the row index decides), so a partial sort gives the same rows.
    auto before = [&](const auto& a, const auto& b) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        int c = compareForSort(a.first[i], b.first[i]);
        if (c != 0) return items[i].descending ? c > 0 : c < 0;
      }
      return a.second < b.second;
    };
    std::size_t keep = keys.size();
    if (op.projection->limit) {
      keep = count(*op.projection->limit, "LIMIT");
      if (op.projection->skip) keep += count(*op.projection->skip, "SKIP");
      keep = std::min(keep, keys.size());
    }
    if (keep < keys.size()) {
      std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(keep), keys.end(),
                        before);
      keys.resize(keep);
    } else {
      std::sort(keys.begin(), keys.end(), before);
    }
    Rows out;
    out.reserve(keys.size());
    for (const auto& k : keys) out.push_back(std::move(rows[k.second]));
    return out;
  }

  std::size_t count(const Expr& expr, const char* what) {
    Value v = evaluate(expr, Row(plan_.query.slotNames.size()), ctx_);
    if (!v.asInt() || *v.asInt() < 0) {
      fail("runtime", expr.pos, std::string(what) + " takes a non-negative integer");
    }
    return static_cast<std::size_t>(*v.asInt());
  }

  Rows apply(const SkipOp& op, Rows rows) {
    std::size_t n = std::min(count(*op.count, "SKIP"), rows.size());
    rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(n));
    return rows;
  }

  Rows apply(const LimitOp& op, Rows rows) {
    std::size_t n = count(*op.count, "LIMIT");
    if (rows.size() > n) rows.resize(n);
    return rows;
  }

  Rows apply(const OptionalOp& op, Rows rows) {
    Rows out;
    for (Row& row : rows) {
      Rows matched = runOps(op.ops, Rows{row});
      if (matched.empty()) {
        for (int slot : op.newSlots) row[static_cast<std::size_t>(slot)] = Value();
        emit(out, std::move(row));
      } else {
        for (Row& m : matched) emit(out, std::move(m));
      }
    }
    return out;
  }
};

}  // namespace

QueryResult execute(const Plan& plan, const SnapshotData& snapshot, const QueryOptions& options) {
  return Executor(plan, snapshot, options).run();
}

}  // namespace newsgraph::query

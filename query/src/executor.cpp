#include "executor.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_map>

#include "aggregation.h"
#include "algorithms.h"
#include "path_search.h"

namespace newsgraph::query {
namespace {

using Rows = std::vector<Row>;

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

  template <typename Fn>
  void forEachStep(graph::VertexId v, const std::vector<bool>& typeMask, Direction d, Fn&& fn) {
    query::forEachStep(s_, v, typeMask, d, std::forward<Fn>(fn));
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
    PathSearch search(ctx_, rel, rel.maxHops.value_or(ctx_.options.maxDepth));
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
      auto accept = [&](graph::EdgeId e) { return relMatches(rel, e, row); };
      if (p.kind == PathKind::kShortest) {
        if (auto path = search.shortest(from->vertex, to->vertex, accept)) store(std::move(*path));
      } else {
        for (PathValue& path : search.allShortest(from->vertex, to->vertex, accept)) {
          store(std::move(path));
        }
      }
    }
    return out;
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

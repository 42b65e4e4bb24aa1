#include <algorithm>
#include <cstdio>

#include "plan.h"

namespace newsgraph::query {
namespace {

void collectSlots(const Expr& expr, std::vector<int>& slots) {
  struct Visitor {
    std::vector<int>& slots;
    void operator()(const Literal&) const {}
    void operator()(const Parameter&) const {}
    void operator()(const Variable& e) const { slots.push_back(e.slot); }
    void operator()(const PropertyAccess& e) const { collectSlots(*e.object, slots); }
    void operator()(const ListLiteral& e) const {
      for (const auto& item : e.items) collectSlots(*item, slots);
    }
    void operator()(const MapLiteral& e) const {
      for (const auto& item : e.items) collectSlots(*item.second, slots);
    }
    void operator()(const FunctionCall& e) const {
      for (const auto& arg : e.args) collectSlots(*arg, slots);
    }
    void operator()(const UnaryOp& e) const { collectSlots(*e.operand, slots); }
    void operator()(const BinaryOp& e) const {
      collectSlots(*e.left, slots);
      collectSlots(*e.right, slots);
    }
    void operator()(const IsNullOp& e) const { collectSlots(*e.operand, slots); }
    void operator()(const LabelCheck& e) const { collectSlots(*e.object, slots); }
    void operator()(const ListComprehension& e) const {
      // The comprehension's own variable is bound by it, not by the row.
      std::vector<int> inner;
      if (e.where) collectSlots(*e.where, inner);
      if (e.projection) collectSlots(*e.projection, inner);
      for (int s : inner) {
        if (s != e.slot) slots.push_back(s);
      }
      collectSlots(*e.list, slots);
    }
    void operator()(const IndexOp& e) const {
      collectSlots(*e.object, slots);
      collectSlots(*e.index, slots);
    }
  };
  std::visit(Visitor{slots}, expr.node);
}

void splitConjuncts(const Expr& expr, std::vector<const Expr*>& out) {
  if (const auto* binary = std::get_if<BinaryOp>(&expr.node); binary && binary->op == "AND") {
    splitConjuncts(*binary->left, out);
    splitConjuncts(*binary->right, out);
    return;
  }
  out.push_back(&expr);
}

bool isConstant(const Expr& expr) {
  return std::holds_alternative<Literal>(expr.node) || std::holds_alternative<Parameter>(expr.node);
}

struct Conjunct {
  const Expr* expr = nullptr;
  std::vector<int> slots;
  bool used = false;
};

class Planner {
 public:
  Planner(Plan& plan, const SnapshotData& snapshot)
      : plan_(plan), snapshot_(snapshot), bound_(plan.query.slotNames.size(), false) {}

  void run() {
    for (const Clause& clause : plan_.query.ast.clauses) {
      if (const auto* match = std::get_if<MatchClause>(&clause)) {
        if (match->optional) {
          std::vector<bool> before = bound_;
          OptionalOp optional;
          planMatch(*match, optional.ops);
          for (std::size_t s = 0; s < bound_.size(); ++s) {
            if (bound_[s] && !before[s]) optional.newSlots.push_back(static_cast<int>(s));
          }
          plan_.ops.push_back(PlanOp{std::move(optional)});
        } else {
          planMatch(*match, plan_.ops);
        }
      } else if (const auto* call = std::get_if<CallClause>(&clause)) {
        plan_.ops.push_back(PlanOp{CallOp{call}});
        for (const YieldItem& item : call->yields)
          bound_[static_cast<std::size_t>(item.slot)] = true;
        if (call->where) plan_.ops.push_back(PlanOp{FilterOp{call->where.get()}});
      } else if (const auto* unwind = std::get_if<UnwindClause>(&clause)) {
        plan_.ops.push_back(PlanOp{UnwindOp{unwind}});
        bound_[static_cast<std::size_t>(unwind->slot)] = true;
      } else {
        const auto& projection = std::get<ProjectionClause>(clause);
        plan_.ops.push_back(PlanOp{ProjectOp{&projection}});
        if (!projection.orderBy.empty()) plan_.ops.push_back(PlanOp{SortOp{&projection}});
        if (projection.skip) plan_.ops.push_back(PlanOp{SkipOp{projection.skip.get()}});
        if (projection.limit) plan_.ops.push_back(PlanOp{LimitOp{projection.limit.get()}});
        if (projection.where) plan_.ops.push_back(PlanOp{FilterOp{projection.where.get()}});
        std::fill(bound_.begin(), bound_.end(), false);
        for (const ReturnItem& item : projection.items) {
          bound_[static_cast<std::size_t>(item.slot)] = true;
        }
      }
    }
  }

 private:
  Plan& plan_;
  const SnapshotData& snapshot_;
  std::vector<bool> bound_;
  std::vector<Conjunct> conjuncts_;

  bool isBound(int slot) const { return bound_[static_cast<std::size_t>(slot)]; }
  void bind(int slot) { bound_[static_cast<std::size_t>(slot)] = true; }

  // The constant an `{id: ...}` entry or a `n.id = ...` conjunct gives the node, or null.
  const Expr* idFor(const NodePattern& node, Conjunct** from) {
    for (const auto& [key, value] : node.properties) {
      if (key == "id" && isConstant(*value)) return value.get();
    }
    for (Conjunct& c : conjuncts_) {
      if (c.used) continue;
      const auto* eq = std::get_if<BinaryOp>(&c.expr->node);
      if (!eq || eq->op != "=") continue;
      for (int side = 0; side < 2; ++side) {
        const Expr& a = side == 0 ? *eq->left : *eq->right;
        const Expr& b = side == 0 ? *eq->right : *eq->left;
        const auto* prop = std::get_if<PropertyAccess>(&a.node);
        if (!prop || prop->key != "id" || !isConstant(b)) continue;
        const auto* var = std::get_if<Variable>(&prop->object->node);
        if (var && var->slot == node.slot) {
          if (from) *from = &c;
          return &b;
        }
      }
    }
    return nullptr;
  }

  std::size_t classCount(const NodePattern& node) const {
    if (node.classMask.empty()) return snapshot_.liveVertexCount;
    std::size_t count = 0;
    for (std::size_t c = 0; c < node.classMask.size(); ++c) {
      if (node.classMask[c]) count += snapshot_.classMembers[c].size();
    }
    return count;
  }

  std::size_t score(const NodePattern& node) {
    if (isBound(node.slot)) return 0;
    if (idFor(node, nullptr)) return 1;
    return 2 + classCount(node);
  }

  void flushFilters(std::vector<PlanOp>& out) {
    for (Conjunct& c : conjuncts_) {
      if (c.used) continue;
      if (std::all_of(c.slots.begin(), c.slots.end(), [&](int s) { return isBound(s); })) {
        c.used = true;
        out.push_back(PlanOp{FilterOp{c.expr}});
      }
    }
  }

  void start(const NodePattern& node, std::vector<PlanOp>& out) {
    if (isBound(node.slot)) {
      if (!node.labels.empty() || !node.properties.empty()) {
        out.push_back(PlanOp{CheckNodeOp{&node}});
      }
    } else {
      Conjunct* from = nullptr;
      if (const Expr* id = idFor(node, &from)) {
        if (from) from->used = true;
        out.push_back(PlanOp{IdLookupOp{&node, id}, 1});
      } else {
        out.push_back(PlanOp{ScanOp{&node}, classCount(node)});
      }
      bind(node.slot);
    }
    flushFilters(out);
  }

  void planMatch(const MatchClause& match, std::vector<PlanOp>& out) {
    conjuncts_.clear();
    if (match.where) {
      std::vector<const Expr*> parts;
      splitConjuncts(*match.where, parts);
      for (const Expr* part : parts) {
        Conjunct c;
        c.expr = part;
        collectSlots(*part, c.slots);
        conjuncts_.push_back(std::move(c));
      }
    }
    std::vector<int> relSlots;  // bound so far in this MATCH: relationship uniqueness
    std::vector<const PatternPath*> pending;
    for (const PatternPath& path : match.patterns) {
      if (path.kind == PathKind::kPlain) pending.push_back(&path);
    }
    while (!pending.empty()) {
      std::size_t bestPath = 0, bestNode = 0, bestScore = SIZE_MAX;
      for (std::size_t p = 0; p < pending.size(); ++p) {
        for (std::size_t n = 0; n < pending[p]->nodes.size(); ++n) {
          std::size_t s = score(pending[p]->nodes[n]);
          if (s < bestScore) {
            bestScore = s;
            bestPath = p;
            bestNode = n;
          }
        }
      }
      const PatternPath& path = *pending[bestPath];
      pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(bestPath));
      start(path.nodes[bestNode], out);
      for (std::size_t i = bestNode; i < path.rels.size(); ++i) {
        expand(path.nodes[i], path.rels[i], path.nodes[i + 1], false, relSlots, out);
      }
      for (std::size_t i = bestNode; i > 0; --i) {
        expand(path.nodes[i], path.rels[i - 1], path.nodes[i - 1], true, relSlots, out);
      }
      if (path.pathSlot >= 0) {
        out.push_back(PlanOp{PathOp{&path}});
        bind(path.pathSlot);
        flushFilters(out);
      }
    }
    for (const PatternPath& path : match.patterns) {
      if (path.kind == PathKind::kPlain) continue;
      start(path.nodes[0], out);
      start(path.nodes[1], out);
      out.push_back(PlanOp{ShortestPathOp{&path}});
      bind(path.pathSlot);
      bind(path.rels[0].slot);
      flushFilters(out);
    }
    for (Conjunct& c : conjuncts_) {
      if (!c.used) out.push_back(PlanOp{FilterOp{c.expr}});
    }
  }

  void expand(const NodePattern& from, const RelPattern& rel, const NodePattern& to, bool reversed,
              std::vector<int>& relSlots, std::vector<PlanOp>& out) {
    ExpandOp op{&from, &rel, &to, reversed, isBound(to.slot), relSlots};
    out.push_back(PlanOp{std::move(op)});
    relSlots.push_back(rel.slot);
    bind(rel.slot);
    bind(to.slot);
    flushFilters(out);
  }
};

std::string nodeText(const NodePattern& node) {
  std::string out = "(" + (node.var.empty() ? std::string() : node.var);
  for (const std::string& label : node.labels) out += ":" + label;
  for (std::size_t i = 0; i < node.properties.size(); ++i) {
    out += (i == 0 ? " {" : ", ") + node.properties[i].first + ": " +
           toString(*node.properties[i].second);
  }
  if (!node.properties.empty()) out += "}";
  return out + ")";
}

std::string relText(const RelPattern& rel, bool reversed) {
  std::string body = rel.var;
  for (std::size_t i = 0; i < rel.types.size(); ++i) body += (i == 0 ? ":" : "|") + rel.types[i];
  if (rel.variableLength) {
    body += "*" + std::to_string(rel.minHops) + ".." + std::to_string(rel.maxHops.value_or(0));
  }
  Direction d = rel.direction;
  if (reversed && d == Direction::kOut) {
    d = Direction::kIn;
  } else if (reversed && d == Direction::kIn) {
    d = Direction::kOut;
  }
  return (d == Direction::kIn ? "<-[" : "-[") + body + (d == Direction::kOut ? "]->" : "]-");
}

std::string describe(const PlanOp& planOp) {
  struct Visitor {
    std::string operator()(const ScanOp& op) const {
      return std::string(op.node->classMask.empty() ? "AllNodesScan " : "LabelScan ") +
             nodeText(*op.node);
    }
    std::string operator()(const IdLookupOp& op) const {
      return "IdLookup " + nodeText(*op.node) + " id = " + toString(*op.id);
    }
    std::string operator()(const CheckNodeOp& op) const {
      return "CheckNode " + nodeText(*op.node);
    }
    std::string operator()(const ExpandOp& op) const {
      return std::string(op.rel->variableLength ? "VarLengthExpand " : "Expand ") +
             nodeText(*op.from) + relText(*op.rel, op.reversed) + nodeText(*op.to) +
             (op.toBound ? " (into bound node)" : "");
    }
    std::string operator()(const FilterOp& op) const { return "Filter " + toString(*op.predicate); }
    std::string operator()(const ShortestPathOp& op) const {
      return std::string(op.path->kind == PathKind::kAllShortest ? "AllShortestPaths "
                                                                 : "ShortestPath ") +
             nodeText(op.path->nodes[0]) + relText(op.path->rels[0], false) +
             nodeText(op.path->nodes[1]);
    }
    std::string operator()(const PathOp& op) const { return "BuildPath " + op.path->pathVar; }
    std::string operator()(const CallOp& op) const { return "Call " + op.call->procedure + "()"; }
    std::string operator()(const UnwindOp& op) const {
      return "Unwind " + toString(*op.unwind->list) + " AS " + op.unwind->var;
    }
    std::string operator()(const ProjectOp& op) const {
      std::string out = op.projection->aggregates.empty() ? "Project " : "Aggregate ";
      if (op.projection->distinct) out += "DISTINCT ";
      for (std::size_t i = 0; i < op.projection->items.size(); ++i) {
        out += (i > 0 ? ", " : "") + op.projection->items[i].column;
      }
      return out;
    }
    std::string operator()(const SortOp& op) const {
      std::string out = "Sort ";
      for (std::size_t i = 0; i < op.projection->orderBy.size(); ++i) {
        const SortItem& item = op.projection->orderBy[i];
        out += (i > 0 ? ", " : "") + toString(*item.expr) + (item.descending ? " DESC" : "");
      }
      return out;
    }
    std::string operator()(const SkipOp& op) const { return "Skip " + toString(*op.count); }
    std::string operator()(const LimitOp& op) const { return "Limit " + toString(*op.count); }
    std::string operator()(const OptionalOp&) const { return "Optional"; }
  };
  return std::visit(Visitor{}, planOp.op);
}

void printOps(const std::vector<PlanOp>& ops, int indent, bool profile, std::string& out) {
  for (const PlanOp& op : ops) {
    std::string line(static_cast<std::size_t>(indent) * 2, ' ');
    line += describe(op);
    if (!profile && op.estimate > 0) line += "  ~" + std::to_string(op.estimate) + " rows";
    if (profile) {
      char figures[64];
      std::snprintf(figures, sizeof figures, "  rows=%zu time=%.3f ms", op.rowsOut,
                    op.milliseconds);
      line += figures;
    }
    out += line + "\n";
    if (const auto* optional = std::get_if<OptionalOp>(&op.op)) {
      printOps(optional->ops, indent + 1, profile, out);
    }
  }
}

}  // namespace

std::string Plan::toString(bool profile) const {
  std::string out;
  printOps(ops, 0, profile, out);
  return out;
}

Plan plan(BoundQuery query, const SnapshotData& snapshot) {
  Plan result;
  result.query = std::move(query);
  Planner(result, snapshot).run();
  return result;
}

}  // namespace newsgraph::query

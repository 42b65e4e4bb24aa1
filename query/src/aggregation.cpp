// Aggregates of RETURN and WITH: count, collect, min, max, sum, avg, with DISTINCT.
#include "aggregation.h"

#include <algorithm>

namespace newsgraph::query {

void accumulate(const FunctionCall& call, Accumulator& acc, const Row& row, ExecContext& ctx) {
  if (call.star) {
    ++acc.count;
    return;
  }
  Value v = evaluate(*call.args[0], row, ctx);
  if (v.isNull()) return;
  if (call.distinct) {
    std::string key = groupKey(v);
    if (std::find(acc.seen.begin(), acc.seen.end(), key) != acc.seen.end()) return;
    acc.seen.push_back(std::move(key));
  }
  ++acc.count;
  const std::string& f = call.name;
  if (f == "collect") {
    acc.values.push_back(std::move(v));
  } else if (f == "min" || f == "max") {
    if (acc.best.isNull()) {
      acc.best = std::move(v);
    } else {
      int c = compareForSort(v, acc.best);
      if ((f == "min" && c < 0) || (f == "max" && c > 0)) acc.best = std::move(v);
    }
  } else if (f == "sum" || f == "avg") {
    if (const auto* i = v.asInt()) {
      if (__builtin_add_overflow(acc.intSum, *i, &acc.intSum)) {
        fail("runtime", call.args[0]->pos, "integer overflow in " + f + "()");
      }
      acc.sum += static_cast<double>(*i);
    } else if (const auto* d = v.asDouble()) {
      acc.integral = false;
      acc.sum += *d;
    } else {
      fail("runtime", call.args[0]->pos, f + "() expects numbers");
    }
  }
}

Value finish(const FunctionCall& call, const Accumulator& acc) {
  const std::string& f = call.name;
  if (f == "count") return Value(acc.count);
  if (f == "collect") return Value::list(acc.values);
  if (f == "min" || f == "max") return acc.best;
  if (f == "sum") return acc.integral ? Value(acc.intSum) : Value(acc.sum);
  if (acc.count == 0) return Value();
  return Value(acc.sum / static_cast<double>(acc.count));
}

bool containsAggregate(const Expr& expr) {
  struct Visitor {
    bool operator()(const FunctionCall& e) const {
      if (e.aggregate >= 0) return true;
      return std::any_of(e.args.begin(), e.args.end(),
                         [](const ExprPtr& a) { return containsAggregate(*a); });
    }
    bool operator()(const PropertyAccess& e) const { return containsAggregate(*e.object); }
    bool operator()(const ListLiteral& e) const {
      return std::any_of(e.items.begin(), e.items.end(),
                         [](const ExprPtr& a) { return containsAggregate(*a); });
    }
    bool operator()(const MapLiteral& e) const {
      return std::any_of(e.items.begin(), e.items.end(),
                         [](const auto& a) { return containsAggregate(*a.second); });
    }
    bool operator()(const UnaryOp& e) const { return containsAggregate(*e.operand); }
    bool operator()(const BinaryOp& e) const {
      return containsAggregate(*e.left) || containsAggregate(*e.right);
    }
    bool operator()(const IsNullOp& e) const { return containsAggregate(*e.operand); }
    bool operator()(const IndexOp& e) const {
      return containsAggregate(*e.object) || containsAggregate(*e.index);
    }
    bool operator()(const LabelCheck& e) const { return containsAggregate(*e.object); }
    bool operator()(const ListComprehension& e) const { return containsAggregate(*e.list); }
    bool operator()(const Literal&) const { return false; }
    bool operator()(const Parameter&) const { return false; }
    bool operator()(const Variable&) const { return false; }
  };
  return std::visit(Visitor{}, expr.node);
}

}  // namespace newsgraph::query

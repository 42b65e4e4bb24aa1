#include "evaluator.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "newsgraph/graph/event_timeline.h"

namespace newsgraph::query {

void ExecContext::timedOut() const {
  fail("limit", {},
       "query stopped after " + std::to_string(options.timeout.count()) +
           " ms (raise the limit with --timeout MS)");
}

void ExecContext::cancelled() const { fail("limit", {}, "query interrupted"); }

void ExecContext::checkRows(std::size_t rows) const {
  if (rows > options.maxRows) {
    fail("limit", {},
         "query stopped: a step produced more than " + std::to_string(options.maxRows) +
             " rows (raise the cap with --max-rows N, or narrow the pattern)");
  }
}

namespace {

int truncatedCompare(const common::PartialDate& a, const common::PartialDate& b) {
  auto level = [](common::DatePrecision p) {
    return p == common::DatePrecision::kYear ? 0 : p == common::DatePrecision::kMonth ? 1 : 2;
  };
  int common = std::min(level(a.precision), level(b.precision));
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (common >= 1 && a.month != b.month) return a.month < b.month ? -1 : 1;
  if (common >= 2 && a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

}  // namespace

std::optional<common::PartialDate> asDateLike(const Value& value) {
  if (const auto* d = value.asDate()) return *d;
  if (const auto* s = value.asString()) return common::PartialDate::parse(*s);
  return std::nullopt;
}

bool isNumber(const Value& v) { return v.asInt() || v.asDouble(); }
double toDouble(const Value& v) {
  if (const auto* i = v.asInt()) return static_cast<double>(*i);
  return *v.asDouble();
}

[[noreturn]] void runtimeError(const Expr& expr, std::string message) {
  fail("runtime", expr.pos, std::move(message));
}

std::string typeName(const Value& v) {
  if (v.isNull()) return "null";
  if (v.asBool()) return "a boolean";
  if (v.asInt()) return "an integer";
  if (v.asDouble()) return "a float";
  if (v.asString()) return "a string";
  if (v.asDate()) return "a date";
  if (v.asList()) return "a list";
  if (v.asMap()) return "a map";
  if (v.asNode()) return "a node";
  if (v.asRel()) return "a relationship";
  return "a path";
}

namespace {

int kindRank(const Value& v) {
  if (v.asMap()) return 0;
  if (v.asNode()) return 1;
  if (v.asRel()) return 2;
  if (v.asList()) return 3;
  if (v.asPath()) return 4;
  if (v.asString()) return 5;
  if (v.asBool()) return 6;
  if (isNumber(v)) return 7;
  if (v.asDate()) return 8;
  return 9;  // null
}

Value logicalAnd(const Value& a, const Value& b) {
  const bool* x = a.asBool();
  const bool* y = b.asBool();
  if ((x && !*x) || (y && !*y)) return Value(false);
  if (x && y) return Value(true);
  return Value();
}
Value logicalOr(const Value& a, const Value& b) {
  const bool* x = a.asBool();
  const bool* y = b.asBool();
  if ((x && *x) || (y && *y)) return Value(true);
  if (x && y) return Value(false);
  return Value();
}

Value arithmetic(const Expr& expr, const std::string& op, const Value& a, const Value& b) {
  if (a.isNull() || b.isNull()) return Value();
  if (op == "+") {
    if (a.asList() || b.asList()) {
      ValueList out;
      for (const Value* side : {&a, &b}) {
        if (const ValueList* l = side->asList()) {
          out.insert(out.end(), l->begin(), l->end());
        } else {
          out.push_back(*side);
        }
      }
      return Value::list(std::move(out));
    }
    if (a.asString() || b.asString()) {
      auto text = [](const Value& v) -> std::string {
        if (const auto* s = v.asString()) return *s;
        if (const auto* i = v.asInt()) return std::to_string(*i);
        if (const auto* d = v.asDate()) return d->toString();
        if (const auto* f = v.asDouble()) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%g", *f);
          return buf;
        }
        return "";
      };
      if ((a.asString() || isNumber(a) || a.asDate()) &&
          (b.asString() || isNumber(b) || b.asDate())) {
        return Value(text(a) + text(b));
      }
    }
  }
  if (!isNumber(a) || !isNumber(b)) {
    runtimeError(expr, "cannot apply '" + op + "' to " + typeName(a) + " and " + typeName(b));
  }
  if (a.asInt() && b.asInt()) {
    std::int64_t x = *a.asInt(), y = *b.asInt(), r = 0;
    bool overflow = false;
    if (op == "+") {
      overflow = __builtin_add_overflow(x, y, &r);
    } else if (op == "-") {
      overflow = __builtin_sub_overflow(x, y, &r);
    } else if (op == "*") {
      overflow = __builtin_mul_overflow(x, y, &r);
    } else {
      if (y == 0) runtimeError(expr, "division by zero");
      if (x == INT64_MIN && y == -1) {
        overflow = true;
      } else {
        r = op == "/" ? x / y : x % y;
      }
    }
    if (overflow) runtimeError(expr, "integer overflow");
    return Value(r);
  }
  double x = toDouble(a), y = toDouble(b);
  if (op == "+") return Value(x + y);
  if (op == "-") return Value(x - y);
  if (op == "*") return Value(x * y);
  if (op == "/") return Value(x / y);
  return Value(std::fmod(x, y));
}

}  // namespace

Value relList(const PathValue& path) {
  ValueList out;
  for (graph::EdgeId e : path.edges) out.push_back(Value(RelRef{e}));
  return Value::list(std::move(out));
}

Value equalValues(const Value& a, const Value& b) {
  if (a.isNull() || b.isNull()) return Value();
  if (isNumber(a) && isNumber(b)) {
    if (a.asInt() && b.asInt()) return Value(*a.asInt() == *b.asInt());
    return Value(toDouble(a) == toDouble(b));
  }
  if (a.asDate() || b.asDate()) {
    auto x = asDateLike(a), y = asDateLike(b);
    if (!x || !y) return Value(false);
    return Value(truncatedCompare(*x, *y) == 0);
  }
  if (const auto* la = a.asList()) {
    const auto* lb = b.asList();
    if (!lb) return Value(false);
    if (la->size() != lb->size()) return Value(false);
    Value result(true);
    for (std::size_t i = 0; i < la->size(); ++i) {
      result = logicalAnd(result, equalValues((*la)[i], (*lb)[i]));
      if (const bool* r = result.asBool(); r && !*r) return result;
    }
    return result;
  }
  if (a.data.index() != b.data.index()) return Value(false);
  if (const auto* p = a.asPath()) return Value(*p == *b.asPath());
  if (const auto* m = a.asMap()) return Value(groupKey(a) == groupKey(b) && m);
  return Value(a.data == b.data);
}

std::optional<int> compareValues(const Value& a, const Value& b) {
  if (a.isNull() || b.isNull()) return std::nullopt;
  if (isNumber(a) && isNumber(b)) {
    if (a.asInt() && b.asInt()) return *a.asInt() < *b.asInt() ? -1 : *a.asInt() > *b.asInt();
    double x = toDouble(a), y = toDouble(b);
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.asDate() || b.asDate()) {
    auto x = asDateLike(a), y = asDateLike(b);
    if (!x || !y) return std::nullopt;
    return truncatedCompare(*x, *y);
  }
  if (a.asString() && b.asString()) {
    int c = a.asString()->compare(*b.asString());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  if (a.asBool() && b.asBool())
    return static_cast<int>(*a.asBool()) - static_cast<int>(*b.asBool());
  return std::nullopt;
}

int compareForSort(const Value& a, const Value& b) {
  int ra = kindRank(a), rb = kindRank(b);
  bool dateA = a.asDate() != nullptr, dateB = b.asDate() != nullptr;
  if (ra != rb && !(dateA && dateB)) return ra < rb ? -1 : 1;
  if (dateA && dateB) {
    const auto& x = *a.asDate();
    const auto& y = *b.asDate();
    int c = graph::firstDay(x) - graph::firstDay(y);
    if (c != 0) return c < 0 ? -1 : 1;
    if (x.precision == y.precision) return 0;
    return x.precision > y.precision ? -1 : 1;  // the more precise first
  }
  if (auto c = compareValues(a, b)) return *c;
  if (const auto* n = a.asNode())
    return n->vertex < b.asNode()->vertex ? -1 : n->vertex > b.asNode()->vertex;
  if (const auto* r = a.asRel()) return r->edge < b.asRel()->edge ? -1 : r->edge > b.asRel()->edge;
  if (const auto* l = a.asList()) {
    const ValueList& m = *b.asList();
    for (std::size_t i = 0; i < l->size() && i < m.size(); ++i) {
      int c = compareForSort((*l)[i], m[i]);
      if (c != 0) return c;
    }
    return l->size() < m.size() ? -1 : l->size() > m.size();
  }
  std::string ka = groupKey(a), kb = groupKey(b);
  return ka < kb ? -1 : ka > kb;
}

std::string groupKey(const Value& value) {
  if (value.isNull()) return "N";
  if (const auto* b = value.asBool()) return *b ? "T" : "F";
  if (const auto* i = value.asInt()) return "I" + std::to_string(*i);
  if (const auto* d = value.asDouble()) {
    if (*d == std::floor(*d) && std::fabs(*d) < 9e15) {
      return "I" + std::to_string(static_cast<std::int64_t>(*d));
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "D%.17g", *d);
    return buf;
  }
  if (const auto* s = value.asString()) return "S" + std::to_string(s->size()) + ":" + *s;
  if (const auto* d = value.asDate()) return "A" + d->toString();
  if (const auto* n = value.asNode()) return "V" + std::to_string(n->vertex);
  if (const auto* r = value.asRel()) return "E" + std::to_string(r->edge);
  if (const auto* l = value.asList()) {
    std::string out = "L" + std::to_string(l->size()) + "[";
    for (const Value& item : *l) out += groupKey(item) + ",";
    return out + "]";
  }
  if (const auto* m = value.asMap()) {
    std::string out = "M[";
    for (const auto& [k, v] : *m)
      out += std::to_string(k.size()) + ":" + k + "=" + groupKey(v) + ",";
    return out + "]";
  }
  const PathValue& p = *value.asPath();
  std::string out = "P";
  for (auto v : p.nodes) out += std::to_string(v) + ",";
  out += "|";
  for (auto e : p.edges) out += std::to_string(e) + ",";
  return out;
}

Value nodeProperty(const SnapshotData& s, graph::VertexId vertex, const std::string& key) {
  const graph::EntityNode& node = s.graph->entity(vertex);
  if (key == "id") return Value(node.id);
  if (key == "label") return Value(node.label);
  if (key == "label_en") return node.labelEn.empty() ? Value() : Value(node.labelEn);
  if (key == "class") return Value(node.cls);
  if (key == "aliases") {
    ValueList out;
    for (const std::string& alias : node.aliases) out.push_back(Value(alias));
    return Value::list(std::move(out));
  }
  if (key == "lat") return node.lat ? Value(*node.lat) : Value();
  if (key == "lon") return node.lon ? Value(*node.lon) : Value();
  if (key == "wikidata") return node.wikidata.empty() ? Value() : Value(node.wikidata);
  if (key == "mentions") return Value(static_cast<std::int64_t>(node.mentions.size()));
  if (key == "known") return Value(node.known);
  if (key == "docs") {
    std::set<std::string> docs;
    for (const auto& m : node.mentions) docs.insert(s.graph->article(m.article).doc);
    ValueList out;
    for (const std::string& doc : docs) out.push_back(Value(doc));
    return Value::list(std::move(out));
  }
  if (!node.event) return Value();
  const graph::EventDetails& event = *node.event;
  if (key == "type") return Value(event.type);
  if (key == "sub_type") return Value(event.subType);
  if (key == "date") return event.date ? Value(*event.date) : Value();
  if (key == "fatalities") {
    return event.fatalities ? Value(static_cast<std::int64_t>(*event.fatalities)) : Value();
  }
  if (key == "quote") return Value(event.evidence.quote);
  return Value();
}

Value relProperty(const SnapshotData& s, graph::EdgeId edge, const std::string& key) {
  const graph::RelationEdge& rel = s.graph->relation(edge);
  if (key == "type") return Value(rel.type);
  if (key == "subject") return Value(NodeRef{rel.subject});
  if (key == "object") return Value(NodeRef{rel.object});
  if (key == "date") {
    const common::PartialDate* best = nullptr;
    for (const auto& e : rel.evidence) {
      if (!e.date) continue;
      if (!best || compareForSort(Value(*e.date), Value(*best)) < 0) best = &*e.date;
    }
    return best ? Value(*best) : Value();
  }
  if (key == "status") {
    if (rel.evidence.empty()) return Value();
    for (const auto& e : rel.evidence) {
      if (e.status == graph::EvidenceStatus::kAsserted) return Value(std::string("asserted"));
    }
    return Value(std::string(graph::statusName(rel.evidence.front().status)));
  }
  if (key == "source") {
    for (const auto& e : rel.evidence) {
      if (!e.source.empty()) return Value(e.source);
    }
    return Value();
  }
  if (key == "confidence") {
    double best = 0;
    for (const auto& e : rel.evidence) best = std::max(best, e.confidence);
    return Value(best);
  }
  if (key == "sources" || key == "docs") {
    std::set<std::string> docs;
    for (const auto& e : rel.evidence) {
      if (e.article) docs.insert(s.graph->article(*e.article).doc);
    }
    if (key == "sources") return Value(static_cast<std::int64_t>(docs.size()));
    ValueList out;
    for (const std::string& doc : docs) out.push_back(Value(doc));
    return Value::list(std::move(out));
  }
  if (key == "evidence") {
    ValueList out;
    for (const auto& e : rel.evidence) {
      ValueMap item;
      item.emplace_back("doc", e.article ? Value(s.graph->article(*e.article).doc) : Value());
      item.emplace_back("quote", Value(e.quote));
      item.emplace_back("date", e.date ? Value(*e.date) : Value());
      item.emplace_back("status", Value(std::string(graph::statusName(e.status))));
      out.push_back(Value::map(std::move(item)));
    }
    return Value::list(std::move(out));
  }
  return Value();
}

Value evaluate(const Expr& expr, const Row& row, ExecContext& ctx) {
  if (const auto* lit = std::get_if<Literal>(&expr.node)) return lit->value;
  if (const auto* var = std::get_if<Variable>(&expr.node)) {
    const Value& v = row[static_cast<std::size_t>(var->slot)];
    if (var->kind == VarKind::kRelList) {
      if (const PathValue* p = v.asPath()) return relList(*p);
    }
    return v;
  }
  if (const auto* param = std::get_if<Parameter>(&expr.node)) {
    auto found = ctx.options.parameters.find(param->name);
    return found == ctx.options.parameters.end() ? Value() : found->second;
  }
  if (const auto* prop = std::get_if<PropertyAccess>(&expr.node)) {
    Value object = evaluate(*prop->object, row, ctx);
    if (object.isNull()) return Value();
    if (const auto* n = object.asNode()) return nodeProperty(ctx.snapshot, n->vertex, prop->key);
    if (const auto* r = object.asRel()) return relProperty(ctx.snapshot, r->edge, prop->key);
    if (const auto* m = object.asMap()) {
      for (const auto& [k, v] : *m) {
        if (k == prop->key) return v;
      }
      return Value();
    }
    runtimeError(expr, "cannot read property '" + prop->key + "' of " + typeName(object));
  }
  if (const auto* list = std::get_if<ListLiteral>(&expr.node)) {
    ValueList out;
    for (const ExprPtr& item : list->items) out.push_back(evaluate(*item, row, ctx));
    return Value::list(std::move(out));
  }
  if (const auto* map = std::get_if<MapLiteral>(&expr.node)) {
    ValueMap out;
    for (const auto& [k, v] : map->items) out.emplace_back(k, evaluate(*v, row, ctx));
    return Value::map(std::move(out));
  }
  if (const auto* call = std::get_if<FunctionCall>(&expr.node)) {
    return callFunction(expr, *call, row, ctx);
  }
  if (const auto* unary = std::get_if<UnaryOp>(&expr.node)) {
    Value v = evaluate(*unary->operand, row, ctx);
    if (v.isNull()) return v;
    if (unary->op == "NOT") {
      if (!v.asBool()) runtimeError(expr, "NOT expects a boolean, got " + typeName(v));
      return Value(!*v.asBool());
    }
    if (const auto* i = v.asInt()) {
      if (*i == INT64_MIN) runtimeError(expr, "integer overflow");
      return Value(-*i);
    }
    if (const auto* d = v.asDouble()) return Value(-*d);
    runtimeError(expr, "cannot negate " + typeName(v));
  }
  if (const auto* isNull = std::get_if<IsNullOp>(&expr.node)) {
    bool null = evaluate(*isNull->operand, row, ctx).isNull();
    return Value(isNull->negated ? !null : null);
  }
  if (const auto* comprehension = std::get_if<ListComprehension>(&expr.node)) {
    Value list = evaluate(*comprehension->list, row, ctx);
    if (list.isNull()) return Value();
    const ValueList* items = list.asList();
    if (!items) runtimeError(expr, "IN expects a list, got " + typeName(list));
    Row inner = row;
    ValueList out;
    for (const Value& item : *items) {
      ctx.tick();
      inner[static_cast<std::size_t>(comprehension->slot)] = item;
      if (comprehension->where && !isTrue(evaluate(*comprehension->where, inner, ctx))) continue;
      out.push_back(comprehension->projection ? evaluate(*comprehension->projection, inner, ctx)
                                              : item);
    }
    return Value::list(std::move(out));
  }
  if (const auto* check = std::get_if<LabelCheck>(&expr.node)) {
    Value object = evaluate(*check->object, row, ctx);
    if (object.isNull()) return Value();
    const NodeRef* n = object.asNode();
    if (!n) runtimeError(expr, "a label check needs a node, got " + typeName(object));
    return Value(check->classMask[ctx.snapshot.vertexClass[n->vertex]]);
  }
  if (const auto* index = std::get_if<IndexOp>(&expr.node)) {
    Value object = evaluate(*index->object, row, ctx);
    Value at = evaluate(*index->index, row, ctx);
    if (object.isNull() || at.isNull()) return Value();
    if (const auto* l = object.asList()) {
      if (!at.asInt()) runtimeError(expr, "a list index must be an integer");
      std::int64_t i = *at.asInt();
      std::int64_t n = static_cast<std::int64_t>(l->size());
      if (i < 0) i += n;
      if (i < 0 || i >= n) return Value();
      return (*l)[static_cast<std::size_t>(i)];
    }
    if (const auto* key = at.asString()) {
      if (const auto* m = object.asMap()) {
        for (const auto& [k, v] : *m) {
          if (k == *key) return v;
        }
        return Value();
      }
    }
    runtimeError(expr, "cannot index " + typeName(object) + " with " + typeName(at));
  }
  const auto& binary = std::get<BinaryOp>(expr.node);
  const std::string& op = binary.op;
  Value left = evaluate(*binary.left, row, ctx);
  if (op == "AND") {
    if (const bool* b = left.asBool(); b && !*b) return Value(false);
    return logicalAnd(left, evaluate(*binary.right, row, ctx));
  }
  if (op == "OR") {
    if (const bool* b = left.asBool(); b && *b) return Value(true);
    return logicalOr(left, evaluate(*binary.right, row, ctx));
  }
  Value right = evaluate(*binary.right, row, ctx);
  if (op == "XOR") {
    if (!left.asBool() || !right.asBool()) return Value();
    return Value(*left.asBool() != *right.asBool());
  }
  if (op == "=") return equalValues(left, right);
  if (op == "<>") {
    Value eq = equalValues(left, right);
    if (eq.isNull()) return eq;
    return Value(!*eq.asBool());
  }
  if (op == "<" || op == "<=" || op == ">" || op == ">=") {
    auto c = compareValues(left, right);
    if (!c) return Value();
    if (op == "<") return Value(*c < 0);
    if (op == "<=") return Value(*c <= 0);
    if (op == ">") return Value(*c > 0);
    return Value(*c >= 0);
  }
  if (op == "IN") {
    if (right.isNull()) return Value();
    const ValueList* list = right.asList();
    if (!list) runtimeError(expr, "IN expects a list on its right, got " + typeName(right));
    bool unknown = false;
    for (const Value& item : *list) {
      Value eq = equalValues(left, item);
      if (isTrue(eq)) return Value(true);
      if (eq.isNull()) unknown = true;
    }
    return unknown ? Value() : Value(false);
  }
  if (op == "STARTS WITH" || op == "ENDS WITH" || op == "CONTAINS") {
    const std::string* a = left.asString();
    const std::string* b = right.asString();
    if (!a || !b) return Value();
    if (op == "CONTAINS") return Value(a->find(*b) != std::string::npos);
    if (b->size() > a->size()) return Value(false);
    if (op == "STARTS WITH") return Value(a->compare(0, b->size(), *b) == 0);
    return Value(a->compare(a->size() - b->size(), b->size(), *b) == 0);
  }
  return arithmetic(expr, op, left, right);
}

}  // namespace newsgraph::query

// Scalar functions of the query language (docs/QUERY.md), called by the evaluator.
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "evaluator.h"

namespace newsgraph::query {
namespace {

std::string lowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string upperAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::size_t utf8Length(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

Value callFunction(const Expr& expr, const FunctionCall& call, const Row& row, ExecContext& ctx) {
  if (call.aggregate >= 0) {
    if (!ctx.aggregates) runtimeError(expr, "aggregate outside a projection");
    return (*ctx.aggregates)[static_cast<std::size_t>(call.aggregate)];
  }
  std::vector<Value> args;
  for (const ExprPtr& arg : call.args) args.push_back(evaluate(*arg, row, ctx));
  const std::string& f = call.name;
  if (f == "coalesce") {
    for (const Value& v : args) {
      if (!v.isNull()) return v;
    }
    return Value();
  }
  const Value& x = args[0];
  if (x.isNull()) return Value();
  const SnapshotData& s = ctx.snapshot;
  auto expect = [&](bool ok, const char* what) {
    if (!ok) runtimeError(expr, f + "() expects " + what + ", got " + typeName(x));
  };
  if (f == "id") {
    if (const auto* n = x.asNode()) return Value(s.graph->entity(n->vertex).id);
    expect(x.asRel() != nullptr, "a node or a relationship");
    return Value(static_cast<std::int64_t>(x.asRel()->edge));
  }
  if (f == "labels") {
    expect(x.asNode() != nullptr, "a node");
    return Value::list({Value(s.graph->entity(x.asNode()->vertex).cls)});
  }
  if (f == "type") {
    expect(x.asRel() != nullptr, "a relationship");
    return Value(s.graph->relation(x.asRel()->edge).type);
  }
  if (f == "startnode" || f == "endnode") {
    expect(x.asRel() != nullptr, "a relationship");
    const auto& rel = s.graph->relation(x.asRel()->edge);
    return Value(NodeRef{f == "startnode" ? rel.subject : rel.object});
  }
  if (f == "degree") {
    expect(x.asNode() != nullptr, "a node");
    return Value(static_cast<std::int64_t>(s.degree(x.asNode()->vertex)));
  }
  if (f == "length" || f == "nodes" || f == "relationships" || f == "rels") {
    if (f == "length" && x.asList()) return Value(static_cast<std::int64_t>(x.asList()->size()));
    if (f == "length" && x.asString())
      return Value(static_cast<std::int64_t>(utf8Length(*x.asString())));
    expect(x.asPath() != nullptr, "a path");
    const PathValue& p = *x.asPath();
    if (f == "length") return Value(static_cast<std::int64_t>(p.edges.size()));
    if (f == "nodes") {
      ValueList out;
      for (graph::VertexId v : p.nodes) out.push_back(Value(NodeRef{v}));
      return Value::list(std::move(out));
    }
    return relList(p);
  }
  if (f == "size") {
    if (const auto* l = x.asList()) return Value(static_cast<std::int64_t>(l->size()));
    expect(x.asString() != nullptr, "a list or a string");
    return Value(static_cast<std::int64_t>(utf8Length(*x.asString())));
  }
  if (f == "head" || f == "last") {
    expect(x.asList() != nullptr, "a list");
    const ValueList& l = *x.asList();
    if (l.empty()) return Value();
    return f == "head" ? l.front() : l.back();
  }
  if (f == "tolower" || f == "toupper" || f == "trim") {
    expect(x.asString() != nullptr, "a string");
    if (f == "tolower") return Value(lowerAscii(*x.asString()));
    if (f == "toupper") return Value(upperAscii(*x.asString()));
    std::string t = *x.asString();
    auto first = t.find_first_not_of(" \t\n\r");
    if (first == std::string::npos) return Value(std::string());
    return Value(t.substr(first, t.find_last_not_of(" \t\n\r") - first + 1));
  }
  if (f == "tostring") {
    if (const auto* str = x.asString()) return Value(*str);
    if (const auto* i = x.asInt()) return Value(std::to_string(*i));
    if (const auto* d = x.asDate()) return Value(d->toString());
    if (const auto* b = x.asBool()) return Value(std::string(*b ? "true" : "false"));
    if (const auto* v = x.asDouble()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", *v);
      return Value(std::string(buf));
    }
    if (const auto* n = x.asNode()) return Value(s.graph->entity(n->vertex).id);
    runtimeError(expr, "toString() cannot convert " + typeName(x));
  }
  if (f == "tointeger") {
    if (const auto* i = x.asInt()) return Value(*i);
    if (const auto* d = x.asDouble()) {
      if (!std::isfinite(*d) || std::fabs(*d) > 9.2e18) return Value();
      return Value(static_cast<std::int64_t>(*d));
    }
    if (const auto* str = x.asString()) {
      char* end = nullptr;
      errno = 0;
      long long v = std::strtoll(str->c_str(), &end, 10);
      if (end == str->c_str() || *end != '\0' || errno != 0) return Value();
      return Value(static_cast<std::int64_t>(v));
    }
    runtimeError(expr, "toInteger() cannot convert " + typeName(x));
  }
  if (f == "tofloat") {
    if (isNumber(x)) return Value(toDouble(x));
    if (const auto* str = x.asString()) {
      char* end = nullptr;
      double v = std::strtod(str->c_str(), &end);
      if (end == str->c_str() || *end != '\0') return Value();
      return Value(v);
    }
    runtimeError(expr, "toFloat() cannot convert " + typeName(x));
  }
  if (f == "abs") {
    expect(isNumber(x), "a number");
    if (const auto* i = x.asInt()) {
      if (*i == INT64_MIN) runtimeError(expr, "integer overflow");
      return Value(*i < 0 ? -*i : *i);
    }
    return Value(std::fabs(*x.asDouble()));
  }
  if (f == "round") {
    expect(isNumber(x), "a number");
    return Value(std::round(toDouble(x)));
  }
  if (f == "date") {
    if (const auto* d = x.asDate()) return Value(*d);
    expect(x.asString() != nullptr, "a string YYYY[-MM[-DD]]");
    auto parsed = common::PartialDate::parse(*x.asString());
    if (!parsed)
      runtimeError(expr, "date('" + *x.asString() + "'): write YYYY, YYYY-MM or YYYY-MM-DD");
    return Value(*parsed);
  }
  if (f == "precision") {
    auto d = asDateLike(x);
    if (!d) return Value();
    return Value(std::string(d->precisionName()));
  }
  runtimeError(expr, "function " + f + "() is not implemented");
}

}  // namespace newsgraph::query

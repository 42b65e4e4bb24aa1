#include "ast.h"

#include <sstream>

namespace newsgraph::query {
namespace {

std::string literalText(const Value& value) {
  if (value.isNull()) return "null";
  if (const bool* b = value.asBool()) return *b ? "true" : "false";
  if (const std::int64_t* i = value.asInt()) return std::to_string(*i);
  if (const double* d = value.asDouble()) {
    std::ostringstream out;
    out << *d;
    return out.str();
  }
  if (const std::string* s = value.asString()) {
    std::string out = "'";
    for (char c : *s) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out + "'";
  }
  return "?";
}

std::string propertyMapText(const PropertyMap& map) {
  if (map.empty()) return "";
  std::string out = " {";
  for (std::size_t i = 0; i < map.size(); ++i) {
    if (i > 0) out += ", ";
    out += map[i].first + ": " + toString(*map[i].second);
  }
  return out + "}";
}

std::string nodeText(const NodePattern& node) {
  std::string out = "(" + node.var;
  for (const std::string& label : node.labels) out += ":" + label;
  return out + propertyMapText(node.properties) + ")";
}

std::string relText(const RelPattern& rel) {
  std::string body = rel.var;
  for (std::size_t i = 0; i < rel.types.size(); ++i) body += (i == 0 ? ":" : "|") + rel.types[i];
  if (rel.variableLength) {
    body += "*" + std::to_string(rel.minHops) + "..";
    if (rel.maxHops) body += std::to_string(*rel.maxHops);
  }
  body += propertyMapText(rel.properties);
  std::string out = rel.direction == Direction::kIn ? "<-" : "-";
  out += "[" + body + "]";
  out += rel.direction == Direction::kOut ? "->" : "-";
  return out;
}

}  // namespace

std::string toString(const Expr& expr) {
  struct Visitor {
    std::string operator()(const Literal& e) const { return literalText(e.value); }
    std::string operator()(const Parameter& e) const { return "$" + e.name; }
    std::string operator()(const Variable& e) const { return e.name; }
    std::string operator()(const PropertyAccess& e) const {
      return toString(*e.object) + "." + e.key;
    }
    std::string operator()(const ListLiteral& e) const {
      std::string out = "[";
      for (std::size_t i = 0; i < e.items.size(); ++i) {
        out += (i > 0 ? ", " : "") + toString(*e.items[i]);
      }
      return out + "]";
    }
    std::string operator()(const MapLiteral& e) const {
      std::string out = "{";
      for (std::size_t i = 0; i < e.items.size(); ++i) {
        out += (i > 0 ? ", " : "") + e.items[i].first + ": " + toString(*e.items[i].second);
      }
      return out + "}";
    }
    std::string operator()(const FunctionCall& e) const {
      std::string out = e.name + "(" + (e.distinct ? "DISTINCT " : "");
      if (e.star) out += "*";
      for (std::size_t i = 0; i < e.args.size(); ++i) {
        out += (i > 0 ? ", " : "") + toString(*e.args[i]);
      }
      return out + ")";
    }
    std::string operator()(const UnaryOp& e) const {
      return e.op == "NOT" ? "NOT " + toString(*e.operand) : e.op + toString(*e.operand);
    }
    std::string operator()(const BinaryOp& e) const {
      return "(" + toString(*e.left) + " " + e.op + " " + toString(*e.right) + ")";
    }
    std::string operator()(const IsNullOp& e) const {
      return toString(*e.operand) + (e.negated ? " IS NOT NULL" : " IS NULL");
    }
    std::string operator()(const ListComprehension& e) const {
      std::string out = "[" + e.var + " IN " + toString(*e.list);
      if (e.where) out += " WHERE " + toString(*e.where);
      if (e.projection) out += " | " + toString(*e.projection);
      return out + "]";
    }
    std::string operator()(const LabelCheck& e) const {
      std::string out = toString(*e.object);
      for (const std::string& label : e.labels) out += ":" + label;
      return out;
    }
    std::string operator()(const IndexOp& e) const {
      return toString(*e.object) + "[" + toString(*e.index) + "]";
    }
  };
  return std::visit(Visitor{}, expr.node);
}

std::string toString(const PatternPath& pattern) {
  std::string out;
  if (!pattern.pathVar.empty()) out += pattern.pathVar + " = ";
  if (pattern.kind == PathKind::kShortest) out += "shortestPath(";
  if (pattern.kind == PathKind::kAllShortest) out += "allShortestPaths(";
  for (std::size_t i = 0; i < pattern.nodes.size(); ++i) {
    if (i > 0) out += relText(pattern.rels[i - 1]);
    out += nodeText(pattern.nodes[i]);
  }
  if (pattern.kind != PathKind::kPlain) out += ")";
  return out;
}

std::string toString(const Ast& ast) {
  std::string out;
  if (ast.mode == QueryMode::kExplain) out += "EXPLAIN\n";
  if (ast.mode == QueryMode::kProfile) out += "PROFILE\n";
  struct Visitor {
    std::string operator()(const MatchClause& c) const {
      std::string line = c.optional ? "OPTIONAL MATCH " : "MATCH ";
      for (std::size_t i = 0; i < c.patterns.size(); ++i) {
        line += (i > 0 ? ", " : "") + toString(c.patterns[i]);
      }
      if (c.where) line += " WHERE " + toString(*c.where);
      return line;
    }
    std::string operator()(const CallClause& c) const {
      std::string line = "CALL " + c.procedure + "(";
      for (std::size_t i = 0; i < c.args.size(); ++i) {
        line += (i > 0 ? ", " : "") + toString(*c.args[i]);
      }
      line += ")";
      for (std::size_t i = 0; i < c.yields.size(); ++i) {
        line += (i == 0 ? " YIELD " : ", ") + c.yields[i].name;
        if (!c.yields[i].alias.empty()) line += " AS " + c.yields[i].alias;
      }
      if (c.where) line += " WHERE " + toString(*c.where);
      return line;
    }
    std::string operator()(const UnwindClause& c) const {
      return "UNWIND " + toString(*c.list) + " AS " + c.var;
    }
    std::string operator()(const ProjectionClause& c) const {
      std::string line = c.isWith ? "WITH " : "RETURN ";
      if (c.distinct) line += "DISTINCT ";
      for (std::size_t i = 0; i < c.items.size(); ++i) {
        line += (i > 0 ? ", " : "") + toString(*c.items[i].expr);
        if (!c.items[i].alias.empty()) line += " AS " + c.items[i].alias;
      }
      for (std::size_t i = 0; i < c.orderBy.size(); ++i) {
        line += (i == 0 ? " ORDER BY " : ", ") + toString(*c.orderBy[i].expr) +
                (c.orderBy[i].descending ? " DESC" : "");
      }
      if (c.skip) line += " SKIP " + toString(*c.skip);
      if (c.limit) line += " LIMIT " + toString(*c.limit);
      if (c.where) line += " WHERE " + toString(*c.where);
      return line;
    }
  };
  for (const Clause& clause : ast.clauses) out += std::visit(Visitor{}, clause) + "\n";
  return out;
}

}  // namespace newsgraph::query

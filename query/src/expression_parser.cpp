#include "expression_parser.h"

#include <charconv>
#include <cstdlib>

namespace newsgraph::query {
namespace {

// Counts nesting; fails past 200 levels (deeper would overflow the stack).
struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d, SourcePos pos) : depth(d) {
    if (++depth > 200) fail("syntax", pos, "expression nested too deeply");
  }
  ~DepthGuard() { --depth; }
};

}  // namespace

ExprPtr ExpressionParser::binary(SourcePos pos, std::string op, ExprPtr left, ExprPtr right) {
  return make(pos, BinaryOp{std::move(op), std::move(left), std::move(right)});
}

ExprPtr ExpressionParser::parseExpr() {
  DepthGuard guard(depth_, peek().pos);
  return parseOr();
}
ExprPtr ExpressionParser::parseOr() {
  ExprPtr left = parseXor();
  while (isKeyword("OR")) {
    SourcePos pos = next().pos;
    left = binary(pos, "OR", std::move(left), parseXor());
  }
  return left;
}
ExprPtr ExpressionParser::parseXor() {
  ExprPtr left = parseAnd();
  while (isKeyword("XOR")) {
    SourcePos pos = next().pos;
    left = binary(pos, "XOR", std::move(left), parseAnd());
  }
  return left;
}
ExprPtr ExpressionParser::parseAnd() {
  ExprPtr left = parseNot();
  while (isKeyword("AND")) {
    SourcePos pos = next().pos;
    left = binary(pos, "AND", std::move(left), parseNot());
  }
  return left;
}
ExprPtr ExpressionParser::parseNot() {
  if (isKeyword("NOT")) {
    SourcePos pos = next().pos;
    DepthGuard guard(depth_, pos);
    return make(pos, UnaryOp{"NOT", parseNot()});
  }
  return parseComparison();
}
ExprPtr ExpressionParser::parseComparison() {
  ExprPtr left = parseAdditive();
  while (true) {
    SourcePos pos = peek().pos;
    static const char* const kOps[] = {"=", "<>", "!=", "<", "<=", ">", ">="};
    std::string op;
    for (const char* candidate : kOps) {
      if (isSymbol(candidate)) op = candidate;
    }
    if (!op.empty()) {
      next();
      if (op == "!=") op = "<>";
      left = binary(pos, op, std::move(left), parseAdditive());
    } else if (acceptKeyword("IN")) {
      left = binary(pos, "IN", std::move(left), parseAdditive());
    } else if (isKeyword("STARTS") || isKeyword("ENDS")) {
      std::string word = upper(next().text);
      expectKeyword("WITH");
      left = binary(pos, word + " WITH", std::move(left), parseAdditive());
    } else if (acceptKeyword("CONTAINS")) {
      left = binary(pos, "CONTAINS", std::move(left), parseAdditive());
    } else if (acceptKeyword("IS")) {
      bool negated = acceptKeyword("NOT");
      expectKeyword("NULL");
      left = make(pos, IsNullOp{std::move(left), negated});
    } else {
      return left;
    }
  }
}
ExprPtr ExpressionParser::parseAdditive() {
  ExprPtr left = parseMultiplicative();
  while (isSymbol("+") || isSymbol("-")) {
    SourcePos pos = peek().pos;
    std::string op = next().text;
    left = binary(pos, op, std::move(left), parseMultiplicative());
  }
  return left;
}
ExprPtr ExpressionParser::parseMultiplicative() {
  ExprPtr left = parseUnary();
  while (isSymbol("*") || isSymbol("/") || isSymbol("%")) {
    SourcePos pos = peek().pos;
    std::string op = next().text;
    left = binary(pos, op, std::move(left), parseUnary());
  }
  return left;
}
ExprPtr ExpressionParser::parseUnary() {
  if (isSymbol("-") || isSymbol("+")) {
    SourcePos pos = peek().pos;
    std::string op = next().text;
    DepthGuard guard(depth_, pos);
    ExprPtr operand = parseUnary();
    if (op == "+") return operand;
    return make(pos, UnaryOp{"-", std::move(operand)});
  }
  return parsePostfix();
}
ExprPtr ExpressionParser::parsePostfix() {
  ExprPtr expr = parseAtom();
  while (true) {
    SourcePos pos = peek().pos;
    if (acceptSymbol(".")) {
      std::string key = expectSymbolicName("a property name after '.'");
      expr = make(pos, PropertyAccess{std::move(expr), std::move(key)});
    } else if (isSymbol(":") && std::holds_alternative<Variable>(expr->node) &&
               (peek(1).kind == TokenKind::kIdentifier || peek(1).kind == TokenKind::kQuotedName)) {
      LabelCheck check;
      check.object = std::move(expr);
      while (acceptSymbol(":")) check.labels.push_back(expectSymbolicName("a label"));
      expr = make(pos, std::move(check));
    } else if (acceptSymbol("[")) {
      ExprPtr index = parseExpr();
      expectSymbol("]");
      expr = make(pos, IndexOp{std::move(expr), std::move(index)});
    } else {
      return expr;
    }
  }
}
ExprPtr ExpressionParser::parseAtom() {
  const Token& token = peek();
  SourcePos pos = token.pos;
  switch (token.kind) {
    case TokenKind::kString:
      return make(pos, Literal{Value(std::string(next().text))});
    case TokenKind::kInteger: {
      std::int64_t value = 0;
      auto [ptr, ec] =
          std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
      if (ec != std::errc()) fail("syntax", pos, "integer out of range: " + token.text);
      next();
      return make(pos, Literal{Value(value)});
    }
    case TokenKind::kFloat: {
      double value = std::strtod(token.text.c_str(), nullptr);
      next();
      return make(pos, Literal{Value(value)});
    }
    case TokenKind::kParameter:
      return make(pos, Parameter{next().text});
    case TokenKind::kQuotedName:
      return make(pos, Variable{next().text});
    case TokenKind::kSymbol:
      if (acceptSymbol("(")) {
        ExprPtr inner = parseExpr();
        expectSymbol(")");
        return inner;
      }
      if (isSymbol("[") &&
          (peek(1).kind == TokenKind::kIdentifier || peek(1).kind == TokenKind::kQuotedName) &&
          isKeyword("IN", 2)) {
        next();
        ListComprehension comprehension;
        comprehension.var = expectName("a variable");
        expectKeyword("IN");
        comprehension.list = parseExpr();
        if (acceptKeyword("WHERE")) comprehension.where = parseExpr();
        if (acceptSymbol("|")) comprehension.projection = parseExpr();
        expectSymbol("]");
        return make(pos, std::move(comprehension));
      }
      if (acceptSymbol("[")) {
        ListLiteral list;
        if (!acceptSymbol("]")) {
          do {
            list.items.push_back(parseExpr());
          } while (acceptSymbol(","));
          expectSymbol("]");
        }
        return make(pos, std::move(list));
      }
      if (isSymbol("{")) {
        MapLiteral map;
        map.items = parsePropertyMap();
        return make(pos, std::move(map));
      }
      unexpected("an expression");
    case TokenKind::kIdentifier:
      break;
    case TokenKind::kEnd:
      unexpected("an expression");
  }
  std::string up = upper(token.text);
  if (up == "TRUE" || up == "FALSE") {
    next();
    return make(pos, Literal{Value(up == "TRUE")});
  }
  if (up == "NULL") {
    next();
    return make(pos, Literal{Value()});
  }
  if (isSymbol("(", 1) || isSymbol(".", 1)) {
    // A function call, possibly namespaced (algo.x is only for CALL, reported by the binder).
    std::size_t save = at_;
    std::string name = next().text;
    while (isSymbol(".") && peek(1).kind == TokenKind::kIdentifier) {
      if (!isSymbol("(", 2) && !isSymbol(".", 2)) break;
      next();
      name += "." + next().text;
    }
    if (acceptSymbol("(")) {
      FunctionCall call;
      call.name = lower(name);
      if (acceptKeyword("DISTINCT")) call.distinct = true;
      if (acceptSymbol("*")) {
        call.star = true;
      } else if (!isSymbol(")")) {
        do {
          call.args.push_back(parseExpr());
        } while (acceptSymbol(","));
      }
      expectSymbol(")");
      return make(pos, std::move(call));
    }
    at_ = save;
  }
  return make(pos, Variable{expectName("an expression")});
}

PropertyMap ExpressionParser::parsePropertyMap() {
  PropertyMap map;
  expectSymbol("{");
  if (acceptSymbol("}")) return map;
  do {
    std::string key = expectSymbolicName("a property name");
    expectSymbol(":");
    map.emplace_back(std::move(key), parseExpr());
  } while (acceptSymbol(","));
  expectSymbol("}");
  return map;
}

}  // namespace newsgraph::query

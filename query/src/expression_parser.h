// Private to the parser: expressions (WHERE, RETURN, property maps), lowest precedence first:
// OR, XOR, AND, NOT, comparisons, + -, * / %, unary minus, postfix (property, index), atoms.
#pragma once

#include <memory>
#include <string>

#include "ast.h"
#include "token_cursor.h"

namespace newsgraph::query {

// Parses expressions at the cursor; the clause parser derives from it.
class ExpressionParser : protected TokenCursor {
 public:
  using TokenCursor::TokenCursor;

 protected:
  // One expression; fails past 200 levels of nesting.
  ExprPtr parseExpr();
  // `{key: expr, ...}`.
  PropertyMap parsePropertyMap();

 private:
  ExprPtr make(SourcePos pos, auto node) {
    auto expr = std::make_unique<Expr>();
    expr->node = std::move(node);
    expr->pos = pos;
    return expr;
  }
  ExprPtr binary(SourcePos pos, std::string op, ExprPtr left, ExprPtr right);
  ExprPtr parseOr();
  ExprPtr parseXor();
  ExprPtr parseAnd();
  ExprPtr parseNot();
  ExprPtr parseComparison();
  ExprPtr parseAdditive();
  ExprPtr parseMultiplicative();
  ExprPtr parseUnary();
  ExprPtr parsePostfix();
  ExprPtr parseAtom();

  int depth_ = 0;
};

}  // namespace newsgraph::query

#include "parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

#include "lexer.h"

namespace newsgraph::query {
namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words that may not be used as bare variable names.
bool isReserved(const std::string& word) {
  static const char* const kReserved[] = {
      "MATCH",    "OPTIONAL", "WHERE", "RETURN",   "WITH",    "UNWIND",  "CALL",       "YIELD",
      "ORDER",    "BY",       "SKIP",  "LIMIT",    "AND",     "OR",      "XOR",        "NOT",
      "IN",       "IS",       "NULL",  "TRUE",     "FALSE",   "AS",      "DESC",       "ASC",
      "DISTINCT", "STARTS",   "ENDS",  "CONTAINS", "EXPLAIN", "PROFILE", "DESCENDING", "ASCENDING"};
  std::string up = upper(word);
  return std::any_of(std::begin(kReserved), std::end(kReserved),
                     [&](const char* r) { return up == r; });
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Ast parseQuery() {
    Ast ast;
    if (acceptKeyword("EXPLAIN")) {
      ast.mode = QueryMode::kExplain;
    } else if (acceptKeyword("PROFILE")) {
      ast.mode = QueryMode::kProfile;
    }
    if (peek().kind == TokenKind::kEnd) fail("syntax", {}, "empty query");
    while (peek().kind != TokenKind::kEnd && !isSymbol(";")) {
      ast.clauses.push_back(parseClause());
    }
    acceptSymbol(";");
    if (peek().kind != TokenKind::kEnd) {
      unexpected("the end of the query (one statement per query)");
    }
    return ast;
  }

 private:
  std::vector<Token> tokens_;
  std::size_t at_ = 0;

  const Token& peek(std::size_t ahead = 0) const {
    return tokens_[std::min(at_ + ahead, tokens_.size() - 1)];
  }
  const Token& next() {
    const Token& token = tokens_[at_];
    if (at_ + 1 < tokens_.size()) ++at_;
    return token;
  }
  bool isSymbol(std::string_view symbol, std::size_t ahead = 0) const {
    return peek(ahead).kind == TokenKind::kSymbol && peek(ahead).text == symbol;
  }
  bool isKeyword(std::string_view keyword, std::size_t ahead = 0) const {
    return peek(ahead).kind == TokenKind::kIdentifier && upper(peek(ahead).text) == keyword;
  }
  bool acceptSymbol(std::string_view symbol) {
    if (!isSymbol(symbol)) return false;
    next();
    return true;
  }
  bool acceptKeyword(std::string_view keyword) {
    if (!isKeyword(keyword)) return false;
    next();
    return true;
  }

  static std::string describe(const Token& token) {
    switch (token.kind) {
      case TokenKind::kEnd:
        return "the end of the query";
      case TokenKind::kString:
        return "string '" + token.text + "'";
      case TokenKind::kParameter:
        return "$" + token.text;
      default:
        return "'" + token.text + "'";
    }
  }
  [[noreturn]] void unexpected(std::string_view expected) const {
    fail("syntax", peek().pos,
         "unexpected " + describe(peek()) + "; expected " + std::string(expected));
  }
  void expectSymbol(std::string_view symbol) {
    if (!acceptSymbol(symbol)) unexpected("'" + std::string(symbol) + "'");
  }
  void expectKeyword(std::string_view keyword) {
    if (!acceptKeyword(keyword)) unexpected(std::string(keyword));
  }
  std::string expectName(std::string_view what) {
    const Token& token = peek();
    if (token.kind == TokenKind::kQuotedName) return next().text;
    if (token.kind != TokenKind::kIdentifier) unexpected(what);
    if (isReserved(token.text)) {
      fail("syntax", token.pos,
           "'" + token.text + "' is a reserved word; expected " + std::string(what) + " (write `" +
               token.text + "` to use it as a name)");
    }
    return next().text;
  }
  // Labels, types and property keys may be reserved words.
  std::string expectSymbolicName(std::string_view what) {
    const Token& token = peek();
    if (token.kind != TokenKind::kIdentifier && token.kind != TokenKind::kQuotedName) {
      unexpected(what);
    }
    return next().text;
  }
  bool atClauseStart() const {
    return isKeyword("MATCH") || isKeyword("OPTIONAL") || isKeyword("RETURN") ||
           isKeyword("WITH") || isKeyword("UNWIND") || isKeyword("CALL");
  }

  Clause parseClause() {
    SourcePos pos = peek().pos;
    if (acceptKeyword("OPTIONAL")) {
      expectKeyword("MATCH");
      return parseMatch(true, pos);
    }
    if (acceptKeyword("MATCH")) return parseMatch(false, pos);
    if (acceptKeyword("CALL")) return parseCall(pos);
    if (acceptKeyword("UNWIND")) {
      UnwindClause clause;
      clause.pos = pos;
      clause.list = parseExpr();
      expectKeyword("AS");
      clause.var = expectName("a variable name");
      return clause;
    }
    if (isKeyword("RETURN") || isKeyword("WITH")) return parseProjection();
    unexpected("MATCH, OPTIONAL MATCH, CALL, UNWIND, WITH or RETURN");
  }

  Clause parseMatch(bool optional, SourcePos pos) {
    MatchClause clause;
    clause.optional = optional;
    clause.pos = pos;
    do {
      clause.patterns.push_back(parsePatternPath());
    } while (acceptSymbol(","));
    if (acceptKeyword("WHERE")) clause.where = parseExpr();
    return clause;
  }

  PatternPath parsePatternPath() {
    PatternPath path;
    path.pos = peek().pos;
    if ((peek().kind == TokenKind::kIdentifier || peek().kind == TokenKind::kQuotedName) &&
        isSymbol("=", 1)) {
      path.pathVar = expectName("a path variable");
      next();
    }
    bool wrapped = false;
    if (isKeyword("SHORTESTPATH") || isKeyword("ALLSHORTESTPATHS")) {
      path.pos = peek().pos;
      path.kind = isKeyword("SHORTESTPATH") ? PathKind::kShortest : PathKind::kAllShortest;
      next();
      expectSymbol("(");
      wrapped = true;
    }
    path.nodes.push_back(parseNode());
    while (isSymbol("-") || isSymbol("<")) {
      path.rels.push_back(parseRel());
      path.nodes.push_back(parseNode());
    }
    if (wrapped) expectSymbol(")");
    return path;
  }

  PropertyMap parsePropertyMap() {
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

  NodePattern parseNode() {
    NodePattern node;
    node.pos = peek().pos;
    expectSymbol("(");
    if (peek().kind == TokenKind::kIdentifier || peek().kind == TokenKind::kQuotedName) {
      node.var = expectName("a variable, ':' or ')'");
    }
    while (acceptSymbol(":")) {
      node.labelPos.push_back(peek().pos);
      node.labels.push_back(expectSymbolicName("a label (an ontology class)"));
    }
    if (isSymbol("{")) node.properties = parsePropertyMap();
    if (!acceptSymbol(")")) unexpected("')' to close the node pattern");
    return node;
  }

  int parseHopCount() {
    const Token& token = peek();
    if (token.kind != TokenKind::kInteger) unexpected("a number of hops");
    long value = std::strtol(token.text.c_str(), nullptr, 10);
    if (value > 1000000 || token.text.size() > 7) fail("syntax", token.pos, "too many hops");
    next();
    return static_cast<int>(value);
  }

  RelPattern parseRel() {
    RelPattern rel;
    rel.pos = peek().pos;
    bool leftArrow = false;
    if (acceptSymbol("<")) leftArrow = true;
    expectSymbol("-");
    if (acceptSymbol("[")) {
      if (peek().kind == TokenKind::kIdentifier || peek().kind == TokenKind::kQuotedName) {
        rel.var = expectName("a variable, ':' or ']'");
      }
      if (acceptSymbol(":")) {
        do {
          acceptSymbol(":");
          rel.typePos.push_back(peek().pos);
          rel.types.push_back(expectSymbolicName("a relation type"));
        } while (acceptSymbol("|"));
      }
      if (acceptSymbol("*")) {
        rel.variableLength = true;
        if (peek().kind == TokenKind::kInteger) {
          rel.minHops = parseHopCount();
          if (!isSymbol("..")) rel.maxHops = rel.minHops;
        }
        if (acceptSymbol("..")) {
          if (peek().kind == TokenKind::kInteger) rel.maxHops = parseHopCount();
        }
      }
      if (isSymbol("{")) rel.properties = parsePropertyMap();
      if (!acceptSymbol("]")) unexpected("']' to close the relationship pattern");
    }
    expectSymbol("-");
    bool rightArrow = acceptSymbol(">");
    if (leftArrow && rightArrow) {
      fail("syntax", rel.pos, "a relationship cannot point both ways; use -[]- for either way");
    }
    rel.direction = leftArrow ? Direction::kIn : rightArrow ? Direction::kOut : Direction::kBoth;
    return rel;
  }

  Clause parseCall(SourcePos pos) {
    CallClause clause;
    clause.pos = pos;
    std::string name = expectSymbolicName("a procedure name");
    while (acceptSymbol(".")) name += "." + expectSymbolicName("a procedure name");
    clause.procedure = lower(name);
    expectSymbol("(");
    if (!acceptSymbol(")")) {
      do {
        clause.args.push_back(parseExpr());
      } while (acceptSymbol(","));
      expectSymbol(")");
    }
    if (acceptKeyword("YIELD")) {
      do {
        YieldItem item;
        item.pos = peek().pos;
        item.name = expectSymbolicName("a YIELD column");
        if (acceptKeyword("AS")) item.alias = expectName("a variable name");
        clause.yields.push_back(std::move(item));
      } while (acceptSymbol(","));
      if (acceptKeyword("WHERE")) clause.where = parseExpr();
    }
    return clause;
  }

  Clause parseProjection() {
    ProjectionClause clause;
    clause.pos = peek().pos;
    clause.isWith = isKeyword("WITH");
    next();
    clause.distinct = acceptKeyword("DISTINCT");
    do {
      ReturnItem item;
      std::size_t first = at_;
      item.expr = parseExpr();
      if (acceptKeyword("AS")) {
        item.alias = expectName("an alias");
        item.column = item.alias;
      } else {
        item.column = sourceText(first, at_);
      }
      clause.items.push_back(std::move(item));
    } while (acceptSymbol(","));
    if (acceptKeyword("ORDER")) {
      expectKeyword("BY");
      do {
        SortItem item;
        item.expr = parseExpr();
        if (acceptKeyword("DESC") || acceptKeyword("DESCENDING")) {
          item.descending = true;
        } else if (!acceptKeyword("ASC")) {
          acceptKeyword("ASCENDING");
        }
        clause.orderBy.push_back(std::move(item));
      } while (acceptSymbol(","));
    }
    if (acceptKeyword("SKIP")) clause.skip = parseExpr();
    if (acceptKeyword("LIMIT")) clause.limit = parseExpr();
    if (clause.isWith && acceptKeyword("WHERE")) clause.where = parseExpr();
    return clause;
  }

  // The tokens [first, last) as the user wrote them, spaces normalised: a column's name.
  std::string sourceText(std::size_t first, std::size_t last) const {
    std::string out;
    for (std::size_t i = first; i < last; ++i) {
      const Token& token = tokens_[i];
      std::string text = token.text;
      if (token.kind == TokenKind::kString) text = "'" + text + "'";
      if (token.kind == TokenKind::kParameter) text = "$" + text;
      if (token.kind == TokenKind::kQuotedName) text = "`" + text + "`";
      bool tight = token.kind == TokenKind::kSymbol && (text == "." || text == "(" || text == ")" ||
                                                        text == "[" || text == "]" || text == ",");
      bool afterTight =
          i > first && tokens_[i - 1].kind == TokenKind::kSymbol &&
          (tokens_[i - 1].text == "." || tokens_[i - 1].text == "(" || tokens_[i - 1].text == "[");
      if (i > first && !tight && !afterTight) out += ' ';
      if (text == ",") text = ", ";
      out += text;
    }
    // ", " then a space-separated token would double the space.
    std::string cleaned;
    for (char c : out) {
      if (c == ' ' && !cleaned.empty() && cleaned.back() == ' ') continue;
      cleaned += c;
    }
    return cleaned;
  }

  // ---- expressions, lowest precedence first
  ExprPtr make(SourcePos pos, auto node) {
    auto expr = std::make_unique<Expr>();
    expr->node = std::move(node);
    expr->pos = pos;
    return expr;
  }
  ExprPtr binary(SourcePos pos, std::string op, ExprPtr left, ExprPtr right) {
    return make(pos, BinaryOp{std::move(op), std::move(left), std::move(right)});
  }

  int depth_ = 0;
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d, SourcePos pos) : depth(d) {
      if (++depth > 200) fail("syntax", pos, "expression nested too deeply");
    }
    ~DepthGuard() { --depth; }
  };

  ExprPtr parseExpr() {
    DepthGuard guard(depth_, peek().pos);
    return parseOr();
  }
  ExprPtr parseOr() {
    ExprPtr left = parseXor();
    while (isKeyword("OR")) {
      SourcePos pos = next().pos;
      left = binary(pos, "OR", std::move(left), parseXor());
    }
    return left;
  }
  ExprPtr parseXor() {
    ExprPtr left = parseAnd();
    while (isKeyword("XOR")) {
      SourcePos pos = next().pos;
      left = binary(pos, "XOR", std::move(left), parseAnd());
    }
    return left;
  }
  ExprPtr parseAnd() {
    ExprPtr left = parseNot();
    while (isKeyword("AND")) {
      SourcePos pos = next().pos;
      left = binary(pos, "AND", std::move(left), parseNot());
    }
    return left;
  }
  ExprPtr parseNot() {
    if (isKeyword("NOT")) {
      SourcePos pos = next().pos;
      DepthGuard guard(depth_, pos);
      return make(pos, UnaryOp{"NOT", parseNot()});
    }
    return parseComparison();
  }
  ExprPtr parseComparison() {
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
  ExprPtr parseAdditive() {
    ExprPtr left = parseMultiplicative();
    while (isSymbol("+") || isSymbol("-")) {
      SourcePos pos = peek().pos;
      std::string op = next().text;
      left = binary(pos, op, std::move(left), parseMultiplicative());
    }
    return left;
  }
  ExprPtr parseMultiplicative() {
    ExprPtr left = parseUnary();
    while (isSymbol("*") || isSymbol("/") || isSymbol("%")) {
      SourcePos pos = peek().pos;
      std::string op = next().text;
      left = binary(pos, op, std::move(left), parseUnary());
    }
    return left;
  }
  ExprPtr parseUnary() {
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
  ExprPtr parsePostfix() {
    ExprPtr expr = parseAtom();
    while (true) {
      SourcePos pos = peek().pos;
      if (acceptSymbol(".")) {
        std::string key = expectSymbolicName("a property name after '.'");
        expr = make(pos, PropertyAccess{std::move(expr), std::move(key)});
      } else if (isSymbol(":") && std::holds_alternative<Variable>(expr->node) &&
                 (peek(1).kind == TokenKind::kIdentifier ||
                  peek(1).kind == TokenKind::kQuotedName)) {
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
  ExprPtr parseAtom() {
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
};

}  // namespace

Ast parse(std::string_view text) { return Parser(tokenize(text)).parseQuery(); }

}  // namespace newsgraph::query

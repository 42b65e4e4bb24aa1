#include "parser.h"

#include "expression_parser.h"
#include "lexer.h"

namespace newsgraph::query {
namespace {

// Clauses and patterns; expressions come from ExpressionParser.
class Parser : ExpressionParser {
 public:
  using ExpressionParser::ExpressionParser;

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
};

}  // namespace

Ast parse(std::string_view text) { return Parser(tokenize(text)).parseQuery(); }

}  // namespace newsgraph::query

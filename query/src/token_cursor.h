// Private to the parser: a cursor over the query's tokens with the checks every grammar rule
// uses (accept, expect, the "unexpected X; expected Y" error), and the word helpers.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lexer.h"
#include "query_error.h"

namespace newsgraph::query {

// Upper- and lower-case copies of ASCII text (keywords are case-insensitive).
std::string upper(std::string_view text);
std::string lower(std::string_view text);
// Whether a word may not be used as a bare variable name.
bool isReserved(const std::string& word);

// Reads tokens one by one; every syntax error names the token found and what was expected.
class TokenCursor {
 public:
  explicit TokenCursor(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

 protected:
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
};

}  // namespace newsgraph::query

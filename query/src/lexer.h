// Private: splits query text into tokens with their line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query_error.h"

namespace newsgraph::query {

enum class TokenKind {
  kIdentifier,  // names and keywords (keywords are recognised by the parser, case-insensitive)
  kQuotedName,  // `backquoted name`: never a keyword
  kString,      // 'text' or "text", escapes resolved
  kInteger,
  kFloat,
  kParameter,  // $name (text holds name)
  kSymbol,     // ( ) [ ] { } , . .. : | * = <> != < <= > >= + - / % ;
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  SourcePos pos;
};

// Tokenizes `text`; the last token is kEnd. Fails with a syntax error on an unterminated string
// or comment, or a character that starts no token.
std::vector<Token> tokenize(std::string_view text);

}  // namespace newsgraph::query

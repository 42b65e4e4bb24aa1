// Word tokens and sentences of an article, with exact byte offsets into the article text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph::ingest {

enum class TokenKind : std::uint8_t { kWord, kNumber, kPunct };

// Token flags (bit set in Token::flags).
enum TokenFlag : std::uint8_t {
  kTitleCase = 1,        // first letter upper case: "Kidal", "FAMa"
  kAllUpper = 2,         // two or more letters, all upper case: "MINUSMA"
  kElided = 4,           // ends with an apostrophe: "l'", "d'", "qu'"
  kJoined = 8,           // touches the previous token (hyphen, apostrophe, letter/digit split)
  kNewlineBefore = 16,   // a line break lies between this token and the previous one
  kBlankLineBefore = 32  // an empty line lies between this token and the previous one
};

// One token. Offsets are UTF-8 byte offsets into the article text, [begin, end).
// `key` is the matching key (common::matchKey): lower case, no accents, apostrophe '\''.
struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  std::uint8_t flags = 0;
  std::string key;

  bool has(TokenFlag flag) const { return (flags & flag) != 0; }
};

// A sentence: tokens [firstToken, endToken) and bytes [begin, end) of the article text.
struct Sentence {
  std::uint32_t firstToken = 0;
  std::uint32_t endToken = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

}  // namespace newsgraph::ingest

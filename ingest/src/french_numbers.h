// Private to the ingest module: the small lexer that the date parser and the quantity parser
// share, over the French vocabulary of french_vocabulary.h. Header-only: the module's source
// list names only the two parsers.
//
// The lexer cuts one sentence into words, digit runs and punctuation with byte offsets, and
// classifies each word once by its matching key (common::matchKey: lower case, accents removed,
// typographic apostrophes as '\''). Latin-1 letters are folded by a table that gives the same
// key as matchKey; any other non-ASCII letter goes through common::appendMatchKey, and only for
// words short enough to be in the vocabulary.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "french_vocabulary.h"
#include "newsgraph/common/text.h"

namespace newsgraph::ingest::french {

// What a lexer token is.
enum class TokenKind : std::uint8_t { kWord, kNumber, kPunct };

// One token of a sentence. Offsets are UTF-8 byte offsets into the lexed text.
struct LexToken {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint64_t number = 0;  // kNumber: value of the digits (saturates at 10^18)
  TokenKind kind = TokenKind::kPunct;
  Word word = Word::kNone;  // kWord: the vocabulary entry, or kNone
  std::uint8_t gap = 2;     // space before: 0 glued, 1 one space (any kind), 2 more or a line
  std::uint8_t digits = 0;  // kNumber: count of digits (saturates at 255)
  char punct = 0;           // kPunct: the ASCII character; '-' for any dash, '\'' for
                            // apostrophes; 0 for other symbols
};

// Bounds-checked questions about a sentence's tokens (an index past the end answers "no"),
// shared by the date and quantity scanners, which derive from it.
class LexTokenReader {
 public:
  explicit LexTokenReader(const std::vector<LexToken>& tokens) : tokens_(tokens) {}

 protected:
  // The vocabulary entry of word token i, else Word::kNone.
  Word word(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kWord ? tokens_[i].word
                                                                     : Word::kNone;
  }
  bool isWord(std::size_t i, Word w) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kWord && tokens_[i].word == w;
  }
  bool isPunct(std::size_t i, char c) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kPunct && tokens_[i].punct == c;
  }
  bool isNumber(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kNumber;
  }
  // Whether token i follows the previous one with no space.
  bool glued(std::size_t i) const { return i < tokens_.size() && tokens_[i].gap == 0; }

  const std::vector<LexToken>& tokens_;
};

// Byte length of the white-space character at s[i], or 0. Counts ASCII white space, U+00A0,
// U+2000-U+200B, U+202F, U+205F, U+3000 and the byte-order mark. `newline` is set for \n, \r.
inline std::size_t spaceLength(const unsigned char* s, std::size_t i, std::size_t n,
                               bool& newline) {
  unsigned char c = s[i];
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return 1;
  if (c == '\n' || c == '\r') {
    newline = true;
    return 1;
  }
  if (c == 0xC2) return i + 1 < n && s[i + 1] == 0xA0 ? 2 : 0;
  if (i + 2 >= n) return 0;
  if (c == 0xE2) {
    if (s[i + 1] == 0x80 && (s[i + 2] <= 0x8B || s[i + 2] == 0xAF)) return 3;
    if (s[i + 1] == 0x81 && s[i + 2] == 0x9F) return 3;
    return 0;
  }
  if (c == 0xE3) return s[i + 1] == 0x80 && s[i + 2] == 0x80 ? 3 : 0;
  if (c == 0xEF) return s[i + 1] == 0xBB && s[i + 2] == 0xBF ? 3 : 0;
  return 0;
}

// Byte length of the code point whose lead byte is s[i], clamped to the text.
inline std::size_t codePointLength(const unsigned char* s, std::size_t i, std::size_t n) {
  unsigned char c = s[i];
  std::size_t length = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
  return i + length <= n ? length : n - i;
}

// Byte length of the apostrophe at s[i] (', U+2018, U+2019, U+02BC), or 0.
inline std::size_t apostropheLength(const unsigned char* s, std::size_t i, std::size_t n) {
  if (s[i] == '\'') return 1;
  if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x98 || s[i + 2] == 0x99)) {
    return 3;
  }
  if (s[i] == 0xCA && i + 1 < n && s[i + 1] == 0xBC) return 2;
  return 0;
}

constexpr bool isAsciiLetter(unsigned char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}
constexpr bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// True when s[i] starts a letter: an ASCII letter, or a non-ASCII code point outside the
// symbol blocks (U+0080-U+00BF, U+00D7, U+00F7, U+2000-U+2FFF). Call after spaceLength and
// apostropheLength have said no.
inline bool startsLetter(const unsigned char* s, std::size_t i, std::size_t n) {
  unsigned char c = s[i];
  if (c < 0x80) return isAsciiLetter(c);
  if (c < 0xC3 || c == 0xE2 || c >= 0xF8) return false;
  if (c == 0xC3 && i + 1 < n && (s[i + 1] == 0x97 || s[i + 1] == 0xB7)) return false;
  return true;
}

// End of the word that starts at s[i] (a letter). A word runs over letters; an apostrophe
// followed by a letter ends the word and belongs to it ("d'" in "d'ici", "aujourd'" in
// "aujourd'hui"), so elided words are tokens of their own.
inline std::size_t wordEnd(const unsigned char* s, std::size_t i, std::size_t n) {
  while (i < n && isAsciiLetter(s[i])) ++i;  // most words are ASCII letters only
  bool newline = false;
  while (i < n) {
    if (s[i] < 0x80 && s[i] != '\'') {
      if (!isAsciiLetter(s[i])) return i;
      ++i;
      continue;
    }
    // A Latin-1 letter ("é", "à", "ç"): neither apostrophe nor space, two bytes (what the
    // general tests below say of it, for the most common non-ASCII letters).
    if (s[i] == 0xC3 && i + 1 < n && s[i + 1] != 0x97 && s[i + 1] != 0xB7) {
      i += 2;
      continue;
    }
    if (std::size_t a = apostropheLength(s, i, n); a > 0) {
      return i + a < n && spaceLength(s, i + a, n, newline) == 0 &&
                     apostropheLength(s, i + a, n) == 0 && startsLetter(s, i + a, n)
                 ? i + a
                 : i;
    }
    if (spaceLength(s, i, n, newline) > 0 || !startsLetter(s, i, n)) return i;
    i += codePointLength(s, i, n);
  }
  return i;
}

// The first three letters of the vocabulary keys whose words satisfy a predicate, so that a
// prefilter can pass over most other words without folding and looking them up. A key shorter
// than three letters counts its end as a symbol: "de" is not a prefix of "deux" here.
class KeyPrefixes {
 public:
  template <typename Wanted>
  constexpr explicit KeyPrefixes(Wanted wanted) {
    for (const Vocabulary::Entry& entry : Vocabulary::entries()) {
      if (!wanted(entry.word)) continue;
      const std::size_t first = symbol(entry.key, 0);
      const std::size_t second = symbol(entry.key, 1);
      const std::size_t third = symbol(entry.key, 2);
      // A key with another symbol ("d'") is only ever met by a word mayBeWanted lets through.
      if (first >= 26 || second == kOther || third == kOther) continue;
      thirds_[first * 27 + second] |= std::uint32_t{1} << third;
    }
  }

  // True when a wanted key starts with the symbols of the ASCII letters or word ends `first`,
  // `second`, `third` (see symbol). REQUIRES: first < 26, second and third < 27.
  constexpr bool mayStartWith(std::size_t first, std::size_t second, std::size_t third) const {
    return (thirds_[first * 27 + second] >> third & 1u) != 0;
  }

  // Symbol of s[i] in a word or key of `size` bytes: 0-25 for an ASCII letter (either case),
  // kEnd past the end, kOther for anything else.
  static constexpr std::size_t symbol(const unsigned char* s, std::size_t i, std::size_t size) {
    return i >= size             ? kEnd
           : isAsciiLetter(s[i]) ? static_cast<std::size_t>((s[i] | 0x20) - 'a')
                                 : kOther;
  }

  static constexpr std::size_t kEnd = 26;
  static constexpr std::size_t kOther = 27;

 private:
  static constexpr std::size_t symbol(std::string_view key, std::size_t i) {
    return i >= key.size() ? kEnd
           : isAsciiLetter(static_cast<unsigned char>(key[i]))
               ? static_cast<std::size_t>(key[i] - 'a')
               : kOther;
  }

  std::array<std::uint32_t, 26 * 27> thirds_{};  // per first two symbols, a bit per third
};

// True when the word s[i, end) (not empty) can have a key in `prefixes`. Only its first three
// bytes are read: the key of ASCII letters is the same letters in lower case, and any other
// byte among them (an accent, an apostrophe) lets the word through.
inline bool mayBeWanted(const unsigned char* s, std::size_t i, std::size_t end,
                        const KeyPrefixes& prefixes) {
  const std::size_t size = end - i;
  const std::size_t second = KeyPrefixes::symbol(s + i, 1, size);
  const std::size_t third = KeyPrefixes::symbol(s + i, 2, size);
  const std::size_t first = KeyPrefixes::symbol(s + i, 0, size);
  if (first >= 26 || second == KeyPrefixes::kOther || third == KeyPrefixes::kOther) return true;
  return prefixes.mayStartWith(first, second, third);
}

// The first three letters of every vocabulary key: most words outside the vocabulary are
// told apart by them alone.
inline constexpr KeyPrefixes kVocabularyPrefixes([](Word) { return true; });

// Folds a word to its matching key in `out`; returns the key length, or 0 when the word is too
// long to be in the vocabulary. Latin-1 letters use a table equal to matchKey's result; other
// non-ASCII words go through common::appendMatchKey.
inline std::size_t foldWord(std::string_view word, char (&out)[kMaxWordBytes]) {
  // Keys of U+00C0-U+00FF, or nullptr where the table defers to matchKey.
  static constexpr const char* kLatin1[64] = {
      "a", "a", "a", "a",     "a",     "a",     "ae", "c", "e", "e",     "e",     "e",     "i",
      "i", "i", "i", nullptr, "n",     "o",     "o",  "o", "o", "o",     nullptr, nullptr, "u",
      "u", "u", "u", "y",     nullptr, nullptr, "a",  "a", "a", "a",     "a",     "a",     "ae",
      "c", "e", "e", "e",     "e",     "i",     "i",  "i", "i", nullptr, "n",     "o",     "o",
      "o", "o", "o", nullptr, nullptr, "u",     "u",  "u", "u", "y",     nullptr, "y"};
  if (word.size() > kMaxWordBytes) return 0;
  const auto* s = reinterpret_cast<const unsigned char*>(word.data());
  const std::size_t n = word.size();
  std::size_t length = 0;
  auto put = [&](char c) {
    if (length < kMaxWordBytes) out[length] = c;
    ++length;
  };
  for (std::size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      put(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
      ++i;
      continue;
    }
    if (std::size_t a = apostropheLength(s, i, n); a > 0) {
      put('\'');
      i += a;
      continue;
    }
    const char* key = nullptr;
    if (c == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF) {
      key = kLatin1[s[i + 1] - 0x80];
    } else if (c == 0xC5 && i + 1 < n && (s[i + 1] == 0x92 || s[i + 1] == 0x93)) {
      key = "oe";
    }
    if (key == nullptr) {
      std::string folded;
      common::appendMatchKey(word, folded);
      if (folded.size() > kMaxWordBytes) return 0;
      folded.copy(out, folded.size());
      return folded.size();
    }
    for (; *key != '\0'; ++key) put(*key);
    i += 2;
  }
  return length <= kMaxWordBytes ? length : 0;
}

// The vocabulary entry of a word given as text.
inline Word classify(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordBytes) return Word::kNone;  // as foldWord says
  const auto* s = reinterpret_cast<const unsigned char*>(word.data());
  if (!mayBeWanted(s, 0, word.size(), kVocabularyPrefixes)) return Word::kNone;
  // Most words are ASCII, whose key is the word in lower case: looked up as they stand, and
  // foldWord only for the others.
  // (A loop that stops at the first non-ASCII byte: words are too short for vector code.)
  if (std::none_of(word.begin(), word.end(), [](char c) { return (c & 0x80) != 0; })) {
    return kVocabulary.findAscii(word);
  }
  char key[kMaxWordBytes];
  const std::size_t length = foldWord(word, key);
  return length == 0 ? Word::kNone : kVocabulary.find(std::string_view(key, length));
}

// Cuts `text` into tokens (replacing the content of `out`). White space separates tokens and
// is not kept; each token records how much of it came before. Never fails; invalid UTF-8 bytes
// become punctuation tokens. REQUIRES: text.size() < 2^32.
inline void lex(std::string_view text, std::vector<LexToken>& out) {
  out.clear();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  int spaces = 2;  // the start of the text counts as a wide gap
  bool newline = false;
  while (i < n) {
    if (std::size_t space = spaceLength(s, i, n, newline); space > 0) {
      ++spaces;
      i += space;
      continue;
    }
    LexToken token;
    token.begin = static_cast<std::uint32_t>(i);
    token.gap = static_cast<std::uint8_t>(spaces == 0 ? 0 : spaces == 1 && !newline ? 1 : 2);
    spaces = 0;
    newline = false;
    unsigned char c = s[i];
    if (isDigit(c)) {
      token.kind = TokenKind::kNumber;
      std::uint64_t value = 0;
      std::size_t digits = 0;
      for (; i < n && isDigit(s[i]); ++i, ++digits) {
        if (value < 100000000000000000ull) value = value * 10 + (s[i] - '0');
      }
      token.number = value;
      token.digits = static_cast<std::uint8_t>(digits < 255 ? digits : 255);
    } else if (apostropheLength(s, i, n) == 0 && startsLetter(s, i, n)) {
      token.kind = TokenKind::kWord;
      std::size_t end = wordEnd(s, i, n);
      token.word = classify(text.substr(i, end - i));
      i = end;
    } else {
      std::size_t length = codePointLength(s, i, n);
      if (c < 0x80) {
        token.punct = static_cast<char>(c);
      } else if (apostropheLength(s, i, n) > 0) {
        token.punct = '\'';
      } else if (c == 0xE2 && length == 3 &&
                 ((s[i + 1] == 0x80 && s[i + 2] >= 0x90 && s[i + 2] <= 0x95) ||
                  (s[i + 1] == 0x88 && s[i + 2] == 0x92))) {
        token.punct = '-';
      }
      i += length;
    }
    token.end = static_cast<std::uint32_t>(i);
    out.push_back(token);
  }
}

// True when `text` has an ASCII digit. Reads eight bytes at a time: a sentence with a digit
// needs no look at its words.
inline bool hasDigit(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kLow7 = kOnes * 0x7F;
  constexpr std::uint64_t kHigh = kOnes * 0x80;
  // A byte of `x` above '0' - 1 and below '9' + 1 sets its high bit in the result
  // ("determine if a word has a byte between m and n", Bit Twiddling Hacks).
  auto digitBytes = [](std::uint64_t x) {
    const std::uint64_t low = x & kLow7;
    return ((kOnes * (127 + ('9' + 1)) - low) & ~x & (low + kOnes * (127 - ('0' - 1)))) & kHigh;
  };
  const char* p = text.data();
  std::size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    if (digitBytes(chunk) != 0) return true;
  }
  for (; n > 0; ++p, --n) {
    if (isDigit(static_cast<unsigned char>(*p))) return true;
  }
  return false;
}

// Cheap test to skip a sentence: true when `text` has an ASCII digit, or a word starting with
// an ASCII letter whose vocabulary entry satisfies `wanted`, whose key prefixes are `prefixes`
// (KeyPrefixes(wanted)). Only words passing mayBeWanted are folded.
template <typename Wanted>
bool hasDigitOrWord(std::string_view text, const KeyPrefixes& prefixes, Wanted wanted) {
  if (hasDigit(text)) return true;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (!isAsciiLetter(c)) {
      ++i;
      continue;
    }
    std::size_t end = wordEnd(s, i, n);
    if (end - i <= kMaxWordBytes && mayBeWanted(s, i, end, prefixes) &&
        wanted(classify(text.substr(i, end - i)))) {
      return true;
    }
    i = end;
  }
  return false;
}

// hasDigitOrWord for two word sets in one pass: sets `first` to
// hasDigitOrWord(text, prefixes1, wanted1) and `second` to hasDigitOrWord(text, prefixes2,
// wanted2), classifying each word at most once.
template <typename Wanted1, typename Wanted2>
void hasDigitOrWords(std::string_view text, const KeyPrefixes& prefixes1, Wanted1 wanted1,
                     const KeyPrefixes& prefixes2, Wanted2 wanted2, bool& first, bool& second) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  first = hasDigit(text);
  second = first;
  if (first) return;
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (!isAsciiLetter(c)) {
      ++i;
      continue;
    }
    std::size_t end = wordEnd(s, i, n);
    const bool fits = end - i <= kMaxWordBytes;
    const bool in1 = fits && !first && mayBeWanted(s, i, end, prefixes1);
    const bool in2 = fits && !second && mayBeWanted(s, i, end, prefixes2);
    if (in1 || in2) {
      const Word w = classify(text.substr(i, end - i));
      if (in1 && wanted1(w)) first = true;
      if (in2 && wanted2(w)) second = true;
      if (first && second) return;
    }
    i = end;
  }
}

}  // namespace newsgraph::ingest::french

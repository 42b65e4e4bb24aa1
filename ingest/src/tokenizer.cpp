#include "newsgraph/ingest/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "newsgraph/common/text.h"
#include "newsgraph/ingest/glue_splitter.h"

namespace newsgraph::ingest {
namespace {

bool isApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018; }
bool isHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool isMark(UChar32 c) {
  auto category = u_charType(c);
  return category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK ||
         category == U_ENCLOSING_MARK;
}

enum class CharClass { kSpace, kLetter, kDigit, kMark, kApostrophe, kHyphen, kOther };

CharClass classify(UChar32 c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      return CharClass::kSpace;
    }
    if (c == '\'') return CharClass::kApostrophe;
    if (c == '-') return CharClass::kHyphen;
    return CharClass::kOther;
  }
  if (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF) return CharClass::kSpace;
  if (isApostrophe(c)) return CharClass::kApostrophe;
  if (isHyphen(c)) return CharClass::kHyphen;
  if (u_isalpha(c)) return CharClass::kLetter;
  if (u_isdigit(c)) return CharClass::kDigit;
  if (isMark(c)) return CharClass::kMark;
  return CharClass::kOther;
}

// The classes of the ASCII characters, as classify() gives them.
struct AsciiClasses {
  CharClass of[0x80];
  constexpr AsciiClasses() : of() {
    for (int c = 0; c < 0x80; ++c) {
      CharClass cls = CharClass::kOther;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        cls = CharClass::kLetter;
      } else if (c >= '0' && c <= '9') {
        cls = CharClass::kDigit;
      } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        cls = CharClass::kSpace;
      } else if (c == '\'') {
        cls = CharClass::kApostrophe;
      } else if (c == '-') {
        cls = CharClass::kHyphen;
      }
      of[c] = cls;
    }
  }
};
inline constexpr AsciiClasses kAscii{};

bool isAsciiLetter(uint8_t c) { return static_cast<uint8_t>((c | 0x20) - 'a') < 26; }

// Builds tokens one code point at a time, each straight into `out` with its key (the matching
// key of each of its code points, which is the matching key of its surface): no token is
// copied or moved, and no text is read twice. Runs of ASCII letters or digits, most of the
// text, take a shorter path.
class TokenBuilder {
 public:
  TokenBuilder(std::string_view text, std::vector<Token>& out, const GlueSplitter* glue,
               std::uint32_t base)
      : text_(text), out_(out), glue_(glue), base_(base) {}

  void run() {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text_.data());
    auto length = static_cast<int32_t>(text_.size());
    int32_t i = 0;
    while (i < length) {
      if (bytes[i] < 0x80) {
        const CharClass cls = kAscii.of[bytes[i]];
        if (cls == CharClass::kLetter || cls == CharClass::kDigit) {
          i = asciiRun(bytes, i, length, cls);
          continue;
        }
        if (bytes[i] == ' ') {  // what step() does for a space, without the call
          finish(static_cast<std::uint32_t>(i++));
          joinedNext_ = false;
          continue;
        }
        const auto start = static_cast<std::uint32_t>(i++);
        step(bytes[start], cls, start, start + 1, bytes, length);
        continue;
      }
      int32_t start = i;
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) c = 0xFFFD;
      step(c, classify(c), static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i), bytes,
           length);
    }
    finish(static_cast<std::uint32_t>(text_.size()));
  }

 private:
  // ASCII letters (or digits) from bytes[i]: what step() does for each, in one loop. Returns the
  // end of the run.
  int32_t asciiRun(const uint8_t* bytes, int32_t i, int32_t length, CharClass cls) {
    const TokenKind kind = cls == CharClass::kDigit ? TokenKind::kNumber : TokenKind::kWord;
    const auto start = static_cast<std::uint32_t>(i);
    if (open_ && kind != kind_) {  // letter/digit boundary: "juin2023"
      finish(start);
      joinedNext_ = true;
    }
    if (!open_) begin(start, kind);
    Token& token = out_.back();
    int32_t j = i;
    if (kind == TokenKind::kWord) {
      while (j < length && isAsciiLetter(bytes[j])) ++j;
    } else {
      while (j < length && bytes[j] >= '0' && bytes[j] <= '9') ++j;
    }
    const std::size_t old = token.key.size();
    token.key.append(text_.data() + i, static_cast<std::size_t>(j - i));
    if (kind == TokenKind::kWord) {
      // Lower case and count the capitals in one pass, in locals: a write to token.flags could
      // alias the members.
      char* key = token.key.data();
      int upper = 0;
      for (std::size_t k = old; k < token.key.size(); ++k) {
        const bool capital = static_cast<unsigned char>(key[k] - 'A') < 26;
        upper += capital ? 1 : 0;
        key[k] = static_cast<char>(key[k] | (capital ? 0x20 : 0));
      }
      if (letters_ == 0 && bytes[i] <= 'Z') token.flags |= kTitleCase;
      letters_ += j - i;
      upper_ += upper;
    }
    return j;
  }

  void step(UChar32 c, CharClass cls, std::uint32_t start, std::uint32_t next, const uint8_t* bytes,
            int32_t length) {
    switch (cls) {
      case CharClass::kSpace:
        finish(start);
        joinedNext_ = false;
        if (c == '\n' || c == 0x2028 || c == 0x2029) {
          ++newlines_;
        }
        return;
      case CharClass::kLetter:
      case CharClass::kDigit: {
        TokenKind kind = cls == CharClass::kDigit ? TokenKind::kNumber : TokenKind::kWord;
        if (open_ && kind != kind_) {  // letter/digit boundary: "juin2023"
          finish(start);
          joinedNext_ = true;
        }
        if (!open_) begin(start, kind);
        noteCase(c);
        appendKey(start, next);
        return;
      }
      case CharClass::kMark:
        if (!open_) begin(start, TokenKind::kPunct);
        appendKey(start, next);
        return;
      case CharClass::kApostrophe: {
        bool letterFollows = false;
        if (static_cast<int32_t>(next) < length) {
          int32_t j = static_cast<int32_t>(next);
          UChar32 after;
          U8_NEXT(bytes, j, length, after);
          letterFollows = after >= 0 && classify(after) == CharClass::kLetter;
        }
        if (open_ && kind_ == TokenKind::kWord && letterFollows) {
          out_.back().flags |= kElided;
          appendKey(start, next);
          finish(next);  // the apostrophe belongs to the elided word: "l'"
          joinedNext_ = true;
          return;
        }
        finish(start);
        punct(start, next);
        return;
      }
      case CharClass::kHyphen: {
        bool letterFollows = false;
        if (static_cast<int32_t>(next) < length) {
          int32_t j = static_cast<int32_t>(next);
          UChar32 after;
          U8_NEXT(bytes, j, length, after);
          CharClass afterClass = after >= 0 ? classify(after) : CharClass::kOther;
          letterFollows = afterClass == CharClass::kLetter || afterClass == CharClass::kDigit;
        }
        if (open_ && kind_ != TokenKind::kPunct && letterFollows) {
          finish(start);
          joinedNext_ = true;  // "Royaume-Uni": no hyphen token, the next word is joined
          return;
        }
        finish(start);
        punct(start, next);
        return;
      }
      case CharClass::kOther:
        finish(start);
        punct(start, next);
        return;
    }
  }

  // Opens a token at text byte `start`, as the last element of out_.
  void begin(std::uint32_t start, TokenKind kind) {
    open_ = true;
    kind_ = kind;
    start_ = start;
    Token& token = out_.emplace_back();
    token.begin = start + base_;
    token.kind = kind;
    letters_ = 0;
    upper_ = 0;
  }

  // Appends the matching key of the code point at text bytes [start, next) to the open token.
  void appendKey(std::uint32_t start, std::uint32_t next) {
    std::string& key = out_.back().key;
    if (next - start == 1) {  // ASCII, or an invalid byte that the key keeps as it is
      const char c = text_[start];
      key += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      return;
    }
    common::appendMatchKey(text_.substr(start, next - start), key);
  }

  void noteCase(UChar32 c) {
    if (kind_ != TokenKind::kWord) return;
    bool upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c) || u_istitle(c);
    if (letters_ == 0 && upper) out_.back().flags |= kTitleCase;
    ++letters_;
    if (upper) ++upper_;
  }

  void punct(std::uint32_t start, std::uint32_t next) {
    begin(start, TokenKind::kPunct);
    appendKey(start, next);
    finish(next);
  }

  void finish(std::uint32_t end) {
    if (!open_) return;
    open_ = false;
    Token& token = out_.back();
    token.end = end + base_;
    if (letters_ >= 2 && upper_ == letters_) token.flags |= kAllUpper;
    if (joinedNext_) token.flags |= kJoined;
    if (newlines_ > 0) token.flags |= kNewlineBefore;
    if (newlines_ > 1) token.flags |= kBlankLineBefore;
    newlines_ = 0;
    joinedNext_ = false;
    if (glue_ != nullptr && token.kind == TokenKind::kWord && upper_ == 0 && !token.has(kElided) &&
        token.key.size() >= GlueSplitter::kMinGluedBytes) {
      if (std::size_t cut = glue_->glueCut(token.key); cut != 0) {
        splitGlued(text_.substr(start_, end - start_), cut);
      }
    }
  }

  // Splits the last token at key byte `cut`, mapping it back to a surface byte offset.
  void splitGlued(std::string_view surface, std::size_t cut) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(surface.data());
    auto length = static_cast<int32_t>(surface.size());
    int32_t i = 0;
    std::string key;
    while (i < length && key.size() < cut) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      common::appendMatchKey(
          surface.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)),
          key);
    }
    if (key.size() != cut) return;  // the key does not map back cleanly: keep the word whole
    Token& left = out_.back();
    Token right = left;
    right.begin = left.begin + static_cast<std::uint32_t>(i);
    right.key = left.key.substr(cut);
    right.flags = static_cast<std::uint8_t>(kJoined);
    left.end = right.begin;
    left.key.resize(cut);
    out_.push_back(std::move(right));
  }

  std::string_view text_;
  std::vector<Token>& out_;
  const GlueSplitter* glue_;
  std::uint32_t base_;
  bool open_ = false;                  // out_.back() is the token being built
  TokenKind kind_ = TokenKind::kWord;  // its kind
  std::uint32_t start_ = 0;            // its first byte in text_
  bool joinedNext_ = false;
  int newlines_ = 0;
  int letters_ = 0;
  int upper_ = 0;
};

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out, const GlueSplitter* glue,
              std::uint32_t base) {
  TokenBuilder(text, out, glue, base).run();
}

}  // namespace newsgraph::ingest

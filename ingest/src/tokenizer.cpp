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

// Builds tokens one code point at a time.
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
      int32_t start = i;
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) c = 0xFFFD;
      step(c, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i), bytes, length);
    }
    finish(static_cast<std::uint32_t>(text_.size()));
  }

 private:
  void step(UChar32 c, std::uint32_t start, std::uint32_t next, const uint8_t* bytes,
            int32_t length) {
    CharClass cls = classify(c);
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
        if (open_ && kind != current_.kind) {  // letter/digit boundary: "juin2023"
          finish(start);
          joinedNext_ = true;
        }
        if (!open_) begin(start, kind);
        noteCase(c);
        return;
      }
      case CharClass::kMark:
        if (!open_) begin(start, TokenKind::kPunct);
        return;
      case CharClass::kApostrophe: {
        bool letterFollows = false;
        if (static_cast<int32_t>(next) < length) {
          int32_t j = static_cast<int32_t>(next);
          UChar32 after;
          U8_NEXT(bytes, j, length, after);
          letterFollows = after >= 0 && classify(after) == CharClass::kLetter;
        }
        if (open_ && current_.kind == TokenKind::kWord && letterFollows) {
          current_.flags |= kElided;
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
        if (open_ && current_.kind != TokenKind::kPunct && letterFollows) {
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

  void begin(std::uint32_t start, TokenKind kind) {
    open_ = true;
    current_ = Token{};
    current_.begin = start;
    current_.kind = kind;
    letters_ = 0;
    upper_ = 0;
  }

  void noteCase(UChar32 c) {
    if (current_.kind != TokenKind::kWord) return;
    bool upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c) || u_istitle(c);
    if (letters_ == 0 && upper) current_.flags |= kTitleCase;
    ++letters_;
    if (upper) ++upper_;
  }

  void punct(std::uint32_t start, std::uint32_t next) {
    begin(start, TokenKind::kPunct);
    finish(next);
  }

  void finish(std::uint32_t end) {
    if (!open_) return;
    open_ = false;
    current_.end = end;
    if (letters_ >= 2 && upper_ == letters_) current_.flags |= kAllUpper;
    if (joinedNext_) current_.flags |= kJoined;
    if (newlines_ > 0) current_.flags |= kNewlineBefore;
    if (newlines_ > 1) current_.flags |= kBlankLineBefore;
    newlines_ = 0;
    joinedNext_ = false;
    std::string_view surface = text_.substr(current_.begin, end - current_.begin);
    common::appendMatchKey(surface, current_.key);
    current_.begin += base_;
    current_.end += base_;
    if (glue_ != nullptr && current_.kind == TokenKind::kWord && upper_ == 0 &&
        !current_.has(kElided) && current_.key.size() >= GlueSplitter::kMinGluedBytes) {
      if (std::size_t cut = glue_->glueCut(current_.key); cut != 0) {
        splitGlued(surface, cut);
        return;
      }
    }
    out_.push_back(std::move(current_));
  }

  // Splits current_ at key byte `cut`, mapping it back to a surface byte offset.
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
    if (key.size() != cut) {  // the key does not map back cleanly: keep the word whole
      out_.push_back(std::move(current_));
      return;
    }
    Token right = current_;
    right.begin = current_.begin + static_cast<std::uint32_t>(i);
    right.key = current_.key.substr(cut);
    right.flags = static_cast<std::uint8_t>(kJoined);
    current_.end = right.begin;
    current_.key.resize(cut);
    out_.push_back(std::move(current_));
    out_.push_back(std::move(right));
  }

  std::string_view text_;
  std::vector<Token>& out_;
  const GlueSplitter* glue_;
  std::uint32_t base_;
  Token current_;
  bool open_ = false;
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

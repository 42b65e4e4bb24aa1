#include "lexer.h"

#include <cctype>

namespace newsgraph::query {
namespace {

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (true) {
      skipSpaceAndComments();
      Token token;
      token.pos = pos_;
      if (at_ >= text_.size()) {
        tokens.push_back(token);
        return tokens;
      }
      char c = text_[at_];
      if (isNameStart(c)) {
        token.kind = TokenKind::kIdentifier;
        while (at_ < text_.size() && isNameChar(text_[at_])) token.text += advance();
      } else if (c == '`') {
        token.kind = TokenKind::kQuotedName;
        advance();
        while (at_ < text_.size() && text_[at_] != '`') token.text += advance();
        if (at_ >= text_.size()) fail("syntax", token.pos, "unterminated `quoted name`");
        advance();
      } else if (c == '$') {
        advance();
        token.kind = TokenKind::kParameter;
        while (at_ < text_.size() && isNameChar(text_[at_])) token.text += advance();
        if (token.text.empty()) fail("syntax", token.pos, "expected a parameter name after '$'");
      } else if (c == '\'' || c == '"') {
        token.kind = TokenKind::kString;
        token.text = readString();
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        readNumber(token);
      } else {
        token.kind = TokenKind::kSymbol;
        static const char* const kTwo[] = {"..", "<>", "!=", "<=", ">="};
        for (const char* two : kTwo) {
          if (text_.substr(at_, 2) == two) token.text = two;
        }
        if (token.text.empty()) {
          if (std::string_view("()[]{},.:|*=<>+-/%;").find(c) == std::string_view::npos) {
            fail("syntax", token.pos, std::string("unexpected character '") + c + "'");
          }
          token.text = std::string(1, c);
        }
        for (std::size_t i = 0; i < token.text.size(); ++i) advance();
      }
      tokens.push_back(std::move(token));
    }
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  SourcePos pos_{1, 1};

  static bool isNameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  }
  static bool isNameChar(char c) {
    return isNameStart(c) || std::isdigit(static_cast<unsigned char>(c));
  }

  char advance() {
    char c = text_[at_++];
    if (c == '\n') {
      ++pos_.line;
      pos_.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++pos_.column;  // columns count characters: UTF-8 continuation bytes add nothing
    }
    return c;
  }

  void skipSpaceAndComments() {
    while (at_ < text_.size()) {
      char c = text_[at_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        advance();
      } else if (text_.substr(at_, 2) == "//") {
        while (at_ < text_.size() && text_[at_] != '\n') advance();
      } else if (text_.substr(at_, 2) == "/*") {
        SourcePos start = pos_;
        advance();
        advance();
        while (at_ < text_.size() && text_.substr(at_, 2) != "*/") advance();
        if (at_ >= text_.size()) fail("syntax", start, "unterminated /* comment");
        advance();
        advance();
      } else {
        return;
      }
    }
  }

  std::string readString() {
    SourcePos start = pos_;
    char quote = advance();
    std::string out;
    while (true) {
      if (at_ >= text_.size()) fail("syntax", start, "unterminated string");
      char c = advance();
      if (c == quote) return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_ >= text_.size()) fail("syntax", start, "unterminated string");
      char escaped = advance();
      switch (escaped) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        default:
          out += escaped;  // \' \" \\ and anything else stand for themselves
      }
    }
  }

  void readNumber(Token& token) {
    token.kind = TokenKind::kInteger;
    while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_]))) {
      token.text += advance();
    }
    // "1..3" is a range: a '.' makes a float only when a digit follows it.
    if (at_ + 1 < text_.size() && text_[at_] == '.' &&
        std::isdigit(static_cast<unsigned char>(text_[at_ + 1]))) {
      token.kind = TokenKind::kFloat;
      token.text += advance();
      while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_]))) {
        token.text += advance();
      }
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      token.kind = TokenKind::kFloat;
      token.text += advance();
      if (at_ < text_.size() && (text_[at_] == '-' || text_[at_] == '+')) token.text += advance();
      while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_]))) {
        token.text += advance();
      }
    }
    if (at_ < text_.size() && isNameStart(text_[at_])) {
      fail("syntax", token.pos, "a name cannot start with a digit");
    }
  }
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) { return Lexer(text).run(); }

}  // namespace newsgraph::query

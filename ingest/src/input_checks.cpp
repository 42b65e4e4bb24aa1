#include "input_checks.h"

#include <cstdio>

#include "newsgraph/common/text.h"
#include "text_position.h"

namespace newsgraph::ingest {

std::optional<std::string> probeBinary(std::string_view head) {
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    char bom[16];
    std::snprintf(bom, sizeof bom, "0x%02X 0x%02X", static_cast<unsigned char>(head[0]),
                  static_cast<unsigned char>(head[1]));
    return std::string("UTF-16 text (byte order mark ") + bom + "), convert it to UTF-8";
  }
  std::size_t nul = head.substr(0, kBinaryProbeBytes).find('\0');
  if (nul == std::string_view::npos) return std::nullopt;
  return "binary file (NUL byte at offset " + std::to_string(nul) + "), not an article";
}

std::optional<common::Error> checkTextBytes(std::string_view bytes, std::string_view source,
                                            std::size_t firstLine) {
  std::size_t nul = bytes.find('\0');
  std::size_t invalid = common::findInvalidUtf8(bytes).value_or(std::string_view::npos);
  if (nul == std::string_view::npos && invalid == std::string_view::npos) return std::nullopt;
  std::string message;
  std::size_t offset = nul;
  if (nul < invalid) {
    message = "unexpected NUL byte";
  } else {
    offset = invalid;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[invalid]));
    message = std::string("invalid UTF-8 byte ") + hex;
  }
  TextPosition position = positionAt(bytes, offset, firstLine);
  return readError(source, std::move(message), position.line, position.column);
}

common::Error readError(std::string_view source, std::string message, std::size_t line,
                        std::size_t column) {
  return common::Error{std::string(source), line, column, "read", std::move(message)};
}

bool isAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool isBlank(std::string_view text) {
  static constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
  static constexpr std::string_view kNarrowNoBreakSpace = "\xE2\x80\xAF";
  std::size_t i = 0;
  while (i < text.size()) {
    if (isAsciiSpace(text[i])) {
      ++i;
    } else if (text.substr(i).starts_with(kNoBreakSpace)) {
      i += kNoBreakSpace.size();
    } else if (text.substr(i).starts_with(kNarrowNoBreakSpace)) {
      i += kNarrowNoBreakSpace.size();
    } else {
      return false;
    }
  }
  return true;
}

std::string_view trimAsciiSpace(std::string_view text) {
  while (!text.empty() && isAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string quoteForMessage(std::string_view token) {
  constexpr std::size_t kMaxQuotedBytes = 40;
  if (token.size() <= kMaxQuotedBytes) return "'" + std::string(token) + "'";
  std::size_t cut = kMaxQuotedBytes;
  while (cut > 0 && (static_cast<unsigned char>(token[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(token.substr(0, cut)) + "...'";
}

void blankUtf8Bom(std::string& text) {
  if (std::string_view(text).starts_with(kUtf8Bom)) text.replace(0, kUtf8Bom.size(), "   ");
}

}  // namespace newsgraph::ingest

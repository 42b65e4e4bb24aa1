// Plain-text articles (SPEC 6): title, `date` header and the checks on raw bytes.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "input_checks.h"
#include "newsgraph/common/partial_date.h"
#include "newsgraph/ingest/article_reader.h"
#include "text_position.h"

namespace newsgraph::ingest {
namespace {

constexpr std::size_t kMaxTitleBytes = 200;
constexpr std::string_view kDateKeyword = "date";
constexpr std::string_view kDateForms = "(expected YYYY-MM or YYYY-MM-DD)";

// A line of the text: bytes [begin, end), without its '\n'.
struct LineSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The first line at or after `from` (a line start) holding something else than white space.
std::optional<LineSpan> firstNonBlankLine(std::string_view text, std::size_t from) {
  while (from < text.size()) {
    std::size_t end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    if (!isBlank(text.substr(from, end - from))) return LineSpan{from, end};
    from = end + 1;
  }
  return std::nullopt;
}

// True when `line` has a sentence end ('.', '!', '?' or '…' followed by a space or tab)
// anywhere but at its very end.
bool hasInnerSentenceEnd(std::string_view line) {
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  for (std::size_t i = 0; i < line.size(); ++i) {
    std::size_t length = 0;
    if (line[i] == '.' || line[i] == '!' || line[i] == '?') {
      length = 1;
    } else if (line.substr(i).starts_with(kEllipsis)) {
      length = kEllipsis.size();
    }
    std::size_t next = i + length;
    if (length > 0 && next < line.size() && (line[next] == ' ' || line[next] == '\t')) {
      return true;
    }
  }
  return false;
}

// A line that may be a title, given that the article has another non-blank line.
bool looksLikeTitle(std::string_view line) {
  std::string_view trimmed = trimAsciiSpace(line);
  return !trimmed.empty() && trimmed.size() <= kMaxTitleBytes && !hasInnerSentenceEnd(trimmed);
}

// `date` followed by white space at `at`, then the value token on the same line.
struct DateHeader {
  std::size_t keyword = 0;   // offset of "date"
  std::size_t value = 0;     // offset of the value (where it should be when missing)
  std::size_t valueEnd = 0;  // end of the value token
};

std::optional<DateHeader> matchDateHeader(std::string_view text, std::size_t at) {
  if (!text.substr(at).starts_with(kDateKeyword)) return std::nullopt;
  std::size_t value = at + kDateKeyword.size();
  if (value < text.size() && !isAsciiSpace(text[value])) return std::nullopt;
  while (value < text.size() && (text[value] == ' ' || text[value] == '\t')) ++value;
  std::size_t end = value;
  while (end < text.size() && !isAsciiSpace(text[end])) ++end;
  return DateHeader{at, value, end};
}

// The date of `header`, or the error pointing at its value. Only month and day precision are
// accepted in plain text (SPEC 6).
common::Result<common::PartialDate> parseHeaderDate(std::string_view text, const DateHeader& header,
                                                    std::string_view source) {
  std::string_view value = text.substr(header.value, header.valueEnd - header.value);
  std::optional<common::PartialDate> date = common::PartialDate::parse(value);
  if (date && date->precision != common::DatePrecision::kYear) return *date;
  TextPosition position = positionAt(text, header.value);
  std::string message =
      value.empty() ? "missing date after 'date' " + std::string(kDateForms)
                    : "unknown date form " + quoteForMessage(value) + " " + std::string(kDateForms);
  return readError(source, std::move(message), position.line, position.column);
}

// Finds the date header: at the very start, or first on the first non-blank line after a line
// that looks like a title.
std::optional<DateHeader> findDateHeader(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && isAsciiSpace(text[start])) ++start;
  if (std::optional<DateHeader> header = matchDateHeader(text, start)) return header;
  std::optional<LineSpan> title = firstNonBlankLine(text, 0);
  if (!title || !looksLikeTitle(text.substr(title->begin, title->end - title->begin))) {
    return std::nullopt;
  }
  std::optional<LineSpan> next = firstNonBlankLine(text, title->end + 1);
  if (!next) return std::nullopt;
  std::size_t at = next->begin;
  while (at < next->end && (text[at] == ' ' || text[at] == '\t')) ++at;
  return matchDateHeader(text, at);
}

}  // namespace

common::Result<Article> parseTextArticle(std::string content, std::string_view source,
                                         std::string_view doc) {
  if (std::optional<std::string> binary = probeBinary(content)) {
    return readError(source, std::move(*binary));
  }
  if (std::optional<common::Error> bad = checkTextBytes(content, source, 1)) return *bad;
  blankUtf8Bom(content);
  if (isBlank(content)) return readError(source, "empty article");

  Article article;
  if (std::optional<DateHeader> header = findDateHeader(content)) {
    common::Result<common::PartialDate> date = parseHeaderDate(content, *header, source);
    if (!date.ok()) return date.error();
    article.date = date.value();
    content.replace(header->keyword, header->valueEnd - header->keyword,
                    header->valueEnd - header->keyword, ' ');
    if (isBlank(content)) return readError(source, "empty article (only a date header)");
  }

  std::optional<LineSpan> first = firstNonBlankLine(content, 0);
  std::string_view firstLine =
      std::string_view(content).substr(first->begin, first->end - first->begin);
  if (looksLikeTitle(firstLine) && firstNonBlankLine(content, first->end + 1)) {
    article.title = std::string(trimAsciiSpace(firstLine));
  }
  article.doc = std::string(doc);
  article.source = std::string(source);
  article.line = 1;
  article.text = std::move(content);
  return article;
}

}  // namespace newsgraph::ingest

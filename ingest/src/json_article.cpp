// JSON articles, parsed with RapidJSON's SAX reader (iterative mode, so deep nesting cannot
// exhaust the stack). The handler builds articles as the parser goes and remembers byte offsets;
// offsets become line:column only at the end, in one pass.
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "input_checks.h"
#include "json_document.h"
#include "newsgraph/common/partial_date.h"
#include "newsgraph/common/text.h"
#include "newsgraph/ingest/article_reader.h"
#include "text_position.h"

namespace newsgraph::ingest {
namespace {

enum class Field { kId, kTitle, kDate, kUrl, kText, kOther };
constexpr std::array<std::string_view, 5> kFieldNames = {"id", "title", "date", "url", "text"};

enum class JsonKind { kNull, kBoolean, kNumber, kString, kObject, kArray };

std::string_view kindName(JsonKind kind) {
  switch (kind) {
    case JsonKind::kNull:
      return "null";
    case JsonKind::kBoolean:
      return "a boolean";
    case JsonKind::kNumber:
      return "a number";
    case JsonKind::kString:
      return "a string";
    case JsonKind::kObject:
      return "an object";
    case JsonKind::kArray:
      return "an array";
  }
  return "a value";
}

Field fieldOf(std::string_view key) {
  for (std::size_t i = 0; i < kFieldNames.size(); ++i) {
    if (key == kFieldNames[i]) return static_cast<Field>(i);
  }
  return Field::kOther;
}

std::string fieldName(Field field) {
  return "field \"" + std::string(kFieldNames[static_cast<std::size_t>(field)]) + "\"";
}

bool isJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// An article or an error of the document, at a byte offset not yet turned into line:column.
struct Outcome {
  std::size_t offset = 0;
  std::optional<Article> article;
  std::string stage;
  std::string message;
};

// An article being read: where it starts, its fields, which were seen, and its first error.
struct PendingArticle {
  std::size_t offset = 0;
  Article article;
  std::array<bool, kFieldNames.size()> seen{};
  std::optional<Outcome> error;
};

// The offset of the first byte at or after `at` that is not JSON white space.
std::size_t skipJsonSpace(std::string_view json, std::size_t at) {
  while (at < json.size() && isJsonSpace(json[at])) ++at;
  return at;
}

// SAX handler. With a MemoryStream it relies on the iterative parser calling
// StartObject/StartArray and EndObject/EndArray with the stream on the bracket, and scalars and
// keys after their last byte. A StringStream's positions lag (RapidJSON reads strings and
// numbers through a local copy of it): only the articles and messages are right then.
template <typename Stream>
class ArticleCollector
    : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, ArticleCollector<Stream>> {
 public:
  ArticleCollector(std::string_view json, std::size_t base, const Stream& stream,
                   const JsonPlace& place)
      : json_(json), base_(base), stream_(stream), place_(place) {}

  bool Null() { return scalar(JsonKind::kNull, {}); }
  bool Bool(bool) { return scalar(JsonKind::kBoolean, {}); }
  bool Int(int) { return scalar(JsonKind::kNumber, {}); }
  bool Uint(unsigned) { return scalar(JsonKind::kNumber, {}); }
  bool Int64(std::int64_t) { return scalar(JsonKind::kNumber, {}); }
  bool Uint64(std::uint64_t) { return scalar(JsonKind::kNumber, {}); }
  bool Double(double) { return scalar(JsonKind::kNumber, {}); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return scalar(JsonKind::kNumber, {}); }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    return scalar(JsonKind::kString, std::string_view(text, length));
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    if (article_ && depth_ == fieldDepth()) {
      field_ = fieldOf(std::string_view(text, length));
      std::size_t at = skipSpace(here());
      if (at < json_.size() && json_[at] == ':') at = skipSpace(at + 1);
      valueOffset_ = at;
    }
    return true;
  }
  bool StartObject() { return open(JsonKind::kObject); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(JsonKind::kArray); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  // Articles and errors in document order (offsets increase).
  std::vector<Outcome>& outcomes() { return outcomes_; }
  // The error that made the handler stop the parser, if any.
  const std::optional<Outcome>& rootError() const { return rootError_; }
  // Whether the document is an array (of articles, or not).
  bool rootIsArray() const { return rootIsArray_; }

 private:
  std::size_t here() const { return base_ + stream_.Tell(); }
  std::size_t skipSpace(std::size_t at) const { return skipJsonSpace(json_, at); }
  // Depth of the fields of an article object.
  std::size_t fieldDepth() const { return rootIsArray_ ? 2 : 1; }

  // Start of the next element of the root array: after '[' or ',' and white space.
  std::size_t nextElementOffset() const {
    std::size_t at = skipSpace(nextElement_);
    if (at < json_.size() && json_[at] == ',') at = skipSpace(at + 1);
    return at;
  }

  bool open(JsonKind kind) {
    std::size_t offset = here();
    if (depth_ == 0) {
      if (kind == JsonKind::kObject) {
        begin(offset, std::string(place_.defaultDoc));
      } else if (place_.allowArray) {
        rootIsArray_ = true;
        nextElement_ = offset + 1;
      } else {
        return stop(offset, kind);
      }
    } else if (rootIsArray_ && depth_ == 1) {
      ++elementCount_;
      if (kind == JsonKind::kObject) {
        begin(offset, std::string(place_.defaultDoc) + "-" + std::to_string(elementCount_));
      } else {
        badElement(offset, kind);
      }
    } else if (article_ && depth_ == fieldDepth()) {
      fieldValue(kind, {});
    }
    ++depth_;
    return true;
  }

  bool close() {
    --depth_;
    if (article_ && depth_ + 1 == fieldDepth()) finish();
    if (rootIsArray_ && depth_ == 1) nextElement_ = here() + 1;
    return true;
  }

  bool scalar(JsonKind kind, std::string_view text) {
    if (depth_ == 0) return stop(skipSpace(base_), kind);
    if (rootIsArray_ && depth_ == 1) {
      ++elementCount_;
      badElement(nextElementOffset(), kind);
      nextElement_ = here();
    } else if (article_ && depth_ == fieldDepth()) {
      fieldValue(kind, text);
    }
    return true;
  }

  bool stop(std::size_t offset, JsonKind kind) {
    std::string expected =
        place_.allowArray ? "an article object or an array of them" : "an article object";
    rootError_ = Outcome{offset, std::nullopt, "json",
                         "expected " + expected + ", found " + std::string(kindName(kind))};
    return false;
  }

  void badElement(std::size_t offset, JsonKind kind) {
    outcomes_.push_back(Outcome{offset, std::nullopt, "json",
                                "array element " + std::to_string(elementCount_) + " is " +
                                    std::string(kindName(kind)) + ", not an article object"});
  }

  void begin(std::size_t offset, std::string defaultDoc) {
    article_.emplace();
    article_->offset = offset;
    article_->article.doc = std::move(defaultDoc);
    article_->article.source = std::string(place_.source);
    field_ = Field::kOther;
  }

  void fail(std::string message) {
    if (!article_->error) {
      article_->error = Outcome{valueOffset_, std::nullopt, "json", std::move(message)};
    }
  }

  // Checks a string field: NUL characters and invalid UTF-8 (from a lone surrogate escape)
  // always, emptiness when `nonBlank`.
  bool checkString(Field field, std::string_view text, bool nonBlank) {
    if (text.find('\0') != std::string_view::npos) {
      fail(fieldName(field) + " contains a NUL character (\\u0000)");
    } else if (common::findInvalidUtf8(text)) {
      fail(fieldName(field) + " is not valid UTF-8 after unescaping (unpaired surrogate escape?)");
    } else if (nonBlank && text.empty()) {
      fail(fieldName(field) + " is empty");
    } else if (nonBlank && isBlank(text)) {
      fail(fieldName(field) + " holds only whitespace");
    } else {
      return true;
    }
    return false;
  }

  void fieldValue(JsonKind kind, std::string_view text) {
    Field field = field_;
    field_ = Field::kOther;
    if (field == Field::kOther) return;
    bool& seen = article_->seen[static_cast<std::size_t>(field)];
    if (seen) return fail("duplicate " + fieldName(field));
    seen = true;
    if (kind == JsonKind::kNull && field != Field::kText) return;
    if (kind != JsonKind::kString) {
      return fail(fieldName(field) + " must be a string, not " + std::string(kindName(kind)));
    }
    Article& article = article_->article;
    switch (field) {
      case Field::kText:
        if (checkString(field, text, true)) article.text = std::string(text);
        break;
      case Field::kId:
        if (checkString(field, text, true)) article.doc = std::string(text);
        break;
      case Field::kTitle:
        if (checkString(field, text, false)) article.title = std::string(text);
        break;
      case Field::kUrl:
        if (checkString(field, text, false)) article.url = std::string(text);
        break;
      case Field::kDate:
        if (!checkString(field, text, false)) break;
        article.date = common::PartialDate::parse(text);
        if (!article.date) {
          fail(fieldName(field) + ": unknown date form " + quoteForMessage(text) +
               " (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        break;
      case Field::kOther:
        break;
    }
  }

  void finish() {
    PendingArticle& pending = *article_;
    if (pending.error) {
      outcomes_.push_back(std::move(*pending.error));
    } else if (!pending.seen[static_cast<std::size_t>(Field::kText)]) {
      outcomes_.push_back(
          Outcome{pending.offset, std::nullopt, "json", "missing required field \"text\""});
    } else {
      outcomes_.push_back(Outcome{pending.offset, std::move(pending.article), "", ""});
    }
    article_.reset();
  }

  std::string_view json_;
  std::size_t base_;
  const Stream& stream_;
  const JsonPlace& place_;
  std::size_t depth_ = 0;
  bool rootIsArray_ = false;
  std::size_t elementCount_ = 0;
  std::size_t nextElement_ = 0;
  std::optional<PendingArticle> article_;
  Field field_ = Field::kOther;
  std::size_t valueOffset_ = 0;
  std::vector<Outcome> outcomes_;
  std::optional<Outcome> rootError_;
};

common::Error errorAt(const JsonPlace& place, TextPosition position, std::string stage,
                      std::string message) {
  return common::Error{std::string(place.source), position.line, position.column, std::move(stage),
                       std::move(message)};
}

// Emits `outcomes` in order with their line and column; false when `emit` asked to stop.
bool emitOutcomes(std::string_view json, const JsonPlace& place, std::vector<Outcome>& outcomes,
                  const JsonArticleEmitter& emit) {
  PositionCursor cursor(json, place.firstLine);
  for (Outcome& outcome : outcomes) {
    TextPosition position = cursor.at(outcome.offset);
    bool go = true;
    if (outcome.article) {
      outcome.article->line = position.line;
      go = emit(std::move(*outcome.article));
    } else {
      go = emit(errorAt(place, position, std::move(outcome.stage), std::move(outcome.message)));
    }
    if (!go) return false;
  }
  return true;
}

}  // namespace

bool parseJsonDocument(const std::string& json, const JsonPlace& place,
                       const JsonArticleEmitter& emit) {
  if (std::optional<common::Error> bad = checkTextBytes(json, place.source, place.firstLine)) {
    return emit(std::move(*bad));
  }
  std::size_t base = json.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  if (isBlank(std::string_view(json).substr(base))) {
    return emit(readError(place.source, "empty article"));
  }

  // The fast pass: checkTextBytes refused raw NULs, so the string's terminating NUL ends the
  // stream, and RapidJSON reads a NUL-terminated string 16 bytes at a time (RAPIDJSON_SSE2).
  // Its positions lag, so its result stands only for one valid article object, which starts at
  // the first byte that is not white space. Anything else is read again with exact positions.
  {
    rapidjson::StringStream stream(json.c_str() + base);
    ArticleCollector<rapidjson::StringStream> collector(json, base, stream, place);
    rapidjson::Reader reader;
    reader.Parse<rapidjson::kParseIterativeFlag>(stream, collector);
    std::vector<Outcome>& outcomes = collector.outcomes();
    if (!reader.HasParseError() && !collector.rootIsArray() && outcomes.size() == 1 &&
        outcomes.front().article) {
      outcomes.front().offset = skipJsonSpace(json, base);
      return emitOutcomes(json, place, outcomes, emit);
    }
  }

  rapidjson::MemoryStream stream(json.data() + base, json.size() - base);
  ArticleCollector<rapidjson::MemoryStream> collector(json, base, stream, place);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseIterativeFlag>(stream, collector);
  if (reader.HasParseError()) {
    if (const std::optional<Outcome>& stop = collector.rootError()) {
      return emit(errorAt(place, positionAt(json, stop->offset, place.firstLine), stop->stage,
                          stop->message));
    }
    std::size_t offset = base + reader.GetErrorOffset();
    return emit(errorAt(place, positionAt(json, offset, place.firstLine), "json",
                        rapidjson::GetParseError_En(reader.GetParseErrorCode())));
  }
  return emitOutcomes(json, place, collector.outcomes(), emit);
}

common::Result<Article> parseJsonArticle(std::string_view json, std::string_view source,
                                         std::size_t line, std::string_view defaultDoc) {
  std::optional<common::Result<Article>> result;
  JsonPlace place{source, line, defaultDoc, false};
  parseJsonDocument(std::string(json), place, [&result](common::Result<Article>&& article) {
    result.emplace(std::move(article));
    return false;
  });
  if (!result) return readError(source, "empty article");  // not reached: one outcome at least
  return std::move(*result);
}

}  // namespace newsgraph::ingest

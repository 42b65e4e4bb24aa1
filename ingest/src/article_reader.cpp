// readArticles: walks paths, picks the format, streams articles and errors to the sink.
#include "newsgraph/ingest/article_reader.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "input_checks.h"
#include "input_file.h"
#include "json_document.h"

namespace newsgraph::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kStdinSource = "<stdin>";
constexpr std::string_view kStdinDoc = "stdin";
// Standard input is sniffed on a prefix this long at first, doubled while undecided.
constexpr std::size_t kSniffBytes = 64u << 10;

enum class Format { kText, kJson, kJsonLines };

std::optional<Format> formatOf(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (extension == ".txt") return Format::kText;
  if (extension == ".json") return Format::kJson;
  if (extension == ".jsonl") return Format::kJsonLines;
  return std::nullopt;
}

// Decides the format of standard input from its first bytes `head`; `complete` says the head is
// the whole input. nullopt means "need more bytes".
std::optional<Format> sniffFormat(std::string_view head, bool complete) {
  if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
  auto skipSpace = [head](std::size_t at) {
    while (at < head.size() && isAsciiSpace(head[at])) ++at;
    return at;
  };
  // What the bytes seen so far give when nothing follows them.
  auto ifComplete = [complete](Format format) {
    return complete ? std::optional<Format>(format) : std::nullopt;
  };
  std::size_t first = skipSpace(0);
  if (first == head.size()) return ifComplete(Format::kText);
  if (head[first] == '[') {
    std::size_t next = skipSpace(first + 1);
    if (next == head.size()) return ifComplete(Format::kText);
    return head[next] == '{' || head[next] == ']' ? Format::kJson : Format::kText;
  }
  if (head[first] != '{') return Format::kText;
  std::size_t newline = head.find('\n', first);
  if (newline == std::string_view::npos) return ifComplete(Format::kJson);
  std::size_t next = skipSpace(newline);
  if (next == head.size()) return ifComplete(Format::kJson);
  bool atLineStart = head[next - 1] == '\n';
  return atLineStart && head[next] == '{' ? Format::kJsonLines : Format::kJson;
}

std::string tooLarge(std::string_view what, std::size_t size, std::size_t limit) {
  return std::string(what) + " of " + std::to_string(size) + " bytes is larger than the limit of " +
         std::to_string(limit) + " bytes";
}

// One call of readArticles: the sink, the error count and whether the sink asked to stop.
class BatchReader {
 public:
  BatchReader(const ReadOptions& options, const ArticleSink& sink)
      : options_(options), sink_(sink) {}

  void readPath(std::string_view path) {
    if (path == "-") return readStandardInput();
    std::error_code error;
    if (fs::is_directory(fs::path(path), error)) return readDirectory(std::string(path));
    readFile(std::string(path));
  }

  std::size_t errorCount() const { return errorCount_; }

 private:
  bool report(const common::Error& error) {
    ++errorCount_;
    if (sink_.onError && !sink_.onError(error)) stopped_ = true;
    return !stopped_;
  }

  bool deliver(common::Result<Article>&& result) {
    if (!result.ok()) return report(result.error());
    if (sink_.onArticle && !sink_.onArticle(std::move(result).value())) stopped_ = true;
    return !stopped_;
  }

  void readDirectory(const std::string& source) {
    std::error_code error;
    fs::directory_iterator it(fs::path(source), error);
    std::vector<fs::directory_entry> entries;
    for (; !error && it != fs::directory_iterator(); it.increment(error)) entries.push_back(*it);
    if (error && !report(readError(source, error.message()))) return;
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename().native() < b.path().filename().native();
    });
    for (const fs::directory_entry& entry : entries) {
      std::string name = entry.path().filename().string();
      if (name.starts_with('.')) continue;
      std::string child = (fs::path(source) / name).string();
      std::error_code ignored;
      if (entry.is_directory(ignored)) {
        if (!entry.is_symlink(ignored)) readDirectory(child);
      } else if (formatOf(entry.path())) {
        readFile(child);
      }
      if (stopped_) return;
    }
  }

  // Reads one file. Directory walks only pass files of a known extension.
  void readFile(const std::string& source) {
    common::Result<InputFile> file = InputFile::open(source, source);
    if (!file.ok()) {
      report(file.error());
      return;
    }
    fs::path path(source);
    std::optional<Format> format = formatOf(path);
    if (!format) {
      std::string extension = path.extension().string();
      report(
          readError(source, (extension.empty() ? std::string("no file extension")
                                               : "unsupported file extension '" + extension + "'") +
                                " (expected .txt, .json or .jsonl)"));
      return;
    }
    read(*file, *format, source, path.stem().string());
  }

  void readStandardInput() {
    InputFile input = InputFile::standardInput();
    std::optional<Format> format;
    for (std::size_t want = kSniffBytes; !format; want *= 2) {
      std::string_view head = input.peek(want);
      format = sniffFormat(head, head.size() < want);
      // A first line longer than the limit is rejected whatever the format.
      if (!format && want > options_.maxArticleBytes) format = Format::kJson;
    }
    read(input, *format, std::string(kStdinSource), std::string(kStdinDoc));
  }

  void read(InputFile& input, Format format, const std::string& source, const std::string& doc) {
    switch (format) {
      case Format::kText:
        return readText(input, source, doc);
      case Format::kJson:
        return readJson(input, source, doc);
      case Format::kJsonLines:
        return readJsonLines(input, source, doc);
    }
  }

  // Reads the whole input, or reports why not.
  std::optional<std::string> readWhole(InputFile& input, const std::string& source,
                                       std::string_view what) {
    std::string content;
    std::size_t size = 0;
    switch (input.readAll(options_.maxArticleBytes, content, size)) {
      case InputFile::Status::kOk:
      case InputFile::Status::kEnd:
        return content;
      case InputFile::Status::kTooLarge:
        report(readError(source, tooLarge(what, size, options_.maxArticleBytes)));
        return std::nullopt;
      case InputFile::Status::kIoError:
        report(readError(source, input.ioErrorText()));
        return std::nullopt;
    }
    return std::nullopt;
  }

  void readText(InputFile& input, const std::string& source, const std::string& doc) {
    std::optional<std::string> content = readWhole(input, source, "article");
    if (content) deliver(parseTextArticle(std::move(*content), source, doc));
  }

  JsonArticleEmitter emitter() {
    return [this](common::Result<Article>&& result) { return deliver(std::move(result)); };
  }

  void readJson(InputFile& input, const std::string& source, const std::string& doc) {
    std::optional<std::string> content = readWhole(input, source, "JSON file");
    if (!content) return;
    if (std::optional<std::string> binary = probeBinary(*content)) {
      report(readError(source, std::move(*binary)));
      return;
    }
    parseJsonDocument(*content, JsonPlace{source, 1, doc, true}, emitter());
  }

  void readJsonLines(InputFile& input, const std::string& source, const std::string& stem) {
    if (std::optional<std::string> binary = probeBinary(input.peek(kBinaryProbeBytes))) {
      report(readError(source, std::move(*binary)));
      return;
    }
    JsonArticleEmitter emit = emitter();
    std::string line;
    std::size_t size = 0;
    for (std::size_t number = 1; !stopped_; ++number) {
      switch (input.readLine(options_.maxArticleBytes, line, size)) {
        case InputFile::Status::kEnd:
          return;
        case InputFile::Status::kIoError:
          report(readError(source, input.ioErrorText(), number));
          return;
        case InputFile::Status::kTooLarge:
          report(readError(source, tooLarge("line", size, options_.maxArticleBytes), number));
          continue;
        case InputFile::Status::kOk:
          break;
      }
      std::string_view text = line;
      if (isBlank(text.starts_with(kUtf8Bom) ? text.substr(kUtf8Bom.size()) : text)) continue;
      std::string doc = stem + "-" + std::to_string(number);
      parseJsonDocument(line, JsonPlace{source, number, doc, false}, emit);
    }
  }

  const ReadOptions& options_;
  const ArticleSink& sink_;
  std::size_t errorCount_ = 0;
  bool stopped_ = false;
};

}  // namespace

std::size_t readArticles(std::string_view path, const ReadOptions& options,
                         const ArticleSink& sink) {
  BatchReader reader(options, sink);
  reader.readPath(path);
  return reader.errorCount();
}

}  // namespace newsgraph::ingest

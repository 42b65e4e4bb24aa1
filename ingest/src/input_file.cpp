#include "input_file.h"

#include <cerrno>
#include <system_error>
#include <utility>

#include "input_checks.h"

namespace newsgraph::ingest {
namespace {

constexpr std::size_t kChunkBytes = 64u << 10;

std::string systemMessage(int errorNumber) {
  return std::error_code(errorNumber, std::generic_category()).message();
}

}  // namespace

void InputFile::FileCloser::operator()(std::FILE* file) const {
  if (owns) std::fclose(file);
}

InputFile::InputFile(std::unique_ptr<std::FILE, FileCloser> file) : file_(std::move(file)) {}

common::Result<InputFile> InputFile::open(const std::string& path, std::string_view source) {
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return readError(source, systemMessage(errno != 0 ? errno : EIO));
  return InputFile(std::unique_ptr<std::FILE, FileCloser>(file, FileCloser{true}));
}

InputFile InputFile::standardInput() {
  return InputFile(std::unique_ptr<std::FILE, FileCloser>(stdin, FileCloser{false}));
}

std::string_view InputFile::peek(std::size_t count) {
  while (unread().size() < count && fill()) {
  }
  return unread();
}

InputFile::Status InputFile::readAll(std::size_t limit, std::string& content, std::size_t& size) {
  content.clear();
  size = 0;
  do {
    std::string_view bytes = unread();
    if (content.size() + bytes.size() > limit) {
      size = content.size();
      content.clear();
      content.shrink_to_fit();
      skip(false, size);
      return errorNumber_ != 0 ? Status::kIoError : Status::kTooLarge;
    }
    content.append(bytes);
    consume(bytes.size());
  } while (fill());
  size = content.size();
  return errorNumber_ != 0 ? Status::kIoError : Status::kOk;
}

InputFile::Status InputFile::readLine(std::size_t limit, std::string& line, std::size_t& size) {
  line.clear();
  size = 0;
  if (unread().empty() && !fill()) return errorNumber_ != 0 ? Status::kIoError : Status::kEnd;
  while (true) {
    std::string_view bytes = unread();
    std::size_t newline = bytes.find('\n');
    std::string_view piece = bytes.substr(0, newline);
    if (line.size() + piece.size() > limit) {
      size = line.size();
      line.clear();
      skip(true, size);
      return errorNumber_ != 0 ? Status::kIoError : Status::kTooLarge;
    }
    line.append(piece);
    if (newline != std::string_view::npos) {
      consume(newline + 1);
      break;
    }
    consume(bytes.size());
    if (!fill()) break;
  }
  size = line.size();
  return errorNumber_ != 0 ? Status::kIoError : Status::kOk;
}

std::string InputFile::ioErrorText() const { return systemMessage(errorNumber_); }

bool InputFile::fill() {
  if (atEnd_ || errorNumber_ != 0) return false;
  if (begin_ > 0) {
    buffer_.erase(0, begin_);
    begin_ = 0;
  }
  std::size_t old = buffer_.size();
  buffer_.resize(old + kChunkBytes);
  errno = 0;
  std::size_t got = std::fread(buffer_.data() + old, 1, kChunkBytes, file_.get());
  buffer_.resize(old + got);
  if (got < kChunkBytes) {
    if (std::ferror(file_.get()) != 0) {
      errorNumber_ = errno != 0 ? errno : EIO;
    } else {
      atEnd_ = true;
    }
  }
  return got > 0;
}

std::string_view InputFile::unread() const { return std::string_view(buffer_).substr(begin_); }

void InputFile::consume(std::size_t count) {
  begin_ += count;
  if (begin_ == buffer_.size()) {
    buffer_.clear();
    begin_ = 0;
  }
}

void InputFile::skip(bool toNewline, std::size_t& size) {
  do {
    std::string_view bytes = unread();
    std::size_t newline = toNewline ? bytes.find('\n') : std::string_view::npos;
    if (newline != std::string_view::npos) {
      size += newline;
      consume(newline + 1);
      return;
    }
    size += bytes.size();
    consume(bytes.size());
  } while (fill());
}

}  // namespace newsgraph::ingest

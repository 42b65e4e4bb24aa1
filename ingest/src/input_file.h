// An open file or standard input, read in chunks so that memory stays bounded by a limit chosen
// by the caller (the largest article), never by the size of the input.
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "newsgraph/common/error.h"

namespace newsgraph::ingest {

class InputFile {
 public:
  // What a read gave.
  enum class Status {
    kOk,        // the content or line is in the output string
    kEnd,       // no more lines (readLine only)
    kTooLarge,  // larger than the limit: skipped, its size is in the size output
    kIoError,   // the system failed to read: see ioErrorText()
  };

  // Opens `path` for reading. Fails with `<source>: read error: <system message>`
  // ("No such file or directory", "Permission denied", ...).
  static common::Result<InputFile> open(const std::string& path, std::string_view source);

  // Standard input. The returned object does not close it.
  static InputFile standardInput();

  // Buffers input until at least `count` unread bytes are held or the input ends, and returns
  // all unread bytes without consuming them (possibly more than `count`, fewer at the end).
  // The view lives until the next call on this object.
  std::string_view peek(std::size_t count);

  // Reads everything left into `content` when it is at most `limit` bytes (kOk). A larger rest is
  // read through and dropped; `size` then gives its length (kTooLarge).
  Status readAll(std::size_t limit, std::string& content, std::size_t& size);

  // Reads the next line, without its '\n', into `line` when it is at most `limit` bytes (kOk).
  // A longer line is read through and dropped; `size` gives its length (kTooLarge). At the end
  // of the input gives kEnd. A last line without '\n' is still a line.
  Status readLine(std::size_t limit, std::string& line, std::size_t& size);

  // The system's message for the read error that gave kIoError.
  [[nodiscard]] std::string ioErrorText() const;

 private:
  struct FileCloser {
    bool owns = true;
    void operator()(std::FILE* file) const;
  };

  explicit InputFile(std::unique_ptr<std::FILE, FileCloser> file);

  // Appends one chunk to the buffer. False when nothing more could be read.
  bool fill();
  [[nodiscard]] std::string_view unread() const;
  void consume(std::size_t count);
  // Reads and drops the rest of the input (or of the line when `toNewline`), adding its length
  // to `size`.
  void skip(bool toNewline, std::size_t& size);

  std::unique_ptr<std::FILE, FileCloser> file_;
  std::string buffer_;  // unread bytes are buffer_[begin_, buffer_.size())
  std::size_t begin_ = 0;
  bool atEnd_ = false;
  int errorNumber_ = 0;
};

}  // namespace newsgraph::ingest

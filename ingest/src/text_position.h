// Line and column of a byte offset, as every error message of the reader gives them.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsgraph::ingest {

// A 1-based line and a 1-based column counted in bytes.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

// Converts byte offsets of one text to positions. Lines end at '\n' (a '\r' before it counts as
// a column). Queries in increasing offset order cost one pass over the text in total; a smaller
// offset than the previous one restarts from the beginning.
// The cursor keeps a view of `text`: the text must outlive it.
class PositionCursor {
 public:
  // `firstLine` is the line of the text's first byte in its source (a .jsonl line number).
  explicit PositionCursor(std::string_view text, std::size_t firstLine = 1);

  // Position of byte `offset`. REQUIRES: offset <= text.size() (the end is a valid position).
  TextPosition at(std::size_t offset);

 private:
  std::string_view text_;
  std::size_t firstLine_;
  std::size_t offset_ = 0;
  std::size_t line_;
  std::size_t lineStart_ = 0;
};

// One-shot form of PositionCursor::at.
TextPosition positionAt(std::string_view text, std::size_t offset, std::size_t firstLine = 1);

}  // namespace newsgraph::ingest

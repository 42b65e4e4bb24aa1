#include "text_position.h"

namespace newsgraph::ingest {

PositionCursor::PositionCursor(std::string_view text, std::size_t firstLine)
    : text_(text), firstLine_(firstLine), line_(firstLine) {}

TextPosition PositionCursor::at(std::size_t offset) {
  if (offset < offset_) {
    offset_ = 0;
    line_ = firstLine_;
    lineStart_ = 0;
  }
  for (std::size_t newline = text_.find('\n', offset_); newline < offset;
       newline = text_.find('\n', newline + 1)) {
    ++line_;
    lineStart_ = newline + 1;
  }
  offset_ = offset;
  return TextPosition{line_, offset - lineStart_ + 1};
}

TextPosition positionAt(std::string_view text, std::size_t offset, std::size_t firstLine) {
  return PositionCursor(text, firstLine).at(offset);
}

}  // namespace newsgraph::ingest

#include "table.h"

#include <algorithm>

namespace newsgraph::cli {
namespace {

// Display width: code points, not bytes (good enough for Latin scripts).
std::size_t width(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

void printRow(std::FILE* out, const std::vector<std::string>& row,
              const std::vector<std::size_t>& widths) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    std::fputs(row[i].c_str(), out);
    if (i + 1 < row.size()) {
      for (std::size_t pad = width(row[i]); pad < widths[i] + 2; ++pad) std::fputc(' ', out);
    }
  }
  std::fputc('\n', out);
}

}  // namespace

void Table::print(std::FILE* out) const {
  std::vector<std::size_t> widths(header_.size());
  for (std::size_t i = 0; i < header_.size(); ++i) widths[i] = width(header_[i]);
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], width(row[i]));
    }
  }
  printRow(out, header_, widths);
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.emplace_back(w, '-');
  printRow(out, rule, widths);
  for (const auto& row : rows_) printRow(out, row, widths);
}

void Table::printCsv(std::FILE* out) const {
  auto write = [out](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string& cell = row[i];
      bool quote = cell.find_first_of(",\"\n\r") != std::string::npos;
      if (quote) {
        std::fputc('"', out);
        for (char c : cell) {
          if (c == '"') std::fputc('"', out);
          std::fputc(c, out);
        }
        std::fputc('"', out);
      } else {
        std::fputs(cell.c_str(), out);
      }
      std::fputc(i + 1 < row.size() ? ',' : '\n', out);
    }
  };
  write(header_);
  for (const auto& row : rows_) write(row);
}

}  // namespace newsgraph::cli

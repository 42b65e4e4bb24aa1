// Private to the CLI: plain-text tables with columns sized to their content (UTF-8 aware).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace newsgraph::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Writes the header, a rule, and the rows to `out`.
  void print(std::FILE* out) const;
  // Writes RFC 4180 CSV to `out`.
  void printCsv(std::FILE* out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace newsgraph::cli

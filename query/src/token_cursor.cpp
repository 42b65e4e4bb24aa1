#include "token_cursor.h"

#include <cctype>

namespace newsgraph::query {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words that may not be used as bare variable names.
bool isReserved(const std::string& word) {
  static const char* const kReserved[] = {
      "MATCH",    "OPTIONAL", "WHERE", "RETURN",   "WITH",    "UNWIND",  "CALL",       "YIELD",
      "ORDER",    "BY",       "SKIP",  "LIMIT",    "AND",     "OR",      "XOR",        "NOT",
      "IN",       "IS",       "NULL",  "TRUE",     "FALSE",   "AS",      "DESC",       "ASC",
      "DISTINCT", "STARTS",   "ENDS",  "CONTAINS", "EXPLAIN", "PROFILE", "DESCENDING", "ASCENDING"};
  std::string up = upper(word);
  return std::any_of(std::begin(kReserved), std::end(kReserved),
                     [&](const char* r) { return up == r; });
}

}  // namespace newsgraph::query

// A token trie over names: finds, in one left-to-right pass, the longest known name starting at
// each token. Lookups hash one token key per step and allocate nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/common/key_hash.h"
#include "newsgraph/ingest/token.h"

namespace newsgraph::ingest {

// What a name match found: tokens [firstToken, endToken) and the value stored with the name.
struct NameMatch {
  std::uint32_t firstToken = 0;
  std::uint32_t endToken = 0;
  std::uint32_t value = 0;
};

class NameIndex {
 public:
  NameIndex();

  // Adds the name made of `tokens` (as tokenize() gives them) with `value`. When `exactCase`,
  // the text must repeat each token's capitalization (title case, all upper case) to match.
  // A name added twice keeps its first value. Empty names are ignored.
  void add(const std::vector<Token>& tokens, std::uint32_t value, bool exactCase);

  // Tokenizes `name` and adds it (see add()).
  void addName(std::string_view name, std::uint32_t value, bool exactCase);

  // The longest name starting at tokens[first] and ending at or before tokens[limit].
  // Returns false when none starts there.
  bool longestAt(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t limit,
                 NameMatch& match) const;

  bool empty() const { return nodes_.size() <= 1; }

  // Calls `visit(key)` for the first token key of every name (each key once).
  template <typename Visit>
  void forEachFirstKey(Visit visit) const {
    for (const auto& [key, node] : nodes_[0].children) visit(key);
  }

 private:
  struct Node {
    std::unordered_map<std::string, std::uint32_t, common::KeyHash, std::equal_to<>> children;
    std::int64_t value = -1;
    bool exactCase = false;
    std::vector<std::uint8_t> caseFlags;  // per token, for exactCase names
  };
  std::vector<Node> nodes_;
  common::KeyFilter firstKeys_;  // the keys of nodes_[0].children
};

}  // namespace newsgraph::ingest

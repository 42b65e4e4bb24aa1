// A token trie over names: finds, in one left-to-right pass, the longest known name starting at
// each token. Lookups hash one token key per step and allocate nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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

  // longestAt for a caller that scans the same tokens many times and has hashed their keys
  // once: keyHashes[i] is common::hashKey(tokens[i].key). A token that starts no name then
  // costs one bit test. REQUIRES: keyHashes.size() >= limit.
  bool longestAt(const std::vector<Token>& tokens, const std::vector<std::uint64_t>& keyHashes,
                 std::uint32_t first, std::uint32_t limit, NameMatch& match) const;

  bool empty() const { return nodes_.size() <= 1; }

  // Calls `visit(key)` for the first token key of every name (each key once), as a
  // const std::string&.
  template <typename Visit>
  void forEachFirstKey(Visit visit) const {
    for (const std::string& key : firstKeys_) visit(key);
  }

 private:
  struct Node {
    std::int64_t value = -1;
    bool exactCase = false;
    std::vector<std::uint8_t> caseFlags;  // per token, for exactCase names
  };
  // A trie edge: the child of `parent` by one token key, in an open-addressing table keyed by
  // (parent, key). One flat table for the whole trie: a step costs one probe, no per-node map.
  struct Edge {
    std::uint64_t keyHash = 0;  // common::hashKey of the key
    std::uint32_t parent = 0;
    std::uint32_t child = 0;      // 0 (the root, never a child): a free slot
    std::uint32_t keyOffset = 0;  // the key is keys_[keyOffset, keyOffset + keyLength)
    std::uint32_t keyLength = 0;
  };
  static std::size_t slotOf(std::uint64_t keyHash, std::uint32_t parent) {
    return static_cast<std::size_t>(keyHash ^ (parent * 0x9E3779B97F4A7C15ull));
  }
  // The child of `parent` by `key` (whose hash is `keyHash`), or 0.
  std::uint32_t child(std::uint32_t parent, std::string_view key, std::uint64_t keyHash) const;
  // longestAt with the hash of tokens[i].key given by `hashOf(i)`.
  template <typename HashOf>
  bool longestAtWith(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t limit,
                     NameMatch& match, HashOf hashOf) const;
  // Doubles edges_ (every edge placed again) when it is half full.
  void growIfFull();

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;  // power-of-two size, at most half full
  std::size_t edgeCount_ = 0;
  std::string keys_;  // the edges' keys, end to end
  std::vector<std::string> firstKeys_;
  common::KeyFilter firstKeyFilter_;  // the keys of firstKeys_
};

}  // namespace newsgraph::ingest

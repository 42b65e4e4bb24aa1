// Repairs words glued together by bad text extraction ("avoirquitté" -> "avoir" "quitté"),
// only where a French word list makes the split certain.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "newsgraph/common/error.h"
#include "newsgraph/common/key_hash.h"

namespace newsgraph::ingest {

class GlueSplitter {
 public:
  // The word list Debian's wfrench package installs.
  static constexpr const char* kDefaultWordList = "/usr/share/dict/french";

  // Loads a word list, one word per line (UTF-8). Fails with `<path>: read error: ...`.
  static common::Result<GlueSplitter> load(const std::string& path);

  // Builds a splitter from words given in memory (tests).
  explicit GlueSplitter(const std::vector<std::string>& words);

  // True when `key` (a matching key, see common::matchKey) is a known word.
  bool isWord(std::string_view key) const;

  // Shortest word worth checking for glue: two glued words are rarely shorter.
  static constexpr std::size_t kMinGluedBytes = 7;

  // For an unknown lower-case word's key, returns the byte position in `key` where it splits
  // into exactly one pair of known words (each at least 2 bytes, or "a" for "à" on the right),
  // or 0 when there is no such split or more than one.
  std::size_t splitPoint(std::string_view key) const;

  // What the tokenizer asks of a lower-case word's key: 0 when it is a known word, else
  // splitPoint(key). Remembers recent answers in a small per-thread cache (news vocabulary
  // repeats, and a lookup in the 346,000-word set costs several cache misses).
  std::size_t glueCut(std::string_view key) const;

  std::size_t size() const { return words_.size(); }

 private:
  GlueSplitter();
  std::unordered_set<std::string, common::KeyHash, std::equal_to<>> words_;
  std::uint64_t id_;  // distinct per splitter built, so that glueCut's cache never mixes lists
};

}  // namespace newsgraph::ingest

// Repairs words glued together by bad text extraction ("avoirquitté" -> "avoir" "quitté"),
// only where a French word list makes the split certain.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
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

  // The number of distinct word keys.
  std::size_t size() const { return count_; }

 private:
  GlueSplitter();
  static constexpr std::size_t kMaxSlotKeyBytes = 0xFFFF;
  static constexpr std::size_t kMaxArenaBytes = 0xFFFFFFFF;
  static constexpr std::uint64_t kTagMask = 0xFFFFull << 48;

  // Adds the matching key of `word` unless it is there already.
  void add(std::string_view word);
  // Puts the key at arena_[offset, offset + length) in a free slot of slots_.
  void place(std::uint64_t hash, std::uint32_t offset, std::uint32_t length);
  // Doubles slots_ (every key placed again) when it is half full.
  void growIfFull();

  // The word keys, end to end: one allocation for the whole list instead of one per word.
  std::string arena_;
  // An open-addressing table over arena_ (linear probing, power-of-two size, at most half
  // full): each slot packs a key's offset (32 bits), length (16 bits) and 16 bits of its hash
  // (a tag that rejects most other keys without comparing bytes); 0 is a free slot.
  std::vector<std::uint64_t> slots_;
  std::vector<std::string> overflow_;  // keys the slots cannot address (never, in practice)
  std::size_t count_ = 0;
  bool hasEmptyKey_ = false;  // a line of combining marks only has an empty key
  std::uint64_t id_;  // distinct per splitter built, so that glueCut's cache never mixes lists
};

}  // namespace newsgraph::ingest

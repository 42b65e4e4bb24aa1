// FlatKeyIndex: string keys numbered 0, 1, 2... in the order they were first inserted, found
// through an open-addressing table. For per-token caches that are probed hundreds of thousands
// of times per megabyte: std::unordered_map spends most of such a probe on the division that
// picks a bucket and on following node pointers through memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/common/key_hash.h"

namespace newsgraph::common {

class FlatKeyIndex {
 public:
  // What find() returns for a key that was never inserted.
  static constexpr std::uint32_t kAbsent = UINT32_MAX;

  // The number of `key`, or kAbsent.
  std::uint32_t find(std::string_view key) const { return find(key, hashKey(key)); }
  // The same, with `hash` = hashKey(key) computed by the caller.
  std::uint32_t find(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty()) return kAbsent;
    for (std::size_t s = hash & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.index == kAbsent) return kAbsent;
      if (slot.hash == hash && keyAt(slot.index) == key) return slot.index;
    }
  }

  // The number of `key`, inserting it (as size() before the call) when it is new.
  std::uint32_t insert(std::string_view key);

  // The key numbered `index` (< size()).
  std::string_view keyAt(std::uint32_t index) const {
    return std::string_view(arena_).substr(ends_[index] - lengthAt(index), lengthAt(index));
  }
  // How many keys were inserted.
  std::size_t size() const { return ends_.size(); }
  // Makes room for `count` keys without growing the table.
  void reserve(std::size_t count);
  // Forgets every key.
  void clear();

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t index = kAbsent;  // kAbsent: the slot is empty
  };
  std::uint32_t lengthAt(std::uint32_t index) const {
    return ends_[index] - (index == 0 ? 0 : ends_[index - 1]);
  }
  // Makes the table at least `slots` large (a power of two, 64 at least) and places every key
  // again.
  void grow(std::size_t slots);

  std::vector<Slot> slots_;          // power-of-two size, at most half full
  std::size_t mask_ = 0;             // slots_.size() - 1
  std::string arena_;                // the keys one after another
  std::vector<std::uint32_t> ends_;  // where each key ends in arena_
};

}  // namespace newsgraph::common

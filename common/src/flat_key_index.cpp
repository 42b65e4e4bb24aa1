#include "newsgraph/common/flat_key_index.h"

namespace newsgraph::common {

std::uint32_t FlatKeyIndex::insert(std::string_view key) {
  const std::uint64_t hash = hashKey(key);
  if (std::uint32_t found = find(key, hash); found != kAbsent) return found;
  if (2 * (size() + 1) > slots_.size()) grow(2 * (size() + 1));
  const auto index = static_cast<std::uint32_t>(size());
  arena_.append(key);
  ends_.push_back(static_cast<std::uint32_t>(arena_.size()));
  std::size_t s = hash & mask_;
  while (slots_[s].index != kAbsent) s = (s + 1) & mask_;
  slots_[s] = Slot{hash, index};
  return index;
}

void FlatKeyIndex::clear() {
  slots_.clear();
  mask_ = 0;
  arena_.clear();
  ends_.clear();
}

void FlatKeyIndex::reserve(std::size_t count) {
  ends_.reserve(count);
  if (2 * count > slots_.size()) grow(2 * count);
}

void FlatKeyIndex::grow(std::size_t slots) {
  std::size_t size = 64;
  while (size < slots) size *= 2;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size, Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.index == kAbsent) continue;
    std::size_t s = slot.hash & mask_;
    while (slots_[s].index != kAbsent) s = (s + 1) & mask_;
    slots_[s] = slot;
  }
}

}  // namespace newsgraph::common

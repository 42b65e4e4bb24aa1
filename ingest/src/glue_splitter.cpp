#include "newsgraph/ingest/glue_splitter.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "newsgraph/common/text.h"

namespace newsgraph::ingest {

namespace {

std::uint64_t nextSplitterId() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

GlueSplitter::GlueSplitter() : id_(nextSplitterId()) {}

common::Result<GlueSplitter> GlueSplitter::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return common::Error{path, 0, 0, "read", std::strerror(errno)};
  // The whole list at once (a few MB), cut into lines in place: no copy per line.
  std::string content;
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  while (in) {
    std::size_t before = content.size();
    content.resize(before + kChunk);
    in.read(content.data() + before, static_cast<std::streamsize>(kChunk));
    content.resize(before + static_cast<std::size_t>(in.gcount()));
  }
  GlueSplitter splitter;
  splitter.arena_.reserve(content.size());
  // Slots for one word a line, so that the table is built once, never grown.
  const auto lines = static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n'));
  std::size_t slots = 1024;
  while (slots < (lines + 1) * 2) slots *= 2;
  splitter.slots_.assign(slots, 0);
  // A valid file has only valid lines (a newline never cuts a UTF-8 sequence): then no line
  // needs its own check.
  const bool allValid =
      content.size() < (std::size_t{1} << 31) && !common::findInvalidUtf8(content);
  std::string_view rest(content);
  while (!rest.empty()) {
    std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || (!allValid && common::findInvalidUtf8(line))) continue;
    splitter.add(line);
  }
  return splitter;
}

GlueSplitter::GlueSplitter(const std::vector<std::string>& words) : id_(nextSplitterId()) {
  for (const std::string& word : words) add(word);
}

void GlueSplitter::add(std::string_view word) {
  const std::size_t offset = arena_.size();
  common::appendMatchKey(word, arena_);
  std::string_view key = std::string_view(arena_).substr(offset);
  if (isWord(key)) {
    arena_.resize(offset);
    return;
  }
  ++count_;
  if (key.empty()) {
    hasEmptyKey_ = true;
  } else if (key.size() > kMaxSlotKeyBytes || arena_.size() > kMaxArenaBytes) {
    overflow_.emplace_back(key);  // kept out of the slots, which cannot address it
    arena_.resize(offset);
  } else {
    growIfFull();
    place(common::hashKey(key), static_cast<std::uint32_t>(offset),
          static_cast<std::uint32_t>(key.size()));
  }
}

void GlueSplitter::place(std::uint64_t hash, std::uint32_t offset, std::uint32_t length) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hash & mask;
  while (slots_[slot] != 0) slot = (slot + 1) & mask;
  slots_[slot] = offset | (std::uint64_t{length} << 32) | (hash & kTagMask);
}

void GlueSplitter::growIfFull() {
  if ((count_ + 1) * 2 <= slots_.size()) return;
  std::vector<std::uint64_t> old(std::max<std::size_t>(slots_.size() * 2, 1024), 0);
  old.swap(slots_);
  for (std::uint64_t entry : old) {
    if (entry == 0) continue;
    auto offset = static_cast<std::uint32_t>(entry);
    auto length = static_cast<std::uint32_t>((entry >> 32) & 0xFFFF);
    place(common::hashKey(std::string_view(arena_).substr(offset, length)), offset, length);
  }
}

std::size_t GlueSplitter::glueCut(std::string_view key) const {
  // Direct-mapped, one cache line per entry; keys longer than an entry holds are not cached.
  struct Entry {
    std::uint64_t owner = 0;
    std::uint64_t hash = 0;
    std::uint8_t length = 0;
    std::uint8_t cut = 0;
    char key[46] = {};
  };
  constexpr std::size_t kEntries = 4096;
  static_assert(sizeof(Entry) == 64);
  if (key.size() > sizeof(Entry::key)) return isWord(key) ? 0 : splitPoint(key);
  thread_local std::vector<Entry> cache(kEntries);
  const std::uint64_t hash = common::hashKey(key);
  Entry& entry = cache[hash & (kEntries - 1)];
  if (entry.owner == id_ && entry.hash == hash && entry.length == key.size() &&
      std::memcmp(entry.key, key.data(), key.size()) == 0) {
    return entry.cut;
  }
  const std::size_t cut = isWord(key) ? 0 : splitPoint(key);
  entry.owner = id_;
  entry.hash = hash;
  entry.length = static_cast<std::uint8_t>(key.size());
  entry.cut = static_cast<std::uint8_t>(cut);
  std::memcpy(entry.key, key.data(), key.size());
  return cut;
}

bool GlueSplitter::isWord(std::string_view key) const {
  if (key.empty()) return hasEmptyKey_;
  if (key.size() <= kMaxSlotKeyBytes && !slots_.empty()) {
    const std::uint64_t hash = common::hashKey(key);
    const std::uint64_t wanted = (std::uint64_t{key.size()} << 32) | (hash & kTagMask);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
      const std::uint64_t entry = slots_[slot];
      if ((entry & ~std::uint64_t{0xFFFFFFFF}) == wanted &&
          std::memcmp(arena_.data() + static_cast<std::uint32_t>(entry), key.data(), key.size()) ==
              0) {
        return true;
      }
    }
  }
  return std::find(overflow_.begin(), overflow_.end(), key) != overflow_.end();
}

std::size_t GlueSplitter::splitPoint(std::string_view key) const {
  std::size_t found = 0;
  for (std::size_t cut = 2; cut + 1 <= key.size(); ++cut) {
    std::string_view right = key.substr(cut);
    bool rightOk = right.size() >= 2 || right == "a";
    if (!rightOk) continue;
    // Cut only between whole code points: a UTF-8 continuation byte cannot start the right part.
    if ((static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) continue;
    if (isWord(key.substr(0, cut)) && isWord(right)) {
      if (found != 0) return 0;  // two readings: not certain
      found = cut;
    }
  }
  return found;
}

}  // namespace newsgraph::ingest

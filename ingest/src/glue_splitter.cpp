#include "newsgraph/ingest/glue_splitter.h"

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
  std::ifstream in(path);
  if (!in) return common::Error{path, 0, 0, "read", std::strerror(errno)};
  GlueSplitter splitter;
  std::string line;
  splitter.words_.reserve(400000);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || common::findInvalidUtf8(line)) continue;
    splitter.words_.insert(common::matchKey(line));
  }
  return splitter;
}

GlueSplitter::GlueSplitter(const std::vector<std::string>& words) : id_(nextSplitterId()) {
  for (const std::string& word : words) words_.insert(common::matchKey(word));
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

bool GlueSplitter::isWord(std::string_view key) const { return words_.find(key) != words_.end(); }

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

// Private: a set of matching keys (lexicon words) for lookups once or more per token.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "newsgraph/common/key_hash.h"

namespace newsgraph::ingest {

// A set of keys with a small Bloom filter in front of its hash table. Most tokens are in none
// of the lexicons they are checked against (titles, possessives, clause openers...); the filter
// answers those with one hash and a bit test, without the table's bucket division and probe.
// The filter has at least 16 bits per key, so about one absent key in ten reaches the table.
class KeySet {
 public:
  using Table = std::unordered_set<std::string, common::KeyHash, std::equal_to<>>;
  using const_iterator = Table::const_iterator;
  using iterator = Table::const_iterator;

  KeySet() = default;
  KeySet(std::initializer_list<std::string> keys) { insert(keys.begin(), keys.end()); }

  std::pair<const_iterator, bool> insert(std::string key) {
    auto added = table_.insert(std::move(key));
    if (added.second) remember(*added.first);
    return added;
  }
  template <typename Iterator>
  void insert(Iterator first, Iterator last) {
    for (; first != last; ++first) insert(std::string(*first));
  }
  template <typename... Args>
  std::pair<const_iterator, bool> emplace(Args&&... args) {
    return insert(std::string(std::forward<Args>(args)...));
  }

  const_iterator find(std::string_view key) const {
    return mayContain(key) ? table_.find(key) : table_.end();
  }
  std::size_t count(std::string_view key) const { return find(key) != end() ? 1 : 0; }
  bool contains(std::string_view key) const { return find(key) != end(); }

  const_iterator begin() const { return table_.begin(); }
  const_iterator end() const { return table_.end(); }
  std::size_t size() const { return table_.size(); }
  bool empty() const { return table_.empty(); }

 private:
  bool mayContain(std::string_view key) const {
    if (bits_.empty()) return false;
    std::uint64_t bit = common::hashKey(key) >> shift_;
    return ((bits_[bit >> 6] >> (bit & 63)) & 1) != 0;
  }
  void set(std::string_view key) {
    std::uint64_t bit = common::hashKey(key) >> shift_;
    bits_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
  // Adds `key` to the filter, doubling it (and adding every key again) when it gets too full.
  void remember(std::string_view key) {
    if (table_.size() * 16 > bits_.size() * 64) {
      std::size_t words = bits_.empty() ? 8 : bits_.size() * 2;  // 512 bits at first
      bits_.assign(words, 0);
      shift_ = 64;
      for (std::size_t n = words * 64; n > 1; n >>= 1) --shift_;
      for (const std::string& k : table_) set(k);
      return;
    }
    set(key);
  }

  Table table_;
  std::vector<std::uint64_t> bits_;
  unsigned shift_ = 64;  // the filter's bit: the top log2(bits) bits of the key's hash
};

}  // namespace newsgraph::ingest

// Private to event_extractor.cpp: Snowball French stems of article tokens, cached per thread
// across articles and per article by token, for the event cue trie (event_cues.h).
// Header-only because it has a single user.
#pragma once

#include <libstemmer.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsgraph/common/flat_key_index.h"
#include "newsgraph/common/key_hash.h"
#include "newsgraph/ingest/token.h"

namespace newsgraph::ingest::event_cues {

// Maps keyed by matching keys, stems or entity ids, looked up by std::string_view.
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, common::KeyHash, std::equal_to<>>;

// Snowball's French stemmer, one per thread so that extraction stays const and thread-safe.
class Snowball {
 public:
  Snowball() : stemmer_(sb_stemmer_new("french", "UTF_8")) {}
  ~Snowball() {
    if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
  }
  Snowball(const Snowball&) = delete;
  Snowball& operator=(const Snowball&) = delete;

  // Appends the stem of `key` (a matching key) to `out`.
  void appendStem(std::string_view key, std::string& out) {
    const sb_symbol* stem =
        stemmer_ == nullptr
            ? nullptr
            : sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(key.data()),
                              static_cast<int>(key.size()));
    if (stem == nullptr) {
      out.append(key);
      return;
    }
    out.append(reinterpret_cast<const char*>(stem),
               static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  }

  static Snowball& forThisThread() {
    thread_local Snowball instance;
    return instance;
  }

 private:
  sb_stemmer* stemmer_;
};

// Stems that need no Snowball call: short words stay as they are, contractions fold ("des" ->
// "de") so that "départ de" also matches "départ des". Empty when Snowball is needed.
inline std::string_view shortStem(std::string_view key) {
  if (key == "du" || key == "des" || key == "d'") return "de";
  if (key == "au" || key == "aux") return "a";
  if (key.size() <= 3 || key.back() == '\'') return key;
  return {};
}

// Appends the stem of a key that shortStem leaves to Snowball. Snowball keeps the third person
// plural ("attaquent"); it is folded onto the singular's stem, as the relation stage does.
// Stems are cached per thread across articles (news vocabulary repeats): a Snowball call costs
// several hash lookups. The cache allocates only for a new word and is emptied when it grows past
// kMaxCachedStems.
inline void appendLongStem(std::string_view key, std::string& out) {
  constexpr std::size_t kMaxCachedStems = 100000;
  struct Cache {
    common::FlatKeyIndex keys;
    std::vector<std::string> stems;  // by key number
  };
  thread_local Cache cache;
  if (std::uint32_t found = cache.keys.find(key); found != common::FlatKeyIndex::kAbsent) {
    out.append(cache.stems[found]);
    return;
  }
  std::string stem;
  Snowball::forThisThread().appendStem(key, stem);
  if (stem.size() >= 7 && stem.compare(stem.size() - 3, 3, "ent") == 0)
    stem.resize(stem.size() - 3);
  out.append(stem);
  if (cache.keys.size() >= kMaxCachedStems) {
    cache.keys.clear();
    cache.stems.clear();
  }
  cache.keys.insert(key);
  cache.stems.push_back(std::move(stem));
}

// Stems of one article's tokens, computed on first use: most tokens are never stemmed. Buffers
// grow per article, never per token.
class StemCache {
 public:
  explicit StemCache(const std::vector<Token>& tokens)
      : tokens_(tokens), begin_(tokens.size(), kUnknown), length_(tokens.size(), 0) {}

  // The stem of tokens[i]; the view lives until the next call.
  std::string_view stem(std::uint32_t i) {
    std::string_view key = tokens_[i].key;
    std::string_view fixed = shortStem(key);
    if (!fixed.empty()) return fixed;
    if (begin_[i] == kUnknown) {
      begin_[i] = static_cast<std::uint32_t>(arena_.size());
      appendLongStem(key, arena_);
      length_[i] = static_cast<std::uint32_t>(arena_.size() - begin_[i]);
    }
    return std::string_view(arena_).substr(begin_[i], length_[i]);
  }

 private:
  static constexpr std::uint32_t kUnknown = 0xffffffffu;
  const std::vector<Token>& tokens_;
  std::vector<std::uint32_t> begin_;
  std::vector<std::uint32_t> length_;
  std::string arena_;
};

}  // namespace newsgraph::ingest::event_cues

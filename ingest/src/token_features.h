// Private: what the relation readers test about each token of an article, computed once per
// article in one lookup per token: the word lists it belongs to (RelationWord bits), its stem
// (the Snowball French stem the relation cues are indexed by) and whether a cue starts there.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "newsgraph/common/flat_key_index.h"
#include "newsgraph/ingest/token.h"
#include "recognizer_tables.h"
#include "relation_cues.h"
#include "relation_lexicons.h"

namespace newsgraph::ingest {

// Feature bits of a token beside its RelationWord bits: its stem is the first of a cue's stems
// (RelationCueIndex::stems) or of a cue head's (RelationCueIndex::heads).
enum CueStart : std::uint64_t {
  kStartsCue = 1ull << 48,
  kStartsCueHead = 1ull << 49,
};
constexpr std::uint64_t kCueStarts = kStartsCue | kStartsCueHead;

class TokenFeatures {
 public:
  // `lexicons` and `cues` must outlive the features.
  TokenFeatures(const RelationLexicons& lexicons, RelationCueIndex& cues);
  TokenFeatures(const TokenFeatures&) = delete;
  TokenFeatures& operator=(const TokenFeatures&) = delete;

  // Computes the features of an article's `tokens`, replacing those of the previous article.
  // Keys seen before cost one hash lookup (a cache shared across articles).
  void compute(const std::vector<Token>& tokens);

  // Whether token `k` is in one of the word lists of `words` (RelationWord or CueStart bits).
  bool is(std::uint32_t k, std::uint64_t words) const { return (words_[k] & words) != 0; }
  // The union of the bits of tokens [first, end).
  std::uint64_t any(std::uint32_t first, std::uint32_t end) const {
    std::uint64_t bits = 0;
    for (std::uint32_t k = first; k < end; ++k) bits |= words_[k];
    return bits;
  }
  // The word lists of `key`, for a key that is not one token ("porte-parole").
  std::uint64_t of(std::string_view key) const { return lexicons_.of(key); }
  // The stem of token `k` (Stemmer::stem) for a word, its key for other tokens. The view is
  // valid until the next compute().
  std::string_view stem(std::uint32_t k) const { return stems_[k]; }
  // The article's tokens for lookups in the cue tries (RelationCueIndex::stems and heads):
  // each key is the token's stem() where that occurs in a cue, empty otherwise (it matches no
  // cue either way). Valid until the next compute().
  const std::vector<Token>& stemmed() const { return stemmed_; }

 private:
  struct Word {
    std::uint64_t lists = 0;   // with the CueStart bits of the key itself
    std::uint64_t starts = 0;  // the CueStart bits of the stem
    std::string stem;
    bool stemInCues = false;  // the stem occurs in a cue
    bool keyInCues = false;   // the key itself occurs in a cue
  };
  // The CueStart bits of a stem.
  std::uint64_t startsOf(std::string_view stem) const;

  const RelationLexicons& lexicons_;
  const KeySet& cueVocabulary_;
  Stemmer& stemmer_;
  KeyMap<std::uint64_t> starts_;  // first stems of cues and cue heads -> CueStart bits
  // The words seen so far, numbered by keys_. A deque: stems_ views their stems across growth.
  common::FlatKeyIndex keys_;
  std::deque<Word> byKey_;
  std::vector<std::uint64_t> words_;  // by token
  std::vector<std::string_view> stems_;
  std::vector<Token> stemmed_;
};

}  // namespace newsgraph::ingest

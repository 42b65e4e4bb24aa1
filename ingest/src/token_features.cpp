#include "token_features.h"

namespace newsgraph::ingest {

TokenFeatures::TokenFeatures(const RelationLexicons& lexicons, RelationCueIndex& cues)
    : lexicons_(lexicons), cueVocabulary_(cues.vocabulary), stemmer_(cues.stemmer) {
  cues.stems.forEachFirstKey([&](const std::string& stem) { starts_[stem] |= kStartsCue; });
  cues.heads.forEachFirstKey([&](const std::string& stem) { starts_[stem] |= kStartsCueHead; });
}

std::uint64_t TokenFeatures::startsOf(std::string_view stem) const {
  auto found = starts_.find(stem);
  return found == starts_.end() ? 0 : found->second;
}

void TokenFeatures::compute(const std::vector<Token>& tokens) {
  // Bounds memory on huge vocabularies; cleared between articles only, so that the entries
  // read below stay put while the article is read.
  if (byKey_.size() > 200000) {
    keys_.clear();
    byKey_.clear();
  }
  words_.resize(tokens.size());
  stems_.resize(tokens.size());
  stemmed_.resize(tokens.size());
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& token = tokens[k];
    std::uint32_t index = keys_.find(token.key);
    if (index == common::FlatKeyIndex::kAbsent) {
      index = keys_.insert(token.key);
      Word& word = byKey_.emplace_back(Word{lexicons_.of(token.key) | startsOf(token.key), 0,
                                            std::string(stemmer_.stem(token.key))});
      word.starts = startsOf(word.stem);
      word.stemInCues = cueVocabulary_.contains(word.stem);
      word.keyInCues = cueVocabulary_.contains(token.key);
    }
    // A word is matched by its stem, other tokens by their key.
    const Word& word = byKey_[index];
    bool isWord = token.kind == TokenKind::kWord;
    words_[k] = isWord ? (word.lists & ~kCueStarts) | word.starts : word.lists;
    stems_[k] = isWord ? std::string_view(word.stem) : std::string_view(token.key);
    Token& copy = stemmed_[k];
    copy.begin = token.begin;
    copy.end = token.end;
    copy.kind = token.kind;
    copy.flags = token.flags;
    // Most stems occur in no cue: an empty key costs no copy and matches no cue either.
    if (isWord ? word.stemInCues : word.keyInCues) {
      copy.key.assign(stems_[k]);
    } else {
      copy.key.clear();
    }
  }
}

}  // namespace newsgraph::ingest

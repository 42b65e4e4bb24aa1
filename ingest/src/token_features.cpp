#include "token_features.h"

namespace newsgraph::ingest {

TokenFeatures::TokenFeatures(const RelationLexicons& lexicons, RelationCueIndex& cues)
    : lexicons_(lexicons), stemmer_(cues.stemmer) {
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
  if (byKey_.size() > 200000) byKey_.clear();
  words_.resize(tokens.size());
  stemmed_.resize(tokens.size());
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& token = tokens[k];
    auto found = byKey_.find(token.key);
    if (found == byKey_.end()) {
      Word word{lexicons_.of(token.key) | startsOf(token.key), 0,
                std::string(stemmer_.stem(token.key))};
      word.starts = startsOf(word.stem);
      found = byKey_.emplace(token.key, std::move(word)).first;
    }
    // A word is matched by its stem, other tokens by their key (see stemmed()).
    bool isWord = token.kind == TokenKind::kWord;
    words_[k] =
        isWord ? (found->second.lists & ~kCueStarts) | found->second.starts : found->second.lists;
    Token& copy = stemmed_[k];
    copy.begin = token.begin;
    copy.end = token.end;
    copy.kind = token.kind;
    copy.flags = token.flags;
    copy.key.assign(token.kind == TokenKind::kWord ? found->second.stem : token.key);
  }
}

}  // namespace newsgraph::ingest

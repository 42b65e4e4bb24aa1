// French sentence segmentation over tokens: terminal punctuation followed by a capital, digit or
// quote, except after an abbreviation ("M.", "Gén.") or an initial; paragraph breaks; and line
// breaks followed by a capital unless the line ended inside a phrase ("de\nWagner").
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "newsgraph/ingest/token.h"

namespace newsgraph::ingest {

class SentenceSplitter {
 public:
  // `abbreviations` are written forms ("M", "Gén"); they are compared by matching key.
  explicit SentenceSplitter(const std::vector<std::string>& abbreviations);

  // Appends the sentences of `tokens` (all tokens of one text) to `out`.
  void split(const std::vector<Token>& tokens, std::vector<Sentence>& out) const;

 private:
  bool isAbbreviation(const Token& token) const;
  std::unordered_set<std::string> abbreviations_;
};

}  // namespace newsgraph::ingest

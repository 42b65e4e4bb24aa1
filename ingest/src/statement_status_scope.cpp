// Statement status: clause scope, negation ("ne ... pas", "sans") and hypothesis (conditionals,
// modals, "si").
#include "statement_status_reader.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

std::uint32_t StatusClassifier::Reader::length(std::uint32_t k, std::uint32_t want) const {
  std::uint32_t n = 0;
  lexicons_.at(tokens_, k, want, &n);
  return n;
}

// Sentence punctuation, except a point inside a number ("2.000").
bool StatusClassifier::Reader::isStrongBreak(std::uint32_t k) const {
  const Token& t = tokens_[k];
  if (t.kind != TokenKind::kPunct || !isStrongPunct(t.key)) return false;
  bool inNumber = t.key == "."sv && k > 0 && k + 1 < tokens_.size() &&
                  tokens_[k - 1].kind == TokenKind::kNumber &&
                  tokens_[k + 1].kind == TokenKind::kNumber && tokens_[k - 1].end == t.begin &&
                  t.end == tokens_[k + 1].begin;
  return !inNumber;
}

// First token of the clause holding `token`: after the nearest punctuation or `stop` word.
std::uint32_t StatusClassifier::Reader::clauseStart(std::uint32_t token, std::uint32_t stop) const {
  std::uint32_t k = token;
  while (k > first_ && !isPunct(k - 1) && (words(k - 1) & stop) == 0) --k;
  return k;
}

// End of the clause holding `token` - 1: the first punctuation or `stop` word from `token`.
std::uint32_t StatusClassifier::Reader::clauseEnd(std::uint32_t token, std::uint32_t stop) const {
  std::uint32_t k = token;
  while (k < end_ && !isPunct(k) && (words(k) & stop) == 0) ++k;
  return k;
}

// ne ... pas around the verb at tokens [first, end) within its clause, or aucun/sans/pas de
// right before it.
bool StatusClassifier::Reader::negatedAt(std::uint32_t first, std::uint32_t end) const {
  if ((any_ & (kNegationParticle | kNegativeDeterminer)) == 0) return false;
  std::uint32_t stop = kScopeBoundary | kScopeCoordinator;
  std::uint32_t start = clauseStart(first, stop);
  std::uint32_t last = std::min(clauseEnd(end, stop), end + kNegationAfter);
  for (std::uint32_t n = start; n < first; ++n) {
    if ((words(n) & kNegationParticle) == 0) continue;
    for (std::uint32_t a = n + 1; a < last && a <= n + kNegationSpan; ++a) {
      if (a >= first && a < end) continue;
      if ((words(a) & kNegationAdverb) != 0 && (a > first || first - a <= kNegationReach)) {
        return true;
      }
    }
  }
  for (std::uint32_t d = std::max(start, first >= kDeterminerBack ? first - kDeterminerBack : 0);
       d < first; ++d) {
    if ((words(d) & kNegativeDeterminer) == 0) continue;
    std::uint32_t after = d + length(d, kNegativeDeterminer);
    if (after <= first && first - after <= kDeterminerGap) return true;
  }
  return false;
}

// A condition marker (si, s'il) at k that is not part of "même si", "si bien que"...
bool StatusClassifier::Reader::isCondition(std::uint32_t k) const {
  if ((words(k) & kConditionMarker) == 0) return false;
  for (std::uint32_t j = k > first_ + 2 ? k - 2 : first_; j <= k; ++j) {
    if ((words(j) & kNotConditionMarker) != 0 && j + length(j, kNotConditionMarker) > k) {
      return false;
    }
  }
  return true;
}

bool StatusClassifier::Reader::isHypothetical(bool conditional) const {
  if ((any_ & kHypotheticalMarker) != 0) {
    std::uint32_t start = clauseStart(cueFirst_, kScopeBoundary);
    std::uint32_t end = clauseEnd(cueEnd_, kScopeBoundary);
    for (std::uint32_t k = start; k < cueFirst_; ++k) {
      if ((words(k) & kHypotheticalMarker) == 0) continue;
      std::uint32_t after = k + length(k, kHypotheticalMarker);
      if (after <= cueFirst_ && cueFirst_ - after <= kModalReach) return true;
    }
    for (std::uint32_t k = cueEnd_; k < end && k < cueEnd_ + kModalAfter; ++k) {
      if ((words(k) & kHypotheticalMarker) != 0) return true;
    }
  }
  if ((any_ & kConditionMarker) == 0) return false;
  bool condition = false;
  for (std::uint32_t k = first_; k < end_; ++k) {
    if (!isCondition(k)) continue;
    condition = true;
    if (k >= cueFirst_) continue;
    // The condition clause runs to the next punctuation: "Si X attaque Y, ...".
    std::uint32_t close = k + 1;
    while (close < end_ && !isPunct(close)) ++close;
    if (cueFirst_ < close) return true;
  }
  return condition && conditional;  // "Si X attaque, Y riposterait"
}

// A token in the conditional: "-rait", "-raient", except nouns like "retrait".
bool StatusClassifier::Reader::isConditional(std::uint32_t k) const {
  const Token& t = tokens_[k];
  if (t.kind != TokenKind::kWord || (words(k) & kNotConditional) != 0) return false;
  if (t.has(kTitleCase) && k != first_) return false;  // a name
  for (const std::string& ending : lexicons_.conditionalEndings) {
    if (t.key.size() > ending.size() + 1 &&
        t.key.compare(t.key.size() - ending.size(), ending.size(), ending) == 0) {
      return true;
    }
  }
  return false;
}

// The cue's verb group is in the conditional: the cue itself, its auxiliary before it, or the
// verb right after a nominal cue ("l'attaque aurait fait").
bool StatusClassifier::Reader::hasConditionalVerb() const {
  if (lexicons_.conditionalEndings.empty()) return false;
  std::uint32_t start = clauseStart(cueFirst_, kScopeBoundary);
  std::uint32_t from =
      std::max(start, cueFirst_ >= kAuxiliaryReach ? cueFirst_ - kAuxiliaryReach : 0);
  for (std::uint32_t k = from; k < cueEnd_; ++k) {
    if (isConditional(k)) return true;
  }
  std::uint32_t end = clauseEnd(cueEnd_, kScopeBoundary | kScopeCoordinator);
  for (std::uint32_t k = cueEnd_; k < end && k < cueEnd_ + kConditionalAfter; ++k) {
    if (isConditional(k)) return true;
  }
  return false;
}

// Whether a token of [from, to) belongs to one of the lexicons of `mask`.
bool StatusClassifier::Reader::hasWord(std::uint32_t from, std::uint32_t to,
                                       std::uint32_t mask) const {
  for (std::uint32_t k = from; k < to; ++k) {
    if ((words(k) & mask) != 0) return true;
  }
  return false;
}

}  // namespace newsgraph::ingest

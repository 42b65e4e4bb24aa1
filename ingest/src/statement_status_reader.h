// Private: the statement status classifier's reader of one sentence, split by concern: the
// decision (statement_status.cpp), clause scope, negation and hypothesis
// (statement_status_scope.cpp), speakers, attribution and quotes (statement_status_speakers.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "newsgraph/common/text.h"
#include "newsgraph/ingest/statement_status.h"
#include "recognizer_tables.h"

namespace newsgraph::ingest {

// One bit per lexicon of status.ttl, so that one lookup tells every list a token starts.
enum Word : std::uint32_t {
  kNegationParticle = 1u << 0,
  kNegationAdverb = 1u << 1,
  kNegativeDeterminer = 1u << 2,
  kDenialVerb = 1u << 3,
  kSpeechVerb = 1u << 4,
  kAccusationVerb = 1u << 5,
  kAccusationComplement = 1u << 6,
  kAgentPreposition = 1u << 7,
  kPassiveAuxiliary = 1u << 8,
  kAttributionMarker = 1u << 9,
  kAttributionRelative = 1u << 10,
  kThatComplementizer = 1u << 11,
  kConditionMarker = 1u << 12,
  kNotConditionMarker = 1u << 13,
  kHypotheticalMarker = 1u << 14,
  kNotConditional = 1u << 15,
  kScopeBoundary = 1u << 16,
  kScopeCoordinator = 1u << 17,
  kScopeContrast = 1u << 18,
  kOpeningQuote = 1u << 19,
  kClosingQuote = 1u << 20,
  kSpeechParticiple = 1u << 21,
  kInfinitiveAuxiliary = 1u << 22,
};

constexpr std::uint32_t kSaying = kSpeechVerb | kSpeechParticiple;

constexpr std::pair<Word, const char*> kLexiconNames[] = {
    {kNegationParticle, "negationParticle"},
    {kNegationAdverb, "negationAdverb"},
    {kNegativeDeterminer, "negativeDeterminer"},
    {kDenialVerb, "denialVerb"},
    {kSpeechVerb, "speechVerb"},
    {kSpeechParticiple, "speechParticiple"},
    {kInfinitiveAuxiliary, "infinitiveAuxiliary"},
    {kAccusationVerb, "accusationVerb"},
    {kAccusationComplement, "accusationComplement"},
    {kAgentPreposition, "agentPreposition"},
    {kPassiveAuxiliary, "passiveAuxiliary"},
    {kAttributionMarker, "attributionMarker"},
    {kAttributionRelative, "attributionRelative"},
    {kThatComplementizer, "thatComplementizer"},
    {kConditionMarker, "conditionMarker"},
    {kNotConditionMarker, "notConditionMarker"},
    {kHypotheticalMarker, "hypotheticalMarker"},
    {kNotConditional, "notConditional"},
    {kScopeBoundary, "scopeBoundary"},
    {kScopeCoordinator, "scopeCoordinator"},
    {kScopeContrast, "scopeContrast"},
    {kOpeningQuote, "openingQuote"},
    {kClosingQuote, "closingQuote"},
};

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Reach of each rule, in tokens. Short on purpose: a marker far from the cue rarely governs it.
constexpr std::uint32_t kNegationSpan = 4;    // ne -> its adverb: "ne l'a jamais", "n'y a pas"
constexpr std::uint32_t kNegationAfter = 2;   // adverb after the cue: "n'attaque pas"
constexpr std::uint32_t kNegationReach = 5;   // adverb before the cue -> cue
constexpr std::uint32_t kDeterminerGap = 1;   // "sans l'aide": one word between
constexpr std::uint32_t kDeterminerBack = 3;  // "pas de l'aide": the longest entry plus the gap
constexpr std::uint32_t kModalReach = 6;      // "pourrait décider de retirer"
constexpr std::uint32_t kModalAfter = 3;      // "une attaque de X pourrait", "un retrait éventuel"
constexpr std::uint32_t kAuxiliaryReach = 4;  // "aurait ainsi été attaqué"
constexpr std::uint32_t kConditionalAfter = 3;  // "l'attaque de Kidal aurait fait"
constexpr std::uint32_t kThatReach = 6;         // "affirme mardi dans un communiqué que"
constexpr std::uint32_t kInfinitiveReach = 3;   // "affirme ne pas avoir"
constexpr std::uint32_t kAccusationReach = 10;  // "accuse les autorités de transition de"
constexpr std::uint32_t kSpeakerReach = 12;     // verb or marker -> speaker's mention
constexpr std::uint32_t kRelativeReach = 6;     // "un rapport de X selon lequel"
constexpr std::uint32_t kInciseGap = 3;         // ", a-t-il déclaré": comma -> verb
constexpr std::uint32_t kColonGap = 5;          // "X a déclaré mardi : ..."
constexpr std::uint32_t kQuoteReach = 400;      // tokens searched for a quote's marks

// Sentence punctuation that ends the reach of a verb of saying; not words, so kept here.
inline bool isStrongPunct(std::string_view key) {
  return key == "." || key == ";" || key == ":" || key == "!" || key == "?" || key == "…";
}

// status.ttl's lexicons: each entry tokenized like article text and indexed by its first key.
struct StatusClassifier::Lexicons {
  struct Phrase {
    std::vector<std::string> rest;  // keys after the first
    std::uint32_t word = 0;
  };
  struct Start {
    std::uint32_t words = 0;  // lexicons holding this key as a one-token entry
    std::vector<Phrase> phrases;
  };
  KeyMap<Start> starts;
  std::vector<std::string> quoteStarts;     // the keys of `starts` that may start a quotation mark
  std::array<bool, 256> quoteFirstBytes{};  // the first bytes of quoteStarts
  common::KeyFilter startFilter;            // the keys of `starts`: most tokens start no entry
  std::vector<std::string> conditionalEndings;  // keys: "rait", "raient"

  // Lexicons with an entry starting at tokens[k]; `length`, when not null, gets the length of
  // the longest entry of lexicon `want` there (0 when none).
  std::uint32_t at(const std::vector<Token>& tokens, std::uint32_t k, std::uint32_t want = 0,
                   std::uint32_t* length = nullptr) const {
    if (length != nullptr) *length = 0;
    if (!startFilter.mayContain(tokens[k].key)) return 0;
    auto found = starts.find(tokens[k].key);
    if (found == starts.end()) return 0;
    std::uint32_t words = found->second.words;
    if (length != nullptr && (words & want) != 0) *length = 1;
    for (const Phrase& p : found->second.phrases) {
      if (k + p.rest.size() >= tokens.size()) continue;
      bool match = true;
      for (std::size_t i = 0; i < p.rest.size() && match; ++i) {
        match = tokens[k + 1 + i].key == p.rest[i];
      }
      if (!match) continue;
      words |= p.word;
      auto size = static_cast<std::uint32_t>(p.rest.size() + 1);
      if (length != nullptr && (p.word & want) != 0) *length = std::max(*length, size);
    }
    return words;
  }
};

// The lexicon bits of an article's tokens, each computed on first use (one lookup), their
// union per sentence, and the tokens where a quotation mark or a paragraph starts.
class StatusClassifier::ArticleWords {
 public:
  // `lexicons` and `tokens` must outlive the table. The bits of tokens [memoFrom, memoTo) are
  // kept once read; the others are looked up again each time. `keepStops` keeps a table of the
  // stops found (for many statements); otherwise each search scans the tokens (for one).
  ArticleWords(const Lexicons& lexicons, const std::vector<Token>& tokens, std::size_t sentences,
               std::uint32_t memoFrom, std::uint32_t memoTo, bool keepStops)
      : lexicons_(lexicons),
        tokens_(tokens),
        memoFrom_(memoFrom),
        words_(memoTo - memoFrom, 0),
        sentenceWords_(sentences, kUnknown),
        keepStops_(keepStops) {}

  // The lexicons with an entry starting at token `k` (Lexicons::at).
  std::uint32_t at(std::uint32_t k) {
    std::uint32_t i = k - memoFrom_;  // wraps past the end below memoFrom_
    if (i >= words_.size()) return lexicons_.at(tokens_, k);
    if (words_[i] == 0) words_[i] = lexicons_.at(tokens_, k) | kKnown;
    return words_[i] & ~kKnown;
  }
  // The union of the bits of the tokens of `sentence`, sentences[index]; kept for the
  // `sentences` first sentences of the article.
  std::uint32_t sentence(std::uint32_t index, const Sentence& sentence) {
    if (index < sentenceWords_.size() && sentenceWords_[index] != kUnknown) {
      return sentenceWords_[index];
    }
    std::uint32_t any = 0;
    for (std::uint32_t k = sentence.firstToken; k < sentence.endToken; ++k) any |= at(k);
    if (index < sentenceWords_.size()) sentenceWords_[index] = any;
    return any;
  }
  // Quotation marks (punctuation in openingQuote or closingQuote), tokens after a blank line
  // and the first token: where the search for the quote around a statement may stop
  // (Reader::enclosingQuote). The last stop in [limit, k), or kNone.
  std::uint32_t previousStop(std::uint32_t k, std::uint32_t limit);
  // The first stop in [k, stop), or kNone.
  std::uint32_t nextStop(std::uint32_t k, std::uint32_t stop);

 private:
  static constexpr std::uint32_t kUnknown = 1u << 31;  // no lexicon has this bit
  static constexpr std::uint32_t kKnown = 1u << 31;    // set on a token's bits once read

  const Lexicons& lexicons_;
  const std::vector<Token>& tokens_;
  std::uint32_t memoFrom_;
  std::vector<std::uint32_t> words_;  // by token from memoFrom_, with kKnown (0: not read yet)
  std::vector<std::uint32_t> sentenceWords_;  // by sentence
  // Lists the stops of tokens [from, to), which must touch those listed, and widens the range.
  void addStops(std::uint32_t from, std::uint32_t to);
  // Whether a search for a quote may stop at token `k` (see previousStop).
  bool isStop(std::uint32_t k) {
    const Token& t = tokens_[k];
    return k == 0 || t.has(kBlankLineBefore) || (t.kind == TokenKind::kPunct && isQuoteMark(k));
  }
  // Whether token `k`, punctuation, is a quotation mark.
  bool isQuoteMark(std::uint32_t k) {
    const Token& t = tokens_[k];
    // Most punctuation is no quotation mark: a byte test, a few comparisons before the lookup.
    if (!t.key.empty() && !lexicons_.quoteFirstBytes[static_cast<unsigned char>(t.key[0])]) {
      return false;
    }
    for (const std::string& quote : lexicons_.quoteStarts) {
      if (t.key == std::string_view(quote)) return (at(k) & (kOpeningQuote | kClosingQuote)) != 0;
    }
    return false;
  }

  // The stops of tokens [stopsFrom_, stopsTo_), in order. The range grows as searches need,
  // by kStopChunk tokens at a time: one search rarely goes far (a quote opens nearby).
  static constexpr std::uint32_t kStopChunk = 32;
  bool keepStops_;
  std::vector<std::uint32_t> stops_;
  std::uint32_t stopsFrom_ = 0, stopsTo_ = 0;
};

// Whether tokens [cueFirst, cueEnd) lie in sentences[sentence], a sentence of `tokens`: the
// statements StatusClassifier::classify reads (others are asserted).
inline bool isStatement(const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                        std::uint32_t sentence, std::uint32_t cueFirst, std::uint32_t cueEnd) {
  if (sentence >= sentences.size()) return false;
  const Sentence& s = sentences[sentence];
  return cueFirst < cueEnd && cueFirst >= s.firstToken && cueEnd <= s.endToken &&
         s.endToken <= tokens.size();
}

// One classify() call, reading the lexicon bits of the article's tokens from `words`.
class StatusClassifier::Reader {
 public:
  Reader(const ontology::Ontology& ontology, const Lexicons& lexicons, ArticleWords& words,
         const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
         std::uint32_t sentenceIndex, std::uint32_t cueFirst, std::uint32_t cueEnd,
         const std::vector<Mention>& mentions)
      : lexicons_(lexicons),
        ontology_(ontology),
        words_(words),
        tokens_(tokens),
        sentences_(sentences),
        sentenceIndex_(sentenceIndex),
        first_(sentences[sentenceIndex].firstToken),
        end_(sentences[sentenceIndex].endToken),
        cueFirst_(cueFirst),
        cueEnd_(cueEnd),
        mentions_(mentions),
        any_(words.sentence(sentenceIndex, sentences[sentenceIndex])) {}

  StatementStatus status() const;

 private:
  // A verb of saying, accusing or denying whose complement holds the cue.
  struct Governor {
    // kDenial also covers a negated verb of saying: "X ne croit pas que ..." does not claim.
    enum Kind { kNone, kDenial, kSpeech, kAccusation } kind = kNone;
    const Mention* speaker = nullptr;
  };

  std::uint32_t words(std::uint32_t k) const { return words_.at(k); }
  std::uint32_t length(std::uint32_t k, std::uint32_t want) const;
  bool isPunct(std::uint32_t k) const { return tokens_[k].kind == TokenKind::kPunct; }
  bool isComma(std::uint32_t k) const { return isPunct(k) && tokens_[k].key == ","; }
  // Sentence punctuation, except a point inside a number ("2.000").
  bool isStrongBreak(std::uint32_t k) const;

  // First token of the clause holding `token`: after the nearest punctuation or `stop` word.
  std::uint32_t clauseStart(std::uint32_t token, std::uint32_t stop) const;
  // End of the clause holding `token` - 1: the first punctuation or `stop` word from `token`.
  std::uint32_t clauseEnd(std::uint32_t token, std::uint32_t stop) const;

  // ne ... pas around the verb at tokens [first, end) within its clause, or aucun/sans/pas de
  // right before it.
  bool negatedAt(std::uint32_t first, std::uint32_t end) const;

  // A condition marker (si, s'il) at k that is not part of "même si", "si bien que"...
  bool isCondition(std::uint32_t k) const;

  bool isHypothetical(bool conditional) const;

  // A token in the conditional: "-rait", "-raient", except nouns like "retrait".
  bool isConditional(std::uint32_t k) const;

  // The cue's verb group is in the conditional: the cue itself, its auxiliary before it, or the
  // verb right after a nominal cue ("l'attaque aurait fait").
  bool hasConditionalVerb() const;

  // Scans back from the cue for a verb whose complement holds it: X affirme que ..., X affirme
  // avoir ..., X dément (que) ..., X accuse Y de ..., X a déclaré : ... The scan stops at sentence
  // punctuation and at words of contrast (mais, tandis que), which start a statement of their own.
  Governor findGovernor() const;

  // Index of the first mention whose first token is at or after `token`.
  std::size_t mentionFrom(std::uint32_t token) const;
  // Places do not speak: "à Kidal, le gouverneur affirme" is not said by Kidal.
  bool canSpeak(const Mention& m) const;
  // The nearest speaking mention ending at or before `token`, starting at or after `limit`.
  const Mention* speakerBefore(std::uint32_t token, std::uint32_t limit) const;
  // The first speaking mention from `token` on, before the next punctuation and within reach.
  const Mention* speakerAfter(std::uint32_t token) const;
  // The subject of a verb of saying: the nearest speaking mention before it in its sentence.
  const Mention* subjectOf(std::uint32_t verb) const;
  // Who accuses: the subject, or in the passive ("X, accusé par Y de ...") the agent after par.
  const Mention* accuserOf(std::uint32_t verb) const;

  const Sentence& sentenceOf(std::uint32_t token) const;

  // ", a indiqué X" at `comma`: a few words without a mention or a clause opener, then a finite
  // verb of saying that opens no que-clause. Sets `speaker` to the mention after the verb, if any.
  // Verbs of accusing and participles are left out: after a comma they take an object
  // (", accusant la mission de ...", ", qu'elle accusait X de ...").
  bool inciseAt(std::uint32_t comma, std::uint32_t end, const Mention*& speaker) const;

  // "Les FAMa ont repris Kidal, a annoncé l'armée": an incise at the comma that closes the cue's
  // clause. Later commas are left alone: after an apposition (", X, a annoncé le retrait de Y")
  // the verb is the main verb and what follows is its object.
  bool inciseAfterCue(const Mention*& speaker) const;

  // Whether a token of [from, to) belongs to one of the lexicons of `mask`.
  bool hasWord(std::uint32_t from, std::uint32_t to, std::uint32_t mask) const;

  // "selon X", "d'après X" anywhere in the sentence; the nearest one that reaches the cue wins.
  // One before the cue reaches it up to a word of contrast; one after it not past a clause
  // opener either ("X attaque Y, dont le camp reste selon Z ..." is Z's word on the camp only).
  // After "selon lequel" the speaker is named before the marker ("un rapport de X selon lequel").
  bool attributionMarker(const Mention*& speaker) const;

  // Quotation marks around the cue, searched back and forth within the paragraph: typographic
  // marks pair by nesting; a mark in both lists (") pairs by its parity since the paragraph start.
  struct Quote {
    std::uint32_t open = kNone;
    std::uint32_t close = kNone;  // kNone when the quote runs past the paragraph or the reach
  };
  std::uint32_t quoteMarks(std::uint32_t k) const;
  Quote enclosingQuote() const;

  // The cue is inside a quote attributed to a speaker: before it ("X a déclaré : « ... »",
  // "selon X, « ... »"), after it ("« ... », a indiqué X") or by an incise inside it.
  bool quotedSpeaker(const Mention*& speaker) const;

  const Lexicons& lexicons_;
  const ontology::Ontology& ontology_;
  ArticleWords& words_;  // filled as the reader asks
  const std::vector<Token>& tokens_;
  const std::vector<Sentence>& sentences_;
  std::uint32_t sentenceIndex_;
  std::uint32_t first_, end_;  // the cue's sentence, tokens [first_, end_)
  std::uint32_t cueFirst_, cueEnd_;
  const std::vector<Mention>& mentions_;
  std::uint32_t any_ = 0;  // union of the sentence's lexicon bits
};

}  // namespace newsgraph::ingest

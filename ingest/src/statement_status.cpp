#include "newsgraph/ingest/statement_status.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "newsgraph/common/text.h"
#include "newsgraph/ingest/tokenizer.h"
#include "recognizer_tables.h"

namespace newsgraph::ingest {
namespace {

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
bool isStrongPunct(std::string_view key) {
  return key == "." || key == ";" || key == ":" || key == "!" || key == "?" || key == "…";
}

}  // namespace

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
  std::vector<std::string> conditionalEndings;  // keys: "rait", "raient"

  // Lexicons with an entry starting at tokens[k]; `length`, when not null, gets the length of
  // the longest entry of lexicon `want` there (0 when none).
  std::uint32_t at(const std::vector<Token>& tokens, std::uint32_t k, std::uint32_t want = 0,
                   std::uint32_t* length = nullptr) const {
    if (length != nullptr) *length = 0;
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

std::string StatementStatus::toString() const {
  std::string out(graph::statusName(status));
  if (status == graph::EvidenceStatus::kClaimed && !source.empty()) out += " by " + source;
  return out;
}

StatusClassifier::StatusClassifier(const ontology::Ontology& ontology) : ontology_(ontology) {
  auto lexicons = std::make_shared<Lexicons>();
  std::vector<Token> tokens;
  for (const auto& [word, name] : kLexiconNames) {
    for (const std::string& entry : ontology.lexicon(name)) {
      tokens.clear();
      tokenize(entry, tokens);
      // An entry ending in an elision ("n'", "menace d'") has no word after its apostrophe, so
      // the tokenizer reads the apostrophe apart; in an article it sticks to its word.
      if (tokens.size() >= 2 && tokens.back().key == "'" &&
          tokens[tokens.size() - 2].end == tokens.back().begin) {
        tokens[tokens.size() - 2].key += '\'';
        tokens.pop_back();
      }
      if (tokens.empty()) continue;
      Lexicons::Start& start = lexicons->starts[tokens[0].key];
      if (tokens.size() == 1) {
        start.words |= word;
        continue;
      }
      Lexicons::Phrase phrase;
      phrase.word = word;
      for (std::size_t i = 1; i < tokens.size(); ++i) phrase.rest.push_back(tokens[i].key);
      start.phrases.push_back(std::move(phrase));
    }
  }
  for (const std::string& ending : ontology.lexicon("conditionalEnding")) {
    lexicons->conditionalEndings.push_back(common::matchKey(ending));
  }
  lexicons_ = std::move(lexicons);
}

// One classify() call. Lexicon bits of the cue's sentence are computed once, in one lookup
// per token, into a fixed buffer (longer sentences fall back to lookups on demand).
class StatusClassifier::Reader {
 public:
  Reader(const Lexicons& lexicons, const ontology::Ontology& ontology,
         const std::vector<Token>& tokens, const Sentence& sentence,
         const std::vector<Sentence>& sentences, std::uint32_t sentenceIndex,
         std::uint32_t cueFirst, std::uint32_t cueEnd, const std::vector<Mention>& mentions)
      : lexicons_(lexicons),
        ontology_(ontology),
        tokens_(tokens),
        sentences_(sentences),
        sentenceIndex_(sentenceIndex),
        first_(sentence.firstToken),
        end_(sentence.endToken),
        cueFirst_(cueFirst),
        cueEnd_(cueEnd),
        mentions_(mentions) {
    cached_ = std::min<std::uint32_t>(end_ - first_, kCached);
    for (std::uint32_t i = 0; i < cached_; ++i) {
      words_[i] = lexicons_.at(tokens_, first_ + i);
      any_ |= words_[i];
    }
    for (std::uint32_t k = first_ + cached_; k < end_; ++k) any_ |= words(k);
  }

  StatementStatus status() const {
    StatementStatus out;
    Governor governor = findGovernor();
    if (governor.kind == Governor::kDenial || negatedAt(cueFirst_, cueEnd_)) {
      out.status = graph::EvidenceStatus::kNegated;
      return out;
    }
    bool conditional = hasConditionalVerb();
    if (isHypothetical(conditional)) {
      out.status = graph::EvidenceStatus::kHypothetical;
      return out;
    }
    // Claims, innermost first; the first that names its speaker gives the source, and the
    // conditional of hearsay, which names nobody, comes last.
    bool claimed = governor.kind != Governor::kNone;
    const Mention* speaker = governor.speaker;
    using Rule = bool (Reader::*)(const Mention*&) const;
    for (Rule rule :
         {&Reader::quotedSpeaker, &Reader::inciseAfterCue, &Reader::attributionMarker}) {
      if (speaker != nullptr) break;
      const Mention* who = nullptr;
      if ((this->*rule)(who)) {
        claimed = true;
        speaker = who;
      }
    }
    claimed = claimed || conditional;
    if (claimed) {
      out.status = graph::EvidenceStatus::kClaimed;
      if (speaker != nullptr) out.source = speaker->entity;
    }
    return out;
  }

 private:
  static constexpr std::uint32_t kCached = 256;

  // A verb of saying, accusing or denying whose complement holds the cue.
  struct Governor {
    // kDenial also covers a negated verb of saying: "X ne croit pas que ..." does not claim.
    enum Kind { kNone, kDenial, kSpeech, kAccusation } kind = kNone;
    const Mention* speaker = nullptr;
  };

  std::uint32_t words(std::uint32_t k) const {
    if (k >= first_ && k - first_ < cached_) return words_[k - first_];
    return lexicons_.at(tokens_, k);
  }
  std::uint32_t length(std::uint32_t k, std::uint32_t want) const {
    std::uint32_t n = 0;
    lexicons_.at(tokens_, k, want, &n);
    return n;
  }
  bool isPunct(std::uint32_t k) const { return tokens_[k].kind == TokenKind::kPunct; }
  bool isComma(std::uint32_t k) const { return isPunct(k) && tokens_[k].key == ","; }
  // Sentence punctuation, except a point inside a number ("2.000").
  bool isStrongBreak(std::uint32_t k) const {
    const Token& t = tokens_[k];
    if (t.kind != TokenKind::kPunct || !isStrongPunct(t.key)) return false;
    bool inNumber = t.key == "." && k > 0 && k + 1 < tokens_.size() &&
                    tokens_[k - 1].kind == TokenKind::kNumber &&
                    tokens_[k + 1].kind == TokenKind::kNumber && tokens_[k - 1].end == t.begin &&
                    t.end == tokens_[k + 1].begin;
    return !inNumber;
  }

  // First token of the clause holding `token`: after the nearest punctuation or `stop` word.
  std::uint32_t clauseStart(std::uint32_t token, std::uint32_t stop) const {
    std::uint32_t k = token;
    while (k > first_ && !isPunct(k - 1) && (words(k - 1) & stop) == 0) --k;
    return k;
  }
  // End of the clause holding `token` - 1: the first punctuation or `stop` word from `token`.
  std::uint32_t clauseEnd(std::uint32_t token, std::uint32_t stop) const {
    std::uint32_t k = token;
    while (k < end_ && !isPunct(k) && (words(k) & stop) == 0) ++k;
    return k;
  }

  // ne ... pas around the verb at tokens [first, end) within its clause, or aucun/sans/pas de
  // right before it.
  bool negatedAt(std::uint32_t first, std::uint32_t end) const {
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
  bool isCondition(std::uint32_t k) const {
    if ((words(k) & kConditionMarker) == 0) return false;
    for (std::uint32_t j = k > first_ + 2 ? k - 2 : first_; j <= k; ++j) {
      if ((words(j) & kNotConditionMarker) != 0 && j + length(j, kNotConditionMarker) > k) {
        return false;
      }
    }
    return true;
  }

  bool isHypothetical(bool conditional) const {
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
  bool isConditional(std::uint32_t k) const {
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
  bool hasConditionalVerb() const {
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

  // Scans back from the cue for a verb whose complement holds it: X affirme que ..., X affirme
  // avoir ..., X dément (que) ..., X accuse Y de ..., X a déclaré : ... The scan stops at sentence
  // punctuation and at words of contrast (mais, tandis que), which start a statement of their own.
  Governor findGovernor() const {
    Governor none;
    if ((any_ & (kDenialVerb | kSaying | kAccusationVerb)) == 0) return none;
    std::uint32_t that = kNone;        // nearest que after the token being read
    std::uint32_t of = kNone;          // nearest de after it, with no comma up to the cue
    std::uint32_t infinitive = kNone;  // nearest avoir/être after it, with no comma either
    bool comma = false;
    for (std::uint32_t k = cueFirst_; k-- > first_;) {
      if (isPunct(k)) {
        if (isComma(k)) comma = true;
        if (!isStrongBreak(k)) continue;
        if (tokens_[k].key != ":") break;
        // "X a déclaré mardi : les FAMa ont ...": a verb of saying just before the colon.
        for (std::uint32_t v = k; v-- > first_ && v + kColonGap >= k;) {
          if (isStrongBreak(v)) break;
          if ((words(v) & kSaying) != 0) return {Governor::kSpeech, subjectOf(v)};
        }
        break;
      }
      std::uint32_t w = words(k);
      if ((w & kScopeContrast) != 0) break;
      if ((w & kThatComplementizer) != 0) that = k;
      if ((w & kAccusationComplement) != 0 && !comma) of = k;
      if ((w & kInfinitiveAuxiliary) != 0 && !comma) infinitive = k;
      bool contentFollows = (that != kNone && that - k <= kThatReach) ||
                            (infinitive != kNone && infinitive - k <= kInfinitiveReach);
      // A denial reaches its que-clause, or what follows it up to the next comma.
      if ((w & kDenialVerb) != 0 && (contentFollows || !comma)) return {Governor::kDenial, nullptr};
      if ((w & kSaying) != 0 && contentFollows) {
        if (negatedAt(k, k + 1)) return {Governor::kDenial, nullptr};
        return {Governor::kSpeech, subjectOf(k)};
      }
      if ((w & kAccusationVerb) != 0 && of != kNone && of - k <= kAccusationReach) {
        return {Governor::kAccusation, accuserOf(k)};
      }
    }
    return none;
  }

  // Index of the first mention whose first token is at or after `token`.
  std::size_t mentionFrom(std::uint32_t token) const {
    return static_cast<std::size_t>(
        std::lower_bound(mentions_.begin(), mentions_.end(), token,
                         [](const Mention& m, std::uint32_t t) { return m.firstToken < t; }) -
        mentions_.begin());
  }
  // Places do not speak: "à Kidal, le gouverneur affirme" is not said by Kidal.
  bool canSpeak(const Mention& m) const {
    const ontology::EntityRecord* record = ontology_.findEntity(m.entity);
    return record == nullptr || ontology_.isSubclassOf(record->cls, "Actor");
  }
  // The nearest speaking mention ending at or before `token`, starting at or after `limit`.
  const Mention* speakerBefore(std::uint32_t token, std::uint32_t limit) const {
    for (std::size_t i = mentionFrom(token); i-- > 0;) {
      const Mention& m = mentions_[i];
      if (m.firstToken < limit) break;
      if (m.endToken <= token && canSpeak(m)) return &m;
    }
    return nullptr;
  }
  // The first speaking mention from `token` on, before the next punctuation and within reach.
  const Mention* speakerAfter(std::uint32_t token) const {
    std::uint32_t limit = token;
    while (limit < tokens_.size() && limit < token + kSpeakerReach && !isPunct(limit)) ++limit;
    for (std::size_t i = mentionFrom(token); i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      if (m.firstToken >= limit) break;
      if (canSpeak(m)) return &m;
    }
    return nullptr;
  }
  // The subject of a verb of saying: the nearest speaking mention before it in its sentence.
  const Mention* subjectOf(std::uint32_t verb) const {
    std::uint32_t start = sentenceOf(verb).firstToken;
    return speakerBefore(verb, std::max(start, verb >= kSpeakerReach ? verb - kSpeakerReach : 0));
  }
  // Who accuses: the subject, or in the passive ("X, accusé par Y de ...") the agent after par.
  const Mention* accuserOf(std::uint32_t verb) const {
    bool passive = verb == first_ || isComma(verb - 1) || (words(verb - 1) & kPassiveAuxiliary);
    if (!passive) return subjectOf(verb);
    for (std::uint32_t k = verb + 1; k < end_ && !isStrongBreak(k); ++k) {
      if ((words(k) & kAgentPreposition) != 0) return speakerAfter(k + 1);
    }
    return nullptr;
  }

  const Sentence& sentenceOf(std::uint32_t token) const {
    std::uint32_t s = sentenceIndex_;
    while (s > 0 && sentences_[s].firstToken > token) --s;
    while (s + 1 < sentences_.size() && sentences_[s].endToken <= token) ++s;
    return sentences_[s];
  }

  // ", a indiqué X" at `comma`: a few words without a mention or a clause opener, then a finite
  // verb of saying that opens no que-clause. Sets `speaker` to the mention after the verb, if any.
  // Verbs of accusing and participles are left out: after a comma they take an object
  // (", accusant la mission de ...", ", qu'elle accusait X de ...").
  bool inciseAt(std::uint32_t comma, std::uint32_t end, const Mention*& speaker) const {
    std::size_t next = mentionFrom(comma + 1);
    for (std::uint32_t v = comma + 1; v < end && v <= comma + 1 + kInciseGap; ++v) {
      if (isPunct(v) || (words(v) & kScopeBoundary) != 0) return false;
      if (next < mentions_.size() && mentions_[next].firstToken <= v) return false;
      if ((words(v) & kSpeechVerb) == 0) continue;
      for (std::uint32_t k = v + 1; k < end && k <= v + kThatReach && !isPunct(k); ++k) {
        if ((words(k) & kThatComplementizer) != 0) return false;
      }
      speaker = speakerAfter(v + 1);
      return true;
    }
    return false;
  }

  // "Les FAMa ont repris Kidal, a annoncé l'armée": an incise at the comma that closes the cue's
  // clause. Later commas are left alone: after an apposition (", X, a annoncé le retrait de Y")
  // the verb is the main verb and what follows is its object.
  bool inciseAfterCue(const Mention*& speaker) const {
    if ((any_ & kSpeechVerb) == 0) return false;
    for (std::uint32_t k = cueEnd_; k < end_ && !isStrongBreak(k); ++k) {
      if (isComma(k)) return inciseAt(k, end_, speaker);
    }
    return false;
  }

  // Whether a token of [from, to) belongs to one of the lexicons of `mask`.
  bool hasWord(std::uint32_t from, std::uint32_t to, std::uint32_t mask) const {
    for (std::uint32_t k = from; k < to; ++k) {
      if ((words(k) & mask) != 0) return true;
    }
    return false;
  }

  // "selon X", "d'après X" anywhere in the sentence; the nearest one that reaches the cue wins.
  // One before the cue reaches it up to a word of contrast; one after it not past a clause
  // opener either ("X attaque Y, dont le camp reste selon Z ..." is Z's word on the camp only).
  // After "selon lequel" the speaker is named before the marker ("un rapport de X selon lequel").
  bool attributionMarker(const Mention*& speaker) const {
    if ((any_ & kAttributionMarker) == 0) return false;
    std::uint32_t best = kNone, bestDistance = kNone;
    for (std::uint32_t k = first_; k < end_; ++k) {
      if ((words(k) & kAttributionMarker) == 0 || (k >= cueFirst_ && k < cueEnd_)) continue;
      bool reaches = k < cueFirst_ ? !hasWord(k + 1, cueFirst_, kScopeContrast)
                                   : !hasWord(cueEnd_, k, kScopeContrast | kScopeBoundary);
      std::uint32_t distance = k < cueFirst_ ? cueFirst_ - k : k - cueEnd_;
      if (reaches && distance < bestDistance) {
        best = k;
        bestDistance = distance;
      }
    }
    if (best == kNone) return false;
    std::uint32_t after = best + length(best, kAttributionMarker);
    if (after < end_ && (words(after) & kAttributionRelative) != 0) {
      speaker =
          speakerBefore(best, std::max(first_, best >= kRelativeReach ? best - kRelativeReach : 0));
    } else {
      speaker = speakerAfter(after);
    }
    return true;
  }

  // Quotation marks around the cue, searched back and forth within the paragraph: typographic
  // marks pair by nesting; a mark in both lists (") pairs by its parity since the paragraph start.
  struct Quote {
    std::uint32_t open = kNone;
    std::uint32_t close = kNone;  // kNone when the quote runs past the paragraph or the reach
  };
  std::uint32_t quoteMarks(std::uint32_t k) const {
    return isPunct(k) ? words(k) & (kOpeningQuote | kClosingQuote) : 0;
  }
  Quote enclosingQuote() const {
    Quote q;
    std::uint32_t depth = 0, straight = 0, nearestStraight = kNone;
    bool paragraphStart = false;
    std::uint32_t limit = cueFirst_ > kQuoteReach ? cueFirst_ - kQuoteReach : 0;
    for (std::uint32_t k = cueFirst_; k-- > limit;) {
      std::uint32_t marks = quoteMarks(k);
      if (marks == (kOpeningQuote | kClosingQuote)) {
        if (straight++ == 0) nearestStraight = k;
      } else if (marks == kClosingQuote) {
        ++depth;
      } else if (marks == kOpeningQuote) {
        if (depth == 0) {
          q.open = k;
          break;
        }
        --depth;
      }
      if (k == 0 || tokens_[k].has(kBlankLineBefore)) {
        paragraphStart = true;
        break;
      }
    }
    bool straightMode = false;
    if (q.open == kNone) {
      if (!paragraphStart || straight % 2 == 0) return q;
      q.open = nearestStraight;
      straightMode = true;
    }
    depth = 0;
    std::uint32_t stop =
        std::min<std::uint32_t>(static_cast<std::uint32_t>(tokens_.size()), cueEnd_ + kQuoteReach);
    for (std::uint32_t k = cueEnd_; k < stop && !tokens_[k].has(kBlankLineBefore); ++k) {
      std::uint32_t marks = quoteMarks(k);
      bool both = marks == (kOpeningQuote | kClosingQuote);
      if (straightMode ? both : marks == kOpeningQuote) {
        if (straightMode) {
          q.close = k;
          break;
        }
        ++depth;
      } else if (!straightMode && marks == kClosingQuote) {
        if (depth == 0) {
          q.close = k;
          break;
        }
        --depth;
      }
    }
    return q;
  }

  // The cue is inside a quote attributed to a speaker: before it ("X a déclaré : « ... »",
  // "selon X, « ... »"), after it ("« ... », a indiqué X") or by an incise inside it.
  bool quotedSpeaker(const Mention*& speaker) const {
    Quote q = enclosingQuote();
    if (q.open == kNone) return false;
    // Before: within the opening mark's sentence.
    const Sentence& opening = sentenceOf(q.open);
    std::uint32_t before = q.open;
    bool colon = before > opening.firstToken && tokens_[before - 1].key == ":";
    if (colon) --before;
    for (std::uint32_t k = opening.firstToken; k < before; ++k) {
      if ((words(k) & kAttributionMarker) != 0) {
        speaker = speakerAfter(k + length(k, kAttributionMarker));
        return true;
      }
    }
    for (std::uint32_t v = before; v-- > opening.firstToken && v + 1 + kColonGap >= before;) {
      if (isStrongBreak(v)) break;
      if ((words(v) & kSaying) == 0) continue;
      speaker = speakerBefore(v, opening.firstToken);
      if (speaker == nullptr) speaker = speakerAfter(v + 1);  // "a déclaré le ministre :"
      return true;
    }
    if (colon) {
      speaker = speakerBefore(before, opening.firstToken);
      return true;
    }
    // After: ", a indiqué X", ", selon X".
    if (q.close != kNone) {
      std::uint32_t k = q.close + 1;
      std::uint32_t end = static_cast<std::uint32_t>(tokens_.size());
      if (k < end && !tokens_[k].has(kBlankLineBefore)) {
        if (isComma(k) && k + 1 < end && (words(k + 1) & kAttributionMarker) != 0) {
          speaker = speakerAfter(k + 1 + length(k + 1, kAttributionMarker));
          return true;
        }
        if (inciseAt(isComma(k) ? k : k - 1, end, speaker)) return true;
      }
    }
    // Inside: "« Nous avons repris Gao, a déclaré X. Kidal suivra »".
    std::uint32_t close = q.close != kNone ? q.close : std::min(cueEnd_ + kQuoteReach, end_);
    for (std::uint32_t k = q.open + 1; k < close; ++k) {
      if (isComma(k) && inciseAt(k, close, speaker)) return true;
    }
    return false;
  }

  const Lexicons& lexicons_;
  const ontology::Ontology& ontology_;
  const std::vector<Token>& tokens_;
  const std::vector<Sentence>& sentences_;
  std::uint32_t sentenceIndex_;
  std::uint32_t first_, end_;  // the cue's sentence, tokens [first_, end_)
  std::uint32_t cueFirst_, cueEnd_;
  const std::vector<Mention>& mentions_;
  std::array<std::uint32_t, kCached> words_{};  // lexicon bits of the sentence's first tokens
  std::uint32_t cached_ = 0;
  std::uint32_t any_ = 0;  // union of the sentence's lexicon bits
};

StatementStatus StatusClassifier::classify(std::string_view, const std::vector<Token>& tokens,
                                           const std::vector<Sentence>& sentences,
                                           std::uint32_t sentence, std::uint32_t cueFirst,
                                           std::uint32_t cueEnd,
                                           const std::vector<Mention>& mentions) const {
  if (sentence >= sentences.size()) return StatementStatus{};
  const Sentence& s = sentences[sentence];
  if (cueFirst >= cueEnd || cueFirst < s.firstToken || cueEnd > s.endToken ||
      s.endToken > tokens.size()) {
    return StatementStatus{};
  }
  Reader reader(*lexicons_, ontology_, tokens, s, sentences, sentence, cueFirst, cueEnd, mentions);
  return reader.status();
}

}  // namespace newsgraph::ingest

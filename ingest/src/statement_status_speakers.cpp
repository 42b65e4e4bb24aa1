// Statement status: who says it: verbs of saying, accusing and denying, incises, "selon X",
// quotations.
#include "statement_status_reader.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

// Scans back from the cue for a verb whose complement holds it: X affirme que ..., X affirme
// avoir ..., X dément (que) ..., X accuse Y de ..., X a déclaré : ... The scan stops at sentence
// punctuation and at words of contrast (mais, tandis que), which start a statement of their own.
StatusClassifier::Reader::Governor StatusClassifier::Reader::findGovernor() const {
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
      if (tokens_[k].key != ":"sv) break;
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
std::size_t StatusClassifier::Reader::mentionFrom(std::uint32_t token) const {
  return static_cast<std::size_t>(
      std::lower_bound(mentions_.begin(), mentions_.end(), token,
                       [](const Mention& m, std::uint32_t t) { return m.firstToken < t; }) -
      mentions_.begin());
}

// Places do not speak: "à Kidal, le gouverneur affirme" is not said by Kidal.
bool StatusClassifier::Reader::canSpeak(const Mention& m) const {
  const ontology::EntityRecord* record = ontology_.findEntity(m.entity);
  return record == nullptr || ontology_.isSubclassOf(record->cls, "Actor");
}

// The nearest speaking mention ending at or before `token`, starting at or after `limit`.
const Mention* StatusClassifier::Reader::speakerBefore(std::uint32_t token,
                                                       std::uint32_t limit) const {
  for (std::size_t i = mentionFrom(token); i-- > 0;) {
    const Mention& m = mentions_[i];
    if (m.firstToken < limit) break;
    if (m.endToken <= token && canSpeak(m)) return &m;
  }
  return nullptr;
}

// The first speaking mention from `token` on, before the next punctuation and within reach.
const Mention* StatusClassifier::Reader::speakerAfter(std::uint32_t token) const {
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
const Mention* StatusClassifier::Reader::subjectOf(std::uint32_t verb) const {
  std::uint32_t start = sentenceOf(verb).firstToken;
  return speakerBefore(verb, std::max(start, verb >= kSpeakerReach ? verb - kSpeakerReach : 0));
}

// Who accuses: the subject, or in the passive ("X, accusé par Y de ...") the agent after par.
const Mention* StatusClassifier::Reader::accuserOf(std::uint32_t verb) const {
  bool passive = verb == first_ || isComma(verb - 1) || (words(verb - 1) & kPassiveAuxiliary);
  if (!passive) return subjectOf(verb);
  for (std::uint32_t k = verb + 1; k < end_ && !isStrongBreak(k); ++k) {
    if ((words(k) & kAgentPreposition) != 0) return speakerAfter(k + 1);
  }
  return nullptr;
}

const Sentence& StatusClassifier::Reader::sentenceOf(std::uint32_t token) const {
  std::uint32_t s = sentenceIndex_;
  while (s > 0 && sentences_[s].firstToken > token) --s;
  while (s + 1 < sentences_.size() && sentences_[s].endToken <= token) ++s;
  return sentences_[s];
}

// ", a indiqué X" at `comma`: a few words without a mention or a clause opener, then a finite
// verb of saying that opens no que-clause. Sets `speaker` to the mention after the verb, if any.
// Verbs of accusing and participles are left out: after a comma they take an object
// (", accusant la mission de ...", ", qu'elle accusait X de ...").
bool StatusClassifier::Reader::inciseAt(std::uint32_t comma, std::uint32_t end,
                                        const Mention*& speaker) const {
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
bool StatusClassifier::Reader::inciseAfterCue(const Mention*& speaker) const {
  if ((any_ & kSpeechVerb) == 0) return false;
  for (std::uint32_t k = cueEnd_; k < end_ && !isStrongBreak(k); ++k) {
    if (isComma(k)) return inciseAt(k, end_, speaker);
  }
  return false;
}

// "selon X", "d'après X" anywhere in the sentence; the nearest one that reaches the cue wins.
// One before the cue reaches it up to a word of contrast; one after it not past a clause
// opener either ("X attaque Y, dont le camp reste selon Z ..." is Z's word on the camp only).
// After "selon lequel" the speaker is named before the marker ("un rapport de X selon lequel").
bool StatusClassifier::Reader::attributionMarker(const Mention*& speaker) const {
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

std::uint32_t StatusClassifier::Reader::quoteMarks(std::uint32_t k) const {
  return isPunct(k) ? words(k) & (kOpeningQuote | kClosingQuote) : 0;
}

void StatusClassifier::ArticleWords::addStops(std::uint32_t from, std::uint32_t to) {
  if (stopsFrom_ == stopsTo_) stopsFrom_ = stopsTo_ = from;
  std::size_t listed = stops_.size();
  for (std::uint32_t k = from; k < to; ++k) {
    if (isStop(k)) stops_.push_back(k);
  }
  // A search going back lists tokens before those listed: they move to the front.
  if (from < stopsFrom_) {
    std::rotate(stops_.begin(), stops_.begin() + static_cast<std::ptrdiff_t>(listed), stops_.end());
  }
  stopsFrom_ = std::min(stopsFrom_, from);
  stopsTo_ = std::max(stopsTo_, to);
}

std::uint32_t StatusClassifier::ArticleWords::previousStop(std::uint32_t k, std::uint32_t limit) {
  if (!keepStops_) {
    for (std::uint32_t j = k; j-- > limit;) {
      if (isStop(j)) return j;
    }
    return kNone;
  }
  if (stopsFrom_ == stopsTo_) stopsFrom_ = stopsTo_ = k;
  if (k > stopsTo_) addStops(stopsTo_, k);
  while (true) {
    auto after = std::lower_bound(stops_.begin(), stops_.end(), k);
    if (k >= stopsFrom_ && after != stops_.begin())
      return *(after - 1) >= limit ? *(after - 1) : kNone;
    if (stopsFrom_ <= limit) return kNone;
    addStops(stopsFrom_ > limit + kStopChunk ? stopsFrom_ - kStopChunk : limit, stopsFrom_);
  }
}

std::uint32_t StatusClassifier::ArticleWords::nextStop(std::uint32_t k, std::uint32_t stop) {
  if (!keepStops_) {
    for (std::uint32_t j = k; j < stop; ++j) {
      if (isStop(j)) return j;
    }
    return kNone;
  }
  if (stopsFrom_ == stopsTo_) stopsFrom_ = stopsTo_ = k;
  if (k < stopsFrom_) addStops(k, stopsFrom_);
  while (true) {
    auto at = std::lower_bound(stops_.begin(), stops_.end(), k);
    if (at != stops_.end()) return *at < stop ? *at : kNone;
    if (stopsTo_ >= stop) return kNone;
    addStops(stopsTo_, std::min(stop, stopsTo_ + kStopChunk));
  }
}

StatusClassifier::Reader::Quote StatusClassifier::Reader::enclosingQuote() const {
  Quote q;
  std::uint32_t depth = 0, straight = 0, nearestStraight = kNone;
  bool paragraphStart = false;
  std::uint32_t limit = cueFirst_ > kQuoteReach ? cueFirst_ - kQuoteReach : 0;
  // Only quotation marks and paragraph starts matter: the search steps from one to the next.
  for (std::uint32_t k = cueFirst_; (k = words_.previousStop(k, limit)) != kNone;) {
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
  for (std::uint32_t k = cueEnd_; (k = words_.nextStop(k, stop)) != kNone; ++k) {
    if (tokens_[k].has(kBlankLineBefore)) break;
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
bool StatusClassifier::Reader::quotedSpeaker(const Mention*& speaker) const {
  Quote q = enclosingQuote();
  if (q.open == kNone) return false;
  // Before: within the opening mark's sentence.
  const Sentence& opening = sentenceOf(q.open);
  std::uint32_t before = q.open;
  bool colon = before > opening.firstToken && tokens_[before - 1].key == ":"sv;
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

}  // namespace newsgraph::ingest

// The cue patterns: active and passive verbs, nominalizations, "entre" cues; and the evidence
// of each relation found.
#include <algorithm>

#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

using ontology::CueKind;

void SentenceReader::run() {
  const auto& tokens = analysis_.tokens;
  cues_.stemRange(tokens, sentence_.firstToken, sentence_.endToken, stemmed_);
  const auto count = static_cast<std::uint32_t>(stemmed_.size());
  for (std::uint32_t i = 0; i < count; ++i) {
    if (stemmed_[i].kind != TokenKind::kWord) continue;
    NameMatch match;
    if (!cues_.stems.longestAt(stemmed_, i, count, match)) continue;
    std::uint32_t first = sentence_.firstToken + i;
    std::uint32_t end = sentence_.firstToken + match.endToken;
    if (!insideMention(first)) read(cues_.infos[match.value], first, end);
    i = match.endToken - 1;
  }
  readTitles();
}

void SentenceReader::emit(const Argument* subject, const std::string& subjectId, const CueInfo& cue,
                          const Argument* object, const std::string& objectId,
                          std::uint32_t cueFirst, std::uint32_t cueEnd, const char* pattern,
                          double base) {
  const std::string& s = subject != nullptr ? subject->mention->entity : subjectId;
  const std::string& o = object != nullptr ? object->mention->entity : objectId;
  if (s.empty() || o.empty() || s == o) return;
  ExtractedRelation r;
  r.subject = s;
  r.predicate = cue.type->name;
  r.object = o;
  r.sentence = index_;
  r.begin = sentence_.begin;
  r.end = sentence_.end;
  const auto& dates = analysis_.dates[index_];
  r.date = dates.empty() ? article_.date : std::optional<common::PartialDate>(dates[0].date);
  StatementStatus status =
      status_.classify(article_.text, analysis_.tokens, analysis_.sentences, index_, cueFirst,
                       cueEnd, analysis_.recognition.mentions);
  r.status = status.status;
  r.source = status.source;
  for (const Argument& a : arguments_) {
    bool isArgument = a.mention->entity == s || a.mention->entity == o;
    if (!isArgument && a.cls == "Town") {
      r.place = a.mention->entity;
      break;
    }
  }
  // Confidence: the pattern's base, less 0.02 per token between the arguments past five
  // (at most 0.3), halved for hypothetical statements, 0.8 times for claims.
  std::uint32_t from = subject != nullptr ? subject->mention->firstToken : cueFirst;
  std::uint32_t to = object != nullptr ? object->mention->firstToken : cueEnd;
  std::uint32_t distance = from < to ? to - from : from - to;
  double confidence = base - std::min(0.3, 0.02 * (distance > 5 ? distance - 5 : 0));
  if (r.status == graph::EvidenceStatus::kHypothetical) confidence *= 0.5;
  if (r.status == graph::EvidenceStatus::kClaimed) confidence *= 0.8;
  r.confidence = std::clamp(confidence, 0.05, 1.0);
  r.pattern = pattern;
  for (const ExtractedRelation& existing : out_) {
    if (existing.sentence == r.sentence && existing.subject == r.subject &&
        existing.predicate == r.predicate && existing.object == r.object) {
      return;
    }
  }
  out_.push_back(std::move(r));
}

// The object of a relation that has none in the text: a withdrawal leaves the country the
// article is about.
std::string SentenceReader::implicitObject(const CueInfo& cue) const {
  return cue.type->name == "WITHDRAWS_FROM" ? focusCountry_ : std::string();
}

// "Y, soutenu par X": the object stands before, the agent after "par" (a cue ending in
// "par" has it inside; a verb cue after être looks for it).
void SentenceReader::readPassive(const CueInfo& cue, std::uint32_t first, std::uint32_t end) {
  const auto& domain = cue.type->domain;
  const auto& range = cue.type->range;
  const auto& tokens = analysis_.tokens;
  const Argument* object = subjectBefore(first, range);
  std::uint32_t limit = clauseEnd(end, kObjectWindow);
  std::uint32_t agentFrom = end;
  if (cue.marker != "par") {
    agentFrom = limit;
    for (std::uint32_t k = end; k < limit && k < end + 4; ++k) {
      if (tokens[k].key == "par") agentFrom = k + 1;
    }
  }
  const Argument* subject = firstIn(agentFrom, limit, domain);
  if (object == nullptr || subject == nullptr) return;
  for (const Argument* s : coordinated(subject, false, domain)) {
    for (const Argument* o : coordinated(object, true, range)) {
      emit(s, {}, cue, o, {}, first, end, "passive", 0.8);
    }
  }
}

void SentenceReader::read(const CueInfo& cue, std::uint32_t first, std::uint32_t end) {
  const auto& domain = cue.type->domain;
  const auto& range = cue.type->range;
  const auto& tokens = analysis_.tokens;
  switch (cue.kind) {
    case CueKind::kVerb: {
      // After a determiner the word is a noun ("des frappes", "les accusations"), not a verb.
      if (first > sentence_.firstToken && lexicons_.isDeterminer(tokens[first - 1].key)) return;
      // "le camp évacué": a participle right after a common noun qualifies it.
      if (first >= sentence_.firstToken + 2 && lexicons_.isDeterminer(tokens[first - 2].key) &&
          tokens[first - 1].kind == TokenKind::kWord && !tokens[first - 1].has(kTitleCase) &&
          !startsArgument(first - 1) && lexicons_.auxiliaries.count(tokens[first - 1].key) == 0) {
        return;
      }
      // "le convoi a été attaqué (par X)": être before the cue makes it passive, except for
      // verbs of motion ("Wagner est entré dans Kidal").
      if (first > sentence_.firstToken &&
          lexicons_.passiveAuxiliaries.count(tokens[first - 1].key) != 0 &&
          lexicons_.motionVerbs.count(tokens[first].key) == 0) {
        readPassive(cue, first, end);
        return;
      }
      const Argument* subject = subjectBefore(first, domain);
      std::uint32_t objectLimit = clauseEnd(end, kObjectWindow);
      const Argument* object = preferPlace(firstIn(end, objectLimit, range), range, objectLimit);
      // "Kidal, que les rebelles détenaient": the object stands before the relative pronoun.
      if (subject != nullptr && subject->mention->firstToken >= 1) {
        std::uint32_t k = subject->mention->firstToken;
        while (k > sentence_.firstToken && isCoordinationFiller(tokens[k - 1]) &&
               tokens[k - 1].key != "que" && tokens[k - 1].key != "qu'") {
          --k;
        }
        if (k >= sentence_.firstToken + 2 &&
            (tokens[k - 1].key == "que" || tokens[k - 1].key == "qu'") &&
            tokens[k - 2].key == ",") {
          if (const Argument* antecedent = lastIn(sentence_.firstToken, k - 2, range)) {
            object = antecedent;
          }
        }
      }
      if (subject == nullptr) return;
      std::string implicit = object == nullptr ? implicitObject(cue) : std::string();
      for (const Argument* s : coordinated(subject, true, domain)) {
        if (object == nullptr) {
          emit(s, {}, cue, nullptr, implicit, first, end, "implicit-object", 0.5);
          continue;
        }
        for (const Argument* o : coordinated(object, false, range)) {
          emit(s, {}, cue, o, {}, first, end, "active", 0.75);
        }
      }
      return;
    }
    case CueKind::kPassive:
      readPassive(cue, first, end);
      return;
    case CueKind::kNoun: {
      if (cue.marker == "de") {
        // "le départ de X (de|à|vers Y)": X acts.
        const Argument* subject = firstIn(end, clauseEnd(end, kNounWindow, true), domain);
        if (subject == nullptr) return;
        std::uint32_t after = subject->mention->endToken;
        const Argument* object = nullptr;
        // Only a withdrawal takes its object with "de" ("le retrait de X du Mali").
        bool fromMarker = cue.type->name == "WITHDRAWS_FROM";
        for (std::uint32_t k = after; k < clauseEnd(after, kObjectWindow, true); ++k) {
          const std::string stem(cues_.stemmer.stem(tokens[k].key));
          bool marker = fromMarker
                            ? stem == "de"
                            : (stem == "a" || stem == "ver" || stem == "vers" || stem == "contre" ||
                               stem == "dan" || stem == "dans" || stem == "en" || stem == "sur");
          if (marker) {
            object = firstIn(k + 1, std::min(k + 4, sentence_.endToken), range);
            if (object != nullptr) break;
          }
        }
        for (const Argument* s : coordinated(subject, false, domain)) {
          if (object != nullptr) {
            emit(s, {}, cue, object, {}, first, end, "nominal", 0.65);
          } else {
            emit(s, {}, cue, nullptr, implicitObject(cue), first, end, "nominal-implicit", 0.45);
          }
        }
        return;
      }
      // "son soutien à Y", "des frappes contre Y": the object follows, the subject precedes.
      std::uint32_t objectLimit = clauseEnd(end, kObjectWindow, true);
      const Argument* object = preferPlace(firstIn(end, objectLimit, range), range, objectLimit);
      const Argument* subject = subjectBefore(first, domain);
      if (object == nullptr || subject == nullptr) return;
      for (const Argument* o : coordinated(object, false, range)) {
        emit(subject, {}, cue, o, {}, first, end, "nominal", 0.6);
      }
      return;
    }
    case CueKind::kObjectNoun: {
      // "la prise de Y par X".
      const Argument* object = firstIn(end, clauseEnd(end, kNounWindow, true), range);
      if (object == nullptr) return;
      // "par X" may follow an inserted date: "la prise de Konna, le 10 janvier, par X".
      const Argument* subject = nullptr;
      std::uint32_t after = object->mention->endToken;
      for (std::uint32_t k = after; k < clauseEnd(after, 10); ++k) {
        if (tokens[k].key == "par") {
          subject = firstIn(k + 1, std::min(k + 6, sentence_.endToken), domain);
          break;
        }
      }
      if (subject != nullptr) {
        for (const Argument* s : coordinated(subject, false, domain)) {
          emit(s, {}, cue, object, {}, first, end, "object-nominal", 0.65);
        }
        return;
      }
      subject = subjectBefore(first, domain);
      if (subject == nullptr) return;
      emit(subject, {}, cue, object, {}, first, end, "object-nominal", 0.65);
      return;
    }
    case CueKind::kBetween: {
      std::uint32_t limit = clauseEnd(end, kObjectWindow);
      const Argument* a = firstIn(end, limit, domain);
      if (a == nullptr) return;
      const Argument* b = firstIn(a->mention->endToken, limit, range);
      if (b == nullptr) return;
      emit(a, {}, cue, b, {}, first, end, "between", 0.7);
      return;
    }
  }
}

}  // namespace newsgraph::ingest

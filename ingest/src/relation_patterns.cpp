// The cue patterns: active and passive verbs, nominalizations, "entre" cues; and the evidence
// of each relation found.
#include <algorithm>

#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

using ontology::CueKind;

void SentenceReader::run() {
  for (std::uint32_t first = sentence_.firstToken; first < sentence_.endToken; ++first) {
    // Most tokens start no cue and no cue head.
    if (stemmed_[first].kind != TokenKind::kWord || !word(first, kCueStarts)) continue;
    NameMatch match;
    bool whole = cueAt(first, match);
    NameMatch head;
    bool headed = cueHeadAt(first, head);
    GapMatch gap;
    // "l'attaque meurtrière contre X" is read as "attaque contre", not as the verb "attaque".
    if (headed && matchAcrossGap(first, head, gap) && (!whole || gap.end > match.endToken)) {
      match.value = gap.info;
      match.endToken = gap.end;
      whole = true;
    }
    if (!whole) {
      if (headed) readLocativePronoun(first, head);
      continue;
    }
    std::uint32_t end = match.endToken;
    gapPlace_ = gap.place;
    const CueInfo& cue = cues_.infos[match.value];
    objectAfterMarker_ = cue.marker.empty() ? kNoToken : end;
    latentFrom_ = end;
    if (!insideMention(first)) read(cue, first, end);
    gapPlace_ = nullptr;
    objectAfterMarker_ = kNoToken;
    latentFrom_ = kNoToken;
    first = end - 1;
  }
  dropImplicitObjects();
  // The readers of noun phrases look for one word list each: most sentences have none of them.
  std::uint64_t present = features_.any(sentence_.firstToken, sentence_.endToken);
  if ((present & (kTitle | kTitleCompoundHead)) != 0) readTitles();
  if ((present & kComponentNoun) != 0) readAppositions();
  readPlaceAppositions();
  if ((present & kSigningVerb) != 0) readSignatories();
  if ((present & kPossessive) != 0) readPossessives();
}

bool SentenceReader::matchAcrossGap(std::uint32_t first, const NameMatch& head,
                                    GapMatch& found) const {
  const auto& tokens = analysis_.tokens;
  const std::uint32_t end = sentence_.endToken;
  // A noun head must read as a noun, after a determiner or a possessive ("l'appui", "son
  // soutien"): "le camp évacué près de Kidal" holds no "évacuation de".
  bool verbHead = false;
  for (std::uint32_t index : cues_.headInfos[head.value]) {
    verbHead = verbHead || cues_.infos[index].kind == CueKind::kVerb;
  }
  if (!verbHead && (first == sentence_.firstToken || !word(first - 1, kDeterminer | kPossessive))) {
    return false;
  }
  std::uint32_t words = 0;
  const Argument* place = nullptr;
  for (std::uint32_t j = head.endToken; j < end && words <= 3;) {
    if (j > head.endToken) {
      for (std::uint32_t index : cues_.headInfos[head.value]) {
        if (cues_.infos[index].marker == features_.stem(j)) {
          found = GapMatch{index, j + 1, place};
          return true;
        }
      }
    }
    const Token& t = tokens[j];
    // "son soutien « plein et entier » à": quotation marks around the adjectives.
    if (t.key == "\u00ab"sv || t.key == "\u00bb"sv || t.key == "\""sv) {
      ++j;
      continue;
    }
    if (t.kind != TokenKind::kWord) return false;
    // "le déploiement au Mali de X": a place complement between the noun and its preposition.
    if ((features_.stem(j) == "a"sv || t.key == "en"sv || t.key == "dans"sv) && place == nullptr) {
      std::uint32_t k = j + 1;
      while (k < end && word(k, kDeterminer)) ++k;
      if (const Argument* p = firstIn(k, k + 1, classes_.place)) {
        place = p;
        j = p->mention->endToken;
        continue;
      }
    }
    // "un assaut d'envergure contre": a noun complement in the place of an adjective.
    bool complement = verbHead && (t.key == "de"sv || t.key == "d'"sv) && j + 1 < end &&
                      tokens[j + 1].kind == TokenKind::kWord && !tokens[j + 1].has(kTitleCase) &&
                      !word(j + 1, kDeterminer) && !startsArgument(j + 1);
    if (complement) {
      ++words;
      j += 2;
      continue;
    }
    bool preposition = features_.stem(j) == "de"sv || features_.stem(j) == "a"sv ||
                       t.key == "par"sv || t.key == "avec"sv || t.key == "contre"sv ||
                       t.key == "vers"sv || t.key == "entre"sv || t.key == "dans"sv ||
                       t.key == "sur"sv || t.key == "pour"sv;
    if (t.has(kTitleCase) || startsArgument(j) || word(j, kDeterminer | kClauseOpener) ||
        preposition) {
      return false;
    }
    ++words;
    ++j;
  }
  return false;
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
  // A state is a member of an international organization, not a component of it: "le Togo
  // pourrait rejoindre l'AES".
  if (r.predicate == "PART_OF"sv && subject != nullptr && object != nullptr &&
      classes_.country.any.contains(subject->cls) &&
      classes_.internationalOrganization.any.contains(object->cls)) {
    r.predicate = "MEMBER_OF";
  }
  r.object = o;
  r.sentence = index_;
  // The first reading of a relation in a sentence wins: later ones need no status.
  // (This sentence's relations are the last ones appended.)
  for (auto it = out_.rbegin(); it != out_.rend() && it->sentence == r.sentence; ++it) {
    if (it->subject == r.subject && it->predicate == r.predicate && it->object == r.object) return;
  }
  r.begin = sentence_.begin;
  r.end = sentence_.end;
  const auto& dates = analysis_.dates[index_];
  r.date = dates.empty() ? article_.date : std::optional<common::PartialDate>(dates[0].date);
  StatementStatus status = statuses_.classify(index_, cueFirst, cueEnd);
  r.status = status.status;
  r.source = status.source;
  for (const Argument& a : arguments_) {
    bool isArgument = a.mention->entity == s || a.mention->entity == o;
    if (!isArgument && a.cls == classes_.townId) {
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
  out_.push_back(std::move(r));
}

// The object of a relation that has none in the text: a withdrawal leaves the country the
// article is about.
std::string SentenceReader::implicitObject(const CueInfo& cue) const {
  return cue.type->name == "WITHDRAWS_FROM"sv ? focusCountry_ : std::string();
}

// "Y, soutenu par X": the object stands before, the agent after "par" (a cue ending in
// "par" has it inside; a verb cue after être looks for it).
void SentenceReader::readPassive(const CueInfo& cue, std::uint32_t first, std::uint32_t end) {
  const auto& domain = signature(cue.type).domain;
  const auto& range = signature(cue.type).range;
  const auto& tokens = analysis_.tokens;
  const Argument* object = subjectBefore(first, range);
  if (object != nullptr) object = componentHead(object, range);
  std::uint32_t limit = clauseEnd(end, kObjectWindow);
  std::uint32_t agentFrom = end;
  if (cue.marker != "par"sv) {
    agentFrom = limit;
    for (std::uint32_t k = end; k < limit && k < end + 4; ++k) {
      if (tokens[k].key == "par"sv) agentFrom = k + 1;
    }
    // "est retenu depuis le 26 juillet dans sa résidence par X": complements of time and place
    // may come first; the agent is then the first actor of a "par" phrase.
    std::uint32_t wide = clauseEnd(end, 2 * kObjectWindow);
    for (std::uint32_t k = end; k < wide && agentFrom == limit; ++k) {
      if (tokens[k].key == "par"sv && firstIn(k + 1, std::min(k + 7, wide), domain) != nullptr) {
        agentFrom = k + 1;
        limit = wide;
      }
    }
  }
  const Argument* subject = firstIn(agentFrom, limit, domain);
  if (subject == nullptr) return;
  bool leftwards = true;
  // "Dirigée par X, la CMA ...": a participle opening the sentence qualifies the subject that
  // follows its phrase.
  std::uint32_t opening = sentence_.firstToken;
  while (opening < first && tokens[opening].kind == TokenKind::kPunct) ++opening;
  if (object == nullptr && opening == first) {
    for (std::uint32_t k = subject->mention->endToken; k < sentence_.endToken; ++k) {
      if (tokens[k].key != ","sv) continue;
      std::uint32_t from = k + 1;
      while (from < sentence_.endToken && word(from, kDeterminer)) ++from;
      object = firstIn(from, from + 1, range);
      leftwards = false;
      break;
    }
  }
  if (object == nullptr) return;
  for (const Argument* s : coordinated(subject, false, domain)) {
    for (const Argument* o : coordinated(object, leftwards, range)) {
      emit(s, {}, cue, o, {}, first, end, "passive", 0.8);
    }
  }
}

void SentenceReader::read(const CueInfo& cue, std::uint32_t first, std::uint32_t end) {
  const auto& domain = signature(cue.type).domain;
  const auto& range = signature(cue.type).range;
  const auto& tokens = analysis_.tokens;
  switch (cue.kind) {
    case CueKind::kVerb: {
      // After a determiner the word is a noun ("des frappes", "les accusations"), not a verb.
      if (first > sentence_.firstToken && word(first - 1, kDeterminer)) return;
      // "occupés à creuser": a participle before "à" and an infinitive means busy, not held.
      if (cue.marker.empty() && isParticiple(first) && end + 1 < sentence_.endToken &&
          (tokens[end].key == "a"sv || tokens[end].key == "\u00e0"sv) &&
          isInfinitive(tokens[end + 1])) {
        return;
      }
      // "le camp évacué", "des véhicules abandonnés": a participle right after a common noun
      // qualifies it (after an adverb, "a ensuite bombardé", it does not).
      if (first >= sentence_.firstToken + 2 && tokens[first - 1].kind == TokenKind::kWord &&
          !tokens[first - 1].has(kTitleCase) && !startsName(first - 1) &&
          !word(first - 1, kAuxiliary)) {
        const std::string& noun = tokens[first - 1].key;
        bool plural = !noun.empty() && (noun.back() == 's' || noun.back() == 'x') &&
                      isParticiple(first) && tokens[first].key.back() == 's' &&
                      !word(first - 2, kAuxiliary);
        // "Le mouvement accuse": a finite verb after its subject noun is kept.
        bool afterNoun = word(first - 2, kDeterminer) && isParticiple(first);
        if (afterNoun || plural) return;
      }
      // "le convoi a été attaqué (par X)": être before the cue makes it passive, except for
      // verbs of motion ("Wagner est entré dans Kidal") and pronominal verbs ("s'est emparé").
      bool reflexive = first >= sentence_.firstToken + 2 &&
                       (tokens[first - 2].key == "s'"sv || tokens[first - 2].key == "se"sv);
      if (first > sentence_.firstToken && word(first - 1, kPassiveAuxiliary) &&
          !word(first, kMotionVerb) && !reflexive) {
        readPassive(cue, first, end);
        return;
      }
      // "HRW accuse l'armée d'avoir exécuté ...": the accused acts. "sommé X de quitter le
      // pays": X is expelled by whoever orders it.
      if (const Argument* accused = accusedSubject(first, domain)) {
        std::uint32_t order = orderVerbBefore(accused->mention->firstToken);
        if (order != kNoToken && cue.type->name == "WITHDRAWS_FROM"sv) {
          readOrderToLeave(order, accused, first, end);
          return;
        }
        std::uint32_t objectLimit = clauseEnd(end, kObjectWindow);
        const Argument* object = preferPlace(firstIn(end, objectLimit, range), range, objectLimit);
        if (object == nullptr) return;
        for (const Argument* s : coordinated(accused, false, domain)) {
          for (const Argument* o : coordinated(object, false, range)) {
            emit(s, {}, cue, o, {}, first, end, "infinitive", 0.65);
          }
        }
        return;
      }
      const Argument* subject = adjunctSubject(first, domain);
      if (subject == nullptr) subject = subjectBefore(first, domain);
      // "X condamnent ... et accusent Y": a coordinated verb shares the first verb's subject.
      bool sharedSubject = false;
      if (subject == nullptr) {
        subject = coordinatedVerbSubject(first, domain);
        sharedSubject = subject != nullptr;
      }
      std::uint32_t objectLimit = clauseEnd(end, kObjectWindow);
      // After a preposition the object heads its phrase: "contre le camp de Djibo", not
      // "contre deux véhicules appartenant à la MINUSMA".
      if (!cue.marker.empty()) objectLimit = std::min(objectLimit, end + kMarkerObjectWindow);
      const Argument* object = preferPlace(firstIn(end, objectLimit, range), range, objectLimit);
      // "Kidal, que les rebelles détenaient": the object stands before the relative pronoun.
      if (subject != nullptr && subject->mention->firstToken >= 1) {
        std::uint32_t k = subject->mention->firstToken;
        while (k > sentence_.firstToken && isCoordinationFiller(tokens[k - 1]) &&
               tokens[k - 1].key != "que"sv && tokens[k - 1].key != "qu'"sv) {
          --k;
        }
        if (k >= sentence_.firstToken + 2 &&
            (tokens[k - 1].key == "que"sv || tokens[k - 1].key == "qu'"sv) &&
            tokens[k - 2].key == ","sv) {
          if (const Argument* antecedent = lastIn(sentence_.firstToken, k - 2, range)) {
            object = antecedent;
          }
        }
      }
      // "Les trois capitales ont quitté le G5, Bamako dès mai 2022, puis Ouagadougou et Niamey
      // fin 2023": the actors listed with their dates after the object are the subjects.
      if (subject == nullptr && object != nullptr) {
        for (const Argument* s : distributedSubjects(object, domain)) {
          emit(s, {}, cue, object, {}, first, end, "distributive", 0.6);
        }
        return;
      }
      if (subject == nullptr) return;
      // "le CSP et le JNIM coopèrent": a symmetric verb with no object relates its subjects.
      if (object == nullptr && cue.type->symmetric) {
        std::vector<const Argument*> group = coordinated(subject, !sharedSubject, domain);
        for (std::size_t a = 0; a < group.size(); ++a) {
          for (std::size_t b = a + 1; b < group.size(); ++b) {
            if (fits(*group[b], range)) {
              emit(group[a], {}, cue, group[b], {}, first, end, "reciprocal", 0.6);
            }
          }
        }
        return;
      }
      std::string implicit = object == nullptr ? implicitObject(cue) : std::string();
      for (const Argument* s : coordinated(subject, !sharedSubject, domain)) {
        if (object == nullptr) {
          emit(s, {}, cue, nullptr, implicit, first, end, "implicit-object", 0.5);
          continue;
        }
        for (const Argument* o : coordinated(object, false, range)) {
          emit(s, {}, cue, o, {}, first, end, "active", 0.75);
        }
      }
      // "que le Mali a fondée avec le Burkina Faso et le Niger": partners act too.
      if (object != nullptr && cue.marker != "avec"sv) {
        for (const Argument* partner : coAgents(end, object, domain)) {
          for (const Argument* o : coordinated(object, false, range)) {
            emit(partner, {}, cue, o, {}, first, end, "co-agent", 0.6);
          }
        }
      }
      return;
    }
    case CueKind::kPassive:
      readPassive(cue, first, end);
      return;
    case CueKind::kNoun: {
      if (cue.marker == "de"sv) {
        // "le départ de X (de|à|vers Y)": X acts.
        const Argument* subject = firstIn(end, clauseEnd(end, kNounWindow, true), domain);
        if (subject == nullptr) return;
        // "a exigé devant le Conseil le retrait « sans délai » des Casques bleus": who orders a
        // withdrawal expels.
        if (cue.type->name == "WITHDRAWS_FROM"sv) readOrderedWithdrawal(first, end, subject);
        std::uint32_t after = subject->mention->endToken;
        const Argument* object = nullptr;
        // Only a withdrawal takes its object with "de" ("le retrait de X du Mali").
        bool fromMarker = cue.type->name == "WITHDRAWS_FROM"sv;
        for (std::uint32_t k = after; k < clauseEnd(after, kObjectWindow, true); ++k) {
          std::string_view stem = features_.stem(k);
          bool marker = fromMarker ? stem == "de"sv
                                   : (stem == "a"sv || stem == "ver"sv || stem == "vers"sv ||
                                      stem == "contre"sv || stem == "dan"sv || stem == "dans"sv ||
                                      stem == "en"sv || stem == "sur"sv);
          if (marker) {
            object = firstIn(k + 1, std::min(k + 4, sentence_.endToken), range);
            if (object != nullptr) break;
          }
        }
        // "le déploiement au Mali de X".
        if (object == nullptr && gapPlace_ != nullptr && fits(*gapPlace_, range)) {
          object = gapPlace_;
        }
        // "Paris a obtenu l'appui du Conseil": support goes to whoever receives it.
        if (object == nullptr && cue.type->name == "SUPPORTS"sv) {
          std::uint32_t k = first;
          while (k > sentence_.firstToken && word(k - 1, kDeterminer)) --k;
          if (k > sentence_.firstToken && tokens[k - 1].key == "sur"sv) --k;  // "misent sur"
          // "misent sur leur rapprochement avec X et sur l'appui de Y": a second complement.
          if (k > sentence_.firstToken + 1 && tokens[k].key == "sur"sv &&
              tokens[k - 1].key == "et"sv) {
            for (std::uint32_t b = k - 1; b > sentence_.firstToken + 1 && b + 32 > k; --b) {
              if (isClauseBreak(tokens, b, true)) break;
              if (tokens[b].key == "sur"sv && word(b - 1, kReceptionVerb)) {
                k = b;
                break;
              }
            }
          }
          if (k > sentence_.firstToken && word(k - 1, kReceptionVerb)) {
            object = subjectBefore(k - 1, range);
            if (object == nullptr) return;
          }
        }
        for (const Argument* s : coordinated(subject, false, domain)) {
          if (object != nullptr) {
            // "le retrait de la MINUSMA de Tessalit, d'Aguelhok puis de Kidal".
            for (const Argument* o : coordinated(object, false, range)) {
              emit(s, {}, cue, o, {}, first, end, "nominal", 0.65);
            }
          } else {
            emit(s, {}, cue, nullptr, implicitObject(cue), first, end, "nominal-implicit", 0.45);
          }
        }
        return;
      }
      // "son soutien à Y", "des frappes contre Y": the object follows, the subject precedes.
      // After a bare "de" the noun qualifies another ("une vidéo de soutien aux combattants",
      // "les accords de coopération avec Paris"): nobody acts.
      if (first > sentence_.firstToken + 1 &&
          (tokens[first - 1].key == "de"sv || tokens[first - 1].key == "d'"sv)) {
        return;
      }
      std::uint32_t objectLimit = clauseEnd(end, kObjectWindow, true);
      // "son aide aux groupes armés responsables de la défaite subie par l'armée": the object
      // heads the phrase after the preposition.
      objectLimit = std::min(objectLimit, end + kMarkerObjectWindow);
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
        if (tokens[k].key == "par"sv) {
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

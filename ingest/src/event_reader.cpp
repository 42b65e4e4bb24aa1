// EventReader: the sentence loop, the choice of a cue, the event built from it, and the
// token helpers the other parts share.
#include "event_reader.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace newsgraph::ingest::event_reading {

std::vector<ExtractedEvent> EventReader::run() {
  const auto& mentions = analysis_.recognition.mentions;
  std::size_t m = 0;
  for (std::uint32_t s = 0; s < analysis_.sentences.size(); ++s) {
    const Sentence& sentence = analysis_.sentences[s];
    first_ = sentence.firstToken;
    end_ = sentence.endToken;
    sentenceBegin_ = sentence.begin;
    previousMentions_ = {m, m};
    while (m < mentions.size() && mentions[m].sentence < s) ++m;
    previousMentions_.second = m;
    if (first_ >= end_) continue;
    if (tokens_[first_].has(kBlankLineBefore)) paragraphDate_.reset();
    readSentenceIfCued(s, m);
    if (auto date = writtenDate(s)) paragraphDate_ = date;
  }
  mergeRetellings();
  // Events still without a place got none from the sentences after them either.
  events_.erase(std::remove_if(events_.begin(), events_.end(),
                               [](const ExtractedEvent& e) { return e.location.empty(); }),
                events_.end());
  return std::move(events_);
}

std::optional<common::PartialDate> EventReader::writtenDate(std::uint32_t s) const {
  if (s >= analysis_.dates.size()) return std::nullopt;
  for (const DateMention& date : analysis_.dates[s]) {
    if (date.role != DateRole::kSince && date.role != DateRole::kUntil) return date.date;
  }
  return std::nullopt;
}

void EventReader::readSentenceIfCued(std::uint32_t s, std::size_t m) {
  findGaps(s);
  matches_.clear();
  cues_.scan(tokens_, first_, end_, gaps_, stems_, matches_);
  bool hasCue = std::any_of(matches_.begin(), matches_.end(),
                            [](const Match& match) { return match.eventType >= 0; });
  if (!hasCue || crossReference()) return;  // most sentences: nothing more to read
  markers_.assign(end_ - first_, kUnknownMarkers);
  participants_.clear();
  const auto& mentions = analysis_.recognition.mentions;
  for (std::size_t k = m; k < mentions.size() && mentions[k].sentence == s; ++k) {
    addParticipant(mentions[k]);
  }
  readSentence(s);
}

std::string_view EventReader::classOf(const std::string& id) const {
  if (const ontology::EntityRecord* entity = ontology_.findEntity(id)) return entity->cls;
  auto found = discovered_.find(id);
  return found == discovered_.end() ? std::string_view() : std::string_view(found->second);
}

void EventReader::findGaps(std::uint32_t s) {
  gaps_.clear();
  if (s >= analysis_.dates.size()) return;
  for (const DateMention& date : analysis_.dates[s]) {
    std::uint32_t first = tokenAt(date.begin);
    std::uint32_t end = tokenAt(date.end);
    if (first >= end) continue;
    if (first > first_ && (cues_.markerBits(tokens_[first - 1].key) & kDatePreposition) != 0) {
      --first;
    }
    if (first > first_ && end < end_ && tokens_[first - 1].key == "," && tokens_[end].key == ",") {
      --first;
      ++end;
    }
    gaps_.emplace_back(first, end);
  }
}

std::uint32_t EventReader::markers(std::uint32_t k) const {
  std::uint32_t& bits = markers_[k - first_];
  if (bits == kUnknownMarkers) bits = cues_.markerBits(tokens_[k].key);
  return bits;
}

bool EventReader::breakBetween(std::uint32_t from, std::uint32_t to) const {
  for (std::uint32_t k = from; k < to; ++k) {
    if (isBreak(tokens_[k])) return true;
  }
  return false;
}

bool EventReader::wordIn(std::uint32_t bit, std::uint32_t from, std::uint32_t to) const {
  for (const Match& match : matches_) {
    if ((match.words & bit) != 0 && match.first >= from && match.end <= to) return true;
  }
  return false;
}

std::uint32_t EventReader::markerBefore(std::uint32_t at, std::uint32_t reach) const {
  if (at > first_ + 1 && tokens_[at - 1].key == "(") {
    --at;
    reach = kAsideReach;
  }
  for (std::uint32_t k = at; k > first_ && at - k < reach;) {
    --k;
    if (isBreak(tokens_[k])) return 0;
    // Determiners ("le", "cette") sit between a marker and its noun: "par le JNIM".
    if (std::uint32_t bits = markers(k) & ~(kDatePreposition | kDemonstrative); bits != 0) {
      return bits;
    }
  }
  return 0;
}

bool EventReader::anyMarkerBefore(std::uint32_t at, std::uint32_t reach, std::uint32_t bit) const {
  for (std::uint32_t k = at; k > first_ && at - k < reach;) {
    --k;
    if (isBreak(tokens_[k])) return false;
    if ((markers(k) & bit) != 0) return true;
  }
  return false;
}

bool EventReader::cueBetween(std::uint32_t from, std::uint32_t to) const {
  for (const Match& match : matches_) {
    if (match.eventType >= 0 && match.first >= from && match.first < to) return true;
  }
  return false;
}

bool EventReader::afterNonEventMarker(const Match& cue) const {
  std::uint32_t floor = cue.first > first_ + kNonEventReach ? cue.first - kNonEventReach : first_;
  for (std::uint32_t k = cue.first; k > floor;) {
    --k;
    if (isBreak(tokens_[k])) {
      floor = k + 1;
      break;
    }
  }
  for (const Match& match : matches_) {
    if ((match.words & kNonEvent) == 0 || match.end > cue.first) continue;
    if (match.first >= floor) return true;
    for (std::uint32_t k = match.end; k < cue.first && k < match.end + kOpenerReach; ++k) {
      if ((markers(k) & kClauseOpener) != 0) return true;
    }
  }
  return false;
}

bool EventReader::announced(const Match& cue) const {
  if (cues_.hasFutureEnding(tokens_[cue.first].key)) return true;
  return anyMarkerBefore(cue.first, 2, kFutureAuxiliary);
}

bool EventReader::passive(const Match& cue) const {
  if ((markers(cue.first) & kPassiveAuxiliary) != 0) return true;
  return cue.first > first_ && (markers(cue.first - 1) & kPassiveAuxiliary) != 0;
}

void EventReader::readSentence(std::uint32_t s) {
  const auto& types = ontology_.eventTypes();
  candidates_.clear();
  for (const Match& match : matches_) {
    if (match.eventType >= 0) candidates_.push_back(&match);
  }
  std::stable_sort(candidates_.begin(), candidates_.end(), [&](const Match* a, const Match* b) {
    int pa = types[static_cast<std::size_t>(a->eventType)].priority;
    int pb = types[static_cast<std::size_t>(b->eventType)].priority;
    if (pa != pb) return pa > pb;
    if (a->first != b->first) return a->first < b->first;
    return a->end > b->end;
  });
  // A cue that only dates the sentence ("après les combats") gives way to any other cue.
  bool otherCue = std::any_of(candidates_.begin(), candidates_.end(),
                              [&](const Match* cue) { return !backReference(*cue); });
  for (const Match* cue : candidates_) {
    int type = cue->eventType;
    if (afterNonEventMarker(*cue) || announced(*cue)) continue;
    if (otherCue && backReference(*cue)) continue;
    if ((type == tables_.regainsType || type == tables_.overtakesType) && !placeNear(*cue)) {
      continue;
    }
    StatementStatus status = statuses_.classify(s, cue->first, cue->end);
    if (status.status == graph::EvidenceStatus::kNegated ||
        status.status == graph::EvidenceStatus::kHypothetical) {
      continue;
    }
    speaker_ = status.status == graph::EvidenceStatus::kClaimed ? status.source : std::string();
    buildEvent(s, *cue, status.status == graph::EvidenceStatus::kClaimed);
    return;
  }
}

void EventReader::buildEvent(std::uint32_t s, const Match& cue, bool claimed) {
  int type = cue.eventType;
  const auto& types = ontology_.eventTypes();
  const ontology::EventType* eventType = &types[static_cast<std::size_t>(type)];

  ExtractedEvent event;
  bool reciprocal =
      eventType->acledSubType == "Armed clash" || eventType->acledSubType == "Agreement";
  chooseActors(cue, reciprocal, event);
  fillActorsFromRelations(s, eventType->acledType, event);
  event.location = choosePlace(cue, event);
  bool placeWritten = !event.location.empty();
  if (!placeWritten && wordIn(kCapitalNoun, first_, end_)) event.location = articleCapital();
  if (event.location.empty() && wordIn(kCountryNoun, first_, end_)) {
    event.location = articleCountry();
  }
  if (event.location.empty() && !tokens_[first_].has(kBlankLineBefore)) {
    event.location = previousPlace();
  }

  event.date = writtenDate(s);
  bool dateWritten = event.date.has_value();
  // A sentence without a date goes on with the day its paragraph has told ("Le 18 août, ...
  // Dans l'après-midi, des soldats ont interpellé le président"), else the article's date.
  // A paragraph date less precise than the article's is background ("l'accord signé en 2015").
  if (!dateWritten) {
    bool paragraphFits =
        paragraphDate_ && (!article_.date || paragraphDate_->precision >= article_.date->precision);
    event.date = paragraphFits ? paragraphDate_ : article_.date;
  }

  std::uint32_t victims = 0;  // word bits of the counted victims' nouns
  event.fatalities = countFatalities(s, victims);
  type = adjustType(type, cue, event, victims);
  eventType = &types[static_cast<std::size_t>(type)];

  event.type = eventType->acledType;
  event.subType = eventType->acledSubType;
  event.sentence = s;
  event.begin = analysis_.sentences[s].begin;
  event.end = analysis_.sentences[s].end;
  double confidence = 0.5;
  if (placeWritten) confidence += 0.2;
  if (!placeWritten && !event.location.empty()) confidence += 0.1;
  if (dateWritten) confidence += 0.1;
  if (!event.actor1.empty()) confidence += 0.1;
  if (!event.actor2.empty()) confidence += 0.1;
  if (claimed) confidence -= 0.1;
  event.confidence = std::clamp(confidence, 0.0, 1.0);
  if (claimed) {
    event.status = graph::EvidenceStatus::kClaimed;
    event.source = speaker_;
  }

  if (!events_.empty() && mergeInto(events_.back(), event, dateWritten, placeWritten, s)) {
    return;
  }
  // "Cette attaque ..." only adds to the happening just told. An event without a place waits
  // for the next sentence to give one (run() drops it otherwise).
  bool anaphoric = cue.first > first_ && (markers(cue.first - 1) & kDemonstrative) != 0;
  if (anaphoric || (!dateWritten && backReference(cue))) return;
  events_.push_back(std::move(event));
  datesWritten_.push_back(dateWritten);
  lastSentence_ = s;
  lastDateWritten_ = dateWritten;
}

bool EventReader::crossReference() const {
  return std::any_of(matches_.begin(), matches_.end(), [&](const Match& match) {
    return (match.words & kCrossReference) != 0 && match.first == first_;
  });
}

bool EventReader::backReference(const Match& cue) const {
  for (std::uint32_t k = cue.first; k > first_ && cue.first - k < 2;) {
    --k;
    if ((markers(k) & kBackReference) != 0) return true;
  }
  return false;
}

int EventReader::adjustType(int type, const Match& cue, const ExtractedEvent& event,
                            std::uint32_t victims) const {
  // A one-sided attack on an armed target is a battle, unless civilians are among the victims.
  if (type == tables_.attackType && tables_.clashType >= 0 && armedTarget(cue, event, victims) &&
      (victims & kCivilian) == 0 && !targetNoun(cue, kCivilian)) {
    return tables_.clashType;
  }
  // Who takes a place decides between the two territorial types.
  if ((type == tables_.regainsType || type == tables_.overtakesType) && !event.actor1.empty()) {
    std::string_view cls = classOf(event.actor1);
    if (isStateSide(ontology_, cls) && tables_.regainsType >= 0) return tables_.regainsType;
    if (ontology_.isSubclassOf(cls, "ArmedGroup") && tables_.overtakesType >= 0) {
      return tables_.overtakesType;
    }
  }
  // Demonstrators who loot, burn or attack riot.
  const auto& types = ontology_.eventTypes();
  if (types[static_cast<std::size_t>(type)].acledType == "Protests" && tables_.riotType >= 0) {
    for (const Match& match : matches_) {
      if (match.eventType >= 0 &&
          (match.eventType == tables_.lootingType || match.eventType == tables_.attackType)) {
        return tables_.riotType;
      }
    }
  }
  return type;
}

}  // namespace newsgraph::ingest::event_reading

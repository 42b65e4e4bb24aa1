// EventReader: the event's place: in the cue's clause, the sentence, the article's country
// or the previous sentence.
#include <algorithm>
#include <cstdint>
#include <string>

#include "event_reader.h"

namespace newsgraph::ingest::event_reading {

const std::string& EventReader::articleCountry() const { return analysis_.focusCountry; }

std::string EventReader::articleCapital() {
  auto found = tables_.capitals.find(articleCountry());
  return found == tables_.capitals.end() ? std::string() : found->second;
}

bool EventReader::inSourcePhrase(std::uint32_t at) const {
  for (std::uint32_t k = at; k > first_ && at - k < kSourceReach;) {
    --k;
    if (isBreak(tokens_[k])) return false;
    if ((markers(k) & kSource) != 0) return !cueBetween(k, at);
  }
  return false;
}

std::string EventReader::previousPlace() const {
  const auto& mentions = analysis_.recognition.mentions;
  for (std::size_t k = previousMentions_.second; k > previousMentions_.first;) {
    const Mention& mention = mentions[--k];
    if (mention.kind == MentionKind::kMetonym || mention.kind == MentionKind::kDemonym) continue;
    std::string_view cls = classOf(mention.entity);
    if (!cls.empty() && ontology_.isSubclassOf(cls, "Place") &&
        !ontology_.isSubclassOf(cls, "Country")) {
      return mention.entity;
    }
  }
  return {};
}

bool EventReader::placeNear(const Match& cue) const {
  for (const Participant& p : participants_) {
    if (!p.place) continue;
    std::uint32_t first = p.mention->firstToken;
    std::uint32_t end = p.mention->endToken;
    std::uint32_t reach = wordIn(kPlaceNoun, cue.end, first) ? kPlaceNounReach : kPlaceReach;
    if (first >= cue.end && first - cue.end <= reach && !breakBetween(cue.end, first) &&
        !cueBetween(cue.end, first)) {
      return true;
    }
    if (end <= cue.first && cue.first - end <= kPlaceReach && !breakBetween(end, cue.first)) {
      return true;
    }
  }
  return false;
}

std::string EventReader::choosePlace(const Match& cue, const ExtractedEvent& event) const {
  const Participant* best = nullptr;
  std::tuple<bool, int, std::uint32_t> bestKey;  // same clause, rank, -distance
  for (const Participant& p : participants_) {
    if (!p.place || p.mention->entity == event.actor1 || p.mention->entity == event.actor2) {
      continue;
    }
    std::uint32_t from = std::min(p.mention->endToken, cue.first);
    std::uint32_t to = std::max(p.mention->firstToken, cue.end);
    std::uint32_t distance = to > from ? to - from : 0;
    std::tuple<bool, int, std::uint32_t> key{!breakBetween(from, to), p.rank,
                                             0xffffffffu - distance};
    if (best == nullptr || key > bestKey) {
      best = &p;
      bestKey = key;
    }
  }
  return best == nullptr ? std::string() : best->mention->entity;
}

}  // namespace newsgraph::ingest::event_reading

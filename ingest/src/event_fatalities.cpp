// EventReader: fatalities by ACLED's rules (the most conservative death count).
#include <algorithm>
#include <cstdint>
#include <string>

#include "event_reader.h"

namespace newsgraph::ingest::event_reading {

std::uint32_t EventReader::tokenAt(std::size_t offset) const {
  std::uint32_t k = first_;
  std::size_t target = sentenceBegin_ + offset;
  while (k < end_ && tokens_[k].begin < target) ++k;
  return k;
}

std::optional<long> EventReader::countFatalities(std::uint32_t s, std::uint32_t& victims) {
  std::optional<long> lowest;
  std::optional<long> group;  // the toll being added up
  auto closeGroup = [&] {
    if (group && (!lowest || *group < *lowest)) lowest = group;
    group.reset();
  };
  const Quantity* previous = nullptr;
  std::uint32_t previousEnd = 0;  // the token after the previous count's noun
  bool previousDeath = false;
  bool previousSubset = false;
  const std::vector<Quantity> none;
  const auto& quantities = s < analysis_.quantities.size() ? analysis_.quantities[s] : none;
  for (const Quantity& q : quantities) {
    if (q.noun == "%" || q.value < 0 || q.value >= kMaxFatalities) continue;
    std::uint32_t first = tokenAt(q.begin);
    std::uint32_t end = tokenAt(q.end);
    std::uint32_t nounEnd = end;
    std::uint32_t nounBits = 0;  // of the counted noun, past "de", "d'", "des"
    for (std::uint32_t k = end; !q.noun.empty() && k < end_ && k < end + 3; ++k) {
      if (tokens_[k].key == q.noun) {
        for (const Match& match : matches_) {
          if (match.first == k) nounBits |= match.words;
        }
        nounEnd = k + 1;
        break;
      }
    }
    std::uint32_t stop = end;  // the clause after the count, up to kDeathAfter words
    while (stop < end_ && stop < end + kDeathAfter && !isBreak(tokens_[stop])) ++stop;
    std::uint32_t start = first;  // and before it, up to kDeathBefore words
    while (start > first_ && first - start < kDeathBefore && !isBreak(tokens_[start - 1])) {
      --start;
    }
    bool death = (nounBits & kDeathNoun) != 0 || deathWordStartingIn(end, stop) ||
                 deathWordEndingIn(start, first);
    bool subset = wordIn(kSubset, start, first);
    bool coordinated = previous != nullptr && !q.noun.empty() && !previous->noun.empty() &&
                       q.noun != previous->noun && onlyCoordinators(previousEnd, first);
    if (coordinated) {
      death = death || previousDeath;
      subset = subset || previousSubset;
    } else if (!subset) {
      closeGroup();
    }
    if (death) victims |= nounBits;
    if (death && !subset) {
      auto count = static_cast<long>(q.value);
      group = group ? *group + count : count;
    }
    previous = &q;
    previousEnd = nounEnd;
    previousDeath = death;
    previousSubset = subset;
  }
  closeGroup();
  if (!lowest && wordIn(kNoFatality, first_, end_)) return 0;
  return lowest;
}

bool EventReader::deathWordStartingIn(std::uint32_t from, std::uint32_t to) const {
  for (const Match& match : matches_) {
    if ((match.words & kDeathWord) != 0 && match.first >= from && match.first < to) return true;
  }
  return false;
}

bool EventReader::deathWordEndingIn(std::uint32_t from, std::uint32_t to) const {
  for (const Match& match : matches_) {
    if ((match.words & kDeathWord) != 0 && match.end > from && match.end <= to) return true;
  }
  return false;
}

bool EventReader::onlyCoordinators(std::uint32_t from, std::uint32_t to) const {
  if (to <= from || to - from > 3) return false;
  for (std::uint32_t k = from; k < to;) {
    if (tokens_[k].key == ",") {
      ++k;
      continue;
    }
    std::uint32_t next = k;
    for (const Match& match : matches_) {
      if ((match.words & kCoordinator) != 0 && match.first == k) next = std::max(next, match.end);
    }
    if (next == k) return false;
    k = next;
  }
  return true;
}

bool EventReader::targetNoun(const Match& cue, std::uint32_t bit) const {
  bool passiveCue = passive(cue);
  for (const Match& match : matches_) {
    if ((match.words & bit) == 0 || (markerBefore(match.first, 3) & kSource) != 0) continue;
    if (match.first >= cue.end || (passiveCue && match.end <= cue.first)) return true;
  }
  return false;
}

bool EventReader::armedTarget(const Match& cue, const ExtractedEvent& event,
                              std::uint32_t victims) const {
  if (!event.actor2.empty() && isArmedClass(ontology_, classOf(event.actor2))) return true;
  return (victims & kCombatant) != 0 || targetNoun(cue, kCombatant);
}

}  // namespace newsgraph::ingest::event_reading

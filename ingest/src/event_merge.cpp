// EventReader: folding the next sentence and later retellings into the event they tell again.
#include <algorithm>
#include <cstdint>
#include <string>

#include "event_reader.h"

namespace newsgraph::ingest::event_reading {

void EventReader::mergeRetellings() {
  std::vector<bool> gone(events_.size(), false);
  for (std::size_t later = 1; later < events_.size(); ++later) {
    ExtractedEvent& next = events_[later];
    if (next.location.empty()) continue;
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      ExtractedEvent& first = events_[earlier];
      if (gone[earlier] ||
          !sameHappening(first, datesWritten_[earlier], next, datesWritten_[later])) {
        continue;
      }
      if (first.actor1.empty() && next.actor1 != first.actor2) first.actor1 = next.actor1;
      if (first.actor2.empty() && next.actor2 != first.actor1) first.actor2 = next.actor2;
      if (!first.fatalities) first.fatalities = next.fatalities;
      if (!datesWritten_[earlier] && datesWritten_[later]) {
        first.date = next.date;
        datesWritten_[earlier] = true;
      }
      first.confidence = std::max(first.confidence, next.confidence);
      gone[later] = true;
      break;
    }
  }
  std::size_t kept = 0;
  for (std::size_t k = 0; k < events_.size(); ++k) {
    if (gone[k]) continue;
    if (kept != k) events_[kept] = std::move(events_[k]);
    ++kept;
  }
  events_.resize(kept);
}

bool EventReader::sameHappening(const ExtractedEvent& first, bool firstDateWritten,
                                const ExtractedEvent& next, bool nextDateWritten) const {
  auto compatible = [&](const std::string& a, const std::string& b) {
    return tables_.sameSide(a, b);
  };
  if (first.type != next.type || first.subType != next.subType || first.location != next.location ||
      !compatible(first.actor1, next.actor1) || !compatible(first.actor2, next.actor2)) {
    return false;
  }
  if (!firstDateWritten || !nextDateWritten || !first.date || !next.date) return true;
  const common::PartialDate& coarse =
      first.date->precision <= next.date->precision ? *first.date : *next.date;
  const common::PartialDate& fine = &coarse == &*first.date ? *next.date : *first.date;
  return coarse.agreesTo(fine);
}

bool EventReader::mergeInto(ExtractedEvent& first, const ExtractedEvent& next, bool dateWritten,
                            bool placeWritten, std::uint32_t s) {
  if (s != lastSentence_ + 1 || first.type != next.type || first.subType != next.subType) {
    return false;
  }
  auto compatible = [&](const std::string& a, const std::string& b) {
    return tables_.sameSide(a, b);
  };
  const std::string none;
  const std::string& place = placeWritten ? next.location : none;
  if (!compatible(first.location, place) || !compatible(first.actor1, next.actor1) ||
      !compatible(first.actor2, next.actor2) ||
      (lastDateWritten_ && dateWritten && first.date != next.date)) {
    return false;
  }
  if (first.location.empty()) first.location = place;
  if (first.actor1.empty() && next.actor1 != first.actor2) first.actor1 = next.actor1;
  if (first.actor2.empty() && next.actor2 != first.actor1) first.actor2 = next.actor2;
  if (!first.fatalities) first.fatalities = next.fatalities;
  if (!lastDateWritten_ && dateWritten) first.date = next.date;
  first.confidence = std::max(first.confidence, next.confidence);
  lastSentence_ = s;
  lastDateWritten_ = lastDateWritten_ || dateWritten;
  return true;
}

}  // namespace newsgraph::ingest::event_reading

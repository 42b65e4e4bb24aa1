#include "newsgraph/ingest/focus_country.h"

#include <map>
#include <utility>

namespace newsgraph::ingest {

FocusCountryFinder::FocusCountryFinder(const ontology::Ontology& ontology) : ontology_(ontology) {
  for (const ontology::BackgroundFact& fact : ontology.facts()) {
    if (fact.predicate != "LOCATED_IN") continue;
    const ontology::EntityRecord* container = ontology.findEntity(fact.object);
    if (container != nullptr && container->cls == "Country") countryOf_[fact.subject] = fact.object;
  }
}

std::string FocusCountryFinder::find(const Recognition& found) const {
  std::map<std::string, std::pair<int, std::size_t>> countries;  // id -> mentions, first seen
  for (std::size_t i = 0; i < found.mentions.size(); ++i) {
    const Mention& m = found.mentions[i];
    std::string country;
    const ontology::EntityRecord* entity = ontology_.findEntity(m.entity);
    if (entity != nullptr && entity->cls == "Country") {
      country = m.entity;
    } else if (auto it = countryOf_.find(m.entity); it != countryOf_.end()) {
      country = it->second;
    } else {
      continue;
    }
    ++countries.try_emplace(country, 0, i).first->second.first;
  }
  std::string focus;
  int best = 0;
  std::size_t firstSeen = 0;
  for (const auto& [id, counts] : countries) {
    if (counts.first > best || (counts.first == best && counts.second < firstSeen)) {
      focus = id;
      best = counts.first;
      firstSeen = counts.second;
    }
  }
  return focus;
}

}  // namespace newsgraph::ingest

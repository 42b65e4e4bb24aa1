// The country an article is about, which fills implicit arguments: a withdrawal without a
// place, "la junte", "le pays", "la capitale".
#pragma once

#include <string>
#include <unordered_map>

#include "newsgraph/ingest/entity_recognizer.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ingest {

class FocusCountryFinder {
 public:
  // Reads the countries and the LOCATED_IN facts that put places in them; `ontology` must
  // outlive the finder.
  explicit FocusCountryFinder(const ontology::Ontology& ontology);

  // The most mentioned country of `found`, where a mention of a place located in a country
  // counts for that country; the first mentioned on a tie; "" when none.
  std::string find(const Recognition& found) const;

 private:
  const ontology::Ontology& ontology_;
  std::unordered_map<std::string, std::string> countryOf_;  // place id -> its country
};

}  // namespace newsgraph::ingest

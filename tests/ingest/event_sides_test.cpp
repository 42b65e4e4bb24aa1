// Folding two tellings of one happening: a state and its armed forces (a background fact of the
// default ontology, fama PART_OF mali) are one side; other actors are not.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "events_of.h"
#include "test_ontology.h"

namespace newsgraph::ingest {
namespace {

// The events of `text` as an article of 2023-11-20, on the default ontology (its PART_OF facts).
std::string eventsOf(const std::string& text) {
  static const testing::EventLister lister(testing::fullOntology());
  return lister.list(text, "2023-11-20");
}

TEST(EventSides, AStateAndItsForcesAreOneSide) {
  std::string events = eventsOf(
      "Mardi 14 novembre, les soldats maliens ont repris Kidal aux rebelles du CSP. Les "
      "habitants sont restés terrés chez eux. Selon des témoins, les FAMa ont repris "
      "Kidal mardi 14 novembre sans rencontrer de résistance.");
  // One event: the retelling by "les FAMa" folds into the telling by "les soldats maliens".
  EXPECT_EQ(events,
            "Battles/Government regains territory mali vs csp at kidal 2023-11-14 fatalities - "
            "(sentence 0, confidence 1.00)");
}

TEST(EventSides, DifferentActorsStayApart) {
  std::string events = eventsOf(
      "Mardi 14 novembre, le JNIM a attaqué un camp de l'armée à Gao. Les habitants "
      "sont restés terrés chez eux. Selon des témoins, l'État islamique au Sahel a "
      "attaqué un convoi de l'armée à Gao mardi 14 novembre.");
  EXPECT_EQ(std::count(events.begin(), events.end(), '\n'), 1) << events;
}

}  // namespace
}  // namespace newsgraph::ingest

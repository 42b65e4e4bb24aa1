// Folding two tellings of one happening: a state and its armed forces (a background fact of the
// default ontology, fama PART_OF mali) are one side; other actors are not.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "newsgraph/ingest/event_extractor.h"
#include "newsgraph/ingest/pipeline.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace newsgraph::ingest {
namespace {

const ontology::Ontology& fullOntology() {
  static const ontology::Ontology kOntology = [] {
    auto loaded = ontology::loadOntology(ontology::defaultOntologySources());
    if (!loaded) throw std::runtime_error(loaded.error().toString());
    return std::move(loaded).value();
  }();
  return kOntology;
}

std::string eventsOf(const std::string& text) {
  static const Pipeline pipeline(fullOntology(), nullptr);
  static const EventExtractor extractor(fullOntology());
  Article article;
  article.doc = "test";
  article.source = "test.txt";
  article.text = text;
  article.date = common::PartialDate::parse("2023-11-20");
  DocumentAnalysis analysis = pipeline.analyze(article);
  std::string out;
  for (const ExtractedEvent& event : extractor.extract(article, analysis)) {
    if (!out.empty()) out += "\n";
    out += event.toString();
  }
  return out;
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

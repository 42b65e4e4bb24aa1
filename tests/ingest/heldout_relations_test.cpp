// A held-out check of the relation stage: three short articles written for this test
// (tests/data/heldout/, not in samples/), read with the full default ontology, against
// relations annotated before the extractor was run on them. It guards the coreference,
// apposition, coordination and signatory families on text they were not tuned on.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/ingest/pipeline.h"
#include "newsgraph/ontology/ontology_loader.h"
#include "test_ontology.h"

namespace newsgraph::ingest {
namespace {

// A gold relation; `subjects` lists the ids any of which is correct.
struct Expected {
  std::vector<std::string> subjects;
  std::string predicate;
  std::string object;
};

// The relations of tests/data/heldout/<name>.txt as "s P o" (title line, date line, body).
std::set<std::string> extracted(const std::string& name) {
  static Pipeline pipeline(testing::fullOntology(), nullptr);
  std::ifstream in(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/heldout/" + name + ".txt");
  std::string title, date, line;
  std::getline(in, title);
  std::getline(in, date);
  std::ostringstream body;
  while (std::getline(in, line)) body << line << "\n";
  Article article;
  article.doc = name;
  article.title = title;
  article.text = body.str();
  article.date = common::PartialDate::parse(date.substr(5));
  std::set<std::string> out;
  for (const ExtractedRelation& r : pipeline.analyze(article).relations) {
    out.insert(r.subject + " " + r.predicate + " " + r.object);
    // Symmetric types are compared either way round.
    if (r.predicate == "COOPERATES_WITH" || r.predicate == "FIGHTS") {
      out.insert(r.object + " " + r.predicate + " " + r.subject);
    }
  }
  return out;
}

TEST(HeldOutRelations, RecallAndPrecisionOnUnseenArticles) {
  const std::vector<std::pair<std::string, std::vector<Expected>>> gold = {
      {"h1_inekar_2026",
       {{{"etat-islamique-au-sahel"}, "ATTACKS", "inekar"},
        {{"inekar"}, "LOCATED_IN", "menaka"},
        {{"fama"}, "CAPTURES", "inekar"},
        {{"msa"}, "COOPERATES_WITH", "gatia"},
        {{"msa"}, "CRITICIZES", "mali"}}},
      {"h2_ber_2026",
       {{{"mali"}, "COOPERATES_WITH", "cma"},
        {{"cma"}, "WITHDRAWS_FROM", "ber"},
        {{"cma"}, "CRITICIZES", "fama"},
        {{"mohamed-elmaouloud-ramadane"}, "MEMBER_OF", "cma"},
        {{"minusma"}, "WITHDRAWS_FROM", "mali"},
        {{"russie"}, "SUPPORTS", "fama"}}},
      {"h3_djibo_2026",
       {{{"forces-armees-burkinabe", "burkina-faso"}, "CAPTURES", "djibo"},
        {{"djibo"}, "LOCATED_IN", "region-du-sahel"},
        {{"forces-armees-burkinabe"}, "FIGHTS", "jnim"},
        {{"turquie"}, "SUPPORTS", "forces-armees-burkinabe"},
        {{"sadio-camara"}, "MEMBER_OF", "mali"}}},
  };
  std::size_t total = 0, found = 0, spurious = 0;
  std::string missed, wrong;
  for (const auto& [name, expected] : gold) {
    std::set<std::string> got = extracted(name);
    std::set<std::string> matched;
    for (const Expected& e : expected) {
      ++total;
      bool hit = false;
      for (const std::string& s : e.subjects) {
        std::string key = s + " " + e.predicate + " " + e.object;
        if (got.count(key) != 0) {
          hit = true;
          matched.insert(key);
          if (e.predicate == "COOPERATES_WITH" || e.predicate == "FIGHTS") {
            matched.insert(e.object + " " + e.predicate + " " + s);
          }
        }
        // Any listed subject is correct: the others are not false positives.
        for (const std::string& other : e.subjects) {
          matched.insert(other + " " + e.predicate + " " + e.object);
        }
      }
      if (hit) {
        ++found;
      } else {
        missed += name + ": " + e.subjects[0] + " " + e.predicate + " " + e.object + "\n";
      }
    }
    for (const std::string& r : got) {
      if (matched.count(r) != 0) continue;
      // A symmetric relation is listed both ways: count it once.
      bool reversedSeen = false;
      std::istringstream parts(r);
      std::string s, p, o;
      parts >> s >> p >> o;
      if ((p == "COOPERATES_WITH" || p == "FIGHTS") && s > o) reversedSeen = true;
      if (reversedSeen) continue;
      ++spurious;
      wrong += name + ": " + r + "\n";
    }
  }
  double recall = static_cast<double>(found) / static_cast<double>(total);
  double precision = static_cast<double>(found) / static_cast<double>(found + spurious);
  // Measured when the test was written: 14 of 16 found, none spurious. Known misses: "jours
  // de combats contre X" (a noun cue after a bare "de" acts for nobody) and "drones turcs" (no
  // demonym "turcs" in the gazetteer).
  EXPECT_GE(recall, 0.75) << "missed:\n" << missed;
  EXPECT_GE(precision, 0.9) << "spurious:\n" << wrong;
}

}  // namespace
}  // namespace newsgraph::ingest

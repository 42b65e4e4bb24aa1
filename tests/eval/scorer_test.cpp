#include "newsgraph/eval/scorer.h"

#include <gtest/gtest.h>

namespace newsgraph::eval {
namespace {

// A graph where d1 mentions mali, kidal and atlantide and says fama CAPTURES kidal.
graph::KnowledgeGraph extracted() {
  graph::KnowledgeGraph g;
  graph::ArticleId d1 =
      g.addArticle(graph::ArticleRecord{"d1", "", "", "", std::nullopt, 1, false});
  auto add = [&](const std::string& id) {
    graph::EntityNode n;
    n.id = id;
    graph::VertexId v = g.ensureEntity(n);
    g.addMention(v, graph::MentionRef{d1, 0, 0, 1});
    return v;
  };
  graph::VertexId mali = add("mali");
  graph::VertexId kidal = add("kidal");
  add("atlantide");
  graph::VertexId fama = add("fama");
  graph::Evidence e;
  e.article = d1;
  g.addEvidence(fama, "CAPTURES", kidal, false, e);
  g.addEvidence(fama, "FIGHTS", mali, true, e);
  g.addEvidence(mali, "SUPPORTS", fama, false, e);
  return g;
}

const char* kGold = R"({"documents": [
  {"doc": "d1",
   "entities": {"required": ["mali", "kidal", "gao"], "optional": ["fama"]},
   "relations": [
     {"s": "fama", "p": "CAPTURES", "o": "kidal"},
     {"s": "mali", "p": "FIGHTS", "o": "fama"},
     {"s": ["russie", "wagner"], "p": "SUPPORTS", "o": "fama"},
     {"s": "mali", "p": "SUPPORTS", "o": "fama", "optional": true}
   ]},
  {"doc": "d2", "entities": {"required": ["niger"]}}
]})";

bool symmetric(const std::string& type) { return type == "FIGHTS"; }

TEST(Scorer, CountsEntitiesPerDocument) {
  auto gold = parseGold(kGold, "gold.json");
  ASSERT_TRUE(gold.ok()) << gold.error().toString();
  Scores s = score(*gold, extracted(), symmetric);
  // d1: mali, kidal right; gao missed; atlantide spurious; fama optional. d2: niger missed.
  EXPECT_EQ(s.entities.truePositives, 2u);
  EXPECT_EQ(s.entities.falsePositives, 1u);
  EXPECT_EQ(s.entities.falseNegatives, 2u);
  EXPECT_DOUBLE_EQ(s.entities.precision(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.entities.recall(), 0.5);
  ASSERT_EQ(s.documents.size(), 2u);
  EXPECT_EQ(s.documents[0].missedEntities, std::vector<std::string>{"gao"});
  EXPECT_EQ(s.documents[0].spuriousEntities, std::vector<std::string>{"atlantide"});
  EXPECT_FALSE(s.documents[1].ingested);
}

TEST(Scorer, MatchesRelationsWithAlternativesSymmetryAndOptionalItems) {
  auto gold = parseGold(kGold, "gold.json");
  ASSERT_TRUE(gold.ok());
  Scores s = score(*gold, extracted(), symmetric);
  // CAPTURES and FIGHTS (reversed, symmetric) match; SUPPORTS by russie|wagner is missed;
  // mali SUPPORTS fama matches an optional item: neither right nor wrong.
  EXPECT_EQ(s.relations.truePositives, 2u);
  EXPECT_EQ(s.relations.falseNegatives, 1u);
  EXPECT_EQ(s.relations.falsePositives, 0u);
  EXPECT_EQ(s.relationsByType.at("SUPPORTS").falseNegatives, 1u);
  EXPECT_EQ(s.documents[0].missedRelations,
            std::vector<std::string>{"[russie|wagner] SUPPORTS fama"});
}

// d1 tells of two events: a clash at Kidal on 2023-11-14 and a strike at Gao dated 2023-11.
graph::KnowledgeGraph withEvents() {
  graph::KnowledgeGraph g;
  graph::ArticleId d1 =
      g.addArticle(graph::ArticleRecord{"d1", "", "", "", std::nullopt, 1, false});
  auto event = [&](const char* id, const char* type, const char* place, const char* date) {
    graph::EntityNode n;
    n.id = id;
    n.cls = "Event";
    graph::VertexId v = g.ensureEntity(n);
    g.addMention(v, graph::MentionRef{d1, 0, 0, 1});
    graph::EventDetails details;
    details.type = type;
    details.date = common::PartialDate::parse(date);
    details.evidence.article = d1;
    details.evidence.place = place;
    g.setEvent(v, details);
    graph::EntityNode p;
    p.id = place;
    g.addEvidence(v, "OCCURRED_IN", g.ensureEntity(p), false, details.evidence);
  };
  event("e1", "Battles", "kidal", "2023-11-14");
  event("e2", "Explosions/Remote violence", "gao", "2023-11");
  return g;
}

TEST(Scorer, EventsMatchOnTypePlaceAndDateToTheGoldsPrecision) {
  auto gold = parseGold(R"({"documents": [{"doc": "d1", "events": [
      {"type": "Battles", "location": ["tessalit", "kidal"], "date": "2023-11"},
      {"type": "Explosions/Remote violence", "location": "gao", "date": "2023-11-02"},
      {"type": "Protests", "location": "bamako"}]}]})",
                        "g.json");
  ASSERT_TRUE(gold.ok()) << gold.error().toString();
  Scores s = score(*gold, withEvents(), symmetric);
  // e1 matches the first (month precision of the gold); e2 is only month-precise: no match.
  EXPECT_EQ(s.events.truePositives, 1u);
  EXPECT_EQ(s.events.falseNegatives, 2u);
  EXPECT_EQ(s.events.falsePositives, 1u);
  EXPECT_EQ(s.documents[0].spuriousEvents,
            std::vector<std::string>{"Explosions/Remote violence at gao 2023-11"});
  EXPECT_EQ(s.documents[0].missedEvents[1], "Protests at bamako -");
  // Event vertices and their roles are neither entities nor relations.
  EXPECT_EQ(s.entities.falsePositives, 0u);
  EXPECT_EQ(s.relations.falsePositives, 0u);
}

TEST(Scorer, F1OfNothingExpectedAndNothingFoundIsOne) {
  Counts c;
  EXPECT_DOUBLE_EQ(c.f1(), 1.0);
  c.falseNegatives = 1;
  EXPECT_DOUBLE_EQ(c.f1(), 0.0);
}

TEST(Gold, ReportsMalformedJsonWithPosition) {
  auto gold = parseGold("{\"documents\": [\n  {\"doc\": \"d1\",]}", "g.json");
  ASSERT_FALSE(gold.ok());
  EXPECT_EQ(gold.error().toString(), "g.json:2:16: gold error: Missing a name for object member.");
}

TEST(Gold, ReportsMissingFields) {
  auto gold =
      parseGold(R"({"documents": [{"doc": "d1", "relations": [{"s": "a", "p": "X"}]}]})", "g.json");
  ASSERT_FALSE(gold.ok());
  EXPECT_EQ(gold.error().toString(),
            "g.json: gold error: document 1: a relation needs \"s\", \"p\" and \"o\"");
}

}  // namespace
}  // namespace newsgraph::eval

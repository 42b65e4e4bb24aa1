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

#include "newsgraph/graph/graph_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace newsgraph::graph {
namespace {

class GraphStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("newsgraph_store_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

KnowledgeGraph sampleGraph() {
  KnowledgeGraph g;
  ArticleId doc = g.addArticle(ArticleRecord{"s01", "Titre « guillemets »", "http://x/1", "a.txt",
                                             common::PartialDate::parse("2023-11"), 42, false});
  EntityNode kidal;
  kidal.id = "kidal";
  kidal.cls = "Town";
  kidal.label = "Kidal";
  kidal.lat = 18.44;
  kidal.lon = 1.41;
  kidal.known = true;
  EntityNode fama;
  fama.id = "fama";
  fama.cls = "ArmedForces";
  fama.label = "FAMa";
  fama.aliases = {"armée malienne"};
  VertexId k = g.ensureEntity(kidal);
  VertexId f = g.ensureEntity(fama);
  g.addMention(k, MentionRef{doc, 1, 10, 15});
  Evidence e;
  e.article = doc;
  e.quote = "Les FAMa s'emparent de Kidal.";
  e.date = common::PartialDate::parse("2023-11-14");
  e.status = EvidenceStatus::kClaimed;
  e.source = "fama";
  e.confidence = 0.75;
  g.addEvidence(f, "CAPTURES", k, false, e);
  g.addEvidence(k, "LOCATED_IN", f, false, Evidence{});
  return g;
}

TEST_F(GraphStoreTest, RoundTripsTheGraph) {
  ASSERT_TRUE(saveGraph(sampleGraph(), path("g.db")).ok());
  auto loaded = loadGraph(path("g.db"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  KnowledgeGraph& g = loaded.value();
  ASSERT_EQ(g.entityCount(), 2u);
  const EntityNode& kidal = g.entity(*g.findEntity("kidal"));
  EXPECT_DOUBLE_EQ(*kidal.lat, 18.44);
  EXPECT_TRUE(kidal.known);
  ASSERT_EQ(kidal.mentions.size(), 1u);
  EXPECT_EQ(kidal.mentions[0].begin, 10u);
  EXPECT_EQ(g.entity(*g.findEntity("fama")).aliases, std::vector<std::string>{"armée malienne"});
  ASSERT_EQ(g.relationCount(), 2u);
  const RelationEdge& captures = g.relation(0);
  EXPECT_EQ(captures.type, "CAPTURES");
  EXPECT_EQ(captures.evidence[0].quote, "Les FAMa s'emparent de Kidal.");
  EXPECT_EQ(captures.evidence[0].date->toString(), "2023-11-14");
  EXPECT_EQ(captures.evidence[0].status, EvidenceStatus::kClaimed);
  EXPECT_FALSE(g.relation(1).evidence[0].article.has_value());
  EXPECT_EQ(g.article(0).title, "Titre « guillemets »");
  EXPECT_EQ(g.article(0).contentHash, 42u);
}

TEST_F(GraphStoreTest, ReportsAMissingStore) {
  auto loaded = loadGraph(path("absent.db"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().toString(),
            path("absent.db") + ": store error: No such file or directory");
}

TEST_F(GraphStoreTest, ReportsADamagedStoreWithPosition) {
  std::ofstream(path("bad.db")) << "{\"format\": \"newsgraph-snapshot\",\n \"version\": 1,,}";
  auto loaded = loadGraph(path("bad.db"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(
      loaded.error().toString(),
      path("bad.db") + ":2:15: store error: damaged store: Missing a name for object member.");
}

TEST_F(GraphStoreTest, RejectsAForeignFile) {
  std::ofstream(path("other.json")) << "{\"documents\": []}";
  auto loaded = loadGraph(path("other.json"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().toString(),
            path("other.json") +
                ": store error: not a newsgraph store (no \"format\": \"newsgraph-snapshot\")");
}

TEST_F(GraphStoreTest, FailedSaveLeavesThePreviousStore) {
  ASSERT_TRUE(saveGraph(sampleGraph(), path("g.db")).ok());
  std::filesystem::create_directories(path("g.db.dir"));
  // Saving into a directory that does not exist fails and touches nothing.
  auto status = saveGraph(KnowledgeGraph{}, path("missing/g.db"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(loadGraph(path("g.db"))->entityCount(), 2u);
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace newsgraph::graph

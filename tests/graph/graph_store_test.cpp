#include "newsgraph/graph/graph_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

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

// Runs SQL on a store file directly, as another program would.
void runSql(const std::string& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
      << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

std::string errorOf(const common::Result<KnowledgeGraph>& loaded) {
  return loaded.ok() ? "ok" : loaded.error().toString();
}

TEST_F(GraphStoreTest, RejectsAFileThatIsNotSqlite) {
  std::ofstream(path("bad.db")) << "entities,relations\nmali,gao\n";
  EXPECT_EQ(errorOf(loadGraph(path("bad.db"))),
            path("bad.db") + ": store error: not a newsgraph store (not an SQLite database)");
}

TEST_F(GraphStoreTest, ExplainsAnOldJsonSnapshot) {
  std::ofstream(path("old.db")) << "{\"format\":\"newsgraph-snapshot\",\"version\":1}";
  EXPECT_EQ(errorOf(loadGraph(path("old.db"))),
            path("old.db") +
                ": store error: a JSON snapshot of an earlier newsgraph; this version reads "
                "SQLite stores only: ingest the articles again into a new --db file");
}

TEST_F(GraphStoreTest, RejectsAnotherApplicationsDatabase) {
  runSql(path("other.db"), "CREATE TABLE customers(id INTEGER, name TEXT)");
  EXPECT_EQ(errorOf(loadGraph(path("other.db"))),
            path("other.db") +
                ": store error: not a newsgraph store (an SQLite database of another application)");
  GraphStore::Options write;
  write.access = GraphStore::Access::kWrite;
  auto store = GraphStore::open(path("other.db"), write);
  ASSERT_FALSE(store.ok());  // and never writes into it
}

TEST_F(GraphStoreTest, RejectsANewerSchemaVersion) {
  ASSERT_TRUE(saveGraph(sampleGraph(), path("g.db")).ok());
  runSql(path("g.db"), "PRAGMA user_version = 7");
  EXPECT_EQ(errorOf(loadGraph(path("g.db"))),
            path("g.db") +
                ": store error: store schema version 7 is newer than this newsgraph reads (1): "
                "upgrade newsgraph");
}

TEST_F(GraphStoreTest, ReportsATruncatedStore) {
  KnowledgeGraph big = sampleGraph();
  VertexId kidal = *big.findEntity("kidal");
  for (int i = 0; i < 2000; ++i) {
    EntityNode town;
    town.id = "town-" + std::to_string(i);
    town.cls = "Town";
    town.label = "Town " + std::to_string(i);
    Evidence e;
    e.article = 0;
    e.begin = static_cast<std::uint32_t>(i);
    e.quote = "Une phrase assez longue pour remplir des pages, numéro " + std::to_string(i);
    big.addEvidence(big.ensureEntity(town), "LOCATED_IN", kidal, false, e);
  }
  ASSERT_TRUE(saveGraph(big, path("g.db")).ok());
  auto size = std::filesystem::file_size(path("g.db"));
  ASSERT_GT(size, 100000u);
  std::filesystem::resize_file(path("g.db"), size / 2);
  EXPECT_EQ(errorOf(loadGraph(path("g.db"))),
            path("g.db") + ": store error: damaged store (database disk image is malformed)");
  std::filesystem::resize_file(path("g.db"), 50);  // not even a whole header
  EXPECT_EQ(errorOf(loadGraph(path("g.db"))),
            path("g.db") + ": store error: damaged store (truncated inside the SQLite header)");
}

TEST_F(GraphStoreTest, AnEmptyFileIsAnEmptyStore) {
  std::ofstream(path("empty.db")).close();
  auto loaded = loadGraph(path("empty.db"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ(loaded->entityCount(), 0u);
}

GraphStore::Options writer(int busyTimeoutMs = 10000) {
  GraphStore::Options options;
  options.access = GraphStore::Access::kWrite;
  options.busyTimeoutMs = busyTimeoutMs;
  return options;
}

TEST_F(GraphStoreTest, ASecondWriterIsToldTheStoreIsBusy) {
  ASSERT_TRUE(saveGraph(sampleGraph(), path("g.db")).ok());
  auto first = GraphStore::open(path("g.db"), writer());
  ASSERT_TRUE(first.ok()) << first.error().toString();
  auto second = GraphStore::open(path("g.db"), writer(100));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().toString(),
            path("g.db") +
                ": store error: store is busy: another process is writing to it (waited 0.1 s); "
                "try again when it has finished");
  // Readers are not blocked: they see the last commit.
  auto loaded = loadGraph(path("g.db"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ(loaded->entityCount(), 2u);
  first->rollback();
  EXPECT_TRUE(GraphStore::open(path("g.db"), writer(100)).ok());
}

TEST_F(GraphStoreTest, RollingBackANewStoreLeavesNoFile) {
  {
    auto store = GraphStore::open(path("new.db"), writer());
    ASSERT_TRUE(store.ok());
    EXPECT_TRUE(store->created());
    ASSERT_TRUE(store->replaceAll(sampleGraph()).ok());
    store->rollback();
  }
  EXPECT_FALSE(std::filesystem::exists(path("new.db")));
}

TEST_F(GraphStoreTest, UncommittedWritesAreNotSeen) {
  ASSERT_TRUE(saveGraph(sampleGraph(), path("g.db")).ok());
  {
    auto store = GraphStore::open(path("g.db"), writer());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store->replaceAll(KnowledgeGraph{}).ok());
  }  // destroyed without commit
  EXPECT_EQ(loadGraph(path("g.db"))->entityCount(), 2u);
}

}  // namespace
}  // namespace newsgraph::graph

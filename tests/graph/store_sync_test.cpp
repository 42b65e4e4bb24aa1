// The store against the graph in memory, with the real pipeline on the sample articles: what
// is written incrementally (batches, replaced and removed articles) and read back is what the
// graph held, and what a fresh ingest of the same articles gives.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "newsgraph/graph/graph_store.h"
#include "newsgraph/ingest/article_reader.h"
#include "newsgraph/ingest/pipeline.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace newsgraph::graph {
namespace {

namespace fs = std::filesystem;

const ontology::Ontology& sahel() {
  static const ontology::Ontology loaded = ontology::loadOntologyFiles({}, true).value();
  return loaded;
}

std::vector<ingest::Article> samples() {
  std::vector<ingest::Article> out;
  ingest::ArticleSink sink;
  sink.onArticle = [&](ingest::Article&& a) {
    out.push_back(std::move(a));
    return true;
  };
  ingest::readArticles(std::string(NEWSGRAPH_SOURCE_DIR) + "/samples/articles", {}, sink);
  return out;
}

std::string evidenceText(const KnowledgeGraph& g, const Evidence& e) {
  std::ostringstream out;
  out << (e.article ? g.article(*e.article).doc : "-") << ' ' << e.sentence << ' ' << e.begin << '-'
      << e.end << ' ' << statusName(e.status) << ' ' << e.source << ' ' << e.place << ' '
      << (e.date ? e.date->toString() : "") << ' ' << e.confidence << " «" << e.quote << "»";
  return out.str();
}

// What articles support, one sorted line per item: live articles, entities with mentions
// (and their live event), relation evidence from articles. Background facts are left out: a
// batch adds those touching what exists, so they depend on how articles were batched.
std::string supported(const KnowledgeGraph& g, bool withAliases = true) {
  std::vector<std::string> lines;
  for (ArticleId a = 0; a < g.articleCount(); ++a) {
    const ArticleRecord& r = g.article(a);
    if (r.removed) continue;
    lines.push_back("article " + r.doc + " " + r.title + " " + std::to_string(r.contentHash));
  }
  for (VertexId v = 0; v < g.entityCount(); ++v) {
    const EntityNode& e = g.entity(v);
    if (e.mentions.empty()) continue;
    std::string line = "entity " + e.id + " " + e.cls + " " + e.label + (e.known ? " known" : "");
    if (withAliases) {
      for (const auto& alias : e.aliases) line += " |" + alias;
    }
    lines.push_back(line);
    for (const MentionRef& m : e.mentions) {
      lines.push_back("mention " + e.id + " " + g.article(m.article).doc + " " +
                      std::to_string(m.begin) + "-" + std::to_string(m.end));
    }
    if (e.event && !e.event->retracted) {
      lines.push_back("event " + e.id + " " + e.event->type + "/" + e.event->subType + " " +
                      evidenceText(g, e.event->evidence));
    }
  }
  for (EdgeId r = 0; r < g.relationCount(); ++r) {
    const RelationEdge& edge = g.relation(r);
    for (const Evidence& e : edge.evidence) {
      if (!e.article) continue;
      lines.push_back("relation " + g.entity(edge.subject).id + " " + edge.type + " " +
                      g.entity(edge.object).id + " " + evidenceText(g, e));
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

class StoreSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsgraph_sync_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // One ingest command: open, load, ingest with a write per article, facts, commit.
  KnowledgeGraph ingestBatch(const std::vector<ingest::Article>& articles,
                             const std::vector<std::string>& remove = {}) {
    GraphStore::Options options;
    options.access = GraphStore::Access::kWrite;
    auto store = GraphStore::open(path("g.db"), options);
    EXPECT_TRUE(store.ok()) << store.error().toString();
    auto loaded = store->load();
    EXPECT_TRUE(loaded.ok()) << loaded.error().toString();
    KnowledgeGraph graph = std::move(loaded).value();
    graph.trackChanges(true);
    ingest::Pipeline pipeline(sahel(), nullptr);
    for (const auto& article : articles) {
      pipeline.ingest(article, graph);
      EXPECT_TRUE(store->write(graph, graph.takeChanges()).ok());
    }
    for (const auto& doc : remove) {
      graph.removeArticle(*graph.findArticle(doc));
      EXPECT_TRUE(store->write(graph, graph.takeChanges()).ok());
    }
    pipeline.addBackgroundFacts(graph);
    EXPECT_TRUE(store->write(graph, graph.takeChanges()).ok());
    auto committed = store->commit();
    EXPECT_TRUE(committed.ok()) << committed.error().toString();
    return graph;
  }

  fs::path dir_;
};

TEST_F(StoreSyncTest, WhatIsReadBackIsWhatWasIngested) {
  auto articles = samples();
  ASSERT_GE(articles.size(), 10u);
  std::vector<ingest::Article> first(articles.begin(), articles.begin() + 6);
  std::vector<ingest::Article> second(articles.begin() + 6, articles.end());
  ingestBatch(first);
  // Second batch: new articles, one changed article, one removed.
  ingest::Article changed = articles[1];
  changed.text += " Les FAMa attaquent Tessit.";
  second.push_back(changed);
  KnowledgeGraph memory = ingestBatch(second, {articles[2].doc});
  auto loaded = loadGraph(path("g.db"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
  EXPECT_EQ(supported(*loaded), supported(memory));

  // And a fresh ingest of the articles that remain gives the same supported content (aliases
  // learned from the removed article stay on their entities, so they are left out here).
  std::vector<ingest::Article> remaining;
  for (const auto& a : articles) {
    if (a.doc == articles[2].doc) continue;
    remaining.push_back(a.doc == changed.doc ? changed : a);
  }
  KnowledgeGraph fresh;
  ingest::Pipeline pipeline(sahel(), nullptr);
  for (const auto& a : remaining) pipeline.ingest(a, fresh);
  EXPECT_EQ(supported(*loaded, false), supported(fresh, false));
}

TEST_F(StoreSyncTest, IngestingTheSameArticlesAgainWritesNothing) {
  auto articles = samples();
  ingestBatch(articles);
  auto before = fs::file_size(path("g.db"));
  GraphStore::Options options;
  options.access = GraphStore::Access::kWrite;
  auto store = GraphStore::open(path("g.db"), options);
  ASSERT_TRUE(store.ok());
  KnowledgeGraph graph = store->load().value();
  graph.trackChanges(true);
  ingest::Pipeline pipeline(sahel(), nullptr);
  for (const auto& article : articles) {
    EXPECT_EQ(pipeline.ingest(article, graph), ingest::IngestOutcome::kUnchanged);
  }
  pipeline.addBackgroundFacts(graph);
  EXPECT_TRUE(graph.takeChanges().empty());
  ASSERT_TRUE(store->commit().ok());
  EXPECT_EQ(fs::file_size(path("g.db")), before);
}

TEST_F(StoreSyncTest, RemovingEveryArticleEmptiesTheStore) {
  auto articles = samples();
  ingestBatch(articles);
  GraphStore::Options options;
  options.access = GraphStore::Access::kWrite;
  auto store = GraphStore::open(path("g.db"), options);
  ASSERT_TRUE(store.ok());
  RemovalReport total;
  for (const auto& a : articles) {
    auto removed = store->removeArticle(a.doc);
    ASSERT_TRUE(removed.ok()) << removed.error().toString();
    ASSERT_TRUE(removed->has_value()) << a.doc;
    total.mentions += (*removed)->mentions;
    total.entities += (*removed)->entities;
  }
  auto again = store->removeArticle(articles[0].doc);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
  ASSERT_TRUE(store->commit().ok());
  auto loaded = loadGraph(path("g.db"));
  ASSERT_TRUE(loaded.ok());
  // Nothing is left: no entity, no relation, no background fact.
  EXPECT_EQ(loaded->articleCount(), 0u);
  EXPECT_EQ(loaded->entityCount(), 0u);
  EXPECT_EQ(loaded->relationCount(), 0u);
  EXPECT_GT(total.mentions, 100u);
  EXPECT_GT(total.entities, 100u);
}

TEST_F(StoreSyncTest, RemovingOneArticleKeepsWhatOthersSupport) {
  ingest::Article a;
  a.doc = "a";
  a.text = "Les FAMa sont entrées à Kidal. Le chef Moussa Ag Tabarane a fui.";
  a.source = "a.txt";
  ingest::Article b;
  b.doc = "b";
  b.text = "Les FAMa patrouillent à Gao.";
  b.source = "b.txt";
  KnowledgeGraph memory = ingestBatch({a, b});
  ASSERT_TRUE(memory.findEntity("moussa-ag-tabarane")) << supported(memory);
  GraphStore::Options options;
  options.access = GraphStore::Access::kWrite;
  auto store = GraphStore::open(path("g.db"), options);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->removeArticle("a").ok());
  ASSERT_TRUE(store->commit().ok());
  auto loaded = loadGraph(path("g.db"));
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->findEntity("moussa-ag-tabarane"));  // open-world, only in a
  EXPECT_FALSE(loaded->findEntity("kidal"));               // only in a (and its facts)
  ASSERT_TRUE(loaded->findEntity("fama"));
  ASSERT_TRUE(loaded->findEntity("gao"));
  EXPECT_FALSE(loaded->findArticle("a"));
  ASSERT_TRUE(loaded->findArticle("b"));
  // Gao's background facts stay, since b mentions Gao.
  bool gaoFact = false;
  for (EdgeId r = 0; r < loaded->relationCount(); ++r) {
    const RelationEdge& edge = loaded->relation(r);
    if (loaded->entity(edge.subject).id == "gao" && !edge.evidence.front().article) gaoFact = true;
    EXPECT_NE(loaded->entity(edge.subject).id, "kidal");
    EXPECT_NE(loaded->entity(edge.object).id, "kidal");
  }
  EXPECT_TRUE(gaoFact);
}

}  // namespace
}  // namespace newsgraph::graph

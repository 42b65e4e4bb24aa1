// Entity recognition measured end to end: the seed articles (read from ../shared, never copied)
// against ../shared/gold/seeds.json, and samples/ against samples/gold.json, with the full
// default ontology. These are the accuracy gates of the foundation issue.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "newsgraph/eval/scorer.h"
#include "newsgraph/ingest/article_reader.h"
#include "newsgraph/ingest/pipeline.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace newsgraph::eval {
namespace {

Scores scoreCorpus(const std::string& articles, const std::string& goldPath) {
  auto ontology = ontology::loadOntologyFiles({}, true);
  EXPECT_TRUE(ontology.ok()) << ontology.error().toString();
  std::unique_ptr<ingest::GlueSplitter> glue;
  if (auto loaded = ingest::GlueSplitter::load(ingest::GlueSplitter::kDefaultWordList)) {
    glue = std::make_unique<ingest::GlueSplitter>(std::move(loaded).value());
  }
  ingest::Pipeline pipeline(*ontology, glue.get());
  graph::KnowledgeGraph graph;
  ingest::ArticleSink sink;
  std::size_t errors = 0;
  sink.onArticle = [&](ingest::Article&& a) {
    pipeline.ingest(a, graph);
    return true;
  };
  sink.onError = [&](const common::Error& e) {
    ADD_FAILURE() << e.toString();
    ++errors;
    return true;
  };
  ingest::readArticles(articles, ingest::ReadOptions{}, sink);
  EXPECT_EQ(errors, 0u);
  auto gold = loadGold(goldPath);
  EXPECT_TRUE(gold.ok()) << gold.error().toString();
  Scores scores = score(*gold, graph, [&](const std::string& t) {
    const auto* type = ontology->findRelationType(t);
    return type != nullptr && type->symmetric;
  });
  for (const DocumentScore& d : scores.documents) {
    EXPECT_TRUE(d.ingested) << d.doc;
    for (const auto& id : d.missedEntities)
      std::printf("  %s missed %s\n", d.doc.c_str(), id.c_str());
    for (const auto& id : d.spuriousEntities)
      std::printf("  %s spurious %s\n", d.doc.c_str(), id.c_str());
  }
  std::printf("entities: P %.3f R %.3f F1 %.3f\n", scores.entities.precision(),
              scores.entities.recall(), scores.entities.f1());
  return scores;
}

std::string sharedDir() { return NEWSGRAPH_SHARED_DIR; }

TEST(SeedEval, EntityF1AtLeast095) {
  std::string shared = NEWSGRAPH_SHARED_DIR;
  if (!std::filesystem::exists(shared + "/seeds")) {
    if (std::getenv("CI") != nullptr) FAIL() << "CI must provide ../shared/seeds";
    GTEST_SKIP() << "../shared/seeds not present";
  }
  Scores scores = scoreCorpus(shared + "/seeds", shared + "/gold/seeds.json");
  EXPECT_GE(scores.entities.f1(), 0.95);
}

// The relations issue's gate on the seeds (its samples gate is not reached yet: see
// BENCHMARKS.md).
TEST(SeedEval, RelationF1AtLeast085) {
  std::string shared = sharedDir();
  if (!std::filesystem::exists(shared + "/seeds")) {
    if (std::getenv("CI") != nullptr) FAIL() << "CI must provide ../shared/seeds";
    GTEST_SKIP() << "../shared/seeds not present";
  }
  Scores scores = scoreCorpus(shared + "/seeds", shared + "/gold/seeds.json");
  std::printf("relations: P %.3f R %.3f F1 %.3f\n", scores.relations.precision(),
              scores.relations.recall(), scores.relations.f1());
  EXPECT_GE(scores.relations.f1(), 0.85);
}

TEST(SampleEval, EntityF1AtLeast095) {
  std::string samples = std::string(NEWSGRAPH_SOURCE_DIR) + "/samples";
  Scores scores = scoreCorpus(samples + "/articles", samples + "/gold.json");
  EXPECT_GE(scores.entities.f1(), 0.95);
}

// A regression guard: issue 3 asks 0.85 on the samples, which is not reached yet (BENCHMARKS.md).
TEST(SampleEval, RelationF1AtLeast065) {
  std::string samples = std::string(NEWSGRAPH_SOURCE_DIR) + "/samples";
  Scores scores = scoreCorpus(samples + "/articles", samples + "/gold.json");
  std::printf("samples relations: P %.3f R %.3f F1 %.3f\n", scores.relations.precision(),
              scores.relations.recall(), scores.relations.f1());
  EXPECT_GE(scores.relations.f1(), 0.65);
}

}  // namespace
}  // namespace newsgraph::eval

#include "newsgraph/ingest/pipeline.h"

#include <gtest/gtest.h>

#include "test_ontology.h"

namespace newsgraph::ingest {
namespace {

Article article(const std::string& doc, const std::string& text) {
  Article a;
  a.doc = doc;
  a.text = text;
  a.source = doc + ".txt";
  return a;
}

TEST(Pipeline, MergesTheSameEntityAcrossArticles) {
  Pipeline pipeline(testing::testOntology(), nullptr);
  graph::KnowledgeGraph graph;
  EXPECT_EQ(pipeline.ingest(article("a1", "Les FAMa sont entrées à Kidal."), graph),
            IngestOutcome::kAdded);
  EXPECT_EQ(pipeline.ingest(article("a2", "Kidal reste calme, dit la MINUSMA."), graph),
            IngestOutcome::kAdded);
  auto kidal = graph.findEntity("kidal");
  ASSERT_TRUE(kidal);
  EXPECT_EQ(graph.entity(*kidal).mentions.size(), 2u);
  EXPECT_EQ(graph.entity(*kidal).cls, "Town");
  EXPECT_TRUE(graph.entity(*kidal).known);
}

TEST(Pipeline, SameArticleTwiceChangesNothing) {
  Pipeline pipeline(testing::testOntology(), nullptr);
  graph::KnowledgeGraph graph;
  ASSERT_EQ(pipeline.ingest(article("a1", "Les FAMa sont entrées à Kidal."), graph),
            IngestOutcome::kAdded);
  EXPECT_EQ(pipeline.ingest(article("a1", "Les FAMa sont entrées à Kidal."), graph),
            IngestOutcome::kUnchanged);
  EXPECT_EQ(graph.entity(*graph.findEntity("fama")).mentions.size(), 1u);
}

TEST(Pipeline, ChangedArticleReplacesItsMentions) {
  Pipeline pipeline(testing::testOntology(), nullptr);
  graph::KnowledgeGraph graph;
  ASSERT_EQ(pipeline.ingest(article("a1", "Les FAMa sont entrées à Kidal."), graph),
            IngestOutcome::kAdded);
  EXPECT_EQ(pipeline.ingest(article("a1", "Wagner est entré à Gao."), graph),
            IngestOutcome::kReplaced);
  EXPECT_TRUE(graph.entity(*graph.findEntity("fama")).mentions.empty());
  EXPECT_EQ(graph.entity(*graph.findEntity("gao")).mentions.size(), 1u);
}

TEST(Pipeline, AddsBackgroundFactsWithTheOntologyAsSource) {
  Pipeline pipeline(testing::testOntology(), nullptr);
  graph::KnowledgeGraph graph;
  ASSERT_EQ(pipeline.ingest(article("a1", "Des tirs ont visé Gao."), graph), IngestOutcome::kAdded);
  pipeline.addBackgroundFacts(graph);
  auto gao = graph.findEntity("gao");
  ASSERT_TRUE(gao);
  auto out = graph.outEdges(*gao);
  ASSERT_EQ(out.size(), 1u);
  const graph::RelationEdge& edge = graph.relation(out[0]);
  EXPECT_EQ(edge.type, "LOCATED_IN");
  EXPECT_EQ(graph.entity(edge.object).id, "mali");
  ASSERT_EQ(edge.evidence.size(), 1u);
  EXPECT_FALSE(edge.evidence[0].article.has_value());
}

TEST(Pipeline, AttachesDatesAndQuantitiesToTheirSentence) {
  Pipeline pipeline(testing::testOntology(), nullptr);
  Article a =
      article("a1", "Rien à signaler. Le samedi 6 août 2022, 42 soldats ont été tués à Gao.");
  DocumentAnalysis analysis = pipeline.analyze(a);
  ASSERT_EQ(analysis.sentences.size(), 2u);
  ASSERT_EQ(analysis.dates.size(), 2u);
  EXPECT_TRUE(analysis.dates[0].empty());
  ASSERT_EQ(analysis.dates[1].size(), 1u);
  EXPECT_EQ(analysis.dates[1][0].date.toString(), "2022-08-06");
  ASSERT_EQ(analysis.quantities[1].size(), 1u);
  EXPECT_EQ(analysis.quantities[1][0].value, 42);
  EXPECT_EQ(analysis.quantities[1][0].noun, "soldats");
}

TEST(Pipeline, HashChangesWithTheText) {
  EXPECT_NE(contentHash(article("a", "un")), contentHash(article("a", "deux")));
  EXPECT_EQ(contentHash(article("a", "un")), contentHash(article("a", "un")));
}

TEST(Pipeline, EventsBecomeVerticesLinkedToActorsAndPlace) {
  Pipeline pipeline(testing::testOntology(), nullptr);
  graph::KnowledgeGraph graph;
  Article a = article("a1",
                      "Le 14 novembre 2023, de violents combats ont opposé les FAMa au JNIM "
                      "à Kidal.");
  ASSERT_EQ(pipeline.ingest(a, graph), IngestOutcome::kAdded);
  ASSERT_EQ(graph.events().size(), 1u);
  graph::VertexId event = graph.events()[0];
  const graph::EntityNode& node = graph.entity(event);
  EXPECT_EQ(node.id, Pipeline::eventId("a1", 0));
  EXPECT_EQ(node.id, "event-a1-0");
  EXPECT_EQ(node.cls, "Event");
  EXPECT_EQ(node.label, "Armed clash, Kidal, 2023-11-14");
  EXPECT_EQ(node.event->type, "Battles");
  EXPECT_EQ(node.event->date->toString(), "2023-11-14");
  EXPECT_EQ(node.event->evidence.quote, a.text);
  EXPECT_EQ(graph.eventRole(event, "ACTOR1"), "fama");
  EXPECT_EQ(graph.eventRole(event, "ACTOR2"), "jnim");
  EXPECT_EQ(graph.eventRole(event, "OCCURRED_IN"), "kidal");
  // The place reaches the event back: queries and diagrams walk in-edges.
  bool reached = false;
  for (graph::EdgeId edge : graph.inEdges(*graph.findEntity("kidal"))) {
    reached = reached || graph.relation(edge).subject == event;
  }
  EXPECT_TRUE(reached);
}

TEST(Pipeline, ChangedArticleRetractsItsOldEvents) {
  Pipeline pipeline(testing::testOntology(), nullptr);
  graph::KnowledgeGraph graph;
  ASSERT_EQ(pipeline.ingest(article("a1",
                                    "Des combats entre les FAMa et le JNIM ont eu lieu à "
                                    "Ber."),
                            graph),
            IngestOutcome::kAdded);
  ASSERT_EQ(graph.events().size(), 1u);
  ASSERT_EQ(pipeline.ingest(article("a1", "Kidal reste calme."), graph), IngestOutcome::kReplaced);
  EXPECT_TRUE(graph.events().empty());
  EXPECT_EQ(graph.eventRole(*graph.findEntity("event-a1-0"), "OCCURRED_IN"), "");
}

}  // namespace
}  // namespace newsgraph::ingest

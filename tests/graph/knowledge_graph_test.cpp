#include "newsgraph/graph/knowledge_graph.h"

#include <gtest/gtest.h>

namespace newsgraph::graph {
namespace {

EntityNode node(const std::string& id, const std::string& cls) {
  EntityNode n;
  n.id = id;
  n.cls = cls;
  n.label = id;
  return n;
}

Evidence evidenceFrom(ArticleId article, std::uint32_t begin) {
  Evidence e;
  e.article = article;
  e.begin = begin;
  e.end = begin + 10;
  return e;
}

TEST(KnowledgeGraph, OneVertexPerId) {
  KnowledgeGraph g;
  VertexId a = g.ensureEntity(node("kidal", "Town"));
  VertexId b = g.ensureEntity(node("kidal", "Town"));
  EXPECT_EQ(a, b);
  EXPECT_EQ(g.entityCount(), 1u);
  EXPECT_EQ(*g.findEntity("kidal"), a);
  EXPECT_FALSE(g.findEntity("gao"));
}

TEST(KnowledgeGraph, SymmetricRelationsAreStoredOnce) {
  KnowledgeGraph g;
  ArticleId doc = g.addArticle(ArticleRecord{"d1", "", "", "", std::nullopt, 1, false});
  VertexId csp = g.ensureEntity(node("csp", "RebelGroup"));
  VertexId fama = g.ensureEntity(node("fama", "ArmedForces"));
  EdgeId e1 = g.addEvidence(fama, "FIGHTS", csp, true, evidenceFrom(doc, 0));
  EdgeId e2 = g.addEvidence(csp, "FIGHTS", fama, true, evidenceFrom(doc, 50));
  EXPECT_EQ(e1, e2);
  EXPECT_EQ(g.relation(e1).evidence.size(), 2u);
  EXPECT_EQ(g.entity(g.relation(e1).subject).id, "csp");  // id order
  EdgeId e3 = g.addEvidence(fama, "ATTACKS", csp, false, evidenceFrom(doc, 0));
  EXPECT_NE(e3, e1);
  EXPECT_EQ(g.entity(g.relation(e3).subject).id, "fama");
}

TEST(KnowledgeGraph, DuplicateEvidenceIsNotAddedTwice) {
  KnowledgeGraph g;
  ArticleId doc = g.addArticle(ArticleRecord{"d1", "", "", "", std::nullopt, 1, false});
  VertexId a = g.ensureEntity(node("wagner", "PrivateMilitaryCompany"));
  VertexId b = g.ensureEntity(node("gao", "Town"));
  g.addEvidence(a, "DEPLOYS_TO", b, false, evidenceFrom(doc, 5));
  EdgeId e = g.addEvidence(a, "DEPLOYS_TO", b, false, evidenceFrom(doc, 5));
  EXPECT_EQ(g.relation(e).evidence.size(), 1u);
  EXPECT_EQ(g.outEdges(a).size(), 1u);
  EXPECT_EQ(g.inEdges(b).size(), 1u);
}

TEST(KnowledgeGraph, RemovingAnArticleTakesOnlyWhatItSupported) {
  KnowledgeGraph g;
  ArticleId d1 = g.addArticle(ArticleRecord{"d1", "", "", "", std::nullopt, 1, false});
  ArticleId d2 = g.addArticle(ArticleRecord{"d2", "", "", "", std::nullopt, 2, false});
  VertexId a = g.ensureEntity(node("fama", "ArmedForces"));
  VertexId b = g.ensureEntity(node("kidal", "Town"));
  g.addMention(a, MentionRef{d1, 0, 0, 4});
  g.addMention(a, MentionRef{d2, 0, 0, 4});
  EdgeId captures = g.addEvidence(a, "CAPTURES", b, false, evidenceFrom(d1, 0));
  EdgeId attacks = g.addEvidence(a, "ATTACKS", b, false, evidenceFrom(d1, 0));
  g.addEvidence(a, "ATTACKS", b, false, evidenceFrom(d2, 0));
  g.removeArticle(d1);
  EXPECT_FALSE(g.findArticle("d1"));
  EXPECT_TRUE(g.findArticle("d2"));
  EXPECT_EQ(g.entity(a).mentions.size(), 1u);
  EXPECT_TRUE(g.relation(captures).evidence.empty());
  EXPECT_EQ(g.relation(attacks).evidence.size(), 1u);
  EXPECT_EQ(g.outEdges(a).size(), 1u);
}

// The adjacency lists edges in the order they were created; relations a store adds in bulk
// (addRelation) join it on first use, and a removed edge that gets evidence again goes last.
TEST(KnowledgeGraph, AdjacencyKeepsCreationOrder) {
  KnowledgeGraph g;
  ArticleId d1 = g.addArticle(ArticleRecord{"d1", "", "", "", std::nullopt, 1, false});
  ArticleId d2 = g.addArticle(ArticleRecord{"d2", "", "", "", std::nullopt, 2, false});
  VertexId fama = g.ensureEntity(node("fama", "ArmedForces"));
  VertexId kidal = g.ensureEntity(node("kidal", "Town"));
  VertexId gao = g.ensureEntity(node("gao", "Town"));
  EdgeId controls = g.addRelation(fama, "CONTROLS", kidal, {evidenceFrom(d1, 0)});
  EdgeId attacks = g.addRelation(fama, "ATTACKS", gao, {evidenceFrom(d2, 0)});
  EdgeId deploys = g.addRelation(fama, "DEPLOYS_TO", kidal, {evidenceFrom(d2, 20)});
  EXPECT_EQ(g.outEdges(fama), (std::vector<EdgeId>{controls, attacks, deploys}));
  EXPECT_EQ(g.inEdges(kidal), (std::vector<EdgeId>{controls, deploys}));
  EXPECT_EQ(g.addEvidence(fama, "ATTACKS", gao, false, evidenceFrom(d2, 40)), attacks);
  EXPECT_TRUE(g.outEdges(gao).empty());
  VertexId menaka = g.ensureEntity(node("menaka", "Town"));
  EdgeId captures = g.addEvidence(fama, "CAPTURES", menaka, false, evidenceFrom(d2, 60));
  EXPECT_EQ(g.inEdges(menaka), std::vector<EdgeId>{captures});
  g.removeArticle(d1);
  EXPECT_EQ(g.outEdges(fama), (std::vector<EdgeId>{attacks, deploys, captures}));
  EXPECT_EQ(g.addEvidence(fama, "CONTROLS", kidal, false, evidenceFrom(d2, 80)), controls);
  EXPECT_EQ(g.outEdges(fama), (std::vector<EdgeId>{attacks, deploys, captures, controls}));
  EXPECT_EQ(g.inEdges(kidal), (std::vector<EdgeId>{deploys, controls}));
}

TEST(KnowledgeGraph, ChangesTakenIntoABufferReplaceItsContent) {
  KnowledgeGraph g;
  g.trackChanges(true);
  VertexId fama = g.ensureEntity(node("fama", "ArmedForces"));
  std::vector<GraphChange> log(3);  // stale content, to be dropped
  g.takeChanges(log);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].kind, GraphChange::Kind::kEntityChanged);
  EXPECT_EQ(log[0].id, fama);
  g.addMention(fama, MentionRef{0, 1, 10, 14});
  g.takeChanges(log);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].kind, GraphChange::Kind::kMentionAdded);
  EXPECT_EQ(log[0].mention.begin, 10u);
  EXPECT_TRUE(g.takeChanges().empty());
}

TEST(EvidenceStatus, NamesRoundTrip) {
  for (auto s : {EvidenceStatus::kAsserted, EvidenceStatus::kNegated, EvidenceStatus::kClaimed,
                 EvidenceStatus::kHypothetical}) {
    EXPECT_EQ(parseStatus(statusName(s)), s);
  }
  EXPECT_FALSE(parseStatus("rumoured"));
}

}  // namespace
}  // namespace newsgraph::graph

// KnowledgeGraph as a Boost.Graph: the concept checks, and Boost's own algorithms run on it.
#include "newsgraph/graph/boost_graph.h"

#include <gtest/gtest.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <vector>

namespace newsgraph::graph {
namespace {

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<KnowledgeGraph>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<KnowledgeGraph>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<KnowledgeGraph>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<KnowledgeGraph>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyGraphConcept<KnowledgeGraph, VertexId, boost::vertex_index_t>));

EntityNode node(const std::string& id) {
  EntityNode n;
  n.id = id;
  n.cls = "Actor";
  n.label = id;
  return n;
}

Evidence from(ArticleId article, std::uint32_t begin) {
  Evidence e;
  e.article = article;
  e.begin = begin;
  e.end = begin + 5;
  return e;
}

// wagner -> fama -> kidal <- csp, jnim isolated; article 2 alone supports csp -> kidal.
class BoostGraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    one = g.addArticle(ArticleRecord{"one", "", "", "", std::nullopt, 1, false});
    two = g.addArticle(ArticleRecord{"two", "", "", "", std::nullopt, 2, false});
    wagner = g.ensureEntity(node("wagner"));
    fama = g.ensureEntity(node("fama"));
    kidal = g.ensureEntity(node("kidal"));
    csp = g.ensureEntity(node("csp"));
    jnim = g.ensureEntity(node("jnim"));
    g.addEvidence(wagner, "SUPPORTS", fama, false, from(one, 0));
    g.addEvidence(fama, "CAPTURES", kidal, false, from(one, 10));
    g.addEvidence(csp, "CONTROLS", kidal, false, from(two, 0));
  }
  // Hops from `start` along out-edges (or in-edges, on the reversed graph); -1 unreached.
  template <typename Graph>
  std::vector<int> hops(const Graph& graph, VertexId start) {
    std::vector<int> distance(g.entityCount(), -1);
    distance[start] = 0;
    auto map = boost::make_iterator_property_map(distance.begin(), get(boost::vertex_index, g));
    boost::breadth_first_search(graph, start,
                                boost::visitor(boost::make_bfs_visitor(
                                    boost::record_distances(map, boost::on_tree_edge()))));
    return distance;
  }
  KnowledgeGraph g;
  ArticleId one = 0, two = 0;
  VertexId wagner = 0, fama = 0, kidal = 0, csp = 0, jnim = 0;
};

TEST_F(BoostGraphTest, VerticesEdgesAndEnds) {
  EXPECT_EQ(num_vertices(g), 5u);
  EXPECT_EQ(num_edges(g), 3u);
  auto [first, last] = out_edges(fama, g);
  ASSERT_EQ(last - first, 1);
  EXPECT_EQ(source(*first, g), fama);
  EXPECT_EQ(target(*first, g), kidal);
  EXPECT_EQ(in_degree(kidal, g), 2u);
  EXPECT_EQ(degree(fama, g), 2u);
  EXPECT_EQ(out_degree(jnim, g), 0u);
}

TEST_F(BoostGraphTest, BreadthFirstSearchRunsOnTheGraphItself) {
  std::vector<int> forward = hops(g, wagner);
  EXPECT_EQ(forward[fama], 1);
  EXPECT_EQ(forward[kidal], 2);
  EXPECT_EQ(forward[csp], -1);  // csp -> kidal points the other way
  EXPECT_EQ(forward[jnim], -1);
  // Backwards from kidal: who reaches it.
  std::vector<int> backward = hops(boost::make_reverse_graph(g), kidal);
  EXPECT_EQ(backward[fama], 1);
  EXPECT_EQ(backward[csp], 1);
  EXPECT_EQ(backward[wagner], 2);
}

TEST_F(BoostGraphTest, ARemovedArticlesRelationsLeaveTheGraph) {
  g.removeArticle(two);
  EXPECT_EQ(num_edges(g), 2u);
  EXPECT_EQ(in_degree(kidal, g), 1u);
  std::vector<int> backward = hops(boost::make_reverse_graph(g), kidal);
  EXPECT_EQ(backward[csp], -1);
  EXPECT_EQ(backward[wagner], 2);
}

}  // namespace
}  // namespace newsgraph::graph

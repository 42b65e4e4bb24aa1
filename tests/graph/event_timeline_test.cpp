#include "newsgraph/graph/event_timeline.h"

#include <gtest/gtest.h>

namespace newsgraph::graph {
namespace {

// A small graph: Tessalit in Kidal in Mali, Gao in Mali; three events and an undated one.
class EventTimelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    doc_ = graph_.addArticle(ArticleRecord{"d1", "", "", "", std::nullopt, 1, false});
    for (const char* id : {"mali", "kidal", "tessalit", "gao", "fama", "jnim", "wagner"}) {
      EntityNode n;
      n.id = id;
      n.cls = "Actor";
      n.label = id;
      graph_.ensureEntity(n);
    }
    fact("tessalit", "kidal");
    fact("kidal", "mali");
    fact("gao", "mali");
    event("e-clash", "2023-11-14", "fama", "jnim", "tessalit", 10);
    event("e-strike", "2023-11", "fama", "", "kidal", 20);
    event("e-gao", "2024-02-03", "wagner", "", "gao", 30);
    event("e-undated", "", "jnim", "", "gao", 40);
  }

  VertexId id(const char* entity) { return *graph_.findEntity(entity); }

  void fact(const char* place, const char* container) {
    graph_.addEvidence(id(place), "LOCATED_IN", id(container), false, Evidence{});
  }

  void event(const char* name, const char* date, const char* actor1, const char* actor2,
             const char* place, std::uint32_t begin) {
    EntityNode n;
    n.id = name;
    n.cls = "Event";
    VertexId v = graph_.ensureEntity(n);
    EventDetails details;
    details.type = "Battles";
    details.subType = std::string(name) == "e-strike" ? "Air/drone strike" : "Armed clash";
    details.date = common::PartialDate::parse(date);
    details.evidence.article = doc_;
    details.evidence.begin = begin;
    details.evidence.end = begin + 5;
    graph_.setEvent(v, details);
    for (auto [role, target] : {std::pair{"ACTOR1", actor1}, std::pair{"ACTOR2", actor2},
                                std::pair{"OCCURRED_IN", place}}) {
      if (*target != '\0') graph_.addEvidence(v, role, id(target), false, details.evidence);
    }
  }

  std::vector<std::string> select(const EventFilter& filter) {
    std::vector<std::string> ids;
    for (VertexId v : selectEvents(graph_, filter)) ids.push_back(graph_.entity(v).id);
    return ids;
  }

  KnowledgeGraph graph_;
  ArticleId doc_ = 0;
};

using Ids = std::vector<std::string>;

EventFilter with(std::string EventFilter::*field, const char* value) {
  EventFilter filter;
  filter.*field = value;
  return filter;
}

TEST_F(EventTimelineTest, DateOrderThePreciseFirstUndatedLast) {
  EXPECT_EQ(select({}), (Ids{"e-strike", "e-clash", "e-gao", "e-undated"}));
}

TEST_F(EventTimelineTest, ActorMatchesEitherSide) {
  EXPECT_EQ(select(with(&EventFilter::actor, "jnim")), (Ids{"e-clash", "e-undated"}));
  EXPECT_EQ(select(with(&EventFilter::actor, "wagner")), (Ids{"e-gao"}));
  EXPECT_EQ(select(with(&EventFilter::actor, "gao")), Ids{});
}

TEST_F(EventTimelineTest, PlaceIncludesThePlacesInsideIt) {
  EXPECT_EQ(select(with(&EventFilter::place, "kidal")), (Ids{"e-strike", "e-clash"}));
  EXPECT_EQ(select(with(&EventFilter::place, "tessalit")), (Ids{"e-clash"}));
  EXPECT_EQ(select(with(&EventFilter::place, "mali")).size(), 4u);
  EXPECT_EQ(select(with(&EventFilter::place, "fama")), Ids{});
}

TEST_F(EventTimelineTest, DatesCompareAsTheDaysTheyCover) {
  EventFilter november;
  november.from = common::PartialDate::parse("2023-11-10");
  november.to = common::PartialDate::parse("2023-11-20");
  // The month-precise strike may fall in those days; the undated event is dropped.
  EXPECT_EQ(select(november), (Ids{"e-strike", "e-clash"}));
  EventFilter later;
  later.from = common::PartialDate::parse("2023-12");
  EXPECT_EQ(select(later), (Ids{"e-gao"}));
  EventFilter before;
  before.to = common::PartialDate::parse("2023-11-13");
  EXPECT_EQ(select(before), (Ids{"e-strike"}));
}

TEST_F(EventTimelineTest, TypeMatchesTypeOrSubType) {
  EXPECT_EQ(select(with(&EventFilter::type, "Air/drone strike")), (Ids{"e-strike"}));
  EXPECT_EQ(select(with(&EventFilter::type, "Battles")).size(), 4u);
  EXPECT_EQ(select(with(&EventFilter::type, "battles")), Ids{});
}

TEST_F(EventTimelineTest, RemovedArticleRetractsItsEvents) {
  graph_.removeArticle(doc_);
  EXPECT_EQ(select({}), Ids{});
  EXPECT_TRUE(graph_.entity(id("e-clash")).event->retracted);
  EXPECT_EQ(graph_.eventRole(id("e-clash"), "ACTOR1"), "");
}

TEST_F(EventTimelineTest, EnclosingPlacesNearestFirst) {
  std::vector<std::string> ids;
  for (VertexId v : enclosingPlaces(graph_, id("tessalit"))) ids.push_back(graph_.entity(v).id);
  EXPECT_EQ(ids, (Ids{"kidal", "mali"}));
  EXPECT_TRUE(enclosingPlaces(graph_, id("mali")).empty());
}

TEST(PartialDateSpan, FirstAndLastDay) {
  auto span = [](const char* iso) {
    auto date = *common::PartialDate::parse(iso);
    return std::pair{firstDay(date), lastDay(date)};
  };
  EXPECT_EQ(span("2023"), std::pair(20230101, 20231231));
  EXPECT_EQ(span("2024-02"), std::pair(20240201, 20240229));
  EXPECT_EQ(span("2023-11-14"), std::pair(20231114, 20231114));
}

}  // namespace
}  // namespace newsgraph::graph

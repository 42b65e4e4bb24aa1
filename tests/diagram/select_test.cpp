#include "diagram_fixture.h"

namespace newsgraph::diagram {
namespace {

using SelectDiagram = DiagramFixture;

TEST_F(SelectDiagram, DefaultDrawsAssertedRelationsOfMentionedEntities) {
  EXPECT_EQ(describe(select({})),
            "csp RebelGroup rebel\n"
            "fama ArmedForces armed-forces\n"
            "jnim JihadistGroup jihadist\n"
            "kidal Town place\n"
            "mali Country state\n"
            "csp -FIGHTS-> fama hostile asserted 1\n"
            "fama -CAPTURES-> kidal presence asserted 1\n"
            "jnim -ATTACKS-> fama hostile asserted 2\n"
            "kidal -LOCATED_IN-> mali structure asserted 1\n");
}

TEST_F(SelectDiagram, TitleGivesCorpusSizeAndDates) {
  Diagram diagram = select({});
  EXPECT_EQ(diagram.title, "newsgraph: 3 articles, 2021-05-24 to 2024-02");
  EXPECT_EQ(diagram.scope, "asserted; 5 nodes, 4 edges");
}

TEST_F(SelectDiagram, StatusAllAddsClaimedAndNegatedEdges) {
  DiagramFilter filter;
  filter.statuses = {graph::EvidenceStatus::kAsserted, graph::EvidenceStatus::kClaimed,
                     graph::EvidenceStatus::kNegated, graph::EvidenceStatus::kHypothetical};
  EXPECT_EQ(edges(select(filter)),
            "csp -FIGHTS-> fama hostile asserted 1\n"
            "fama -CAPTURES-> kidal presence asserted 1\n"
            "jnim -ATTACKS-> fama hostile asserted 2\n"
            "jnim -CRITICIZES-> wagner hostile negated 1\n"
            "kidal -LOCATED_IN-> mali structure asserted 1\n"
            "wagner -SUPPORTS-> fama cooperative claimed 1\n");
}

TEST_F(SelectDiagram, ClaimedOnly) {
  DiagramFilter filter;
  filter.statuses = {graph::EvidenceStatus::kClaimed};
  EXPECT_EQ(describe(select(filter)),
            "fama ArmedForces armed-forces\n"
            "wagner PrivateMilitaryCompany pmc\n"
            "wagner -SUPPORTS-> fama cooperative claimed 1\n");
}

TEST_F(SelectDiagram, FocusDrawsTheEgoNetworkToItsDepth) {
  DiagramFilter filter;
  filter.focus = "kidal";
  EXPECT_EQ(edges(select(filter)),
            "fama -CAPTURES-> kidal presence asserted 1\n"
            "kidal -LOCATED_IN-> mali structure asserted 1\n");
  filter.depth = 2;
  EXPECT_EQ(edges(select(filter)),
            "csp -FIGHTS-> fama hostile asserted 1\n"
            "fama -CAPTURES-> kidal presence asserted 1\n"
            "jnim -ATTACKS-> fama hostile asserted 2\n"
            "kidal -LOCATED_IN-> mali structure asserted 1\n");
  filter.depth = 0;
  EXPECT_EQ(describe(select(filter)), "kidal Town place\n");
}

TEST_F(SelectDiagram, TypesKeepOnlyTheirRelations) {
  DiagramFilter filter;
  filter.types = {"ATTACKS", "FIGHTS"};
  EXPECT_EQ(describe(select(filter)),
            "csp RebelGroup rebel\n"
            "fama ArmedForces armed-forces\n"
            "jnim JihadistGroup jihadist\n"
            "csp -FIGHTS-> fama hostile asserted 1\n"
            "jnim -ATTACKS-> fama hostile asserted 2\n");
}

TEST_F(SelectDiagram, ClassesIncludeSubclasses) {
  DiagramFilter filter;
  filter.classes = {"ArmedGroup", "ArmedForces"};
  EXPECT_EQ(edges(select(filter)),
            "csp -FIGHTS-> fama hostile asserted 1\n"
            "jnim -ATTACKS-> fama hostile asserted 2\n");
  filter.classes = {"Place"};
  EXPECT_EQ(edges(select(filter)), "kidal -LOCATED_IN-> mali structure asserted 1\n");
}

TEST_F(SelectDiagram, DateRangeKeepsEvidenceThatOverlapsIt) {
  DiagramFilter filter;
  filter.from = common::PartialDate::parse("2023-11");
  filter.to = common::PartialDate::parse("2023-12");
  // doc-b's attack (2024-02-03) is out; background facts hold at any date.
  EXPECT_EQ(edges(select(filter)),
            "fama -CAPTURES-> kidal presence asserted 1\n"
            "jnim -ATTACKS-> fama hostile asserted 1\n"
            "kidal -LOCATED_IN-> mali structure asserted 1\n");
  // Undated evidence takes its article's date: the fight is doc-c's, 2021-05-24.
  filter.from = common::PartialDate::parse("2021");
  filter.to = common::PartialDate::parse("2021-05-24");
  EXPECT_EQ(edges(select(filter)),
            "csp -FIGHTS-> fama hostile asserted 1\n"
            "kidal -LOCATED_IN-> mali structure asserted 1\n");
}

TEST_F(SelectDiagram, MinSourcesCountsDistinctArticles) {
  DiagramFilter filter;
  filter.minSources = 2;
  EXPECT_EQ(describe(select(filter)),
            "fama ArmedForces armed-forces\n"
            "jnim JihadistGroup jihadist\n"
            "jnim -ATTACKS-> fama hostile asserted 2\n");
}

TEST_F(SelectDiagram, QueryNodesWithoutRelationsDrawTheRelationsAmongThem) {
  DiagramFilter filter;
  filter.vertices = std::set<graph::VertexId>{
      *graph_.findEntity("jnim"), *graph_.findEntity("fama"), *graph_.findEntity("wagner")};
  EXPECT_EQ(describe(select(filter)),
            "fama ArmedForces armed-forces\n"
            "jnim JihadistGroup jihadist\n"
            "wagner PrivateMilitaryCompany pmc\n"
            "jnim -ATTACKS-> fama hostile asserted 2\n");
}

TEST_F(SelectDiagram, QueryEdgesDrawOnlyThoseEdges) {
  DiagramFilter filter;
  graph::VertexId fama = *graph_.findEntity("fama");
  graph::VertexId kidal = *graph_.findEntity("kidal");
  filter.vertices = std::set<graph::VertexId>{fama, kidal};
  filter.edges = std::set<graph::EdgeId>{graph_.outEdges(fama).front()};
  EXPECT_EQ(edges(select(filter)), "fama -CAPTURES-> kidal presence asserted 1\n");
}

TEST_F(SelectDiagram, SymmetricEdgesAreMarked) {
  Diagram diagram = select({});
  ASSERT_EQ(diagram.edges.front().type, "FIGHTS");
  EXPECT_TRUE(diagram.edges.front().symmetric);
  EXPECT_FALSE(diagram.edges.back().symmetric);
}

TEST_F(SelectDiagram, UnknownFocusTypeOrClassFailsWithAHint) {
  DiagramFilter filter;
  filter.focus = "jnm";
  EXPECT_EQ(errorOf(filter), "--focus 'jnm' is not an entity of the store; did you mean 'jnim'?");
  filter.focus = "zzzzzzzz";
  EXPECT_EQ(errorOf(filter), "--focus 'zzzzzzzz' is not an entity of the store");
  filter = {};
  filter.types = {"ATTACKS", "ATACKS"};
  EXPECT_EQ(errorOf(filter), "--types: unknown relation type 'ATACKS'; did you mean 'ATTACKS'?");
  filter = {};
  filter.classes = {"JihadistGroupe"};
  EXPECT_EQ(errorOf(filter),
            "--classes: unknown class 'JihadistGroupe'; did you mean "
            "'JihadistGroup'?");
}

TEST_F(SelectDiagram, BadNumbersAndReversedDatesFail) {
  DiagramFilter filter;
  filter.depth = -1;
  EXPECT_EQ(errorOf(filter), "--depth must be 0 or more");
  filter = {};
  filter.minSources = 0;
  EXPECT_EQ(errorOf(filter), "--min-sources must be 1 or more");
  filter = {};
  filter.from = common::PartialDate::parse("2024");
  filter.to = common::PartialDate::parse("2023-06");
  EXPECT_EQ(errorOf(filter), "--from 2024 is after --to 2023-06");
}

TEST_F(SelectDiagram, FamiliesComeFromOntologyDataAndAreInherited) {
  // Militia has no family of its own: it takes ArmedGroup's. PeacekeepingMission takes
  // InternationalOrganization's.
  add("dozos", "Militia", "Dozos");
  add("minusma", "PeacekeepingMission", "MINUSMA");
  relate(*graph_.findEntity("dozos"), "ATTACKS", *graph_.findEntity("minusma"),
         evidence(articleA_, ""));
  DiagramFilter filter;
  filter.types = {"ATTACKS"};
  filter.classes = {"Militia", "InternationalOrganization"};
  EXPECT_EQ(describe(select(filter)),
            "dozos Militia armed-group\n"
            "minusma PeacekeepingMission organization\n"
            "dozos -ATTACKS-> minusma hostile asserted 1\n");
}

TEST_F(SelectDiagram, AUsersOntologyFileRestylesAFamily) {
  auto sources = ontology::defaultOntologySources();
  sources.push_back({"restyle.ttl",
                     "@prefix ng: <http://example.org/newsgraph/ontology#> .\n"
                     "ng:Town ng:diagramFamily \"state\" .\n"
                     "ng:captures ng:diagramFamily \"hostile\" .\n"});
  auto restyled = ontology::loadOntology(sources);
  ASSERT_TRUE(restyled.ok()) << restyled.error().toString();
  DiagramFilter filter;
  filter.focus = "kidal";
  filter.types = {"CAPTURES"};
  auto diagram = selectDiagram(graph_, restyled.value(), filter);
  ASSERT_TRUE(diagram.ok());
  EXPECT_EQ(describe(diagram.value()),
            "fama ArmedForces armed-forces\n"
            "kidal Town state\n"
            "fama -CAPTURES-> kidal hostile asserted 1\n");
}

TEST_F(SelectDiagram, RetractedEventsAreNotDrawn) {
  graph::EntityNode node;
  node.id = "armed-clash-kidal-2023-11-14";
  node.cls = "Event";
  node.label = "Armed clash, Kidal, 2023-11-14";
  graph::VertexId event = graph_.ensureEntity(node);
  graph::EventDetails details;
  details.type = "Battles";
  details.evidence.article = articleC_;
  graph_.setEvent(event, details);
  relate(event, "OCCURRED_IN", *graph_.findEntity("kidal"), evidence(articleC_, ""));
  DiagramFilter filter;
  filter.types = {"OCCURRED_IN"};
  EXPECT_EQ(edges(select(filter)),
            "armed-clash-kidal-2023-11-14 -OCCURRED_IN-> kidal event-role asserted 1\n");
  graph_.removeArticle(articleC_);
  EXPECT_EQ(edges(select(filter)), "");
}

}  // namespace
}  // namespace newsgraph::diagram

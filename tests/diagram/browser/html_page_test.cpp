// writeHtml: the page carries its data as JSON that survives hostile labels and quotes, refers
// to nothing outside itself, and comes with positions when it is large.
#include "newsgraph/diagram/html_page.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "html_layout.h"  // private to the diagram module (diagram/src)

namespace newsgraph::diagram {
namespace {

constexpr const char* kDataOpen = "<script type=\"application/json\" id=\"newsgraph-data\">";

// A graph of `nodes` entities in a chain, one ATTACKS relation between neighbours, one article.
struct TestGraph {
  graph::KnowledgeGraph graph;
  Diagram diagram;
};

TestGraph chain(std::size_t nodes, const std::string& label, const std::string& quote) {
  TestGraph t;
  graph::ArticleRecord article;
  article.doc = "doc-1";
  article.title = "Titre </script> & <!-- commentaire";
  article.date = common::PartialDate::parse("2023-11-14");
  graph::ArticleId a = t.graph.addArticle(article);
  for (std::size_t i = 0; i < nodes; ++i) {
    graph::EntityNode node;
    node.id = "entity-" + std::to_string(i);
    node.cls = i % 2 == 0 ? "ArmedGroup" : "Town";
    node.label = i == 0 ? label : "Entité " + std::to_string(i);
    node.labelEn = "Entity " + std::to_string(i);
    node.aliases = {"alias \"" + std::to_string(i) + "\""};
    node.wikidata = "Q" + std::to_string(100 + i);
    if (i % 2 == 1) {
      node.lat = 16.27;
      node.lon = -0.04;
    }
    graph::VertexId v = t.graph.ensureEntity(node);
    t.diagram.nodes.push_back(DiagramNode{v, node.id, node.label, node.cls,
                                          i % 2 == 0 ? "jihadist" : "place", node.lat, node.lon});
  }
  graph::EntityNode speaker;
  speaker.id = "porte-parole";
  speaker.cls = "Person";
  speaker.label = "Le porte-parole";
  t.graph.ensureEntity(speaker);
  for (std::size_t i = 0; i + 1 < nodes; ++i) {
    graph::Evidence evidence;
    evidence.article = a;
    evidence.begin = static_cast<std::uint32_t>(i);
    evidence.quote = quote;
    evidence.status = i == 0 ? graph::EvidenceStatus::kClaimed : graph::EvidenceStatus::kAsserted;
    if (i == 0) evidence.source = "porte-parole";
    graph::EdgeId e = t.graph.addEvidence(static_cast<graph::VertexId>(i), "ATTACKS",
                                          static_cast<graph::VertexId>(i + 1), false, evidence);
    DiagramEdge edge;
    edge.edge = e;
    edge.from = i;
    edge.to = i + 1;
    edge.type = "ATTACKS";
    edge.family = "hostile";
    edge.status = evidence.status;
    edge.sources = 1;
    edge.evidence = {&t.graph.relation(e).evidence.front()};
    t.diagram.edges.push_back(edge);
  }
  t.diagram.title = "newsgraph: <b>1 article</b> & co";
  t.diagram.scope = "everything";
  return t;
}

std::string page(const TestGraph& t) {
  std::ostringstream out;
  writeHtml(t.diagram, t.graph, out);
  return out.str();
}

// The JSON between the data <script> element's tags.
std::string embeddedJson(const std::string& html) {
  std::size_t open = html.find(kDataOpen);
  EXPECT_NE(open, std::string::npos);
  open += std::string(kDataOpen).size();
  std::size_t close = html.find("</script>", open);
  EXPECT_NE(close, std::string::npos);
  return html.substr(open, close - open);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(HtmlPage, HostileTextSurvivesAsJsonAndCannotCloseTheScript) {
  const std::string label = "</script><script>alert(1)</script> <!-- \"q\" \\ \t\x01";
  const std::string quote =
      "« Nous attaquerons », a-t-il dit. </SCRIPT> \xE2\x80\xA8 ligne \xE2\x80\xA9 fin & <b>";
  TestGraph t = chain(3, label, quote);
  std::string html = page(t);
  std::string json = embeddedJson(html);
  // Nothing in the data can end the element or start an HTML comment or a JS line break.
  for (const char* bad : {"<", ">", "\xE2\x80\xA8", "\xE2\x80\xA9", "\x01", "\t"}) {
    EXPECT_EQ(json.find(bad), std::string::npos) << "raw " << bad << " in the data";
  }
  rapidjson::Document data;
  data.Parse(json.c_str(), json.size());
  ASSERT_FALSE(data.HasParseError()) << json.substr(0, 400);
  EXPECT_EQ(std::string(data["nodes"][0]["label"].GetString()), label);
  EXPECT_EQ(std::string(data["edges"][0]["evidence"][0]["quote"].GetString()), quote);
  EXPECT_EQ(std::string(data["articles"][0]["title"].GetString()),
            "Titre </script> & <!-- commentaire");
  EXPECT_EQ(std::string(data["nodes"][1]["aliases"][0].GetString()), "alias \"1\"");
  // The title is HTML-escaped in <title>.
  EXPECT_NE(html.find("<title>newsgraph: &lt;b&gt;1 article&lt;/b&gt; &amp; co</title>"),
            std::string::npos);
}

TEST(HtmlPage, DataCarriesNodesEdgesEvidenceAndStyle) {
  TestGraph t = chain(3, "JNIM", "Le JNIM a attaqué Gao.");
  rapidjson::Document data;
  std::string json = embeddedJson(page(t));
  data.Parse(json.c_str(), json.size());
  ASSERT_FALSE(data.HasParseError());
  ASSERT_EQ(data["nodes"].Size(), 3u);
  ASSERT_EQ(data["edges"].Size(), 2u);
  const auto& node = data["nodes"][1];
  EXPECT_STREQ(node["id"].GetString(), "entity-1");
  EXPECT_STREQ(node["labelEn"].GetString(), "Entity 1");
  EXPECT_STREQ(node["class"].GetString(), "Town");
  EXPECT_STREQ(node["family"].GetString(), "place");
  EXPECT_STREQ(node["wikidata"].GetString(), "Q101");
  EXPECT_DOUBLE_EQ(node["lat"].GetDouble(), 16.27);
  EXPECT_DOUBLE_EQ(node["lon"].GetDouble(), -0.04);
  EXPECT_FALSE(data["nodes"][0].HasMember("lat"));
  const auto& edge = data["edges"][0];
  EXPECT_EQ(edge["source"].GetInt(), 0);
  EXPECT_EQ(edge["target"].GetInt(), 1);
  EXPECT_STREQ(edge["type"].GetString(), "ATTACKS");
  EXPECT_STREQ(edge["family"].GetString(), "hostile");
  EXPECT_STREQ(edge["status"].GetString(), "claimed");
  EXPECT_EQ(edge["sources"].GetInt(), 1);
  const auto& evidence = edge["evidence"][0];
  EXPECT_EQ(evidence["article"].GetInt(), 0);
  EXPECT_STREQ(evidence["date"].GetString(), "2023-11-14");  // the article's date
  EXPECT_STREQ(evidence["status"].GetString(), "claimed");
  EXPECT_STREQ(evidence["speaker"].GetString(), "Le porte-parole (porte-parole)");
  EXPECT_STREQ(data["articles"][0]["doc"].GetString(), "doc-1");
  // The style table (style.h) travels with the data: every family the page may meet.
  std::set<std::string> families;
  for (const auto& style : data["style"]["nodes"].GetArray())
    families.insert(style["family"].GetString());
  EXPECT_TRUE(families.count("jihadist") && families.count("place") && families.count("other"));
  EXPECT_STREQ(data["style"]["statuses"]["claimed"]["dash"].GetString(), "dashed");
  EXPECT_STREQ(data["style"]["statuses"]["negated"]["arrow"].GetString(), "tee");
}

TEST(HtmlPage, FetchesNothing) {
  std::string html = page(chain(3, "JNIM", "Le JNIM a attaqué Gao."));
  std::string lower = html;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(count(lower, "<script src"), 0u);
  EXPECT_EQ(count(lower, "<link"), 0u);
  EXPECT_EQ(count(lower, "<iframe"), 0u);
  EXPECT_EQ(count(lower, "<img"), 0u);
  EXPECT_EQ(count(lower, "src=\"http"), 0u);
  EXPECT_EQ(count(lower, "href=\"http"), 0u);
  EXPECT_EQ(count(lower, "url(http"), 0u);
  EXPECT_EQ(count(lower, "@import"), 0u);
  // Three scripts: the data, Cytoscape.js and the page's own; the policy forbids any fetch.
  EXPECT_EQ(count(lower, "<script"), 3u);
  EXPECT_EQ(count(lower, "</script>"), 3u);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(html.find("cytoscape"), std::string::npos);
}

// A star: one hub and `leaves` nodes around it, all with long labels.
Diagram star(std::size_t leaves) {
  Diagram diagram;
  for (std::size_t i = 0; i <= leaves; ++i) {
    diagram.nodes.push_back(DiagramNode{static_cast<graph::VertexId>(i), "n" + std::to_string(i),
                                        "Localité numéro " + std::to_string(i), "Town", "place",
                                        std::nullopt, std::nullopt});
    if (i > 0) {
      DiagramEdge edge;
      edge.from = 0;
      edge.to = i;
      edge.type = "LOCATED_IN";
      diagram.edges.push_back(edge);
    }
  }
  return diagram;
}

TEST(HtmlLayout, NoTwoLabelsOverlap) {
  Diagram diagram = star(120);
  std::vector<NodeLook> looks = nodeLooks(diagram);
  EXPECT_GT(looks[0].fontSize, looks[1].fontSize) << "the hub's label is the larger";
  std::vector<Point> p = layoutDiagram(diagram, looks);
  ASSERT_EQ(p.size(), diagram.nodes.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    ASSERT_TRUE(std::isfinite(p[i].x) && std::isfinite(p[i].y));
    for (std::size_t j = i + 1; j < p.size(); ++j) {
      double wi = std::max(looks[i].diameter, looks[i].labelWidth);
      double wj = std::max(looks[j].diameter, looks[j].labelWidth);
      bool apartX = std::abs(p[i].x - p[j].x) >= (wi + wj) / 2;
      // Each box spans from the shape's top to the label's bottom.
      double topI = p[i].y - looks[i].diameter / 2, topJ = p[j].y - looks[j].diameter / 2;
      double bottomI = p[i].y + looks[i].diameter / 2 + looks[i].labelHeight;
      double bottomJ = p[j].y + looks[j].diameter / 2 + looks[j].labelHeight;
      bool apartY = bottomI <= topJ || bottomJ <= topI;
      EXPECT_TRUE(apartX || apartY) << "nodes " << i << " and " << j << " overlap";
    }
  }
}

TEST(HtmlLayout, LargestDiagramsGetFamilyDisksWithDistinctPositions) {
  Diagram diagram = star(kForceLayoutMaxNodes + 10);
  std::vector<Point> p = layoutDiagram(diagram, nodeLooks(diagram));
  std::set<std::pair<long, long>> seen;
  for (const Point& point : p) seen.insert({std::lround(point.x / 10), std::lround(point.y / 10)});
  EXPECT_EQ(seen.size(), p.size()) << "two nodes within 10 px of each other";
  // The hub, the most connected, is in the middle of its disk: the first point of the spiral.
  EXPECT_LT(std::hypot(p[0].x - p[1].x, p[0].y - p[1].y), 100);
}

TEST(HtmlPage, EveryNodeHasAPositionAndALook) {
  TestGraph t = chain(5, "JNIM", "q");
  rapidjson::Document data;
  std::string json = embeddedJson(page(t));
  data.Parse(json.c_str(), json.size());
  ASSERT_FALSE(data.HasParseError());
  for (const auto& node : data["nodes"].GetArray()) {
    for (const char* field : {"x", "y", "size", "font", "wrap"}) {
      ASSERT_TRUE(node.HasMember(field) && node[field].IsNumber()) << field;
      EXPECT_TRUE(std::isfinite(node[field].GetDouble()));
    }
  }
}

}  // namespace
}  // namespace newsgraph::diagram

// RDF import: our own export back, third-party RDF, syntax errors with positions.
#include "newsgraph/export/rdf_import.h"

#include <gtest/gtest.h>

#include "rdf_test_graph.h"

namespace newsgraph::testing {
namespace {

using exporter::RdfExportOptions;
using exporter::RdfImportOptions;
using exporter::RdfSyntax;

// One line per entity, article and evidence item: enough to compare graphs as text.
std::string describe(const graph::KnowledgeGraph& g) {
  std::string out;
  for (graph::ArticleId a = 0; a < g.articleCount(); ++a) {
    const auto& article = g.article(a);
    out += "article " + article.doc + " | " + article.title + " | " + article.url + " | " +
           (article.date ? article.date->toString() : "") + "\n";
  }
  for (graph::VertexId v = 0; v < g.entityCount(); ++v) {
    const auto& e = g.entity(v);
    out += "entity " + e.id + " " + e.cls + " | " + e.label + " | " + e.labelEn + " |";
    for (const auto& alias : e.aliases) out += " " + alias + ";";
    if (e.lat) out += " lat " + std::to_string(*e.lat) + " lon " + std::to_string(*e.lon);
    out += " wd " + e.wikidata + " mentions " + std::to_string(e.mentions.size()) +
           (e.known ? " known" : "") + "\n";
  }
  for (graph::EdgeId r = 0; r < g.relationCount(); ++r) {
    const auto& edge = g.relation(r);
    for (const auto& ev : edge.evidence) {
      out += "relation " + g.entity(edge.subject).id + " " + edge.type + " " +
             g.entity(edge.object).id + " | " +
             (ev.article ? g.article(*ev.article).doc : std::string("-")) + " " +
             std::to_string(ev.sentence) + " " + std::to_string(ev.begin) + "-" +
             std::to_string(ev.end) + " " + std::string(graph::statusName(ev.status)) + " " +
             ev.source + " " + (ev.date ? ev.date->toString() : "") + " " + ev.place + " " +
             std::to_string(ev.confidence) + " | " + ev.quote + "\n";
    }
  }
  return out;
}

TEST(RdfImport, OwnExportRoundTripsInEverySyntax) {
  auto ontology = miniOntology();
  auto original = miniGraph();
  for (RdfSyntax syntax :
       {RdfSyntax::kTurtle, RdfSyntax::kNTriples, RdfSyntax::kNQuads, RdfSyntax::kTriG}) {
    RdfExportOptions options;
    options.syntax = syntax;
    std::string text = exportRdf(original, ontology, options);
    graph::KnowledgeGraph copy;
    RdfImportOptions importOptions;
    importOptions.syntax = syntax;
    auto imported = exporter::importRdfText(text, "export", ontology, copy, importOptions);
    ASSERT_TRUE(imported.ok()) << imported.error().toString();
    EXPECT_TRUE(imported->warnings.empty());
    EXPECT_EQ(describe(copy), describe(original)) << text;
  }
}

TEST(RdfImport, ImportingTwiceChangesNothing) {
  auto ontology = miniOntology();
  std::string text = exportRdf(miniGraph(), ontology, {});
  graph::KnowledgeGraph g;
  ASSERT_TRUE(exporter::importRdfText(text, "x", ontology, g).ok());
  std::string once = describe(g);
  ASSERT_TRUE(exporter::importRdfText(text, "x", ontology, g).ok());
  EXPECT_EQ(describe(g), once);
}

TEST(RdfImport, NoProvenanceExportGivesFactsWithoutArticles) {
  auto ontology = miniOntology();
  RdfExportOptions options;
  options.provenance = false;
  graph::KnowledgeGraph g;
  auto imported =
      exporter::importRdfText(exportRdf(miniGraph(), ontology, options), "x", ontology, g);
  ASSERT_TRUE(imported.ok());
  EXPECT_EQ(describe(g),
            "entity fama Actor | FAMa |  | armée malienne; wd  mentions 0\n"
            "entity gao Town | Gao | Gao | lat 16.270000 lon -0.040000 wd Q208519 mentions 0\n"
            "relation fama ATTACKS gao | - 0 0-0 asserted    1.000000 | \n");
}

TEST(RdfImport, ThirdPartyTurtleMergesIn) {
  auto ontology = miniOntology();
  graph::KnowledgeGraph g = miniGraph();
  const std::string text = R"(
@prefix ng: <http://example.org/newsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://other.example/id/> .
ex:g1 a ng:Actor ; skos:prefLabel "Groupe d'autodéfense Dan Na Ambassagou"@fr .
ex:t9 a ng:Town, ng:Place ; rdfs:label "Bankass" .
ex:g1 ng:attacks ex:t9 ; ng:fights <http://example.org/newsgraph/entity/fama> .
ex:g1 ng:attacks ex:nowhere .
)";
  auto imported = exporter::importRdfText(text, "other.ttl", ontology, g);
  ASSERT_TRUE(imported.ok()) << imported.error().toString();
  EXPECT_EQ(imported->entities, 2U);
  EXPECT_EQ(imported->evidence, 2U);
  ASSERT_EQ(imported->warnings.size(), 1U);
  EXPECT_EQ(imported->warnings[0],
            "other.ttl: import warning: <http://other.example/id/g1> ATTACKS "
            "<http://other.example/id/nowhere>: the object is no entity; skipped");
  std::string text2 = describe(g);
  EXPECT_NE(text2.find("entity groupe-d-autodefense-dan-na-ambassagou Actor"), std::string::npos)
      << text2;
  EXPECT_NE(text2.find("entity bankass Town | Bankass"), std::string::npos) << text2;
  EXPECT_NE(text2.find("relation groupe-d-autodefense-dan-na-ambassagou ATTACKS bankass | -"),
            std::string::npos);
  // FIGHTS is symmetric: stored once, endpoints in id order.
  EXPECT_NE(text2.find("relation fama FIGHTS groupe-d-autodefense-dan-na-ambassagou | -"),
            std::string::npos)
      << text2;
}

TEST(RdfImport, SyntaxErrorGivesPositionAndLeavesGraphUnchanged) {
  auto ontology = miniOntology();
  graph::KnowledgeGraph g = miniGraph();
  std::string before = describe(g);
  const std::string text =
      "@prefix ng: <http://example.org/newsgraph/ontology#> .\n"
      "<http://x.example/a> a ng:Actor ;\n"
      "  <http://www.w3.org/2000/01/rdf-schema#label> \"A\" .\n"
      "<http://x.example/b> a ng:Actor ;\n"
      "  <http://www.w3.org/2000/01/rdf-schema#label> \"B\" \"C\" .\n";
  auto imported = exporter::importRdfText(text, "bad.ttl", ontology, g);
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().source, "bad.ttl");
  EXPECT_EQ(imported.error().line, 5U);
  EXPECT_GT(imported.error().column, 0U);
  EXPECT_EQ(imported.error().stage, "import");
  EXPECT_EQ(describe(g), before);
}

TEST(RdfImport, UndefinedPrefixIsAnError) {
  auto ontology = miniOntology();
  graph::KnowledgeGraph g;
  auto imported = exporter::importRdfText("nope:a a nope:B .\n", "p.ttl", ontology, g);
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.error().toString(),
            "p.ttl:1:1: import error: undefined prefix 'nope:' in 'nope:a'");
  EXPECT_EQ(g.entityCount(), 0U);
}

}  // namespace
}  // namespace newsgraph::testing

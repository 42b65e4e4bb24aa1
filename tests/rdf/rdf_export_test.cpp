// The RDF export of a small graph, printed and compared with the expected text.
#include <gtest/gtest.h>

#include <sstream>

#include "rdf_test_graph.h"

namespace newsgraph::testing {
namespace {

using exporter::RdfExportOptions;
using exporter::RdfSyntax;

// The lines of `text` that contain `needle`, in order.
std::string linesWith(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.find(needle) != std::string::npos) out += line + "\n";
  }
  return out;
}

TEST(RdfExport, NoProvenanceWritesDescriptionsAndDirectTriples) {
  RdfExportOptions options;
  options.syntax = RdfSyntax::kNTriples;
  options.provenance = false;
  EXPECT_EQ(
      exportRdf(miniGraph(), miniOntology(), options),
      R"nt(<http://example.org/newsgraph/entity/fama> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/newsgraph/ontology#Actor> .
<http://example.org/newsgraph/entity/fama> <http://www.w3.org/2000/01/rdf-schema#label> "FAMa"@fr .
<http://example.org/newsgraph/entity/fama> <http://www.w3.org/2004/02/skos/core#prefLabel> "FAMa"@fr .
<http://example.org/newsgraph/entity/fama> <http://www.w3.org/2004/02/skos/core#altLabel> "armée malienne"@fr .
<http://example.org/newsgraph/entity/fama> <http://example.org/newsgraph/ontology#attacks> <http://example.org/newsgraph/entity/gao> .
<http://example.org/newsgraph/entity/gao> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/newsgraph/ontology#Town> .
<http://example.org/newsgraph/entity/gao> <http://www.w3.org/2000/01/rdf-schema#label> "Gao"@fr .
<http://example.org/newsgraph/entity/gao> <http://www.w3.org/2004/02/skos/core#prefLabel> "Gao"@fr .
<http://example.org/newsgraph/entity/gao> <http://www.w3.org/2000/01/rdf-schema#label> "Gao"@en .
<http://example.org/newsgraph/entity/gao> <http://www.w3.org/2004/02/skos/core#prefLabel> "Gao"@en .
<http://example.org/newsgraph/entity/gao> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q208519> .
<http://example.org/newsgraph/entity/gao> <http://www.w3.org/2003/01/geo/wgs84_pos#lat> "16.27"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<http://example.org/newsgraph/entity/gao> <http://www.w3.org/2003/01/geo/wgs84_pos#long> "-0.04"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<http://example.org/newsgraph/entity/gao> <http://www.opengis.net/ont/geosparql#hasGeometry> <http://example.org/newsgraph/geometry/gao> .
<http://example.org/newsgraph/geometry/gao> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.opengis.net/ont/geosparql#Geometry> .
<http://example.org/newsgraph/geometry/gao> <http://www.opengis.net/ont/geosparql#asWKT> "POINT(-0.04 16.27)"^^<http://www.opengis.net/ont/geosparql#wktLiteral> .
)nt");
}

TEST(RdfExport, StatementNodeCarriesQualifiersAndProvenance) {
  RdfExportOptions options;
  options.syntax = RdfSyntax::kNTriples;
  std::string text = exportRdf(miniGraph(), miniOntology(), options);
  EXPECT_EQ(
      linesWith(text, "/statement/"),
      R"nt(<http://example.org/newsgraph/statement/fab039a75cc77977> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/newsgraph/ontology#Statement> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <http://example.org/newsgraph/entity/fama> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <http://example.org/newsgraph/ontology#attacks> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <http://example.org/newsgraph/entity/gao> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://example.org/newsgraph/ontology#status> <http://example.org/newsgraph/ontology#Claimed> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://example.org/newsgraph/ontology#statedBy> <http://example.org/newsgraph/entity/fama> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://example.org/newsgraph/ontology#date> "2023-11"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://example.org/newsgraph/ontology#place> <http://example.org/newsgraph/entity/gao> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://example.org/newsgraph/ontology#confidence> "0.75"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://www.w3.org/ns/prov#wasDerivedFrom> <http://example.org/newsgraph/article/doc1> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://example.org/newsgraph/ontology#quote> "FAMa attaque \"Gao\"."@fr .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://example.org/newsgraph/ontology#sentence> "0"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://example.org/newsgraph/ontology#start> "0"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/newsgraph/statement/fab039a75cc77977> <http://example.org/newsgraph/ontology#end> "20"^^<http://www.w3.org/2001/XMLSchema#integer> .
)nt");
  EXPECT_EQ(
      linesWith(text, "/article/doc1> <"),
      R"nt(<http://example.org/newsgraph/article/doc1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/NewsArticle> .
<http://example.org/newsgraph/article/doc1> <http://schema.org/identifier> "doc1" .
<http://example.org/newsgraph/article/doc1> <http://schema.org/headline> "Attaque à Gao"@fr .
<http://example.org/newsgraph/article/doc1> <http://schema.org/datePublished> "2023-11-14"^^<http://www.w3.org/2001/XMLSchema#date> .
<http://example.org/newsgraph/article/doc1> <http://schema.org/url> <https://news.example/a?b=1> .
)nt");
}

TEST(RdfExport, StatementIrisAreStableAcrossExportsAndBases) {
  RdfExportOptions options;
  options.syntax = RdfSyntax::kNTriples;
  std::string first = exportRdf(miniGraph(), miniOntology(), options);
  EXPECT_EQ(first, exportRdf(miniGraph(), miniOntology(), options));
  options.base = "https://data.example/sahel#";
  std::string other = exportRdf(miniGraph(), miniOntology(), options);
  EXPECT_NE(other.find("<https://data.example/sahel#statement/fab039a75cc77977>"),
            std::string::npos);
  EXPECT_NE(other.find("<https://data.example/sahel#ontology#attacks>"), std::string::npos);
}

TEST(RdfExport, OntologyAsOwl) {
  RdfExportOptions options;
  options.syntax = RdfSyntax::kNTriples;
  std::string text = exportRdf(miniGraph(), miniOntology(), options);
  EXPECT_NE(text.find("<http://example.org/newsgraph/ontology#Town> "
                      "<http://www.w3.org/2000/01/rdf-schema#subClassOf> "
                      "<http://example.org/newsgraph/ontology#Place> ."),
            std::string::npos);
  EXPECT_NE(text.find("<http://example.org/newsgraph/ontology#fights> "
                      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                      "<http://www.w3.org/2002/07/owl#SymmetricProperty> ."),
            std::string::npos);
  // A range of two classes is their union, not their intersection.
  EXPECT_NE(text.find("<http://example.org/newsgraph/ontology#attacks> "
                      "<http://www.w3.org/2000/01/rdf-schema#range> _:u1 ."),
            std::string::npos);
  EXPECT_NE(text.find("_:u1 <http://www.w3.org/2002/07/owl#unionOf> _:l2 ."), std::string::npos);
}

TEST(RdfExport, TurtleDeclaresPrefixesAndAbbreviates) {
  RdfExportOptions options;
  options.provenance = false;
  std::string text = exportRdf(miniGraph(), miniOntology(), options);
  EXPECT_EQ(text.rfind("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n", 0), 0U);
  EXPECT_NE(text.find("ent:gao\n\ta ng:Town ;\n\trdfs:label \"Gao\"@fr ;"), std::string::npos)
      << text;
  EXPECT_NE(text.find("wgs:lat 16.27 ;"), std::string::npos) << text;
}

TEST(RdfExport, NamedGraphPerArticleInTrigAndNQuads) {
  RdfExportOptions options;
  options.syntax = RdfSyntax::kNQuads;
  std::string quads = exportRdf(miniGraph(), miniOntology(), options);
  EXPECT_EQ(
      linesWith(quads, "/statement/").size(),
      linesWith(linesWith(quads, "/statement/"), "<http://example.org/newsgraph/article/doc1> .")
          .size());
  // Descriptions stay in the default graph.
  EXPECT_NE(quads.find("<http://example.org/newsgraph/entity/gao> "
                       "<http://www.w3.org/2000/01/rdf-schema#label> \"Gao\"@fr .\n"),
            std::string::npos);
  options.syntax = RdfSyntax::kTriG;
  std::string trig = exportRdf(miniGraph(), miniOntology(), options);
  EXPECT_NE(trig.find("art:doc1 {"), std::string::npos) << trig;
}

TEST(RdfExport, EncodesIdsAndUrlsIntoValidIris) {
  graph::KnowledgeGraph g;
  graph::ArticleRecord article;
  article.doc = "-a doc/with <odd> \"chars\".txt";
  article.url = "http://x.example/a b>c{d}";
  g.addArticle(article);
  RdfExportOptions options;
  options.syntax = RdfSyntax::kNTriples;
  std::string text = exportRdf(g, miniOntology(), options);
  EXPECT_NE(text.find("<http://example.org/newsgraph/article/"
                      "%2Da%20doc%2Fwith%20%3Codd%3E%20%22chars%22%2Etxt>"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("<http://x.example/a%20b%3Ec%7Bd%7D>"), std::string::npos) << text;
}

TEST(RdfExport, RepairsInvalidUtf8AndNul) {
  graph::KnowledgeGraph g;
  graph::EntityNode node;
  node.id = "x";
  node.cls = "Actor";
  node.label = std::string("bad \xC3 byte and \0 nul", 20);
  g.ensureEntity(node);
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* out = ::open_memstream(&data, &size);
  RdfExportOptions options;
  options.syntax = RdfSyntax::kNTriples;
  options.provenance = false;
  auto written = exporter::writeRdf(g, miniOntology(), out, options);
  std::fclose(out);
  std::string text(data, size);
  std::free(data);
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(written->repairedLiterals, 2U);  // rdfs:label and skos:prefLabel
  EXPECT_NE(text.find("\"bad \xEF\xBF\xBD byte and \xEF\xBF\xBD nul\"@fr"), std::string::npos)
      << text;
}

TEST(RdfExport, RejectsBadBaseIri) {
  RdfExportOptions options;
  options.base = "http://example.org/no space/";
  std::FILE* out = std::tmpfile();
  auto written = exporter::writeRdf(miniGraph(), miniOntology(), out, options);
  std::fclose(out);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().toString(),
            "http://example.org/no space/: export error: bad base IRI: it holds a character IRIs "
            "forbid (byte 32)");
  EXPECT_FALSE(exporter::checkBaseIri("example.org/").ok());
  EXPECT_FALSE(exporter::checkBaseIri("http://example.org/x").ok());
  EXPECT_FALSE(exporter::checkBaseIri("urn:newsgraph:").ok());  // no final "/" or "#"
  EXPECT_TRUE(exporter::checkBaseIri("https://data.example/sahel#").ok());
}

}  // namespace
}  // namespace newsgraph::testing

// A small ontology and graph for the RDF tests, and helpers to export to a string.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "newsgraph/export/rdf_export.h"
#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace newsgraph::testing {

inline const char* kMiniOntology = R"(
@prefix ng:   <http://example.org/newsgraph/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ng:Actor a owl:Class ; rdfs:label "acteur"@fr, "actor"@en .
ng:Place a owl:Class ; rdfs:label "lieu"@fr .
ng:Town a owl:Class ; rdfs:subClassOf ng:Place ; rdfs:label "localité"@fr .
ng:attacks a owl:ObjectProperty ; ng:relationName "ATTACKS" ;
  ng:domain ng:Actor ; ng:range ng:Actor, ng:Place ; ng:verbCue "attaque"@fr .
ng:fights a owl:ObjectProperty, owl:SymmetricProperty ; ng:relationName "FIGHTS" ;
  ng:domain ng:Actor ; ng:range ng:Actor ; ng:verbCue "combat"@fr .
)";

inline ontology::Ontology miniOntology() {
  auto loaded = ontology::loadOntology({{"mini.ttl", kMiniOntology}});
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().toString());
  return std::move(loaded).value();
}

// FAMa attacks Gao, in one article, as claimed by FAMa; Gao has coordinates and a Wikidata id.
inline graph::KnowledgeGraph miniGraph() {
  graph::KnowledgeGraph g;
  graph::ArticleRecord article;
  article.doc = "doc1";
  article.title = "Attaque à Gao";
  article.url = "https://news.example/a?b=1";
  article.date = common::PartialDate::parse("2023-11-14");
  graph::ArticleId a = g.addArticle(article);
  graph::EntityNode fama;
  fama.id = "fama";
  fama.cls = "Actor";
  fama.label = "FAMa";
  fama.aliases = {"armée malienne"};
  graph::VertexId f = g.ensureEntity(fama);
  graph::EntityNode gao;
  gao.id = "gao";
  gao.cls = "Town";
  gao.label = "Gao";
  gao.labelEn = "Gao";
  gao.lat = 16.27;
  gao.lon = -0.04;
  gao.wikidata = "Q208519";
  graph::VertexId o = g.ensureEntity(gao);
  g.addMention(f, graph::MentionRef{a, 0, 0, 4});
  graph::Evidence ev;
  ev.article = a;
  ev.sentence = 0;
  ev.begin = 0;
  ev.end = 20;
  ev.quote = "FAMa attaque \"Gao\".";
  ev.date = common::PartialDate::parse("2023-11");
  ev.status = graph::EvidenceStatus::kClaimed;
  ev.source = "fama";
  ev.place = "gao";
  ev.confidence = 0.75;
  g.addEvidence(f, "ATTACKS", o, false, ev);
  return g;
}

// Exports to a string; fails the test on an export error.
inline std::string exportRdf(const graph::KnowledgeGraph& g, const ontology::Ontology& o,
                             const exporter::RdfExportOptions& options) {
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* out = ::open_memstream(&data, &size);
  auto written = exporter::writeRdf(g, o, out, options);
  std::fclose(out);
  std::string text(data, size);
  std::free(data);
  EXPECT_TRUE(written.ok()) << (written.ok() ? "" : written.error().toString());
  return text;
}

}  // namespace newsgraph::testing

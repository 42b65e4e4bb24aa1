// A small hand-built graph for the diagram tests, with the default ontology: six entities (one
// never mentioned), one event, three dated articles, and relations of every status.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "newsgraph/diagram/diagram.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace newsgraph::diagram {

class DiagramFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = ontology::loadOntology(ontology::defaultOntologySources());
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
    ontology_ = std::move(loaded.value());
    articleA_ = addArticle("doc-a", "2023-11-14");
    articleB_ = addArticle("doc-b", "2024-02");
    articleC_ = addArticle("doc-c", "2021-05-24");
    graph::VertexId jnim = add("jnim", "JihadistGroup", "JNIM");
    graph::VertexId fama = add("fama", "ArmedForces", "FAMa");
    graph::VertexId kidal = add("kidal", "Town", "Kidal");
    graph::VertexId mali = add("mali", "Country", "Mali");
    graph::VertexId wagner = add("wagner", "PrivateMilitaryCompany", "Wagner");
    graph::VertexId csp = add("csp", "RebelGroup", "CSP");
    graph::VertexId gao = add("gao", "Town", "Gao", /*mentioned=*/false);
    relate(jnim, "ATTACKS", fama, evidence(articleA_, "2023-11-14"));
    relate(jnim, "ATTACKS", fama, evidence(articleB_, "2024-02-03"));
    relate(fama, "CAPTURES", kidal, evidence(articleA_, "2023-11-14"));
    relate(wagner, "SUPPORTS", fama, evidence(articleB_, "", graph::EvidenceStatus::kClaimed));
    relate(csp, "FIGHTS", fama, evidence(articleC_, ""), /*symmetric=*/true);
    relate(jnim, "CRITICIZES", wagner, evidence(articleA_, "", graph::EvidenceStatus::kNegated));
    relate(kidal, "LOCATED_IN", mali, graph::Evidence{});
    relate(gao, "LOCATED_IN", mali, graph::Evidence{});
  }

  graph::ArticleId addArticle(const std::string& doc, const std::string& date) {
    graph::ArticleRecord record;
    record.doc = doc;
    record.date = common::PartialDate::parse(date);
    return graph_.addArticle(record);
  }

  graph::VertexId add(const std::string& id, const std::string& cls, const std::string& label,
                      bool mentioned = true) {
    graph::EntityNode node;
    node.id = id;
    node.cls = cls;
    node.label = label;
    node.known = true;
    graph::VertexId vertex = graph_.ensureEntity(node);
    if (mentioned) graph_.addMention(vertex, graph::MentionRef{articleA_, 0, 0, 1});
    return vertex;
  }

  graph::Evidence evidence(graph::ArticleId article, const std::string& date,
                           graph::EvidenceStatus status = graph::EvidenceStatus::kAsserted) {
    graph::Evidence evidence;
    evidence.article = article;
    evidence.begin = static_cast<std::uint32_t>(nextOffset_++);
    evidence.end = evidence.begin + 1;
    evidence.quote = "Phrase " + std::to_string(evidence.begin) + ".";
    if (!date.empty()) evidence.date = common::PartialDate::parse(date);
    evidence.status = status;
    return evidence;
  }

  void relate(graph::VertexId subject, const std::string& type, graph::VertexId object,
              graph::Evidence evidence, bool symmetric = false) {
    graph_.addEvidence(subject, type, object, symmetric, std::move(evidence));
  }

  // Nodes, then edges, one a line: "jnim JihadistGroup jihadist" and
  // "jnim -ATTACKS-> fama hostile asserted 2".
  static std::string describe(const Diagram& diagram) {
    std::ostringstream out;
    for (const DiagramNode& node : diagram.nodes) {
      out << node.id << ' ' << node.cls << ' ' << node.family << '\n';
    }
    for (const DiagramEdge& edge : diagram.edges) {
      out << diagram.nodes[edge.from].id << " -" << edge.type << "-> " << diagram.nodes[edge.to].id
          << ' ' << edge.family << ' ' << graph::statusName(edge.status) << ' ' << edge.sources
          << '\n';
    }
    return out.str();
  }

  // The edges alone, as describe() writes them.
  static std::string edges(const Diagram& diagram) {
    std::string text = describe(diagram);
    std::string out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (line.find(" -") != std::string::npos) out += line + '\n';
    }
    return out;
  }

  Diagram select(const DiagramFilter& filter) {
    auto diagram = selectDiagram(graph_, ontology_, filter);
    EXPECT_TRUE(diagram.ok()) << diagram.error().toString();
    return diagram.ok() ? diagram.value() : Diagram{};
  }

  std::string errorOf(const DiagramFilter& filter) {
    auto diagram = selectDiagram(graph_, ontology_, filter);
    return diagram.ok() ? std::string("(no error)") : diagram.error().message;
  }

  ontology::Ontology ontology_;
  graph::KnowledgeGraph graph_;
  graph::ArticleId articleA_ = 0;
  graph::ArticleId articleB_ = 0;
  graph::ArticleId articleC_ = 0;
  int nextOffset_ = 0;
};

}  // namespace newsgraph::diagram

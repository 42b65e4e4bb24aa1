// Diagram speed (BENCHMARKS.md, "Diagrams"): selectDiagram, writeDot and a Graphviz layout plus
// SVG render on a generated graph of N entities with about 1.6 N relations (the ratio of
// samples/), hubs included (each new entity links to earlier ones chosen by degree).
// Usage: diagram_bench ENGINE NODES [RUNS]   prints the median of RUNS runs of each step, in ms.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/diagram/diagram.h"
#include "newsgraph/diagram/formats.h"
#include "newsgraph/diagram/render.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace {

using newsgraph::graph::KnowledgeGraph;
using Clock = std::chrono::steady_clock;

KnowledgeGraph generate(std::size_t nodes) {
  static const char* kClasses[] = {"Country", "ArmedForces", "JihadistGroup", "RebelGroup",
                                   "Person",  "Town",        "Town",          "Person"};
  static const char* kTypes[] = {"ATTACKS",     "FIGHTS",   "SUPPORTS",   "CRITICIZES",
                                 "OPERATES_IN", "CAPTURES", "LOCATED_IN", "MEMBER_OF"};
  std::mt19937 random(42);
  KnowledgeGraph graph;
  newsgraph::graph::ArticleRecord article;
  article.doc = "generated";
  graph.addArticle(article);
  std::vector<newsgraph::graph::VertexId> ends;  // a vertex once per edge end: choice by degree
  for (std::size_t i = 0; i < nodes; ++i) {
    newsgraph::graph::EntityNode node;
    node.id = "entity-" + std::to_string(i);
    node.label = "Entité numéro " + std::to_string(i);
    node.cls = kClasses[random() % 8];
    newsgraph::graph::VertexId vertex = graph.ensureEntity(node);
    graph.addMention(vertex, {0, 0, 0, 1});
    if (i == 0) continue;
    int links = random() % 5 < 3 ? 2 : 1;
    for (int k = 0; k < links; ++k) {
      newsgraph::graph::VertexId other = ends.empty() || random() % 4 == 0
                                             ? static_cast<newsgraph::graph::VertexId>(random() % i)
                                             : ends[random() % ends.size()];
      if (other == vertex) continue;
      newsgraph::graph::Evidence evidence;
      evidence.article = 0;
      evidence.begin = static_cast<std::uint32_t>(i * 4 + static_cast<std::size_t>(k));
      evidence.quote = "Phrase.";
      graph.addEvidence(vertex, kTypes[random() % 8], other, false, evidence);
      ends.push_back(vertex);
      ends.push_back(other);
    }
  }
  return graph;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: diagram_bench ENGINE NODES [RUNS]\n");
    return 2;
  }
  std::string engine = argv[1];
  std::size_t nodes = std::strtoul(argv[2], nullptr, 10);
  int runs = argc > 3 ? std::atoi(argv[3]) : 3;
  auto ontology = newsgraph::ontology::loadOntology(newsgraph::ontology::defaultOntologySources());
  if (!ontology) return 2;
  KnowledgeGraph graph = generate(nodes);
  std::vector<double> select;
  std::vector<double> dot;
  std::vector<double> render;
  std::size_t edges = 0;
  for (int run = 0; run < runs; ++run) {
    auto start = Clock::now();
    auto diagram = newsgraph::diagram::selectDiagram(graph, *ontology, {});
    select.push_back(msSince(start));
    if (!diagram) return 2;
    edges = diagram->edges.size();
    start = Clock::now();
    std::ostringstream text;
    newsgraph::diagram::writeDot(*diagram, text, engine);
    dot.push_back(msSince(start));
    start = Clock::now();
    auto svg = newsgraph::diagram::renderDot(text.str(), "svg", engine);
    render.push_back(msSince(start));
    if (!svg) {
      std::fprintf(stderr, "%s\n", svg.error().toString().c_str());
      return 1;
    }
  }
  std::printf("%-6s nodes %6zu edges %6zu  select %8.1f ms  dot %8.1f ms  layout+svg %10.1f ms\n",
              engine.c_str(), nodes, edges, median(select), median(dot), median(render));
  return 0;
}

// RDF export speed on a synthetic graph (BENCHMARKS.md, "RDF export").
//
//   rdf_export_bench --relations 1000000 [--db big.db] [--out DIR]
//
// Builds a graph of --relations relation edges, each with one piece of evidence from one of
// relations/20 articles, between relations/10 entities of the default ontology's classes.
// Writes it with writeRdf in each syntax to DIR/big.{ttl,nt,nq,trig} (or /dev/null) and prints
// statements per second; --db also saves the graph as a store for timing the CLI itself.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "newsgraph/export/rdf_export.h"
#include "newsgraph/graph/graph_store.h"
#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace {

using namespace newsgraph;

const char* const kSentences[] = {
    "Les Forces armées maliennes (FAMa) ont repris le contrôle de la localité après des combats.",
    "Le JNIM a revendiqué l'attaque contre le camp militaire, selon un communiqué.",
    "Des paramilitaires russes du groupe Wagner ont été déployés dans la région.",
    "La MINUSMA a quitté son camp plus tôt que prévu, invoquant « la dégradation extrême » de la "
    "sécurité.",
    "Le CSP affirme avoir abattu un drone de l'armée malienne près de la frontière algérienne.",
};

graph::KnowledgeGraph buildGraph(std::size_t relations, const ontology::Ontology& ontology) {
  std::mt19937 rng(42);
  graph::KnowledgeGraph g;
  std::size_t articleCount = relations / 20 + 1;
  std::size_t entityCount = relations / 10 + 2;
  std::vector<graph::ArticleId> articles;
  for (std::size_t a = 0; a < articleCount; ++a) {
    graph::ArticleRecord article;
    article.doc = "doc_" + std::to_string(a);
    article.title = "Article numéro " + std::to_string(a) + " sur le Sahel";
    article.url = "https://news.example/sahel/" + std::to_string(a);
    article.date =
        common::PartialDate{2023, static_cast<int>(a % 12) + 1, 0, common::DatePrecision::kMonth};
    articles.push_back(g.addArticle(article));
  }
  const char* const kClasses[] = {"JihadistGroup", "ArmedForces", "Town", "Country", "Person"};
  std::vector<graph::VertexId> vertices;
  for (std::size_t e = 0; e < entityCount; ++e) {
    graph::EntityNode node;
    node.id = "entite-" + std::to_string(e);
    node.cls = kClasses[e % 5];
    node.label = "Entité " + std::to_string(e);
    node.aliases = {"alias " + std::to_string(e)};
    if (node.cls == "Town") {
      node.lat = 12.0 + static_cast<double>(e % 1000) / 100.0;
      node.lon = -8.0 + static_cast<double>(e % 700) / 100.0;
    }
    vertices.push_back(g.ensureEntity(node));
  }
  const auto& types = ontology.relationTypes();
  std::uniform_int_distribution<std::size_t> pickEntity(0, entityCount - 1);
  std::uniform_int_distribution<std::size_t> pickType(0, types.size() - 1);
  std::size_t made = 0;
  while (made < relations) {
    const ontology::RelationType& type = types[pickType(rng)];
    graph::VertexId s = vertices[pickEntity(rng)];
    graph::VertexId o = vertices[pickEntity(rng)];
    if (s == o || type.eventRole) continue;
    std::size_t before = g.relationCount();
    graph::Evidence ev;
    ev.article = articles[made % articleCount];
    ev.sentence = static_cast<std::uint32_t>(made % 40);
    ev.begin = static_cast<std::uint32_t>((made % 40) * 120);
    ev.end = ev.begin + 110;
    ev.quote = kSentences[made % 5];
    ev.date =
        common::PartialDate{2023, 11, static_cast<int>(made % 28) + 1, common::DatePrecision::kDay};
    ev.status = made % 7 == 0 ? graph::EvidenceStatus::kClaimed : graph::EvidenceStatus::kAsserted;
    if (ev.status == graph::EvidenceStatus::kClaimed) ev.source = g.entity(s).id;
    ev.confidence = 0.8;
    g.addEvidence(s, type.name, o, type.symmetric, ev);
    if (g.relationCount() > before) ++made;
  }
  return g;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t relations = 100000;
  std::string db, outDir;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--relations") == 0) relations = std::stoul(argv[i + 1]);
    if (std::strcmp(argv[i], "--db") == 0) db = argv[i + 1];
    if (std::strcmp(argv[i], "--out") == 0) outDir = argv[i + 1];
  }
  auto ontology = ontology::loadOntology(ontology::defaultOntologySources());
  if (!ontology) {
    std::fprintf(stderr, "%s\n", ontology.error().toString().c_str());
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  graph::KnowledgeGraph g = buildGraph(relations, ontology.value());
  std::printf("built %zu relations, %zu entities, %zu articles in %.1f s\n", g.relationCount(),
              g.entityCount(), g.articleCount(), secondsSince(start));
  if (!db.empty()) {
    start = std::chrono::steady_clock::now();
    if (auto saved = graph::saveGraph(g, db); !saved) {
      std::fprintf(stderr, "%s\n", saved.error().toString().c_str());
      return 1;
    }
    std::printf("saved %s in %.1f s\n", db.c_str(), secondsSince(start));
  }
  const std::pair<exporter::RdfSyntax, const char*> syntaxes[] = {
      {exporter::RdfSyntax::kNTriples, "nt"},
      {exporter::RdfSyntax::kTurtle, "ttl"},
      {exporter::RdfSyntax::kNQuads, "nq"},
      {exporter::RdfSyntax::kTriG, "trig"}};
  for (const auto& [syntax, extension] : syntaxes) {
    std::string path = outDir.empty() ? "/dev/null" : outDir + "/big." + extension;
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (out == nullptr) return 1;
    static char buffer[1 << 16];
    std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
    exporter::RdfExportOptions options;
    options.syntax = syntax;
    start = std::chrono::steady_clock::now();
    auto written = exporter::writeRdf(g, ontology.value(), out, options);
    std::fclose(out);
    double seconds = secondsSince(start);
    if (!written) return 1;
    std::printf("%-5s %zu statements in %.2f s: %.0f statements/s -> %s\n", extension,
                written->statements, seconds, static_cast<double>(written->statements) / seconds,
                path.c_str());
  }
  return 0;
}

// Writes a synthetic store for diagram timings (bench/diagram_html_bench.sh): N entities (default
// 10,000) of every class family, places with coordinates in the Sahel, two relations per entity
// of every relation family with skewed endpoints (a few hubs, as in the news), 1-3 dated pieces
// of evidence each, a tenth of them claimed by a speaker.
//
//   make_diagram_store FILE [ENTITIES]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "newsgraph/graph/graph_store.h"

namespace {

using namespace newsgraph;

struct TypeInfo {
  const char* name;
  bool symmetric;
};
const TypeInfo kTypes[] = {{"ATTACKS", false},        {"FIGHTS", true},       {"CRITICIZES", false},
                           {"SANCTIONS", false},      {"SUPPORTS", false},    {"ALLIED_WITH", true},
                           {"COOPERATES_WITH", true}, {"CAPTURES", false},    {"CONTROLS", false},
                           {"DEPLOYS_TO", false},     {"OPERATES_IN", false}, {"MEMBER_OF", false},
                           {"LEADS", false},          {"LOCATED_IN", false}};
const char* const kClasses[] = {"Country",
                                "Town",
                                "JihadistGroup",
                                "RebelGroup",
                                "ArmedForces",
                                "Person",
                                "InternationalOrganization",
                                "PrivateMilitaryCompany",
                                "Town",
                                "Person"};

graph::KnowledgeGraph generate(std::size_t entities) {
  std::mt19937_64 random(7);
  graph::KnowledgeGraph g;
  const std::size_t articles = std::max<std::size_t>(1, entities / 20);
  std::uniform_int_distribution<int> year(2012, 2024), month(1, 12), day(1, 28);
  for (std::size_t a = 0; a < articles; ++a) {
    std::string date = std::to_string(year(random)) + "-" +
                       std::to_string(100 + month(random)).substr(1) + "-" +
                       std::to_string(100 + day(random)).substr(1);
    g.addArticle(graph::ArticleRecord{"article-" + std::to_string(a),
                                      "Dépêche n° " + std::to_string(a) + " sur le Sahel",
                                      "https://news.example/" + std::to_string(a), "bench.jsonl",
                                      common::PartialDate::parse(date), random(), false});
  }
  std::uniform_real_distribution<double> lat(10.0, 25.0), lon(-12.0, 16.0);
  for (std::size_t e = 0; e < entities; ++e) {
    graph::EntityNode node;
    node.id = "entity-" + std::to_string(e);
    node.cls = kClasses[e % 10];
    node.label = "Entité " + std::to_string(e);
    node.labelEn = "Entity " + std::to_string(e);
    node.known = e % 3 == 0;
    if (e % 4 == 0) node.aliases = {"alias " + std::to_string(e), "autre nom " + std::to_string(e)};
    if (e % 5 == 0) node.wikidata = "Q" + std::to_string(100000 + e);
    if (node.cls == std::string("Town") || node.cls == std::string("Country")) {
      node.lat = lat(random);
      node.lon = lon(random);
    }
    graph::VertexId v = g.ensureEntity(node);
    g.addMention(v, graph::MentionRef{static_cast<graph::ArticleId>(e % articles), 0, 0, 8});
  }
  auto pick = [&] {
    double u = std::uniform_real_distribution<double>(0, 1)(random);
    return static_cast<graph::VertexId>(static_cast<double>(entities - 1) * u * u * u);
  };
  std::uniform_int_distribution<graph::VertexId> uniform(
      0, static_cast<graph::VertexId>(entities - 1));
  std::size_t items = 0;
  while (g.relationCount() < 2 * entities) {
    graph::VertexId s = uniform(random), o = pick();
    if (s == o) continue;
    const TypeInfo& type = kTypes[items % 14];
    std::size_t copies = 1 + items % 3;
    for (std::size_t c = 0; c < copies; ++c) {
      graph::Evidence evidence;
      evidence.article = static_cast<graph::ArticleId>((items * 7 + c * 13) % articles);
      evidence.sentence = static_cast<std::uint32_t>(c);
      evidence.begin = static_cast<std::uint32_t>(items % 5000);
      evidence.end = evidence.begin + 150;
      evidence.quote = "Selon plusieurs sources locales, " + g.entity(s).label + " (" + type.name +
                       ") " + g.entity(o).label +
                       " dans la région, a-t-on appris auprès des autorités, « sans plus de "
                       "précisions » sur le bilan.";
      if (items % 10 == 0) {
        evidence.status = graph::EvidenceStatus::kClaimed;
        evidence.source = "entity-" + std::to_string(items % entities);
      }
      g.addEvidence(s, type.name, o, type.symmetric, evidence);
    }
    ++items;
  }
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_diagram_store FILE [ENTITIES]\n");
    return 2;
  }
  std::string path = argv[1];
  std::size_t entities = argc > 2 ? std::stoul(argv[2]) : 10000;
  auto start = std::chrono::steady_clock::now();
  graph::KnowledgeGraph g = generate(std::max<std::size_t>(entities, 2));
  std::filesystem::remove(path);
  if (auto saved = graph::saveGraph(g, path); !saved) {
    std::fprintf(stderr, "%s\n", saved.error().toString().c_str());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %s: %zu entities, %zu relations, %zu articles in %.1f s\n", path.c_str(),
              g.entityCount(), g.relationCount(), g.articleCount(), seconds);
  return 0;
}

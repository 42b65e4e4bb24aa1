// The store at scale: generates a synthetic store of N relations (default one million) shaped
// like ingested news, then measures opening it (SQLite rows -> KnowledgeGraph) with Google
// Benchmark. `store_bench --generate FILE [RELATIONS]` only writes the store, for whole-command
// timings (bench/store_open.sh).
//
// Shape, from the samples (14 articles: 40 mentions, 35 evidence items per article, about one
// entity per 3 mentions): per 1M relations, 50,000 articles, 100,000 entities, 1.25M evidence
// items with 120-byte quotes, 2M mentions.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "newsgraph/graph/graph_store.h"

namespace {

using namespace newsgraph;

const char* const kTypes[] = {"ATTACKS",    "FIGHTS",         "SUPPORTS",   "ALLIED_WITH",
                              "CRITICIZES", "CONTROLS",       "DEPLOYS_TO", "OPERATES_IN",
                              "MEMBER_OF",  "LOCATED_IN",     "LEADS",      "WITHDRAWS_FROM",
                              "CAPTURES",   "COOPERATES_WITH"};
const char* const kClasses[] = {"Town", "Person", "ArmedGroup", "Country", "Organization"};

graph::KnowledgeGraph generate(std::size_t relations) {
  const std::size_t articles = std::max<std::size_t>(1, relations / 20);
  const std::size_t entities = std::max<std::size_t>(2, relations / 10);
  std::mt19937_64 random(42);
  graph::KnowledgeGraph g;
  for (std::size_t a = 0; a < articles; ++a) {
    g.addArticle(graph::ArticleRecord{"article-" + std::to_string(a), "Titre " + std::to_string(a),
                                      "https://example.org/" + std::to_string(a), "corpus.jsonl",
                                      common::PartialDate::parse("2023-11-14"), random(), false});
  }
  for (std::size_t e = 0; e < entities; ++e) {
    graph::EntityNode node;
    node.id = "entity-" + std::to_string(e);
    node.cls = kClasses[e % 5];
    node.label = "Entité " + std::to_string(e);
    node.known = e % 3 == 0;
    if (e % 4 == 0) node.aliases = {"alias " + std::to_string(e)};
    g.ensureEntity(node);
  }
  // Skewed endpoints: a few entities (Mali, FAMa) take most relations, as in the news.
  auto pick = [&] {
    double u = std::uniform_real_distribution<double>(0, 1)(random);
    return static_cast<graph::VertexId>(static_cast<double>(entities - 1) * u * u * u);
  };
  for (std::size_t m = 0; m < relations * 2; ++m) {
    g.addMention(pick(), graph::MentionRef{static_cast<graph::ArticleId>(m % articles),
                                           static_cast<std::uint32_t>(m % 30),
                                           static_cast<std::uint32_t>(m % 5000),
                                           static_cast<std::uint32_t>(m % 5000 + 12)});
  }
  std::string quote(120, 'x');
  std::size_t items = 0;
  std::uniform_int_distribution<graph::VertexId> uniform(
      0, static_cast<graph::VertexId>(entities - 1));
  while (g.relationCount() < relations) {
    graph::VertexId s = pick(), o = uniform(random);
    if (s == o) continue;
    graph::Evidence e;
    e.article = static_cast<graph::ArticleId>(items % articles);
    e.sentence = static_cast<std::uint32_t>(items % 30);
    e.begin = static_cast<std::uint32_t>(items % 5000);
    e.end = e.begin + 120;
    quote.replace(0, 13, std::to_string(1000000000000 + items));
    e.quote = "Les combattants de " + std::to_string(s) + " ont attaqué " + std::to_string(o) +
              ". " + quote;
    e.date = common::PartialDate::parse("2023-11");
    ++items;
    graph::EdgeId edge = g.addEvidence(s, kTypes[items % 14], o, false, e);
    if (items % 4 == 0) {  // a second source for a quarter of them
      e.article = static_cast<graph::ArticleId>((items + 7) % articles);
      const graph::RelationEdge& r = g.relation(edge);
      g.addEvidence(r.subject, r.type, r.object, false, e);
    }
  }
  return g;
}

std::string storePath() {
  const char* path = std::getenv("NEWSGRAPH_STORE_BENCH");
  return path != nullptr ? path : "/tmp/newsgraph-store-bench.db";
}

std::size_t benchRelations() {
  const char* n = std::getenv("NEWSGRAPH_STORE_BENCH_RELATIONS");
  return n != nullptr ? std::stoul(n) : 1000000;
}

int generateStore(const std::string& path, std::size_t relations) {
  auto start = std::chrono::steady_clock::now();
  graph::KnowledgeGraph g = generate(relations);
  std::filesystem::remove(path);
  if (auto saved = graph::saveGraph(g, path); !saved) {
    std::fprintf(stderr, "%s\n", saved.error().toString().c_str());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: %zu relations, %zu entities, %zu articles, %.0f MB, written in %.1f s\n",
              path.c_str(), g.relationCount(), g.entityCount(), g.articleCount(),
              static_cast<double>(std::filesystem::file_size(path)) / 1e6, seconds);
  return 0;
}

void BM_OpenStore(benchmark::State& state) {
  std::string path = storePath();
  if (!std::filesystem::exists(path) && generateStore(path, benchRelations()) != 0) {
    state.SkipWithError("cannot generate the store");
    return;
  }
  std::size_t relations = 0;
  for (auto _ : state) {
    auto loaded = graph::loadGraph(path);
    if (!loaded) {
      state.SkipWithError(loaded.error().toString().c_str());
      return;
    }
    relations = loaded->relationCount();
    benchmark::DoNotOptimize(relations);
  }
  state.counters["relations"] = static_cast<double>(relations);
  state.counters["relations/s"] = benchmark::Counter(static_cast<double>(relations),
                                                     benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_OpenStore)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

// Times one open of the store at `path`: loading, then freeing the graph.
int timeOpen(const std::string& path) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  auto loaded = graph::loadGraph(path);
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().toString().c_str());
    return 1;
  }
  auto read = Clock::now();
  std::size_t relations = loaded->relationCount();
  { graph::KnowledgeGraph discarded = std::move(loaded).value(); }
  auto freed = Clock::now();
  std::printf("%zu relations: load %.3f s, free %.3f s\n", relations,
              std::chrono::duration<double>(read - start).count(),
              std::chrono::duration<double>(freed - read).count());
  return 0;
}

int main(int argc, char** argv) {
  if (argc >= 3 && std::string(argv[1]) == "--time") return timeOpen(argv[2]);
  if (argc >= 3 && std::string(argv[1]) == "--generate") {
    return generateStore(argv[2], argc >= 4 ? std::stoul(argv[3]) : benchRelations());
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

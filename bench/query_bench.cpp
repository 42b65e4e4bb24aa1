// The query language at scale (issue 5): a generated graph of NEWSGRAPH_QUERY_BENCH_ENTITIES
// entities (default 100,000) and ten relations per entity, then Google Benchmark on the four
// questions of the issue: an id lookup with its neighbours, a two-hop pattern with a filter, a
// shortest path, and PageRank. Each iteration runs the whole pipeline (parse, bind, plan,
// execute) on a snapshot built once.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>

#include "newsgraph/ontology/ontology_loader.h"
#include "newsgraph/query/query.h"

namespace {

using namespace newsgraph;

const char* const kTypes[] = {"ATTACKS",    "FIGHTS",     "SUPPORTS",   "ALLIED_WITH",
                              "CRITICIZES", "CONTROLS",   "DEPLOYS_TO", "OPERATES_IN",
                              "MEMBER_OF",  "LOCATED_IN", "LEADS",      "CAPTURES"};
const char* const kClasses[] = {"Town",         "Person",      "JihadistGroup", "Country",
                                "Organization", "ArmedForces", "RebelGroup"};

struct Fixture {
  ontology::Ontology ontology;
  graph::KnowledgeGraph graph;
  std::unique_ptr<query::GraphSnapshot> snapshot;
  std::size_t entities = 0;
};

Fixture& fixture() {
  static Fixture* f = [] {
    auto* out = new Fixture;
    auto loaded = ontology::loadOntology(ontology::defaultOntologySources());
    if (!loaded) std::abort();
    out->ontology = std::move(loaded).value();
    const char* env = std::getenv("NEWSGRAPH_QUERY_BENCH_ENTITIES");
    out->entities = env ? std::strtoul(env, nullptr, 10) : 100000;
    std::size_t relations = out->entities * 10;
    auto start = std::chrono::steady_clock::now();
    out->graph.reserve(out->entities, relations, 1);
    graph::ArticleRecord record;
    record.doc = "a0";
    graph::ArticleId article = out->graph.addArticle(record);
    std::mt19937_64 random(42);
    for (std::size_t e = 0; e < out->entities; ++e) {
      graph::EntityNode node;
      node.id = "e" + std::to_string(e);
      node.cls = kClasses[e % std::size(kClasses)];
      node.label = "Entity " + std::to_string(e);
      out->graph.ensureEntity(node);
    }
    for (std::size_t r = 0; r < relations; ++r) {
      auto s = static_cast<graph::VertexId>(random() % out->entities);
      auto o = static_cast<graph::VertexId>(random() % out->entities);
      const char* type = kTypes[random() % std::size(kTypes)];
      graph::Evidence evidence;
      evidence.article = article;
      evidence.begin = static_cast<std::uint32_t>(r);
      evidence.date = common::PartialDate{2023, static_cast<int>(1 + random() % 12), 0,
                                          common::DatePrecision::kMonth};
      bool symmetric = out->ontology.findRelationType(type)->symmetric;
      out->graph.addEvidence(s, type, o, symmetric, std::move(evidence));
    }
    auto built = std::chrono::steady_clock::now();
    out->snapshot = std::make_unique<query::GraphSnapshot>(out->graph, out->ontology);
    auto frozen = std::chrono::steady_clock::now();
    std::fprintf(stderr, "graph: %zu entities, %zu relations built in %.1f s; snapshot %.2f s\n",
                 out->graph.entityCount(), out->graph.relationCount(),
                 std::chrono::duration<double>(built - start).count(),
                 std::chrono::duration<double>(frozen - built).count());
    return out;
  }();
  return *f;
}

void run(benchmark::State& state, const std::string& text, std::mt19937_64& random, int idParams) {
  Fixture& f = fixture();
  std::size_t rows = 0;
  for (auto _ : state) {
    query::QueryOptions options;
    options.maxRows = 100000000;
    options.timeout = std::chrono::minutes(30);
    for (int i = 0; i < idParams; ++i) {
      options.parameters["id" + std::to_string(i)] =
          query::Value("e" + std::to_string(random() % f.entities));
    }
    auto result = query::runQuery(text, *f.snapshot, options);
    if (!result) {
      state.SkipWithError(result.error().toString().c_str());
      return;
    }
    rows += result->rows.size();
  }
  state.counters["rows/query"] = static_cast<double>(rows) /
                                 static_cast<double>(std::max<std::int64_t>(1, state.iterations()));
}

void BM_IdLookupWithNeighbours(benchmark::State& state) {
  std::mt19937_64 random(1);
  run(state, "MATCH (n {id: $id0})-[r]-(m) RETURN m.id, type(r)", random, 1);
}

void BM_TwoHopWithFilter(benchmark::State& state) {
  std::mt19937_64 random(2);
  run(state,
      "MATCH (a {id: $id0})-[r1]->(b)-[r2]->(c:Actor) WHERE r2.date >= '2023-06' "
      "RETURN c.id, count(*) AS n",
      random, 1);
}

void BM_ShortestPath(benchmark::State& state) {
  std::mt19937_64 random(3);
  run(state, "MATCH p = shortestPath((a {id: $id0})-[*..6]-(b {id: $id1})) RETURN length(p)",
      random, 2);
}

void BM_PageRank(benchmark::State& state) {
  std::mt19937_64 random(4);
  run(state,
      "CALL algo.pagerank() YIELD node, score RETURN node.id, score ORDER BY score DESC LIMIT 10",
      random, 0);
}

// The algorithm and one pass over its rows, without sorting a million of them.
void BM_PageRankMax(benchmark::State& state) {
  std::mt19937_64 random(5);
  run(state, "CALL algo.pagerank() YIELD node, score RETURN max(score) AS top", random, 0);
}

BENCHMARK(BM_IdLookupWithNeighbours)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TwoHopWithFilter)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShortestPath)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PageRank)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_PageRankMax)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();

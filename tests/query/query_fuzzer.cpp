// libFuzzer target: any bytes as query text, through the whole pipeline (parse, bind, plan,
// execute) on a small graph, with tight limits. A crash, a sanitizer report or an exception
// escaping runQuery is a bug; errors returned as values are the expected outcome.
// Build: cmake -DCMAKE_CXX_COMPILER=clang++ -DNEWSGRAPH_FUZZ=ON ... ; run tests/query/run_fuzzer.sh
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsgraph/ontology/ontology_loader.h"
#include "newsgraph/query/query.h"

namespace {

using namespace newsgraph;

struct World {
  ontology::Ontology ontology;
  graph::KnowledgeGraph graph;
  std::unique_ptr<query::GraphSnapshot> snapshot;
};

World& world() {
  static World* w = [] {
    auto* out = new World;
    auto loaded = ontology::loadOntology(ontology::defaultOntologySources());
    if (!loaded) __builtin_trap();
    out->ontology = std::move(loaded).value();
    const char* nodes[][2] = {{"fama", "ArmedForces"},
                              {"jnim", "JihadistGroup"},
                              {"kidal", "Town"},
                              {"mali", "Country"},
                              {"wagner", "PrivateMilitaryCompany"}};
    for (auto& n : nodes) {
      graph::EntityNode node;
      node.id = n[0];
      node.cls = n[1];
      node.label = n[0];
      out->graph.ensureEntity(node);
    }
    graph::ArticleRecord record;
    record.doc = "a1";
    graph::ArticleId a = out->graph.addArticle(record);
    auto add = [&](graph::VertexId s, const char* type, graph::VertexId o) {
      graph::Evidence e;
      e.article = a;
      e.date = common::PartialDate::parse("2023-11");
      out->graph.addEvidence(s, type, o, out->ontology.findRelationType(type)->symmetric, e);
    };
    add(4, "SUPPORTS", 0);
    add(1, "ATTACKS", 0);
    add(0, "CAPTURES", 2);
    add(2, "LOCATED_IN", 3);
    add(1, "FIGHTS", 4);
    out->snapshot = std::make_unique<query::GraphSnapshot>(out->graph, out->ontology);
    return out;
  }();
  return *w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  query::QueryOptions options;
  options.timeout = std::chrono::milliseconds(200);
  options.maxRows = 10000;
  options.maxDepth = 4;
  options.parameters["id"] = query::Value(std::string("fama"));
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = query::runQuery(text, *world().snapshot, options);
  if (!result) (void)query::formatQueryError(result.error(), text);
  return 0;
}

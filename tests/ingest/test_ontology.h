// Test helpers: the ontologies the ingest tests run on.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "newsgraph/ontology/ontology_loader.h"

namespace newsgraph::testing {

// The default schema and lexicons with tests/data/mini_gazetteer.ttl, so that recognition tests
// do not move when the full gazetteer grows.
inline const ontology::Ontology& testOntology() {
  static const ontology::Ontology kOntology = [] {
    std::vector<ontology::TurtleSource> sources;
    for (const auto& source : ontology::defaultOntologySources()) {
      if (source.name.find("gazetteer") == std::string::npos) sources.push_back(source);
    }
    std::ifstream in(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/mini_gazetteer.ttl");
    std::ostringstream text;
    text << in.rdbuf();
    sources.push_back({"mini_gazetteer.ttl", text.str()});
    auto loaded = ontology::loadOntology(sources);
    if (!loaded) throw std::runtime_error(loaded.error().toString());
    return std::move(loaded).value();
  }();
  return kOntology;
}

// The default ontology as users get it (full gazetteer and background facts), for tests of
// behaviour that depends on them.
inline const ontology::Ontology& fullOntology() {
  static const ontology::Ontology kOntology = [] {
    auto loaded = ontology::loadOntology(ontology::defaultOntologySources());
    if (!loaded) throw std::runtime_error(loaded.error().toString());
    return std::move(loaded).value();
  }();
  return kOntology;
}

}  // namespace newsgraph::testing

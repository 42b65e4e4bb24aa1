// Test helper: the default schema and lexicons with tests/data/mini_gazetteer.ttl, so that
// recognition tests do not move when the full gazetteer grows.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "newsgraph/ontology/ontology_loader.h"

namespace newsgraph::testing {

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

}  // namespace newsgraph::testing

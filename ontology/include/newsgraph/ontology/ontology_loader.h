// Reads the ontology from Turtle with Serd and checks it is consistent.
#pragma once

#include <string>
#include <vector>

#include "newsgraph/common/error.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ontology {

// One Turtle document: a name for messages (a path) and its text.
struct TurtleSource {
  std::string name;
  std::string text;
};

// The default Sahel ontology (ontology/data/*.ttl), compiled into the binary.
// The returned vector lives for the whole process.
const std::vector<TurtleSource>& defaultOntologySources();

// Builds an ontology from the sources, in order: a later definition of a class, relation type or
// entity replaces an earlier one; facts and lexicon entries accumulate.
// Fails with `<name>:<line>:<col>: ontology error: ...` on a Turtle syntax error, an unknown
// class, a relation type without domain or range, an entity whose id is not the slug of its
// French label, a fact naming an unknown entity or relation. Positions point at the statement.
common::Result<Ontology> loadOntology(const std::vector<TurtleSource>& sources);

// Reads the files at `paths` (fails with `<path>: ontology error: <strerror>` when unreadable)
// and loads them after the default ontology, or alone when `includeDefault` is false.
common::Result<Ontology> loadOntologyFiles(const std::vector<std::string>& paths,
                                           bool includeDefault);

}  // namespace newsgraph::ontology

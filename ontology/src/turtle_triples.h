// Private: Turtle text to a flat list of triples with positions, through Serd's reader.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "newsgraph/common/error.h"

namespace newsgraph::ontology {

// An RDF term with IRIs fully expanded (CURIEs and relative IRIs resolved).
struct Term {
  enum class Kind { kIri, kBlank, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;     // IRI, blank node label or literal text
  std::string language;  // literals only, may be empty
  std::string datatype;  // literals only, expanded IRI, may be empty
};

// One statement and where it ends in its source (1-based line and column).
struct Triple {
  Term subject;
  Term predicate;
  Term object;
  std::size_t line = 0;
  std::size_t column = 0;
};

// Parses Turtle `text`; `name` is used in errors and as the blank-node prefix seed.
// Fails with `<name>:<line>:<col>: ontology error: <serd's message>` on a syntax error.
common::Result<std::vector<Triple>> readTurtle(const std::string& name, const std::string& text);

}  // namespace newsgraph::ontology

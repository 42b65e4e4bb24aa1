// Private to the RDF import: a whole RDF document read with Serd's reader into memory, its
// statements grouped by subject in order of first appearance. Graph names are dropped: named
// graphs only say which article a statement comes from, which the statement itself also says.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/common/error.h"
#include "newsgraph/export/rdf_export.h"

namespace newsgraph::exporter::rdf {

// An object: an absolute IRI (CURIEs expanded, relative IRIs resolved), a blank node ("_:"
// followed by its label) or a literal with its datatype IRI or language tag.
struct Value {
  enum class Kind : std::uint8_t { kIri, kBlank, kLiteral };
  Kind kind = Kind::kIri;
  std::string text;
  std::string datatype;  // literals only; empty when none
  std::string language;  // literals only; empty when none
};

struct Property {
  std::uint32_t predicate = 0;  // index into RdfDocument::predicates
  Value object;
};

// Everything said about one subject (IRI, or "_:label" for a blank node).
struct Resource {
  std::string key;
  std::vector<Property> properties;
};

class RdfDocument {
 public:
  // Reads `text` in `syntax`. Fails with `<name>:<line>:<col>: import error: <text>` at the
  // first syntax error.
  static common::Result<RdfDocument> read(const std::string& text, const std::string& name,
                                          RdfSyntax syntax);

  const std::vector<Resource>& resources() const { return resources_; }
  // The resource with this key, or nullptr.
  const Resource* find(std::string_view key) const;
  // The index of a predicate IRI, or UINT32_MAX when the document never uses it.
  std::uint32_t predicate(std::string_view iri) const;
  const std::string& predicateIri(std::uint32_t index) const { return predicates_[index]; }
  std::size_t triples() const { return triples_; }

  // Called by the reader's statement sink.
  void add(std::string subject, std::string_view predicate, Value object);

 private:
  std::vector<Resource> resources_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::string> predicates_;
  std::unordered_map<std::string, std::uint32_t> predicateIndex_;
  std::size_t triples_ = 0;
};

}  // namespace newsgraph::exporter::rdf

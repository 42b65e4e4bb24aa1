// The RDF export of the knowledge graph, written with Serd (docs/RDF.md describes the model):
// a direct triple per relation, a statement node per piece of evidence with its qualifiers and
// provenance (PROV-O), articles as schema:NewsArticle, entities with SKOS labels, Wikidata
// links and coordinates (WGS84 and GeoSPARQL), events with their ACLED types, and the ontology
// itself as OWL. Reads the graph and the ontology only; streams, holding nothing per statement
// (TriG alone keeps an index of 8 bytes per evidence item to group statements by article).
#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "newsgraph/common/error.h"
#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::exporter {

enum class RdfSyntax { kTurtle, kNTriples, kNQuads, kTriG };

// "turtle", "ntriples", "nquads", "trig" -> the syntax; nullopt for anything else.
std::optional<RdfSyntax> parseRdfSyntax(std::string_view name);
// The syntax a file name implies by its extension (.ttl, .nt, .nq, .trig); nullopt otherwise.
std::optional<RdfSyntax> rdfSyntaxOfPath(std::string_view path);

// SPEC section 1's default base IRI.
inline constexpr std::string_view kDefaultBaseIri = "http://example.org/newsgraph/";

// Checks a base IRI: it has a scheme, holds no character that an IRI forbids (space, controls,
// <>"{}|\^`), is valid UTF-8, and ends with '/' or '#'. Fails with `<iri>: export error: ...`.
common::Status checkBaseIri(std::string_view base);

// Options of writeRdf.
struct RdfExportOptions {
  RdfSyntax syntax = RdfSyntax::kTurtle;  // default Turtle
  std::string base{kDefaultBaseIri};      // checked with checkBaseIri; SPEC 1 by default
  bool provenance = true;  // false: direct triples and entity descriptions alone (default true)
};

// What writeRdf wrote.
struct RdfExportSummary {
  std::size_t statements = 0;        // triples (or quads) written
  std::size_t repairedLiterals = 0;  // literals whose invalid UTF-8 or NUL became U+FFFD
};

// Writes `graph` as RDF to `out` (not closed). Terms of relation types, classes and event types
// come from `ontology`; a relation type it lacks gets a property named after the type
// (DEPLOYS_TO -> deploysTo). Fails with `<base>: export error: ...` for a bad base IRI and with
// `export error: write failed` when Serd or the stream reports an error.
common::Result<RdfExportSummary> writeRdf(const graph::KnowledgeGraph& graph,
                                          const ontology::Ontology& ontology, std::FILE* out,
                                          const RdfExportOptions& options = {});

}  // namespace newsgraph::exporter

// RDF import with Serd's reader: Turtle, N-Triples, N-Quads and TriG that use newsgraph's model
// (docs/RDF.md) merge into a knowledge graph. Our own export reads back to an equal graph;
// third-party RDF that types its resources with the ontology's classes and links them with its
// properties merges in too (ids are then the slugs of their French labels, SPEC 1).
// Reading is all-or-nothing: the file is parsed whole before the graph is touched.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/common/error.h"
#include "newsgraph/export/rdf_export.h"
#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::exporter {

// Options of importRdf.
struct RdfImportOptions {
  std::optional<RdfSyntax> syntax;    // default: from the file's extension, else Turtle
  std::string base{kDefaultBaseIri};  // the base IRI the data was exported with (SPEC 1)
};

// What importRdf read and merged.
struct RdfImportSummary {
  std::size_t triples = 0;            // statements read
  std::size_t entities = 0;           // entities and events described (created or merged)
  std::size_t articles = 0;           // articles described
  std::size_t mentions = 0;           // mentions added
  std::size_t evidence = 0;           // relation evidence items given to the graph
  std::size_t events = 0;             // events set
  std::vector<std::string> warnings;  // items skipped, each `<name>: import warning: ...`
};

// Reads the RDF file at `path` and merges it into `graph`. On a syntax error (or an unreadable
// file) fails with `<path>:<line>:<col>: import error: <text>` and leaves `graph` unchanged.
// Items that cannot be merged (a relation whose end is no entity, a statement without subject)
// are skipped with a warning.
common::Result<RdfImportSummary> importRdf(const std::string& path,
                                           const ontology::Ontology& ontology,
                                           graph::KnowledgeGraph& graph,
                                           const RdfImportOptions& options = {});

// The same for RDF text held in memory; `name` is used in messages. `options.syntax` defaults
// to Turtle.
common::Result<RdfImportSummary> importRdfText(const std::string& text, const std::string& name,
                                               const ontology::Ontology& ontology,
                                               graph::KnowledgeGraph& graph,
                                               const RdfImportOptions& options = {});

}  // namespace newsgraph::exporter

// The JSON export of SPEC section 7: entities (with mention counts and documents), relations
// with their evidence, events. Reads the graph only.
#pragma once

#include <cstdio>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::exporter {

// Options of writeJson.
struct JsonExportOptions {
  bool pretty = true;              // indented output (default true)
  bool includeUnmentioned = true;  // entities present only through background facts (default true)
};

// Writes the graph as one JSON object to `out` (not closed). Returns false on a write error.
bool writeJson(const graph::KnowledgeGraph& graph, std::FILE* out,
               const JsonExportOptions& options = {});

}  // namespace newsgraph::exporter

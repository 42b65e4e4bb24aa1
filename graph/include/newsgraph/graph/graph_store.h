// Keeps a knowledge graph in one file between commands (`--db FILE`): a JSON snapshot written
// atomically (temporary file, fsync, rename), so a crash leaves the previous snapshot intact.
// A later issue replaces it with an incremental embedded store.
#pragma once

#include <string>

#include "newsgraph/common/error.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::graph {

// Writes `graph` to `path`. Fails with `<path>: store error: <reason>`; the old file then stays.
common::Status saveGraph(const KnowledgeGraph& graph, const std::string& path);

// Reads a graph written by saveGraph. Fails with `<path>:<line>:<col>: store error: ...` on a
// damaged or foreign file, and with `<path>: store error: No such file or directory` when absent.
common::Result<KnowledgeGraph> loadGraph(const std::string& path);

}  // namespace newsgraph::graph

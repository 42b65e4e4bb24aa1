// Private: checks an Ast against the ontology and the snapshot, and resolves its names.
// Labels must be ontology classes, relation types ontology relation types, properties known
// ones (docs/QUERY.md), variables defined before use, parameters given. The binder annotates
// the Ast in place (slots, class and type masks); BoundQuery owns it.
#pragma once

#include <string>
#include <vector>

#include "ast.h"
#include "graph_snapshot.h"

namespace newsgraph::query {

// The procedures CALL knows, with their YIELD columns.
struct ProcedureInfo {
  std::string name;                  // "algo.pagerank"
  std::vector<std::string> columns;  // "node", "score"
};
const std::vector<ProcedureInfo>& procedures();

struct BoundQuery {
  Ast ast;
  std::vector<std::string> slotNames;  // hidden slots are named "_n1", "_r2", ...
  std::vector<VarKind> slotKinds;
  std::vector<std::string> columns;  // of the final RETURN (or CALL)
  std::vector<int> columnSlots;

  // The annotated query and its variables, for tests.
  std::string toString() const;
};

// REQUIRES: `snapshot` outlives the BoundQuery (masks index its classes and types).
// Throws QueryException (stage "semantic", or "limit" for a hop bound over options.maxDepth).
BoundQuery bind(Ast ast, const SnapshotData& snapshot, const QueryOptions& options);

}  // namespace newsgraph::query

// Private: the plan the executor runs, a sequence of operators each turning the rows so far
// into new rows (a scan on existing rows is a cartesian product). Operators point into the
// BoundQuery the Plan owns.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "binder.h"

namespace newsgraph::query {

// All live nodes, or the members of the classes in the node's class mask.
struct ScanOp {
  const NodePattern* node = nullptr;
};
// One node by its id (an `{id: ...}` map entry or a WHERE `n.id = ...` conjunct).
struct IdLookupOp {
  const NodePattern* node = nullptr;
  const Expr* id = nullptr;
};
// Checks an already bound node against the pattern's labels and properties.
struct CheckNodeOp {
  const NodePattern* node = nullptr;
};
// From a bound node along one relationship pattern (walked backwards when `reversed`).
struct ExpandOp {
  const NodePattern* from = nullptr;
  const RelPattern* rel = nullptr;
  const NodePattern* to = nullptr;
  bool reversed = false;
  bool toBound = false;
  std::vector<int> distinctFrom;  // relationship slots of the same MATCH: no edge twice
};
struct FilterOp {
  const Expr* predicate = nullptr;
};
struct ShortestPathOp {
  const PatternPath* path = nullptr;
};
// Builds a named path from its pattern's slots.
struct PathOp {
  const PatternPath* path = nullptr;
};
struct CallOp {
  const CallClause* call = nullptr;
};
struct UnwindOp {
  const UnwindClause* unwind = nullptr;
};
// Computes RETURN/WITH items (grouping by the non-aggregate ones), with DISTINCT.
struct ProjectOp {
  const ProjectionClause* projection = nullptr;
};
// ORDER BY. With a LIMIT after it, only the first SKIP + LIMIT rows are sorted (top-k).
struct SortOp {
  const ProjectionClause* projection = nullptr;
};
struct SkipOp {
  const Expr* count = nullptr;
};
struct LimitOp {
  const Expr* count = nullptr;
};

struct PlanOp;
// Runs `ops` for each row; a row with no result is kept with `newSlots` null.
struct OptionalOp {
  std::vector<PlanOp> ops;
  std::vector<int> newSlots;
};

struct PlanOp {
  std::variant<ScanOp, IdLookupOp, CheckNodeOp, ExpandOp, FilterOp, ShortestPathOp, PathOp, CallOp,
               UnwindOp, ProjectOp, SortOp, SkipOp, LimitOp, OptionalOp>
      op;
  std::size_t estimate = 0;  // rows expected out of a scan (for EXPLAIN)
  // PROFILE figures, filled by the executor.
  mutable std::size_t rowsOut = 0;
  mutable double milliseconds = 0;
};

struct Plan {
  BoundQuery query;
  std::vector<PlanOp> ops;

  // One operator a line, in execution order; with row counts and times when `profile`.
  std::string toString(bool profile = false) const;
};

// Orders each MATCH: the most selective start first (bound variable, then id lookup, then the
// smallest class), expands along its patterns, and places each WHERE conjunct right after the
// operator that binds its last variable.
Plan plan(BoundQuery query, const SnapshotData& snapshot);

}  // namespace newsgraph::query

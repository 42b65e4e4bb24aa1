// Private: evaluating expressions on a row, comparing values, and the properties of nodes and
// relations (docs/QUERY.md lists them).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "ast.h"
#include "graph_snapshot.h"

namespace newsgraph::query {

using Row = std::vector<Value>;

// What evaluation and the operators share during one run.
struct ExecContext {
  const SnapshotData& snapshot;
  const QueryOptions& options;
  std::chrono::steady_clock::time_point deadline;
  const std::vector<Value>* aggregates = nullptr;  // the current group's aggregate results
  std::vector<std::string> notes;
  std::size_t ticks = 0;

  // Fails with a "limit" error once the deadline has passed (checks the clock now and then).
  void tick() {
    if ((++ticks & 1023) == 0) checkTime();
  }
  // Fails with a "limit" error when the deadline has passed or the query was cancelled.
  void checkTime() const {
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) cancelled();
    if (std::chrono::steady_clock::now() > deadline) timedOut();
  }
  [[noreturn]] void cancelled() const;
  [[noreturn]] void timedOut() const;
  // Fails with a "limit" error when `rows` exceeds the row cap.
  void checkRows(std::size_t rows) const;
};

Value evaluate(const Expr& expr, const Row& row, ExecContext& ctx);

// Three-valued logic: only `true` passes a WHERE.
inline bool isTrue(const Value& value) {
  const bool* b = value.asBool();
  return b && *b;
}

// `=`: true, false, or null when either side is null. Dates compare to the coarser precision
// of the two; a string compared with a date is read as a date.
Value equalValues(const Value& a, const Value& b);
// <0, 0, >0, or nullopt when the values do not compare (different kinds, null).
std::optional<int> compareValues(const Value& a, const Value& b);
// A total order for ORDER BY, min and max: nulls last, then by kind, then by value.
int compareForSort(const Value& a, const Value& b);
// A canonical text for grouping and DISTINCT: equal keys for equal values.
std::string groupKey(const Value& value);

Value nodeProperty(const SnapshotData& snapshot, graph::VertexId vertex, const std::string& key);
Value relProperty(const SnapshotData& snapshot, graph::EdgeId edge, const std::string& key);

// Calls a scalar function, or reads an aggregate's result from ctx.aggregates (functions.cpp).
Value callFunction(const Expr& expr, const FunctionCall& call, const Row& row, ExecContext& ctx);

// Helpers shared by the evaluator and the functions.
bool isNumber(const Value& v);
double toDouble(const Value& v);                                    // REQUIRES: isNumber(v)
std::optional<common::PartialDate> asDateLike(const Value& value);  // a date, or a string as one
std::string typeName(const Value& v);                               // "an integer", "a node"...
[[noreturn]] void runtimeError(const Expr& expr, std::string message);

// The relationships of a variable-length binding (stored as a path) as a list.
Value relList(const PathValue& path);

}  // namespace newsgraph::query

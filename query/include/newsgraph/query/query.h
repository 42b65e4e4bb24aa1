// The query language (docs/QUERY.md): a Cypher subset over the knowledge graph, with the
// ontology behind its labels and relation types. The pipeline, in runQuery (query.cpp):
//   parse(text) -> Ast -> bind(Ast, snapshot) -> BoundQuery -> plan(BoundQuery) -> Plan
//   -> execute(Plan, snapshot) -> QueryResult
// Reads the graph and the ontology only; it sits above both (common <- ontology, graph <- query).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/common/error.h"
#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/ontology/ontology.h"
#include "newsgraph/query/value.h"

namespace newsgraph::query {

struct SnapshotData;

// A read-only index of a graph for queries: adjacency in compressed sparse rows, nodes by class,
// relation types interned with their symmetry. Building it costs one pass over the graph; reuse
// it for many queries. REQUIRES: `graph` and `ontology` outlive the snapshot and do not change
// while it lives.
class GraphSnapshot {
 public:
  GraphSnapshot(const graph::KnowledgeGraph& graph, const ontology::Ontology& ontology);
  ~GraphSnapshot();
  GraphSnapshot(GraphSnapshot&&) noexcept;
  GraphSnapshot& operator=(GraphSnapshot&&) noexcept;

  const graph::KnowledgeGraph& graph() const;
  const ontology::Ontology& ontology() const;
  // Internal data, for the query module's own stages.
  const SnapshotData& data() const { return *data_; }

 private:
  std::unique_ptr<SnapshotData> data_;
};

// Limits and inputs of one query run.
struct QueryOptions {
  std::map<std::string, Value, std::less<>> parameters;  // $name values; default none
  std::chrono::milliseconds timeout{30000};  // --timeout: the query stops with an error after it
  std::size_t maxRows = 1000000;             // --max-rows: cap on the rows any step may produce
  int maxDepth = 10;  // --max-depth: cap on variable-length and shortest-path hops
  // When set and it becomes true (a Ctrl-C handler), the query stops soon with a "limit"
  // error. Default none. Must outlive the runQuery call.
  const std::atomic<bool>* cancel = nullptr;
};

// The rows a query returned, or the plan EXPLAIN printed.
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  // EXPLAIN: the plan, one operator a line, rows empty. PROFILE: the plan with each operator's
  // output rows and time, and the rows as well. Empty otherwise.
  std::string plan;
  // Things the user should know about the answer ("betweenness sampled from 256 of 12000
  // sources"), one a line.
  std::vector<std::string> notes;
};

// Runs `text` on `snapshot`. Fails with an Error of source "<query>": stage "syntax" or
// "semantic" with line and column (1-based, in characters) for a bad query, stage "limit" when
// the timeout, the row cap or the depth cap is hit, stage "runtime" for a type error during
// execution (`'abc' + 1`...). Never throws for bad input.
common::Result<QueryResult> runQuery(std::string_view text, const GraphSnapshot& snapshot,
                                     const QueryOptions& options = {});

// An error of runQuery as the user sees it: Error::toString(), then, when it has a position,
// the offending line of `text` and a caret under the column.
std::string formatQueryError(const common::Error& error, std::string_view text);

// Parses a --param value: integers, floats, true, false and null are themselves, anything else
// is a string ('quotes' are stripped).
Value parseParameterValue(std::string_view text);

// Rendering. Nodes as (id), relations as (subject)-[:TYPE]->(object), paths step by step,
// strings as they are, lists as [a, b], null as `null`. The snapshot must be the one the query
// ran on.
std::string valueToText(const Value& value, const GraphSnapshot& snapshot);
// JSON: nodes as {"id", "label", "class"}, relations as {"type", "subject", "object"}, paths as
// {"nodes": [...], "relationships": [...]}.
std::string valueToJson(const Value& value, const GraphSnapshot& snapshot);
// The whole result as a JSON object {"columns": [...], "rows": [[...], ...]} and as RFC 4180
// CSV with a header line (null is an empty field).
std::string resultToJson(const QueryResult& result, const GraphSnapshot& snapshot);
std::string resultToCsv(const QueryResult& result, const GraphSnapshot& snapshot);

}  // namespace newsgraph::query

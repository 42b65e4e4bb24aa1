// The values a query computes with and returns: null, booleans, integers, floats, strings,
// partial dates, lists, maps, and references to the graph's nodes, relations and paths.
// References are ids into the KnowledgeGraph the query ran on: render them with that graph
// (result_format.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "newsgraph/common/partial_date.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::query {

struct Value;
using ValueList = std::vector<Value>;
using ValueMap = std::vector<std::pair<std::string, Value>>;  // keys in insertion order

// A node (entity or event vertex).
struct NodeRef {
  graph::VertexId vertex = 0;
  friend bool operator==(const NodeRef&, const NodeRef&) = default;
};

// A relation edge. Its direction is the stored one (subject -> object).
struct RelRef {
  graph::EdgeId edge = 0;
  friend bool operator==(const RelRef&, const RelRef&) = default;
};

// A walk: nodes[0] -edges[0]- nodes[1] ... ; edges.size() + 1 == nodes.size().
struct PathValue {
  std::vector<graph::VertexId> nodes;
  std::vector<graph::EdgeId> edges;
  friend bool operator==(const PathValue&, const PathValue&) = default;
};

struct Value {
  using Data =
      std::variant<std::monostate, bool, std::int64_t, double, std::string, common::PartialDate,
                   std::shared_ptr<const ValueList>, std::shared_ptr<const ValueMap>, NodeRef,
                   RelRef, std::shared_ptr<const PathValue>>;
  Data data;

  Value() = default;
  Value(bool b) : data(b) {}                    // NOLINT: implicit on purpose
  Value(std::int64_t i) : data(i) {}            // NOLINT
  Value(double d) : data(d) {}                  // NOLINT
  Value(std::string s) : data(std::move(s)) {}  // NOLINT
  Value(common::PartialDate d) : data(d) {}     // NOLINT
  Value(NodeRef n) : data(n) {}                 // NOLINT
  Value(RelRef r) : data(r) {}                  // NOLINT
  static Value list(ValueList items) {
    Value v;
    v.data = std::make_shared<const ValueList>(std::move(items));
    return v;
  }
  static Value map(ValueMap items) {
    Value v;
    v.data = std::make_shared<const ValueMap>(std::move(items));
    return v;
  }
  static Value path(PathValue p) {
    Value v;
    v.data = std::make_shared<const PathValue>(std::move(p));
    return v;
  }

  bool isNull() const { return data.index() == 0; }
  // Pointers into this value, null when it holds another kind. Valid while the value lives.
  const bool* asBool() const { return std::get_if<bool>(&data); }
  const std::int64_t* asInt() const { return std::get_if<std::int64_t>(&data); }
  const double* asDouble() const { return std::get_if<double>(&data); }
  const std::string* asString() const { return std::get_if<std::string>(&data); }
  const common::PartialDate* asDate() const { return std::get_if<common::PartialDate>(&data); }
  const ValueList* asList() const;
  const ValueMap* asMap() const;
  const NodeRef* asNode() const { return std::get_if<NodeRef>(&data); }
  const RelRef* asRel() const { return std::get_if<RelRef>(&data); }
  const PathValue* asPath() const;
};

}  // namespace newsgraph::query

// Scores what the graph extracted against gold, as SPEC section 8 says: per document, entities,
// (subject, type, object) relations and events, micro-averaged over documents, and per relation
// type. Event vertices and their role edges (ACTOR1, ACTOR2, OCCURRED_IN) are scored as events,
// never as entities or relations. An extracted event matches a gold event when their ACLED types
// are equal, the location is one of the gold's, and the date agrees to the gold's precision.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "newsgraph/eval/gold.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::eval {

// True positives, false positives, false negatives, and the measures derived from them.
struct Counts {
  std::size_t truePositives = 0;
  std::size_t falsePositives = 0;
  std::size_t falseNegatives = 0;

  double precision() const;  // 1 when nothing was extracted
  double recall() const;     // 1 when nothing was expected
  double f1() const;
  void add(const Counts& other);
};

// The score of one document, with what was missed and what was extracted wrongly.
struct DocumentScore {
  std::string doc;
  bool ingested = false;  // false when the gold names a document that was not read
  Counts entities;
  Counts relations;
  Counts events;
  std::vector<std::string> missedEntities;
  std::vector<std::string> spuriousEntities;
  std::vector<std::string> missedRelations;    // "s P o"
  std::vector<std::string> spuriousRelations;  // "s P o"
  std::vector<std::string> missedEvents;       // "type/subType at place date"
  std::vector<std::string> spuriousEvents;
};

struct Scores {
  Counts entities;
  Counts relations;
  Counts events;
  std::map<std::string, Counts> relationsByType;
  std::vector<DocumentScore> documents;
};

// Scores `graph` against `gold`. `isSymmetric` tells which relation types match in either order.
Scores score(const Gold& gold, const graph::KnowledgeGraph& graph,
             const std::function<bool(const std::string&)>& isSymmetric);

}  // namespace newsgraph::eval

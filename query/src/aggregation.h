// Private: the state of one aggregate over one group, and what an item's aggregates are.
#pragma once

#include <string>
#include <vector>

#include "evaluator.h"

namespace newsgraph::query {

struct Accumulator {
  std::int64_t count = 0;
  ValueList values;
  std::vector<std::string> seen;  // DISTINCT keys
  Value best;
  bool integral = true;
  std::int64_t intSum = 0;
  double sum = 0;
};

// Adds the row's value of `call`'s argument (nulls are skipped; DISTINCT drops repeats).
// Throws QueryException on sum/avg of non-numbers or integer overflow.
void accumulate(const FunctionCall& call, Accumulator& acc, const Row& row, ExecContext& ctx);
// The aggregate's result: count 0, collect [], the others null over no values.
Value finish(const FunctionCall& call, const Accumulator& acc);
// True when an aggregate call appears in `expr`.
bool containsAggregate(const Expr& expr);

}  // namespace newsgraph::query

// Private: runs a Plan over a snapshot, operator by operator, each turning all rows so far into
// the next rows (which PROFILE counts and times).
#pragma once

#include "evaluator.h"
#include "plan.h"

namespace newsgraph::query {

// Runs `plan`; fills its operators' PROFILE figures. Throws QueryException on a runtime error
// or a limit.
QueryResult execute(const Plan& plan, const SnapshotData& snapshot, const QueryOptions& options);

}  // namespace newsgraph::query

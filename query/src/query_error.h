// Private to the query module: errors inside the stages travel as a QueryException, which
// runQuery catches at the module's edge and returns as a common::Error (never past it).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/common/error.h"
#include "newsgraph/common/spelling.h"

namespace newsgraph::query {

// A position in the query text, 1-based; line 0 means unknown.
struct SourcePos {
  std::size_t line = 0;
  std::size_t column = 0;
};

class QueryException : public std::runtime_error {
 public:
  explicit QueryException(common::Error error)
      : std::runtime_error(error.message), error_(std::move(error)) {}
  const common::Error& error() const { return error_; }

 private:
  common::Error error_;
};

// Throws a QueryException of `stage` ("syntax", "semantic", "runtime", "limit") at `pos`.
[[noreturn]] void fail(std::string_view stage, SourcePos pos, std::string message);

// "Did you mean" hints (common/spelling.h).
using common::closestMatch;
using common::didYouMean;

}  // namespace newsgraph::query

#include "query_error.h"

#include <algorithm>
#include <cctype>

namespace newsgraph::query {

void fail(std::string_view stage, SourcePos pos, std::string message) {
  common::Error error;
  error.source = "<query>";
  error.line = pos.line;
  error.column = pos.column;
  error.stage = std::string(stage);
  error.message = std::move(message);
  throw QueryException(std::move(error));
}

}  // namespace newsgraph::query

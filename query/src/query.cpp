// The query pipeline in one function (runQuery), and the module's error edge: QueryException
// never leaves this file.
#include "newsgraph/query/query.h"

#include <cerrno>
#include <cstdlib>
#include <new>

#include "binder.h"
#include "executor.h"
#include "parser.h"
#include "plan.h"

namespace newsgraph::query {

common::Result<QueryResult> runQuery(std::string_view text, const GraphSnapshot& snapshot,
                                     const QueryOptions& options) {
  try {
    Ast ast = parse(text);
    QueryMode mode = ast.mode;
    BoundQuery bound = bind(std::move(ast), snapshot.data(), options);
    Plan physical = plan(std::move(bound), snapshot.data());
    if (mode == QueryMode::kExplain) {
      QueryResult result;
      result.plan = physical.toString(false);
      return result;
    }
    QueryResult result = execute(physical, snapshot.data(), options);
    if (mode == QueryMode::kProfile) result.plan = physical.toString(true);
    return result;
  } catch (const QueryException& error) {
    return error.error();
  } catch (const std::bad_alloc&) {
    common::Error error;
    error.source = "<query>";
    error.stage = "limit";
    error.message = "out of memory (lower --max-rows or narrow the pattern)";
    return error;
  }
}

std::string formatQueryError(const common::Error& error, std::string_view text) {
  std::string out = error.toString();
  if (error.line == 0) return out;
  std::size_t start = 0;
  for (std::size_t line = 1; line < error.line && start != std::string_view::npos; ++line) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return out;
  std::size_t end = text.find('\n', start);
  std::string_view line =
      text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  out += "\n";
  out += line;
  out += "\n";
  out += std::string(error.column > 0 ? error.column - 1 : 0, ' ') + "^";
  return out;
}

Value parseParameterValue(std::string_view text) {
  std::string s(text);
  if (s == "true") return Value(true);
  if (s == "false") return Value(false);
  if (s == "null") return Value();
  if (!s.empty()) {
    char* end = nullptr;
    errno = 0;
    long long i = std::strtoll(s.c_str(), &end, 10);
    if (*end == '\0' && errno == 0) return Value(static_cast<std::int64_t>(i));
    double d = std::strtod(s.c_str(), &end);
    if (*end == '\0' && s.find_first_of("0123456789") != std::string::npos &&
        s.find_first_not_of("0123456789.eE+-") == std::string::npos) {
      return Value(d);
    }
  }
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
    return Value(s.substr(1, s.size() - 2));
  }
  return Value(s);
}

}  // namespace newsgraph::query

// Private: query text -> Ast (docs/QUERY.md has the grammar).
#pragma once

#include <string_view>

#include "ast.h"

namespace newsgraph::query {

// Parses one query. Throws QueryException (stage "syntax", with line and column) on bad text.
Ast parse(std::string_view text);

}  // namespace newsgraph::query

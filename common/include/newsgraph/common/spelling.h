// "Did you mean" hints for misspelt names (relation types, classes, entity ids, functions):
// the closest candidate by edit distance, when it is close enough to be a likely typo.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::common {

// The candidate closest to `word` by case-insensitive edit distance, when that distance is at
// most a third of the word's length (at least 2); the first such candidate on ties; "" when
// none is close.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'X'?" when closestMatch finds X, else "".
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace newsgraph::common

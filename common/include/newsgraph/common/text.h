// Unicode helpers shared by every module, built on ICU: validation, matching keys and slugs.
// No ICU type appears here; callers pass and get UTF-8 strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace newsgraph::common {

// Returns the byte offset of the first invalid UTF-8 sequence, or nullopt when `text` is valid.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

// Appends the matching key of `utf8` to `out`: lower case, accents and other combining marks
// removed, ligatures opened (œ -> oe), typographic apostrophes turned into '\''.
// "Côte d’Ivoire" -> "cote d'ivoire". Tables come from ICU (NFD + case folding) and are built
// once per process; the call itself does no allocation beyond growing `out`.
// REQUIRES: `utf8` is valid UTF-8 (invalid bytes are copied through unchanged).
void appendMatchKey(std::string_view utf8, std::string& out);

// Convenience form of appendMatchKey.
std::string matchKey(std::string_view utf8);

// The id of SPEC section 1: NFKD, combining marks dropped, lower case, every run outside
// [a-z0-9] becomes one '-', '-' trimmed at both ends. "Côte d'Ivoire" -> "cote-d-ivoire".
std::string slugify(std::string_view utf8);

// The 1-based line and column (counted in bytes) of byte `offset` in `text`, for messages.
// Offsets past the end give the position of the end.
std::pair<std::size_t, std::size_t> lineAndColumn(std::string_view text, std::size_t offset);

// NFC normalization of a UTF-8 string (ICU). Returns the input unchanged when already NFC.
std::string toNfc(std::string_view utf8);

}  // namespace newsgraph::common

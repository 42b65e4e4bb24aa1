// Splits text into word, number and punctuation tokens without copying or rewriting the text:
// non-breaking and narrow spaces count as spaces, typographic apostrophes as apostrophes, NFC and
// NFD spellings get the same keys (combining marks are dropped from keys), and letter/digit
// runs glued by bad extraction ("juin2023") are split. Offsets are bytes into the input.
#pragma once

#include <string_view>
#include <vector>

#include "newsgraph/ingest/token.h"

namespace newsgraph::ingest {

class GlueSplitter;

// Appends the tokens of `text` to `out`; offsets are relative to `text` plus `base`.
// Hyphens between letters separate tokens and are not tokens themselves ("Royaume-Uni" gives
// "royaume", "uni" with kJoined on the second), so hyphenated and spaced spellings match alike.
// `glue`, when not null, splits lower-case words that a word list shows were glued together.
// REQUIRES: `text` is valid UTF-8 and shorter than 4 GiB.
void tokenize(std::string_view text, std::vector<Token>& out, const GlueSplitter* glue = nullptr,
              std::uint32_t base = 0);

}  // namespace newsgraph::ingest

// An article as read from a file: the unit that ingest turns into mentions and relations.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "newsgraph/common/partial_date.h"

namespace newsgraph::ingest {

// One news article. Offsets anywhere in newsgraph are UTF-8 byte offsets into `text`.
// For a .txt file `text` is the whole file content, with the `date ...` header (if any)
// overwritten by spaces of the same byte length, so offsets are also byte offsets into the file.
// For JSON, `text` is the "text" field as given.
struct Article {
  std::string doc;                          // SPEC 1: file stem, or the JSON "id"
  std::string title;                        // may be empty
  std::optional<common::PartialDate> date;  // publication date, when given
  std::string url;                          // may be empty
  std::string text;                         // the body (see above), valid UTF-8, never empty
  std::string source;                       // path it was read from, or "<stdin>"
  std::size_t line = 1;                     // 1-based line of the article in `source` (.jsonl)
};

}  // namespace newsgraph::ingest

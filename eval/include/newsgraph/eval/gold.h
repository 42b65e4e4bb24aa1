// Gold annotations (SPEC section 8) read from JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "newsgraph/common/error.h"
#include "newsgraph/common/partial_date.h"

namespace newsgraph::eval {

// A gold relation: any of `subjects`, the type, any of `objects`.
struct GoldRelation {
  std::vector<std::string> subjects;
  std::string predicate;
  std::vector<std::string> objects;
  std::optional<common::PartialDate> date;
  bool optional = false;
  std::string status;  // "asserted" unless the gold says otherwise
  std::string source;  // speaker for "claimed"
};

// A gold event (SPEC section 4); empty lists mean "not annotated".
struct GoldEvent {
  std::string type;
  std::string subType;
  std::vector<std::string> actor1;
  std::vector<std::string> actor2;
  std::vector<std::string> locations;
  std::optional<common::PartialDate> date;
  std::optional<long> fatalities;
};

// The gold of one document.
struct GoldDocument {
  std::string doc;
  std::vector<std::string> requiredEntities;
  std::vector<std::string> optionalEntities;
  std::vector<GoldRelation> relations;
  std::vector<GoldEvent> events;
};

struct Gold {
  std::vector<GoldDocument> documents;
};

// Reads a gold file. Fails with `<path>:<line>:<col>: gold error: ...` on malformed JSON and
// `<path>: gold error: document N: ...` on a missing or mistyped field.
common::Result<Gold> loadGold(const std::string& path);

// Same, from text in memory; `name` is used in messages.
common::Result<Gold> parseGold(const std::string& text, const std::string& name);

}  // namespace newsgraph::eval

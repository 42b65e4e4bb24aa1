// A relation read from one sentence of an article, before it is merged into the graph.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "newsgraph/common/partial_date.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::ingest {

// One extracted relation with its evidence. Entity ids follow SPEC section 1.
struct ExtractedRelation {
  std::string subject;
  std::string predicate;  // relation type name, "ATTACKS"
  std::string object;
  std::uint32_t sentence = 0;  // index into the article's sentences
  std::uint32_t begin = 0;     // the sentence's bytes [begin, end) in the article text
  std::uint32_t end = 0;
  std::optional<common::PartialDate> date;  // from the sentence, else the article
  graph::EvidenceStatus status = graph::EvidenceStatus::kAsserted;
  std::string source;     // speaker's entity id when status is kClaimed
  std::string place;      // entity id of a place the sentence names, may be empty
  double confidence = 0;  // in [0, 1], see docs/EXTRACTION.md
  std::string pattern;    // the pattern family that found it: "active", "passive", ...

  // "fama CAPTURES kidal [asserted, 2023-11-14, active]": for tests.
  std::string toString() const;
};

}  // namespace newsgraph::ingest

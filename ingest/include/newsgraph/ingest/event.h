// An ACLED-style event read from an article (SPEC section 4): what the event stage hands to the
// graph, which turns it into an event vertex linked to its actors and place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "newsgraph/common/partial_date.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::ingest {

// One event with its evidence sentence.
struct ExtractedEvent {
  std::string type;     // ACLED event type, "Battles"
  std::string subType;  // ACLED sub-event type, "Armed clash"
  std::string actor1;   // entity ids, may be empty
  std::string actor2;
  std::string location;  // entity id of a place, may be empty
  std::optional<common::PartialDate> date;
  std::optional<long> fatalities;
  std::uint32_t sentence = 0;  // evidence: index into the article's sentences
  std::uint32_t begin = 0;     // the sentence's bytes [begin, end) in the article text
  std::uint32_t end = 0;
  double confidence = 0;
  // kClaimed when the sentence reports it as someone's claim (`source`: the speaker's entity
  // id, may be empty); kAsserted otherwise (negated and hypothetical cues give no event).
  graph::EvidenceStatus status = graph::EvidenceStatus::kAsserted;
  std::string source;

  // "<type>/<subType> <actor1> vs <actor2> at <location> <date> fatalities <n> (sentence <i>,
  // confidence <c>)", with "-" for each missing field and the confidence with two decimals:
  // "Battles/Armed clash fama vs jnim at kidal 2023-11-14 fatalities 12 (sentence 0, confidence
  // 1.00)", "Strategic developments/Arrests - vs - at gao 2024-03 fatalities - (sentence 2,
  // confidence 0.70)". For tests.
  std::string toString() const;
};

}  // namespace newsgraph::ingest

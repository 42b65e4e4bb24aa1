// ACLED-style events read from an article (SPEC section 4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/common/partial_date.h"
#include "newsgraph/ingest/article.h"
#include "newsgraph/ingest/document_analysis.h"
#include "newsgraph/ontology/ontology.h"

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

  // "Battles/Armed clash fama vs csp at kidal 2023-11-14 fatalities 12": for tests.
  std::string toString() const;
};

class EventExtractor {
 public:
  // Reads event types and cues from the ontology (ontology/data/events.ttl), which must outlive
  // the extractor.
  explicit EventExtractor(const ontology::Ontology& ontology);

  // The events of one analysed article. `analysis.relations` may help choose the actors.
  std::vector<ExtractedEvent> extract(const Article& article,
                                      const DocumentAnalysis& analysis) const;

 private:
  const ontology::Ontology& ontology_;
};

}  // namespace newsgraph::ingest

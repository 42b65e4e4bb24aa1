#include "newsgraph/ingest/event_extractor.h"

namespace newsgraph::ingest {

std::string ExtractedEvent::toString() const { return type + "/" + subType; }

EventExtractor::EventExtractor(const ontology::Ontology& ontology) : ontology_(ontology) {}

std::vector<ExtractedEvent> EventExtractor::extract(const Article&, const DocumentAnalysis&) const {
  return {};  // placeholder until the event extractor lands
}

}  // namespace newsgraph::ingest

#include "newsgraph/ingest/event_extractor.h"

#include <cstdio>

#include "event_reader.h"

namespace newsgraph::ingest {

struct EventExtractor::Tables : event_reading::EventTables {
  using EventTables::EventTables;
};

std::string ExtractedEvent::toString() const {
  auto orDash = [](const std::string& text) { return text.empty() ? std::string("-") : text; };
  char confidenceText[16];
  std::snprintf(confidenceText, sizeof confidenceText, "%.2f", confidence);
  return type + "/" + subType + " " + orDash(actor1) + " vs " + orDash(actor2) + " at " +
         orDash(location) + " " + (date ? date->toString() : "-") + " fatalities " +
         (fatalities ? std::to_string(*fatalities) : "-") + " (sentence " +
         std::to_string(sentence) + ", confidence " + confidenceText + ")";
}

EventExtractor::EventExtractor(const ontology::Ontology& ontology)
    : ontology_(ontology), tables_(std::make_shared<const Tables>(ontology)), status_(ontology) {}

std::vector<ExtractedEvent> EventExtractor::extract(const Article& article,
                                                    const DocumentAnalysis& analysis) const {
  if (ontology_.eventTypes().empty()) return {};
  return event_reading::EventReader(ontology_, *tables_, status_, article, analysis).run();
}

}  // namespace newsgraph::ingest

// Test helper: the events extracted from a text, one ExtractedEvent::toString() a line.
#pragma once

#include <string>

#include "newsgraph/ingest/event_extractor.h"
#include "newsgraph/ingest/pipeline.h"

namespace newsgraph::testing {

// Reads texts as articles and lists their events. Build it once per test file (the pipeline
// indexes the ontology); `ontology` must outlive it.
class EventLister {
 public:
  explicit EventLister(const ontology::Ontology& ontology)
      : pipeline_(ontology, nullptr), extractor_(ontology) {}

  // The events of `text` read as an article published on `date` (none when null).
  std::string list(const std::string& text, const char* date) const {
    ingest::Article article;
    article.doc = "test";
    article.source = "test.txt";
    article.text = text;
    if (date != nullptr) article.date = common::PartialDate::parse(date);
    ingest::DocumentAnalysis analysis = pipeline_.analyze(article);
    std::string out;
    for (const ingest::ExtractedEvent& event : extractor_.extract(article, analysis)) {
      if (!out.empty()) out += "\n";
      out += event.toString();
    }
    return out;
  }

 private:
  ingest::Pipeline pipeline_;
  ingest::EventExtractor extractor_;
};

}  // namespace newsgraph::testing

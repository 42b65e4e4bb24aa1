// Everything the pipeline finds in one article, stage by stage.
#pragma once

#include <string>
#include <vector>

#include "newsgraph/ingest/date_parser.h"
#include "newsgraph/ingest/entity_recognizer.h"
#include "newsgraph/ingest/event.h"
#include "newsgraph/ingest/quantity_parser.h"
#include "newsgraph/ingest/relation.h"
#include "newsgraph/ingest/token.h"

namespace newsgraph::ingest {

struct DocumentAnalysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  Recognition recognition;
  // The country the article is about (FocusCountryFinder), "" when it names none.
  std::string focusCountry;
  // Per sentence (same index as `sentences`): its dates and quantities. Their offsets are
  // relative to the sentence's first byte (Sentence::begin).
  std::vector<std::vector<DateMention>> dates;
  std::vector<std::vector<Quantity>> quantities;
  // Relations read from the sentences (filled by the relation stage).
  std::vector<ExtractedRelation> relations;
  // Events read from the sentences (filled by the event stage, after relations).
  std::vector<ExtractedEvent> events;
};

}  // namespace newsgraph::ingest

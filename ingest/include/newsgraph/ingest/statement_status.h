// How a sentence presents what it says: asserted, negated, claimed by someone, or hypothetical.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/ingest/entity_recognizer.h"
#include "newsgraph/ingest/token.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ingest {

// The status of one statement and, when claimed, who claims it.
struct StatementStatus {
  graph::EvidenceStatus status = graph::EvidenceStatus::kAsserted;
  std::string source;  // speaker's entity id for kClaimed (may be empty: unnamed speaker)

  // "asserted", "negated", "hypothetical", "claimed by etats-unis", "claimed".
  std::string toString() const;
};

class StatusClassifier {
 public:
  // Reads its word lists from the ontology's lexicons (ontology/data/status.ttl); `ontology`
  // must outlive the classifier.
  explicit StatusClassifier(const ontology::Ontology& ontology);

  // The status of the statement whose cue is tokens [cueFirst, cueEnd) of sentences[sentence].
  // `text` is the article text the tokens point into; `mentions` the article's mentions.
  StatementStatus classify(std::string_view text, const std::vector<Token>& tokens,
                           const std::vector<Sentence>& sentences, std::uint32_t sentence,
                           std::uint32_t cueFirst, std::uint32_t cueEnd,
                           const std::vector<Mention>& mentions) const;

 private:
  const ontology::Ontology& ontology_;
};

}  // namespace newsgraph::ingest

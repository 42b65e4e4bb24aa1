// How a sentence presents what it says: asserted, negated, claimed by someone, or hypothetical.
#pragma once

#include <cstdint>
#include <memory>
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
  // `text` is the article text the tokens point into; `mentions` the article's mentions, in text
  // order (speakers are taken from them). When several readings apply, the first wins:
  //   1. negated: ne ... pas/jamais/plus... around the cue's verb, aucun/sans/pas de right before
  //      the cue, or a verb of denial governing it (X dément que ...). A negation inside a claim
  //      or a condition stays negated: a speaker denying is not a speaker claiming.
  //   2. hypothetical: a possibility marker in the cue's clause (pourrait, risque de, éventuel),
  //      a condition clause holding the cue (si ...), or a conditional verb after si.
  //   3. claimed, with the speaker's entity id as source when one is named: X affirme que ...,
  //      X accuse Y de ..., a quote attributed to X (across sentences), an incise (..., a indiqué
  //      X), selon/d'après X, or else the conditional of hearsay (auraient exécuté, no source).
  //   4. asserted.
  // Out-of-range indices give asserted. Thread-safe: the classifier is read-only.
  StatementStatus classify(std::string_view text, const std::vector<Token>& tokens,
                           const std::vector<Sentence>& sentences, std::uint32_t sentence,
                           std::uint32_t cueFirst, std::uint32_t cueEnd,
                           const std::vector<Mention>& mentions) const;

 private:
  struct Lexicons;  // status.ttl's word lists, indexed by first token key (statement_status.cpp)

  const ontology::Ontology& ontology_;  // entity classes, to keep places from speaking
  // Shared rather than unique so that the classifier stays copyable while Lexicons stays
  // private to the .cpp; never modified after construction.
  std::shared_ptr<const Lexicons> lexicons_;
};

}  // namespace newsgraph::ingest

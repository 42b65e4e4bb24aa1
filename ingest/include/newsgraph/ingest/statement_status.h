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

class ArticleStatuses;

class StatusClassifier {
 public:
  // Reads its word lists from the ontology's lexicons (ontology/data/status.ttl); `ontology`
  // must outlive the classifier. A missing lexicon disables the rules that use it (an ontology
  // without status.ttl makes everything asserted).
  explicit StatusClassifier(const ontology::Ontology& ontology);

  // The status of the statement whose cue is tokens [cueFirst, cueEnd) of sentences[sentence].
  // `text` is the article text the tokens point into; `mentions` the article's mentions, in text
  // order (speakers are taken from them; places never speak). When several readings apply, the
  // first in this order wins:
  //   1. negated: ne ... pas/jamais/plus/guère... around the cue's verb within its clause,
  //      aucun/sans/pas de right before the cue, a verb of denial governing it (X dément que ...,
  //      X nie avoir ...) or a negated verb of saying (X ne croit pas que ...). A negation inside
  //      a claim stays negated and carries no source: what the text reports is that the relation
  //      does not hold, whoever says so.
  //   2. hypothetical: a possibility marker in the cue's clause (pourrait, risque de, envisage,
  //      éventuel, en cas de, prêt à), a condition clause holding the cue (si ...), or a
  //      conditional verb in a sentence with a condition (si X attaquait, Y riposterait). It
  //      beats a claim: "X affirme que Y pourrait ..." claims only a possibility.
  //   3. claimed, with the speaker's entity id as source when one is named; the first rule that
  //      names one wins: X affirme que / affirme avoir ..., X accuse Y de ..., a quote in « » or
  //      " " attributed before, after or inside it (across sentences of the paragraph), an incise
  //      (..., a indiqué X), selon/d'après/aux dires de X; then the conditional of hearsay
  //      (auraient exécuté), which names nobody.
  //   4. asserted.
  // Out-of-range indices give asserted. Thread-safe: the classifier is read-only. For many
  // statements of one article, ArticleStatuses does the work they share once.
  StatementStatus classify(std::string_view text, const std::vector<Token>& tokens,
                           const std::vector<Sentence>& sentences, std::uint32_t sentence,
                           std::uint32_t cueFirst, std::uint32_t cueEnd,
                           const std::vector<Mention>& mentions) const;

 private:
  friend class ArticleStatuses;
  struct Lexicons;     // status.ttl's word lists, indexed by first token key (statement_status.cpp)
  class ArticleWords;  // the lexicon bits of an article's tokens and its quotation marks
  class Reader;        // one classify() call: the cue's sentence and its surroundings

  const ontology::Ontology& ontology_;  // entity classes, to keep places from speaking
  // Shared rather than unique so that the classifier stays copyable while Lexicons stays
  // private to the .cpp; never modified after construction.
  std::shared_ptr<const Lexicons> lexicons_;
};

// The statuses of many statements of one article, as StatusClassifier::classify gives them,
// with the work they share done once: each token's lexicon bits (on first use), the sentence's
// union of them, the article's quotation marks, and the last statement's status (a relation
// cue is classified once for all its argument pairs). Every reference passed to the
// constructor must outlive the object; not thread-safe (its tables fill as it goes).
class ArticleStatuses {
 public:
  ArticleStatuses(const StatusClassifier& classifier, const std::vector<Token>& tokens,
                  const std::vector<Sentence>& sentences, const std::vector<Mention>& mentions);
  ~ArticleStatuses();
  ArticleStatuses(const ArticleStatuses&) = delete;
  ArticleStatuses& operator=(const ArticleStatuses&) = delete;

  // StatusClassifier::classify for the article's statement at tokens [cueFirst, cueEnd) of
  // sentences[sentence].
  StatementStatus classify(std::uint32_t sentence, std::uint32_t cueFirst, std::uint32_t cueEnd);

 private:
  const StatusClassifier& classifier_;
  const std::vector<Token>& tokens_;
  const std::vector<Sentence>& sentences_;
  const std::vector<Mention>& mentions_;
  std::unique_ptr<StatusClassifier::ArticleWords> words_;
  // The last statement classified and its status.
  std::uint32_t lastSentence_ = 0, lastFirst_ = 0, lastEnd_ = 0;
  StatementStatus last_;
};

}  // namespace newsgraph::ingest

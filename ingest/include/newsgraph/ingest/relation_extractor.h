// Relation extraction: finds the cues of the ontology's relation types in each sentence (on
// Snowball French stems) and attaches their arguments among the sentence's entity mentions by
// the cue's kind (verb, passive, noun, object noun, between), with coordination, appositions,
// relative clauses and implicit arguments. Rules are in docs/EXTRACTION.md.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsgraph/ingest/article.h"
#include "newsgraph/ingest/document_analysis.h"
#include "newsgraph/ingest/statement_status.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ingest {

struct RelationClasses;   // private to the implementation
struct RelationCueIndex;  // private to the implementation
class RelationLexicons;   // private to the implementation
class TokenFeatures;      // private to the implementation
class AnaphorResolver;    // private to the implementation

class RelationExtractor {
 public:
  // Builds the cue index from `ontology`, which must outlive the extractor.
  explicit RelationExtractor(const ontology::Ontology& ontology);
  ~RelationExtractor();
  RelationExtractor(const RelationExtractor&) = delete;
  RelationExtractor& operator=(const RelationExtractor&) = delete;

  // The relations of one analysed article (tokens, sentences, mentions, dates filled in).
  // Not thread-safe: it keeps a stem cache and the article's token features; use one extractor
  // per thread.
  std::vector<ExtractedRelation> extract(const Article& article,
                                         const DocumentAnalysis& analysis) const;

 private:
  const ontology::Ontology& ontology_;
  std::unique_ptr<RelationClasses> classes_;  // class ids, relation signatures
  std::unique_ptr<RelationCueIndex> cues_;
  std::unique_ptr<RelationLexicons> lexicons_;
  std::unique_ptr<TokenFeatures> features_;    // of the article being read
  std::unique_ptr<AnaphorResolver> anaphora_;  // "le camp", "ces combattants", "y"
  StatusClassifier status_;
};

}  // namespace newsgraph::ingest

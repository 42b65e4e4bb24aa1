// The ingest pipeline: article -> tokens -> sentences -> mentions (-> relations, events in the
// relations -> events), merged into the knowledge graph. One Pipeline is built per process from
// the ontology and reused for every article. Not thread-safe (the relation stage caches stems):
// use one Pipeline per thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/ingest/article.h"
#include "newsgraph/ingest/document_analysis.h"
#include "newsgraph/ingest/entity_recognizer.h"
#include "newsgraph/ingest/event_extractor.h"
#include "newsgraph/ingest/focus_country.h"
#include "newsgraph/ingest/glue_splitter.h"
#include "newsgraph/ingest/relation_extractor.h"
#include "newsgraph/ingest/sentence_splitter.h"
#include "newsgraph/ingest/token.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ingest {

// What ingesting one article did to the graph.
enum class IngestOutcome { kAdded, kUnchanged, kReplaced };

// Which stages run after entity recognition.
struct PipelineOptions {
  // Dates, quantities, relations and events (default true); false: entities only.
  bool relations = true;
};

class Pipeline {
 public:
  // `ontology` and `glue` (may be null: no glued-word repair) must outlive the pipeline.
  Pipeline(const ontology::Ontology& ontology, const GlueSplitter* glue,
           PipelineOptions options = {});

  // Analyses one article without touching any graph.
  DocumentAnalysis analyze(const Article& article) const;

  // Analyses `article` and merges it into `graph`. The same article twice (same doc id and
  // content hash) changes nothing; a changed article replaces its old mentions and evidence.
  IngestOutcome ingest(const Article& article, graph::KnowledgeGraph& graph) const;

  // Adds the ontology's background facts touching entities present in `graph` (creating the
  // other endpoint when needed), with the ontology as their source (no article).
  void addBackgroundFacts(graph::KnowledgeGraph& graph) const;

  // The id of the vertex of the event told by sentence `sentence` of article `doc`:
  // "event-<doc>-<sentence>" as a slug (SPEC 1), stable across runs.
  static std::string eventId(const std::string& doc, std::uint32_t sentence);

  // The graph vertex for an ontology entity, created when absent.
  graph::VertexId ensureKnownEntity(graph::KnowledgeGraph& graph,
                                    const ontology::EntityRecord& entity) const;

  const ontology::Ontology& ontology() const { return ontology_; }

 private:
  const ontology::Ontology& ontology_;
  const GlueSplitter* glue_;
  PipelineOptions options_;
  SentenceSplitter splitter_;
  EntityRecognizer recognizer_;
  FocusCountryFinder focus_;
  RelationExtractor relations_;
  EventExtractor events_;
  int currentYear_ = 0;  // bound for years inferred from a weekday

  void addEvent(const Article& article, graph::ArticleId id, const ExtractedEvent& event,
                graph::KnowledgeGraph& graph) const;
};

// 64-bit FNV-1a over an article's doc id, title, date and text: detects changed articles.
std::uint64_t contentHash(const Article& article);

}  // namespace newsgraph::ingest

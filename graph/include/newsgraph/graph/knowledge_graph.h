// The knowledge graph: one vertex per entity, one edge per (subject, relation type, object)
// carrying its list of evidence, and the articles the evidence comes from. Vertices and edges
// are dense vectors indexed by this header's own ids (VertexId, EdgeId), with an adjacency list
// of edge ids per vertex (docs/STORE.md says why not a Boost adjacency_list); boost_graph.h
// makes it a Boost.Graph, so Boost's algorithms run on it directly.
// Ingest merges into it; export, eval and query read it. It depends on common only: what the
// ontology says (classes, symmetry) is passed in by the caller.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/common/partial_date.h"

namespace newsgraph::graph {

using VertexId = std::uint32_t;
using EdgeId = std::uint32_t;
using ArticleId = std::uint32_t;

// Where an entity is mentioned: article, sentence index, byte offsets into the article text.
struct MentionRef {
  ArticleId article = 0;
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// How the text presents a relation (SPEC 3, 7).
enum class EvidenceStatus : std::uint8_t { kAsserted, kNegated, kClaimed, kHypothetical };
std::string_view statusName(EvidenceStatus status);
std::optional<EvidenceStatus> parseStatus(std::string_view name);

// One piece of evidence for a relation or an event. `article` is empty for background facts.
struct Evidence {
  std::optional<ArticleId> article;
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string quote;  // the sentence, NFC
  std::optional<common::PartialDate> date;
  EvidenceStatus status = EvidenceStatus::kAsserted;
  std::string source;  // speaker's entity id for kClaimed
  std::string place;   // entity id, may be empty
  double confidence = 1.0;
};

// What an event vertex holds beyond its node (SPEC 4). Its actors and place are ACTOR1, ACTOR2
// and OCCURRED_IN edges from the event vertex, with the same evidence.
struct EventDetails {
  std::string type;     // ACLED event type, "Battles"
  std::string subType;  // ACLED sub-event type, "Armed clash"
  std::optional<common::PartialDate> date;
  std::optional<long> fatalities;  // none when the text gives no death count
  Evidence evidence;               // the sentence that tells it
  bool retracted = false;          // its article was removed or replaced
};

// An entity vertex; an event is a vertex of class Event with `event` set.
struct EntityNode {
  std::string id;     // SPEC 1 slug
  std::string cls;    // ontology class name
  std::string label;  // French preferred label
  std::string labelEn;
  std::vector<std::string> aliases;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string wikidata;
  bool known = false;  // from the ontology's gazetteer (else open-world)
  std::vector<MentionRef> mentions;
  std::optional<EventDetails> event;
};

// A relation edge: all the evidence for one (subject, type, object).
struct RelationEdge {
  VertexId subject = 0;
  VertexId object = 0;
  std::string type;
  std::vector<Evidence> evidence;
};

// An article the graph has read.
struct ArticleRecord {
  std::string doc;
  std::string title;
  std::string url;
  std::string source;
  std::optional<common::PartialDate> date;
  std::uint64_t contentHash = 0;
  bool removed = false;  // tombstone: ids stay stable
};

// One change to a graph, recorded while change tracking is on (KnowledgeGraph::trackChanges), so
// that a store can write only what changed (graph_store.h). Changes are kept in the order they
// happened: replaying them in order gives the graph's current state.
struct GraphChange {
  enum class Kind : std::uint8_t {
    kArticleAdded,    // `id`: the article added
    kArticleRemoved,  // `id`: the article removeArticle took out with its mentions and evidence
    kEntityChanged,   // `id`: a vertex created, or whose aliases or event details changed
    kMentionAdded,    // `id`: the vertex; `mention` what was added
    kEvidenceAdded,   // `id`: the edge; `evidence` a copy of what was added
  };
  Kind kind = Kind::kEntityChanged;
  std::uint32_t id = 0;
  MentionRef mention;  // kMentionAdded only
  Evidence evidence;   // kEvidenceAdded only
};

class KnowledgeGraph {
 public:
  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  // Returns the vertex of `node.id`, creating it from `node` when absent (mentions ignored).
  // An existing vertex keeps its data; aliases of `node` it lacks are added.
  VertexId ensureEntity(const EntityNode& node);
  std::optional<VertexId> findEntity(std::string_view id) const;
  const EntityNode& entity(VertexId vertex) const;
  std::size_t entityCount() const;
  void addMention(VertexId vertex, MentionRef mention);
  void addAlias(VertexId vertex, const std::string& alias);

  // Sets (or replaces) the details of an event vertex, which must have class Event.
  void setEvent(VertexId vertex, EventDetails details);
  // The live (not retracted) event vertices, in vertex order.
  std::vector<VertexId> events() const;
  // The id of the entity that an event's role edge (ACTOR1, ACTOR2, OCCURRED_IN) points to, or
  // "" when the event has no such edge.
  std::string eventRole(VertexId event, std::string_view role) const;

  // Adds evidence to the edge (subject, type, object), creating the edge when absent. A symmetric
  // type is stored once, subject and object in id order. Evidence already present (same article
  // and offsets, or same background fact) is not added twice. Returns the edge.
  EdgeId addEvidence(VertexId subject, const std::string& type, VertexId object, bool symmetric,
                     Evidence evidence);
  // Adds a relation with all its evidence at once, as stored: for stores opening a graph.
  // Cheaper than addEvidence per item (no lookup; the index addEvidence uses is rebuilt on its
  // next call). Not logged by change tracking. REQUIRES: no edge (subject, type, object) yet,
  // `evidence` not empty, symmetric types already in stored order.
  EdgeId addRelation(VertexId subject, const std::string& type, VertexId object,
                     std::vector<Evidence> evidence);
  const RelationEdge& relation(EdgeId edge) const;
  std::size_t relationCount() const;
  // Edges leaving / entering a vertex, in the order they were created. The first call after
  // addRelation attaches the relations it added, all at once: a graph is not safe to read from
  // several threads at a time.
  std::vector<EdgeId> outEdges(VertexId vertex) const;
  std::vector<EdgeId> inEdges(VertexId vertex) const;
  // The same lists without a copy, for Boost.Graph's out_edges and in_edges (boost_graph.h).
  // Valid until the graph next changes.
  std::span<const EdgeId> outEdgeRange(VertexId vertex) const;
  std::span<const EdgeId> inEdgeRange(VertexId vertex) const;

  // Articles. addArticle returns the new id; findArticle looks a live article up by doc id.
  ArticleId addArticle(ArticleRecord record);
  std::optional<ArticleId> findArticle(std::string_view doc) const;
  const ArticleRecord& article(ArticleId id) const;
  std::size_t articleCount() const;  // including removed ones (ids are stable)

  // Takes an article's mentions and evidence out of the graph and marks it removed. Edges left
  // without evidence disappear; vertices stay (an entity of the ontology is still known), and
  // the article's events are marked retracted.
  void removeArticle(ArticleId id);

  // Makes room for this many entities, relations and articles (a store knows them before it
  // builds the graph): only speed changes.
  void reserve(std::size_t entities, std::size_t relations, std::size_t articles);

  // Change tracking, for stores that write incrementally. Off by default, and then free. While
  // on, every change to the graph (above) is appended to a log; takeChanges() returns the log
  // and empties it. Evidence or mentions that add* drop as duplicates are not logged.
  void trackChanges(bool on);
  std::vector<GraphChange> takeChanges();
  // The same into `log` (its previous content dropped), which then lends the graph its
  // capacity: a caller that takes changes after every article reuses one buffer.
  void takeChanges(std::vector<GraphChange>& log);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph::graph

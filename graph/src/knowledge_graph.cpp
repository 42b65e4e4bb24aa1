#include "newsgraph/graph/knowledge_graph.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "newsgraph/common/flat_key_index.h"
#include "newsgraph/common/key_hash.h"

namespace newsgraph::graph {

std::string_view statusName(EvidenceStatus status) {
  switch (status) {
    case EvidenceStatus::kAsserted:
      return "asserted";
    case EvidenceStatus::kNegated:
      return "negated";
    case EvidenceStatus::kClaimed:
      return "claimed";
    case EvidenceStatus::kHypothetical:
      return "hypothetical";
  }
  return "asserted";
}

std::optional<EvidenceStatus> parseStatus(std::string_view name) {
  for (auto status : {EvidenceStatus::kAsserted, EvidenceStatus::kNegated, EvidenceStatus::kClaimed,
                      EvidenceStatus::kHypothetical}) {
    if (statusName(status) == name) return status;
  }
  return std::nullopt;
}

namespace {

// An edge's identity: endpoints and the interned relation type. Integers, so that finding an
// edge allocates nothing (opening a store of a million relations does it a million times).
struct EdgeKey {
  VertexId subject;
  VertexId object;
  std::uint32_t type;
  bool operator==(const EdgeKey&) const = default;
};

struct EdgeKeyHash {
  std::size_t operator()(const EdgeKey& k) const {
    std::uint64_t h = (std::uint64_t{k.subject} << 32 | k.object) * 0x9e3779b97f4a7c15ULL;
    return static_cast<std::size_t>(h ^ (h >> 29) ^
                                    (std::uint64_t{k.type} * 0xbf58476d1ce4e5b9ULL));
  }
};

// The edges by key, in an open-addressing table (linear probing, power-of-two size, at most
// half full). A std::unordered_map spent most of each lookup on its bucket division and on
// following node pointers through millions of edges.
class EdgeTable {
 public:
  static constexpr EdgeId kNone = UINT32_MAX;

  // The edge of `key`, or kNone.
  EdgeId find(const EdgeKey& key) const {
    if (slots_.empty()) return kNone;
    for (std::size_t s = slotOf(key);; s = (s + 1) & mask_) {
      if (slots_[s].edge == kNone || slots_[s].key == key) return slots_[s].edge;
    }
  }
  // Adds `key` (REQUIRES: find(key) == kNone).
  void insert(const EdgeKey& key, EdgeId edge) {
    reserve(count_ + 1);
    place(Slot{key, edge});
    ++count_;
  }
  // Makes room for `count` keys without growing.
  void reserve(std::size_t count) {
    if (2 * count <= slots_.size()) return;
    std::size_t size = 64;
    while (size < 2 * count) size *= 2;
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(size));
    mask_ = size - 1;
    for (const Slot& slot : old) {
      if (slot.edge != kNone) place(slot);
    }
  }
  void clear() {
    slots_.clear();
    mask_ = 0;
    count_ = 0;
  }

 private:
  struct Slot {
    EdgeKey key{};
    EdgeId edge = kNone;
  };
  std::size_t slotOf(const EdgeKey& key) const {
    return static_cast<std::size_t>(common::detail::mixKey(EdgeKeyHash{}(key))) & mask_;
  }
  void place(const Slot& slot) {
    std::size_t s = slotOf(slot.key);
    while (slots_[s].edge != kNone) s = (s + 1) & mask_;
    slots_[s] = slot;
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

bool sameEvidence(const Evidence& a, const Evidence& b) {
  return a.article == b.article && a.begin == b.begin && a.end == b.end && a.status == b.status &&
         a.source == b.source;
}

// A string-keyed index looked up by std::string_view without building a std::string.
template <typename Value>
using StringIndex = std::unordered_map<std::string, Value, common::KeyHash, std::equal_to<>>;

}  // namespace

struct KnowledgeGraph::Impl {
  std::vector<EntityNode> vertices;
  // Entity ids numbered as their vertices: vertices are only ever appended, never removed.
  common::FlatKeyIndex vertexById;
  std::vector<RelationEdge> relations;
  // The adjacency: edges leaving and entering each vertex, in the order they were attached, as
  // a Boost adjacency_list kept them before (docs/STORE.md: adding a million edges to one cost
  // 0.7 s at every open). Edges below `attached` are in it when they have evidence; the edges
  // addRelation appends after are attached together on first use (adjacency()).
  std::vector<std::vector<EdgeId>> outOf, inOf;
  EdgeId attached = 0;
  // Built on first use after addRelation, which read-only commands never need.
  EdgeTable edgeByKey;
  bool edgeIndexStale = false;
  StringIndex<std::uint32_t> typeIds;

  std::uint32_t typeId(const std::string& type) {
    auto found = typeIds.find(type);
    if (found != typeIds.end()) return found->second;
    auto id = static_cast<std::uint32_t>(typeIds.size());
    typeIds.emplace(type, id);
    return id;
  }

  // Attaches the edges addRelation left out, in edge order: counts degrees first, so each
  // vertex's lists grow once.
  void adjacency() {
    if (attached == relations.size()) return;
    outOf.resize(vertices.size());
    inOf.resize(vertices.size());
    std::vector<std::uint32_t> out(vertices.size()), in(vertices.size());
    for (EdgeId edge = attached; edge < relations.size(); ++edge) {
      if (relations[edge].evidence.empty()) continue;
      ++out[relations[edge].subject];
      ++in[relations[edge].object];
    }
    for (std::size_t v = 0; v < vertices.size(); ++v) {
      if (out[v] != 0) outOf[v].reserve(outOf[v].size() + out[v]);
      if (in[v] != 0) inOf[v].reserve(inOf[v].size() + in[v]);
    }
    for (; attached < relations.size(); ++attached) {
      if (!relations[attached].evidence.empty()) attach(attached);
    }
  }

  // Adds an edge at the end of its endpoints' lists.
  void attach(EdgeId edge) {
    const RelationEdge& r = relations[edge];
    if (outOf.size() < vertices.size()) {
      outOf.resize(vertices.size());
      inOf.resize(vertices.size());
    }
    outOf[r.subject].push_back(edge);
    inOf[r.object].push_back(edge);
  }

  // Takes an edge out of its endpoints' lists, keeping the others' order.
  void detach(EdgeId edge) {
    const RelationEdge& r = relations[edge];
    auto& out = outOf[r.subject];
    out.erase(std::find(out.begin(), out.end(), edge));
    auto& in = inOf[r.object];
    in.erase(std::find(in.begin(), in.end(), edge));
  }

  EdgeTable& edgeIndex() {
    if (edgeIndexStale) {
      edgeIndexStale = false;
      edgeByKey.clear();
      edgeByKey.reserve(relations.size());
      for (EdgeId edge = 0; edge < relations.size(); ++edge) {
        const RelationEdge& r = relations[edge];
        EdgeKey key{r.subject, r.object, typeId(r.type)};
        if (edgeByKey.find(key) == EdgeTable::kNone) edgeByKey.insert(key, edge);
      }
    }
    return edgeByKey;
  }
  std::vector<ArticleRecord> articles;
  StringIndex<ArticleId> articleByDoc;
  bool tracking = false;
  std::vector<GraphChange> changes;

  void log(GraphChange::Kind kind, std::uint32_t id) {
    if (tracking) changes.push_back(GraphChange{kind, id, {}, {}});
  }
};

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

VertexId KnowledgeGraph::ensureEntity(const EntityNode& node) {
  if (VertexId found = impl_->vertexById.find(node.id); found != common::FlatKeyIndex::kAbsent) {
    for (const std::string& alias : node.aliases) addAlias(found, alias);
    return found;
  }
  EntityNode copy = node;
  copy.mentions.clear();
  const VertexId vertex = impl_->vertexById.insert(node.id);  // = vertices.size()
  impl_->vertices.push_back(std::move(copy));
  impl_->log(GraphChange::Kind::kEntityChanged, vertex);
  return vertex;
}

std::optional<VertexId> KnowledgeGraph::findEntity(std::string_view id) const {
  VertexId found = impl_->vertexById.find(id);
  if (found == common::FlatKeyIndex::kAbsent) return std::nullopt;
  return found;
}

const EntityNode& KnowledgeGraph::entity(VertexId vertex) const { return impl_->vertices[vertex]; }

std::size_t KnowledgeGraph::entityCount() const { return impl_->vertices.size(); }

void KnowledgeGraph::addMention(VertexId vertex, MentionRef mention) {
  impl_->vertices[vertex].mentions.push_back(mention);
  if (impl_->tracking) {
    impl_->changes.push_back(GraphChange{GraphChange::Kind::kMentionAdded, vertex, mention, {}});
  }
}

void KnowledgeGraph::addAlias(VertexId vertex, const std::string& alias) {
  EntityNode& node = impl_->vertices[vertex];
  if (alias == node.label) return;
  if (std::find(node.aliases.begin(), node.aliases.end(), alias) == node.aliases.end()) {
    node.aliases.push_back(alias);
    impl_->log(GraphChange::Kind::kEntityChanged, vertex);
  }
}

void KnowledgeGraph::setEvent(VertexId vertex, EventDetails details) {
  impl_->vertices[vertex].event = std::move(details);
  impl_->log(GraphChange::Kind::kEntityChanged, vertex);
}

std::vector<VertexId> KnowledgeGraph::events() const {
  std::vector<VertexId> out;
  for (VertexId vertex = 0; vertex < impl_->vertices.size(); ++vertex) {
    const auto& event = impl_->vertices[vertex].event;
    if (event && !event->retracted) out.push_back(vertex);
  }
  return out;
}

std::string KnowledgeGraph::eventRole(VertexId event, std::string_view role) const {
  impl_->adjacency();
  if (event >= impl_->outOf.size()) return {};
  for (EdgeId id : impl_->outOf[event]) {
    const RelationEdge& edge = impl_->relations[id];
    if (edge.type == role) return impl_->vertices[edge.object].id;
  }
  return {};
}

EdgeId KnowledgeGraph::addEvidence(VertexId subject, const std::string& type, VertexId object,
                                   bool symmetric, Evidence evidence) {
  if (symmetric && impl_->vertices[object].id < impl_->vertices[subject].id)
    std::swap(subject, object);
  EdgeKey key{subject, object, impl_->typeId(type)};
  impl_->adjacency();
  EdgeTable& index = impl_->edgeIndex();
  EdgeId edge = index.find(key);
  if (edge == EdgeTable::kNone || impl_->relations[edge].evidence.empty()) {
    if (edge == EdgeTable::kNone) {
      edge = static_cast<EdgeId>(impl_->relations.size());
      impl_->relations.push_back(RelationEdge{subject, object, type, {}});
      impl_->attached = static_cast<EdgeId>(impl_->relations.size());
      index.insert(key, edge);
    }
    impl_->attach(edge);
  }
  // Evidence of one article arrives together: only the tail can repeat it, which keeps this
  // constant-time on edges with thousands of sources.
  auto& list = impl_->relations[edge].evidence;
  for (auto it = list.rbegin(); it != list.rend() && it->article == evidence.article; ++it) {
    if (sameEvidence(*it, evidence)) return edge;
  }
  if (impl_->tracking) {
    impl_->changes.push_back(GraphChange{GraphChange::Kind::kEvidenceAdded, edge, {}, evidence});
  }
  list.push_back(std::move(evidence));
  return edge;
}

EdgeId KnowledgeGraph::addRelation(VertexId subject, const std::string& type, VertexId object,
                                   std::vector<Evidence> evidence) {
  auto edge = static_cast<EdgeId>(impl_->relations.size());
  impl_->relations.push_back(RelationEdge{subject, object, type, std::move(evidence)});
  impl_->edgeIndexStale = true;
  return edge;
}

const RelationEdge& KnowledgeGraph::relation(EdgeId edge) const { return impl_->relations[edge]; }

std::size_t KnowledgeGraph::relationCount() const { return impl_->relations.size(); }

std::vector<EdgeId> KnowledgeGraph::outEdges(VertexId vertex) const {
  impl_->adjacency();
  if (vertex >= impl_->outOf.size()) return {};
  return impl_->outOf[vertex];
}

std::vector<EdgeId> KnowledgeGraph::inEdges(VertexId vertex) const {
  impl_->adjacency();
  if (vertex >= impl_->inOf.size()) return {};
  return impl_->inOf[vertex];
}

std::span<const EdgeId> KnowledgeGraph::outEdgeRange(VertexId vertex) const {
  impl_->adjacency();
  if (vertex >= impl_->outOf.size()) return {};
  return impl_->outOf[vertex];
}

std::span<const EdgeId> KnowledgeGraph::inEdgeRange(VertexId vertex) const {
  impl_->adjacency();
  if (vertex >= impl_->inOf.size()) return {};
  return impl_->inOf[vertex];
}

ArticleId KnowledgeGraph::addArticle(ArticleRecord record) {
  auto id = static_cast<ArticleId>(impl_->articles.size());
  impl_->articleByDoc[record.doc] = id;
  impl_->articles.push_back(std::move(record));
  impl_->log(GraphChange::Kind::kArticleAdded, id);
  return id;
}

std::optional<ArticleId> KnowledgeGraph::findArticle(std::string_view doc) const {
  auto found = impl_->articleByDoc.find(doc);
  if (found == impl_->articleByDoc.end() || impl_->articles[found->second].removed) {
    return std::nullopt;
  }
  return found->second;
}

const ArticleRecord& KnowledgeGraph::article(ArticleId id) const { return impl_->articles[id]; }

std::size_t KnowledgeGraph::articleCount() const { return impl_->articles.size(); }

void KnowledgeGraph::removeArticle(ArticleId id) {
  ArticleRecord& record = impl_->articles[id];
  if (record.removed) return;
  record.removed = true;
  impl_->log(GraphChange::Kind::kArticleRemoved, id);
  impl_->adjacency();
  for (EntityNode& node : impl_->vertices) {
    auto& event = node.event;
    if (event && event->evidence.article == id) event->retracted = true;
    auto& mentions = node.mentions;
    mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                  [id](const MentionRef& m) { return m.article == id; }),
                   mentions.end());
  }
  for (EdgeId edge = 0; edge < impl_->relations.size(); ++edge) {
    auto& list = impl_->relations[edge].evidence;
    if (list.empty()) continue;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [id](const Evidence& e) { return e.article == id; }),
               list.end());
    if (list.empty()) impl_->detach(edge);
  }
}

void KnowledgeGraph::reserve(std::size_t entities, std::size_t relations, std::size_t articles) {
  impl_->vertices.reserve(entities);
  impl_->vertexById.reserve(entities);
  impl_->relations.reserve(relations);
  impl_->articles.reserve(articles);
  impl_->articleByDoc.reserve(articles);
}

void KnowledgeGraph::trackChanges(bool on) {
  impl_->tracking = on;
  if (!on) impl_->changes.clear();
}

std::vector<GraphChange> KnowledgeGraph::takeChanges() { return std::exchange(impl_->changes, {}); }

void KnowledgeGraph::takeChanges(std::vector<GraphChange>& log) {
  log.clear();
  std::swap(log, impl_->changes);
}

}  // namespace newsgraph::graph

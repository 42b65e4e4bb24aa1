#include "newsgraph/graph/knowledge_graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <unordered_map>
#include <utility>

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

struct EdgeBundle {
  EdgeId edge = 0;
};
using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, EntityNode, EdgeBundle>;

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

bool sameEvidence(const Evidence& a, const Evidence& b) {
  return a.article == b.article && a.begin == b.begin && a.end == b.end && a.status == b.status &&
         a.source == b.source;
}

}  // namespace

struct KnowledgeGraph::Impl {
  Graph graph;
  std::unordered_map<std::string, VertexId> vertexById;
  std::vector<RelationEdge> relations;
  std::vector<Graph::edge_descriptor> descriptors;
  // Built on first use after addRelation, which read-only commands never need.
  std::unordered_map<EdgeKey, EdgeId, EdgeKeyHash> edgeByKey;
  bool edgeIndexStale = false;
  std::unordered_map<std::string, std::uint32_t> typeIds;

  std::uint32_t typeId(const std::string& type) {
    auto found = typeIds.find(type);
    if (found != typeIds.end()) return found->second;
    auto id = static_cast<std::uint32_t>(typeIds.size());
    typeIds.emplace(type, id);
    return id;
  }

  std::unordered_map<EdgeKey, EdgeId, EdgeKeyHash>& edgeIndex() {
    if (edgeIndexStale) {
      edgeIndexStale = false;
      edgeByKey.clear();
      edgeByKey.reserve(relations.size());
      for (EdgeId edge = 0; edge < relations.size(); ++edge) {
        const RelationEdge& r = relations[edge];
        edgeByKey.emplace(EdgeKey{r.subject, r.object, typeId(r.type)}, edge);
      }
    }
    return edgeByKey;
  }
  std::vector<ArticleRecord> articles;
  std::unordered_map<std::string, ArticleId> articleByDoc;
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
  auto found = impl_->vertexById.find(node.id);
  if (found != impl_->vertexById.end()) {
    for (const std::string& alias : node.aliases) addAlias(found->second, alias);
    return found->second;
  }
  EntityNode copy = node;
  copy.mentions.clear();
  auto vertex = static_cast<VertexId>(boost::add_vertex(std::move(copy), impl_->graph));
  impl_->vertexById.emplace(node.id, vertex);
  impl_->log(GraphChange::Kind::kEntityChanged, vertex);
  return vertex;
}

std::optional<VertexId> KnowledgeGraph::findEntity(std::string_view id) const {
  auto found = impl_->vertexById.find(std::string(id));
  if (found == impl_->vertexById.end()) return std::nullopt;
  return found->second;
}

const EntityNode& KnowledgeGraph::entity(VertexId vertex) const { return impl_->graph[vertex]; }

std::size_t KnowledgeGraph::entityCount() const { return boost::num_vertices(impl_->graph); }

void KnowledgeGraph::addMention(VertexId vertex, MentionRef mention) {
  impl_->graph[vertex].mentions.push_back(mention);
  if (impl_->tracking) {
    impl_->changes.push_back(GraphChange{GraphChange::Kind::kMentionAdded, vertex, mention, {}});
  }
}

void KnowledgeGraph::addAlias(VertexId vertex, const std::string& alias) {
  EntityNode& node = impl_->graph[vertex];
  if (alias == node.label) return;
  if (std::find(node.aliases.begin(), node.aliases.end(), alias) == node.aliases.end()) {
    node.aliases.push_back(alias);
    impl_->log(GraphChange::Kind::kEntityChanged, vertex);
  }
}

void KnowledgeGraph::setEvent(VertexId vertex, EventDetails details) {
  impl_->graph[vertex].event = std::move(details);
  impl_->log(GraphChange::Kind::kEntityChanged, vertex);
}

std::vector<VertexId> KnowledgeGraph::events() const {
  std::vector<VertexId> out;
  for (auto [it, end] = boost::vertices(impl_->graph); it != end; ++it) {
    const auto& event = impl_->graph[*it].event;
    if (event && !event->retracted) out.push_back(static_cast<VertexId>(*it));
  }
  return out;
}

std::string KnowledgeGraph::eventRole(VertexId event, std::string_view role) const {
  for (auto [it, end] = boost::out_edges(event, impl_->graph); it != end; ++it) {
    const RelationEdge& edge = impl_->relations[impl_->graph[*it].edge];
    if (edge.type == role) return impl_->graph[edge.object].id;
  }
  return {};
}

EdgeId KnowledgeGraph::addEvidence(VertexId subject, const std::string& type, VertexId object,
                                   bool symmetric, Evidence evidence) {
  if (symmetric && impl_->graph[object].id < impl_->graph[subject].id) std::swap(subject, object);
  EdgeKey key{subject, object, impl_->typeId(type)};
  auto& index = impl_->edgeIndex();
  auto found = index.find(key);
  EdgeId edge;
  if (found == index.end() || impl_->relations[found->second].evidence.empty()) {
    if (found != index.end()) {
      edge = found->second;
    } else {
      edge = static_cast<EdgeId>(impl_->relations.size());
      impl_->relations.push_back(RelationEdge{subject, object, type, {}});
      impl_->descriptors.emplace_back();
      index.emplace(key, edge);
    }
    impl_->descriptors[edge] =
        boost::add_edge(subject, object, EdgeBundle{edge}, impl_->graph).first;
  } else {
    edge = found->second;
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
  impl_->descriptors.push_back(
      boost::add_edge(subject, object, EdgeBundle{edge}, impl_->graph).first);
  impl_->edgeIndexStale = true;
  return edge;
}

const RelationEdge& KnowledgeGraph::relation(EdgeId edge) const { return impl_->relations[edge]; }

std::size_t KnowledgeGraph::relationCount() const { return impl_->relations.size(); }

std::vector<EdgeId> KnowledgeGraph::outEdges(VertexId vertex) const {
  std::vector<EdgeId> out;
  for (auto [it, end] = boost::out_edges(vertex, impl_->graph); it != end; ++it) {
    out.push_back(impl_->graph[*it].edge);
  }
  return out;
}

std::vector<EdgeId> KnowledgeGraph::inEdges(VertexId vertex) const {
  std::vector<EdgeId> in;
  for (auto [it, end] = boost::in_edges(vertex, impl_->graph); it != end; ++it) {
    in.push_back(impl_->graph[*it].edge);
  }
  return in;
}

ArticleId KnowledgeGraph::addArticle(ArticleRecord record) {
  auto id = static_cast<ArticleId>(impl_->articles.size());
  impl_->articleByDoc[record.doc] = id;
  impl_->articles.push_back(std::move(record));
  impl_->log(GraphChange::Kind::kArticleAdded, id);
  return id;
}

std::optional<ArticleId> KnowledgeGraph::findArticle(std::string_view doc) const {
  auto found = impl_->articleByDoc.find(std::string(doc));
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
  for (auto [it, end] = boost::vertices(impl_->graph); it != end; ++it) {
    auto& event = impl_->graph[*it].event;
    if (event && event->evidence.article == id) event->retracted = true;
    auto& mentions = impl_->graph[*it].mentions;
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
    if (list.empty()) boost::remove_edge(impl_->descriptors[edge], impl_->graph);
  }
}

void KnowledgeGraph::reserve(std::size_t entities, std::size_t relations, std::size_t articles) {
  impl_->graph.m_vertices.reserve(entities);
  impl_->vertexById.reserve(entities);
  impl_->relations.reserve(relations);
  impl_->descriptors.reserve(relations);
  impl_->articles.reserve(articles);
  impl_->articleByDoc.reserve(articles);
}

void KnowledgeGraph::trackChanges(bool on) {
  impl_->tracking = on;
  if (!on) impl_->changes.clear();
}

std::vector<GraphChange> KnowledgeGraph::takeChanges() { return std::exchange(impl_->changes, {}); }

}  // namespace newsgraph::graph

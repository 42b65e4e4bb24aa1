// selectDiagram: filters evidence, then edges, then (for --focus) walks the ego network, and
// styles what is left.
#include <algorithm>
#include <deque>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "families.h"
#include "newsgraph/diagram/diagram.h"

namespace newsgraph::diagram {
namespace {

common::Error diagramError(std::string message) {
  return common::Error{"", 0, 0, "diagram", std::move(message)};
}

// A date as an inclusive range of days, each day written yyyymmdd so that ranges compare.
int firstDay(const common::PartialDate& date) {
  return date.year * 10000 + std::max(date.month, 1) * 100 + std::max(date.day, 1);
}
int lastDay(const common::PartialDate& date) {
  int month = date.month == 0 ? 12 : date.month;
  int day = date.day == 0 ? common::daysInMonth(date.year, month) : date.day;
  return date.year * 10000 + month * 100 + day;
}

// Ranks statuses from the strongest: asserted, claimed, hypothetical, negated.
int strength(graph::EvidenceStatus status) {
  switch (status) {
    case graph::EvidenceStatus::kAsserted:
      return 0;
    case graph::EvidenceStatus::kClaimed:
      return 1;
    case graph::EvidenceStatus::kHypothetical:
      return 2;
    case graph::EvidenceStatus::kNegated:
      return 3;
  }
  return 3;
}

class Selector {
 public:
  Selector(const graph::KnowledgeGraph& graph, const ontology::Ontology& ontology,
           const DiagramFilter& filter)
      : graph_(graph), ontology_(ontology), filter_(filter), families_(ontology) {}

  common::Result<Diagram> run() {
    if (auto status = check(); !status) return status.error();
    std::vector<DiagramEdge> candidates = candidateEdges();
    std::vector<graph::VertexId> vertices = drawnVertices(candidates);
    return build(vertices, candidates);
  }

 private:
  common::Status check() {
    if (filter_.depth < 0) return diagramError("--depth must be 0 or more");
    if (filter_.minSources < 1) return diagramError("--min-sources must be 1 or more");
    if (!filter_.focus.empty()) {
      focus_ = graph_.findEntity(filter_.focus);
      if (!focus_) {
        std::vector<std::string> ids;
        for (graph::VertexId v = 0; v < graph_.entityCount(); ++v) {
          ids.push_back(graph_.entity(v).id);
        }
        return diagramError("--focus '" + filter_.focus + "' is not an entity of the store" +
                            didYouMean(filter_.focus, ids));
      }
    }
    std::vector<std::string> typeNames;
    for (const auto& type : ontology_.relationTypes()) typeNames.push_back(type.name);
    for (const std::string& type : filter_.types) {
      if (ontology_.findRelationType(type) == nullptr) {
        return diagramError("--types: unknown relation type '" + type + "'" +
                            didYouMean(type, typeNames));
      }
    }
    std::vector<std::string> classNames;
    for (const auto& cls : ontology_.classes()) classNames.push_back(cls.name);
    for (const std::string& cls : filter_.classes) {
      if (ontology_.findClass(cls) == nullptr) {
        return diagramError("--classes: unknown class '" + cls + "'" + didYouMean(cls, classNames));
      }
    }
    if (filter_.from && filter_.to && firstDay(*filter_.from) > lastDay(*filter_.to)) {
      return diagramError("--from " + filter_.from->toString() + " is after --to " +
                          filter_.to->toString());
    }
    return common::okStatus();
  }

  bool evidencePasses(const graph::Evidence& evidence) const {
    if (filter_.statuses.count(evidence.status) == 0) return false;
    if (!filter_.from && !filter_.to) return true;
    if (!evidence.article) return true;  // a background fact holds at any date
    std::optional<common::PartialDate> date = evidence.date;
    if (!date) date = graph_.article(*evidence.article).date;
    if (!date) return false;
    if (filter_.from && lastDay(*date) < firstDay(*filter_.from)) return false;
    if (filter_.to && firstDay(*date) > lastDay(*filter_.to)) return false;
    return true;
  }

  bool vertexPasses(graph::VertexId vertex) const {
    const graph::EntityNode& node = graph_.entity(vertex);
    if (node.event && node.event->retracted) return false;
    if (focus_ && vertex == *focus_) return true;
    if (filter_.vertices && filter_.vertices->count(vertex) == 0) return false;
    if (filter_.classes.empty()) return true;
    return std::any_of(filter_.classes.begin(), filter_.classes.end(), [&](const std::string& cls) {
      return ontology_.isSubclassOf(node.cls, cls);
    });
  }

  // True when the corpus mentions the vertex (events are their articles' own).
  bool mentioned(graph::VertexId vertex) const {
    const graph::EntityNode& node = graph_.entity(vertex);
    return node.event.has_value() || !node.mentions.empty();
  }

  // Edges whose evidence, ends and sources pass the filters; `from` and `to` hold vertex ids
  // until build() turns them into node indexes.
  std::vector<DiagramEdge> candidateEdges() {
    std::unordered_set<std::string_view> types(filter_.types.begin(), filter_.types.end());
    std::vector<DiagramEdge> edges;
    for (graph::EdgeId id = 0; id < graph_.relationCount(); ++id) {
      const graph::RelationEdge& relation = graph_.relation(id);
      if (relation.evidence.empty()) continue;
      if (filter_.edges && filter_.edges->count(id) == 0) continue;
      if (!types.empty() && types.count(relation.type) == 0) continue;
      if (!vertexPasses(relation.subject) || !vertexPasses(relation.object)) continue;
      bool backgroundPasses = mentioned(relation.subject) && mentioned(relation.object);
      DiagramEdge edge;
      std::unordered_set<graph::ArticleId> articles;
      bool background = false;
      for (const graph::Evidence& evidence : relation.evidence) {
        if (!evidencePasses(evidence)) continue;
        if (!evidence.article && !backgroundPasses) continue;
        if (edge.evidence.empty() || strength(evidence.status) < strength(edge.status)) {
          edge.status = evidence.status;
        }
        edge.evidence.push_back(&evidence);
        if (evidence.article) {
          articles.insert(*evidence.article);
        } else {
          background = true;
        }
      }
      edge.sources = static_cast<int>(articles.size()) + (background ? 1 : 0);
      if (edge.evidence.empty() || edge.sources < filter_.minSources) continue;
      edge.edge = id;
      edge.from = relation.subject;
      edge.to = relation.object;
      edge.type = relation.type;
      edge.family = families_.relationFamily(relation.type);
      const ontology::RelationType* type = ontology_.findRelationType(relation.type);
      edge.symmetric = type != nullptr && type->symmetric;
      edges.push_back(std::move(edge));
    }
    return edges;
  }

  // The vertices to draw: the ego network of the focus, or every end of a candidate edge (and
  // the query's vertices that pass the filters), in no particular order.
  std::vector<graph::VertexId> drawnVertices(std::vector<DiagramEdge>& edges) {
    std::unordered_set<graph::VertexId> drawn;
    if (focus_) {
      std::unordered_map<graph::VertexId, std::vector<graph::VertexId>> neighbours;
      for (const DiagramEdge& edge : edges) {
        auto from = static_cast<graph::VertexId>(edge.from);
        auto to = static_cast<graph::VertexId>(edge.to);
        neighbours[from].push_back(to);
        neighbours[to].push_back(from);
      }
      std::deque<std::pair<graph::VertexId, int>> queue{{*focus_, 0}};
      drawn.insert(*focus_);
      while (!queue.empty()) {
        auto [vertex, hops] = queue.front();
        queue.pop_front();
        if (hops == filter_.depth) continue;
        for (graph::VertexId next : neighbours[vertex]) {
          if (drawn.insert(next).second) queue.emplace_back(next, hops + 1);
        }
      }
      std::erase_if(edges, [&](const DiagramEdge& edge) {
        return drawn.count(static_cast<graph::VertexId>(edge.from)) == 0 ||
               drawn.count(static_cast<graph::VertexId>(edge.to)) == 0;
      });
    } else {
      for (const DiagramEdge& edge : edges) {
        drawn.insert(static_cast<graph::VertexId>(edge.from));
        drawn.insert(static_cast<graph::VertexId>(edge.to));
      }
      if (filter_.vertices) {
        for (graph::VertexId vertex : *filter_.vertices) {
          if (vertex < graph_.entityCount() && vertexPasses(vertex)) drawn.insert(vertex);
        }
      }
    }
    return {drawn.begin(), drawn.end()};
  }

  Diagram build(std::vector<graph::VertexId>& vertices, std::vector<DiagramEdge>& edges) {
    Diagram diagram;
    std::sort(vertices.begin(), vertices.end(), [&](graph::VertexId a, graph::VertexId b) {
      return graph_.entity(a).id < graph_.entity(b).id;
    });
    std::unordered_map<graph::VertexId, std::size_t> index;
    for (graph::VertexId vertex : vertices) {
      const graph::EntityNode& entity = graph_.entity(vertex);
      index.emplace(vertex, diagram.nodes.size());
      DiagramNode node;
      node.vertex = vertex;
      node.id = entity.id;
      node.label = entity.label.empty() ? entity.id : entity.label;
      node.cls = entity.cls;
      node.family = families_.classFamily(entity.cls);
      node.lat = entity.lat;
      node.lon = entity.lon;
      diagram.nodes.push_back(std::move(node));
    }
    for (DiagramEdge& edge : edges) {
      edge.from = index.at(static_cast<graph::VertexId>(edge.from));
      edge.to = index.at(static_cast<graph::VertexId>(edge.to));
    }
    std::sort(edges.begin(), edges.end(), [](const DiagramEdge& a, const DiagramEdge& b) {
      return std::tie(a.from, a.type, a.to) < std::tie(b.from, b.type, b.to);
    });
    diagram.edges = std::move(edges);
    diagram.title = title();
    diagram.scope = scope(diagram);
    return diagram;
  }

  std::string title() const {
    std::size_t articles = 0;
    std::optional<common::PartialDate> first;
    std::optional<common::PartialDate> last;
    for (graph::ArticleId id = 0; id < graph_.articleCount(); ++id) {
      const graph::ArticleRecord& article = graph_.article(id);
      if (article.removed) continue;
      ++articles;
      if (!article.date) continue;
      if (!first || firstDay(*article.date) < firstDay(*first)) first = article.date;
      if (!last || lastDay(*article.date) > lastDay(*last)) last = article.date;
    }
    std::string text =
        "newsgraph: " + std::to_string(articles) + (articles == 1 ? " article" : " articles");
    if (first) text += ", " + first->toString() + " to " + last->toString();
    return text;
  }

  std::string scope(const Diagram& diagram) const {
    std::vector<std::string> parts;
    if (focus_) {
      parts.push_back("around " + filter_.focus + ", " + std::to_string(filter_.depth) +
                      (filter_.depth == 1 ? " hop" : " hops"));
    }
    if (filter_.vertices || filter_.edges) parts.push_back("query result");
    auto join = [](const std::vector<std::string>& items) {
      std::string out;
      for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
      return out;
    };
    if (!filter_.types.empty()) parts.push_back(join(filter_.types));
    if (!filter_.classes.empty()) parts.push_back(join(filter_.classes));
    if (filter_.from || filter_.to) {
      parts.push_back((filter_.from ? filter_.from->toString() : std::string("...")) + " to " +
                      (filter_.to ? filter_.to->toString() : std::string("...")));
    }
    std::vector<std::string> statuses;
    for (graph::EvidenceStatus status : filter_.statuses) {
      statuses.emplace_back(graph::statusName(status));
    }
    parts.push_back(join(statuses));
    if (filter_.minSources > 1) {
      parts.push_back("at least " + std::to_string(filter_.minSources) + " sources");
    }
    parts.push_back(std::to_string(diagram.nodes.size()) + " nodes, " +
                    std::to_string(diagram.edges.size()) + " edges");
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : "; ") + part;
    return out;
  }

  const graph::KnowledgeGraph& graph_;
  const ontology::Ontology& ontology_;
  const DiagramFilter& filter_;
  FamilyResolver families_;
  std::optional<graph::VertexId> focus_;
};

}  // namespace

common::Result<Diagram> selectDiagram(const graph::KnowledgeGraph& graph,
                                      const ontology::Ontology& ontology,
                                      const DiagramFilter& filter) {
  return Selector(graph, ontology, filter).run();
}

}  // namespace newsgraph::diagram

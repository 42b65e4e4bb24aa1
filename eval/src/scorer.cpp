#include "newsgraph/eval/scorer.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

namespace newsgraph::eval {
namespace {

double ratio(std::size_t part, std::size_t whole) {
  return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

using Triple = std::tuple<std::string, std::string, std::string>;

// What the graph holds for one article: the entities mentioned, the relations with evidence.
struct Extracted {
  std::set<std::string> entities;
  std::set<Triple> relations;
  std::vector<const graph::EventDetails*> events;
};

std::unordered_map<std::string, Extracted> collect(const graph::KnowledgeGraph& g) {
  std::unordered_map<std::string, Extracted> byDoc;
  for (graph::VertexId v = 0; v < g.entityCount(); ++v) {
    const graph::EntityNode& e = g.entity(v);
    if (e.event) {
      if (!e.event->retracted && e.event->evidence.article) {
        byDoc[g.article(*e.event->evidence.article).doc].events.push_back(&*e.event);
      }
      continue;
    }
    for (const graph::MentionRef& m : e.mentions)
      byDoc[g.article(m.article).doc].entities.insert(e.id);
  }
  for (graph::EdgeId r = 0; r < g.relationCount(); ++r) {
    const graph::RelationEdge& edge = g.relation(r);
    if (g.entity(edge.subject).event) continue;  // an event role, scored with the event
    for (const graph::Evidence& ev : edge.evidence) {
      if (!ev.article) continue;
      byDoc[g.article(*ev.article).doc].relations.insert(
          {g.entity(edge.subject).id, edge.type, g.entity(edge.object).id});
    }
  }
  return byDoc;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool matches(const GoldRelation& gold, const Triple& t, bool symmetric) {
  const auto& [s, p, o] = t;
  if (p != gold.predicate) return false;
  if (contains(gold.subjects, s) && contains(gold.objects, o)) return true;
  return symmetric && contains(gold.subjects, o) && contains(gold.objects, s);
}

std::string describe(const GoldRelation& r) {
  auto join = [](const std::vector<std::string>& ids) {
    if (ids.size() == 1) return ids[0];
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "|" : "") + ids[i];
    return out + "]";
  };
  return join(r.subjects) + " " + r.predicate + " " + join(r.objects);
}

void scoreRelations(const GoldDocument& gold, const std::set<Triple>& extracted,
                    const std::function<bool(const std::string&)>& isSymmetric, DocumentScore& out,
                    std::map<std::string, Counts>& byType) {
  // Greedy one-to-one matching: gold items with fewer candidates first.
  std::vector<std::size_t> order(gold.relations.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto candidates = [&](std::size_t i) {
    std::size_t n = 0;
    for (const Triple& t : extracted)
      n += matches(gold.relations[i], t, isSymmetric(std::get<1>(t)));
    return n;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return candidates(a) < candidates(b); });
  std::set<Triple> used;
  for (std::size_t i : order) {
    const GoldRelation& g = gold.relations[i];
    const Triple* hit = nullptr;
    for (const Triple& t : extracted) {
      if (used.count(t) == 0 && matches(g, t, isSymmetric(std::get<1>(t)))) {
        hit = &t;
        break;
      }
    }
    if (hit != nullptr) {
      used.insert(*hit);
      if (!g.optional) {
        ++out.relations.truePositives;
        ++byType[g.predicate].truePositives;
      }
    } else if (!g.optional) {
      ++out.relations.falseNegatives;
      ++byType[g.predicate].falseNegatives;
      out.missedRelations.push_back(describe(g));
    }
  }
  for (const Triple& t : extracted) {
    if (used.count(t) != 0) continue;
    bool anyGold = false;  // also matches an already-used gold item: a duplicate, not an error
    for (const GoldRelation& g : gold.relations)
      anyGold = anyGold || matches(g, t, isSymmetric(std::get<1>(t)));
    if (anyGold) continue;
    ++out.relations.falsePositives;
    ++byType[std::get<1>(t)].falsePositives;
    out.spuriousRelations.push_back(std::get<0>(t) + " " + std::get<1>(t) + " " + std::get<2>(t));
  }
}

bool matches(const GoldEvent& gold, const graph::EventDetails& event) {
  if (event.type != gold.type) return false;
  if (!gold.locations.empty() && !contains(gold.locations, event.evidence.place)) return false;
  return !gold.date || (event.date && gold.date->agreesTo(*event.date));
}

std::string describe(const std::string& type, const std::string& subType, const std::string& place,
                     const std::optional<common::PartialDate>& date) {
  return type + (subType.empty() ? "" : "/" + subType) + " at " + (place.empty() ? "-" : place) +
         " " + (date ? date->toString() : "-");
}

void scoreEvents(const GoldDocument& gold, const std::vector<const graph::EventDetails*>& extracted,
                 DocumentScore& out) {
  std::vector<bool> used(extracted.size(), false);
  for (const GoldEvent& g : gold.events) {
    bool hit = false;
    for (std::size_t i = 0; i < extracted.size() && !hit; ++i) {
      if (!used[i] && matches(g, *extracted[i])) used[i] = hit = true;
    }
    if (hit) {
      ++out.events.truePositives;
    } else {
      ++out.events.falseNegatives;
      std::string places;
      for (const std::string& place : g.locations) places += (places.empty() ? "" : "|") + place;
      out.missedEvents.push_back(describe(g.type, g.subType, places, g.date));
    }
  }
  for (std::size_t i = 0; i < extracted.size(); ++i) {
    if (used[i]) continue;
    const graph::EventDetails& e = *extracted[i];
    ++out.events.falsePositives;
    out.spuriousEvents.push_back(describe(e.type, e.subType, e.evidence.place, e.date));
  }
}

}  // namespace

double Counts::precision() const { return ratio(truePositives, truePositives + falsePositives); }
double Counts::recall() const { return ratio(truePositives, truePositives + falseNegatives); }
double Counts::f1() const {
  double p = precision();
  double r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
void Counts::add(const Counts& other) {
  truePositives += other.truePositives;
  falsePositives += other.falsePositives;
  falseNegatives += other.falseNegatives;
}

Scores score(const Gold& gold, const graph::KnowledgeGraph& graph,
             const std::function<bool(const std::string&)>& isSymmetric) {
  auto byDoc = collect(graph);
  Scores scores;
  for (const GoldDocument& g : gold.documents) {
    DocumentScore doc;
    doc.doc = g.doc;
    auto found = byDoc.find(g.doc);
    doc.ingested = graph.findArticle(g.doc).has_value();
    static const Extracted kNothing;
    const Extracted& got = found == byDoc.end() ? kNothing : found->second;
    for (const std::string& id : g.requiredEntities) {
      if (got.entities.count(id) != 0) {
        ++doc.entities.truePositives;
      } else {
        ++doc.entities.falseNegatives;
        doc.missedEntities.push_back(id);
      }
    }
    for (const std::string& id : got.entities) {
      if (contains(g.requiredEntities, id) || contains(g.optionalEntities, id)) continue;
      ++doc.entities.falsePositives;
      doc.spuriousEntities.push_back(id);
    }
    scoreRelations(g, got.relations, isSymmetric, doc, scores.relationsByType);
    scoreEvents(g, got.events, doc);
    scores.entities.add(doc.entities);
    scores.relations.add(doc.relations);
    scores.events.add(doc.events);
    scores.documents.push_back(std::move(doc));
  }
  return scores;
}

}  // namespace newsgraph::eval

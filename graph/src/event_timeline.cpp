#include "newsgraph/graph/event_timeline.h"

#include <algorithm>
#include <tuple>

namespace newsgraph::graph {
namespace {

constexpr const char* kLocatedIn = "LOCATED_IN";

int packed(int year, int month, int day) { return year * 10000 + month * 100 + day; }

bool passes(const KnowledgeGraph& graph, VertexId vertex, const EventFilter& filter) {
  const EventDetails& event = *graph.entity(vertex).event;
  if (!filter.type.empty() && event.type != filter.type && event.subType != filter.type) {
    return false;
  }
  if (!filter.actor.empty() && graph.eventRole(vertex, "ACTOR1") != filter.actor &&
      graph.eventRole(vertex, "ACTOR2") != filter.actor) {
    return false;
  }
  if (!filter.place.empty()) {
    std::string location = graph.eventRole(vertex, "OCCURRED_IN");
    if (location.empty()) return false;
    if (location != filter.place) {
      auto place = graph.findEntity(location);
      std::vector<VertexId> around = enclosingPlaces(graph, *place);
      if (std::none_of(around.begin(), around.end(),
                       [&](VertexId v) { return graph.entity(v).id == filter.place; })) {
        return false;
      }
    }
  }
  if (filter.from || filter.to) {
    if (!event.date) return false;
    if (filter.from && lastDay(*event.date) < firstDay(*filter.from)) return false;
    if (filter.to && firstDay(*event.date) > lastDay(*filter.to)) return false;
  }
  return true;
}

}  // namespace

int firstDay(const common::PartialDate& date) {
  return packed(date.year, date.month == 0 ? 1 : date.month, date.day == 0 ? 1 : date.day);
}

int lastDay(const common::PartialDate& date) {
  int month = date.month == 0 ? 12 : date.month;
  return packed(date.year, month, date.day == 0 ? common::daysInMonth(date.year, month) : date.day);
}

std::vector<VertexId> enclosingPlaces(const KnowledgeGraph& graph, VertexId place) {
  std::vector<VertexId> found;
  std::vector<VertexId> frontier{place};
  while (!frontier.empty()) {
    VertexId current = frontier.front();
    frontier.erase(frontier.begin());
    for (EdgeId edge : graph.outEdges(current)) {
      const RelationEdge& r = graph.relation(edge);
      if (r.type != kLocatedIn || r.object == place) continue;
      if (std::find(found.begin(), found.end(), r.object) != found.end()) continue;
      found.push_back(r.object);
      frontier.push_back(r.object);
    }
  }
  return found;
}

std::vector<VertexId> selectEvents(const KnowledgeGraph& graph, const EventFilter& filter) {
  std::vector<VertexId> events;
  for (VertexId vertex : graph.events()) {
    if (passes(graph, vertex, filter)) events.push_back(vertex);
  }
  auto key = [&](VertexId v) {
    const auto& date = graph.entity(v).event->date;
    // Undated last; on the same first day, the more precise (shorter span) first.
    return std::make_tuple(!date.has_value(), date ? firstDay(*date) : 0, date ? lastDay(*date) : 0,
                           graph.entity(v).id);
  };
  std::sort(events.begin(), events.end(), [&](VertexId a, VertexId b) { return key(a) < key(b); });
  return events;
}

}  // namespace newsgraph::graph

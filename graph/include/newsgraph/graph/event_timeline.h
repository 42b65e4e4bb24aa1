// Choosing and ordering the graph's events: what `newsgraph timeline` lists and what the ACLED
// export writes. Reads the graph only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "newsgraph/common/partial_date.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::graph {

// Which events to keep. Empty fields keep everything.
struct EventFilter {
  std::string actor;  // entity id: the event's ACTOR1 or ACTOR2
  // Entity id of a place: the event's place, or a place that LOCATED_IN edges put inside it
  // (--place mali keeps an event in Kidal when the graph says Kidal LOCATED_IN Mali).
  std::string place;
  std::string type;  // ACLED event type or sub-event type, exactly
  // Dates compare as the days they cover: --from 2023-11 keeps an event of 2023-11-14 and one
  // dated 2023 (which may fall in November); an undated event is dropped when either is set.
  std::optional<common::PartialDate> from;
  std::optional<common::PartialDate> to;
};

// The first and last day a partial date covers, as yyyymmdd integers: 2023-11 -> [20231101,
// 20231130], 2023 -> [20230101, 20231231].
int firstDay(const common::PartialDate& date);
int lastDay(const common::PartialDate& date);

// The live events that pass `filter`, in date order (by first day, the more precise first on a
// tie, undated last), then by id.
std::vector<VertexId> selectEvents(const KnowledgeGraph& graph, const EventFilter& filter);

// The places that LOCATED_IN edges put `place` in, nearest first, without `place` itself:
// tessalit -> kidal -> mali (when the graph has those edges). Cycles are ignored.
std::vector<VertexId> enclosingPlaces(const KnowledgeGraph& graph, VertexId place);

}  // namespace newsgraph::graph

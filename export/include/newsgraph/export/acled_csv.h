// The events of the graph in ACLED's CSV column layout (event_id_cnty, event_date, year,
// time_precision, disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1,
// actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, admin1,
// admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes,
// fatalities, tags, timestamp), so that tools built for ACLED data read newsgraph's events.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::exporter {

// Options of writeAcledCsv.
struct AcledCsvOptions {
  // Whether class `cls` is `ancestor` or one of its subclasses (the ontology's answer); used to
  // give actors ACLED's interaction codes and places their geo_precision. When empty, classes
  // compare by name only.
  std::function<bool(const std::string& cls, const std::string& ancestor)> isA;
};

// ACLED's actor type code ("inter") for an entity class: 1 state forces (ArmedForces, Country),
// 2 rebel groups (RebelGroup, JihadistGroup), 3 political militias (Militia), 7 civilians,
// 8 external/other forces (PrivateMilitaryCompany, MilitaryOperation, InternationalOrganization),
// 0 when none applies.
int acledInterCode(const std::string& cls, const AcledCsvOptions& options);

// Writes a header line and one line per event of `events` (event vertices, in the order given)
// to `out` as RFC 4180 CSV. Dates below day precision take their first day with ACLED's
// time_precision 3; missing fatalities are written 0, as ACLED does. Returns false on a write
// error.
bool writeAcledCsv(const graph::KnowledgeGraph& graph, const std::vector<graph::VertexId>& events,
                   std::FILE* out, const AcledCsvOptions& options = {});

}  // namespace newsgraph::exporter

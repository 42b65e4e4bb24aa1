#include "newsgraph/export/acled_csv.h"

#include <algorithm>
#include <cstdio>

#include "newsgraph/graph/event_timeline.h"

namespace newsgraph::exporter {
namespace {

constexpr const char* kColumns[] = {
    "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
    "iso",           "region",         "country",  "admin1",         "admin2",
    "admin3",        "location",       "latitude", "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",    "fatalities",     "tags",
    "timestamp"};

bool isA(const AcledCsvOptions& options, const std::string& cls, const std::string& ancestor) {
  return options.isA ? options.isA(cls, ancestor) : cls == ancestor;
}

// ACLED's disorder type for an event type.
std::string disorderType(const std::string& type) {
  if (type == "Protests" || type == "Riots") return "Demonstrations";
  if (type == "Strategic developments") return "Strategic developments";
  return "Political violence";
}

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

class RowWriter {
 public:
  RowWriter(const graph::KnowledgeGraph& graph, const AcledCsvOptions& options)
      : graph_(graph), options_(options) {}

  std::vector<std::string> row(graph::VertexId vertex) const {
    const graph::EntityNode& node = graph_.entity(vertex);
    const graph::EventDetails& event = *node.event;
    std::vector<std::string> out(std::size(kColumns));
    out[0] = node.id;
    if (event.date) {
      int day = graph::firstDay(*event.date);
      char text[16];
      std::snprintf(text, sizeof text, "%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
      out[1] = text;
      out[2] = std::to_string(event.date->year);
      out[3] = event.date->precision == common::DatePrecision::kDay ? "1" : "3";
    }
    out[4] = disorderType(event.type);
    out[5] = event.type;
    out[6] = event.subType;
    int inter1 = actor(vertex, "ACTOR1", out[7]);
    int inter2 = actor(vertex, "ACTOR2", out[10]);
    if (inter1 != 0) out[9] = std::to_string(inter1);
    if (inter2 != 0) out[12] = std::to_string(inter2);
    if (inter1 != 0) {
      out[13] = std::to_string(std::min(inter1, inter2 == 0 ? inter1 : inter2) * 10 +
                               (inter2 == 0 ? 0 : std::max(inter1, inter2)));
    }
    if (event.type == "Violence against civilians") out[14] = "Civilian targeting";
    place(vertex, out);
    if (event.evidence.article) {
      const graph::ArticleRecord& article = graph_.article(*event.evidence.article);
      out[25] = article.source.empty() ? article.doc : article.source;
    }
    out[27] = event.evidence.quote;
    out[28] = std::to_string(event.fatalities.value_or(0));
    return out;
  }

 private:
  // Writes the actor's label into `label`; returns its inter code (0 when no actor).
  int actor(graph::VertexId event, const char* role, std::string& label) const {
    auto vertex = graph_.findEntity(graph_.eventRole(event, role));
    if (!vertex) return 0;
    const graph::EntityNode& node = graph_.entity(*vertex);
    label = node.label;
    return acledInterCode(node.cls, options_);
  }

  // Fills country, admin1, location, latitude, longitude and geo_precision.
  void place(graph::VertexId event, std::vector<std::string>& out) const {
    auto vertex = graph_.findEntity(graph_.eventRole(event, "OCCURRED_IN"));
    if (!vertex) return;
    const graph::EntityNode& node = graph_.entity(*vertex);
    out[21] = node.label;
    if (node.lat && node.lon) {
      out[22] = number(*node.lat);
      out[23] = number(*node.lon);
    }
    std::vector<graph::VertexId> around{*vertex};
    for (graph::VertexId v : graph::enclosingPlaces(graph_, *vertex)) around.push_back(v);
    for (graph::VertexId v : around) {
      const graph::EntityNode& p = graph_.entity(v);
      if (out[17].empty() && isA(options_, p.cls, "Country")) out[17] = p.label;
      if (out[18].empty() && v != *vertex && isA(options_, p.cls, "Region")) out[18] = p.label;
    }
    if (isA(options_, node.cls, "Country")) {
      out[24] = "3";
    } else if (isA(options_, node.cls, "Region")) {
      out[24] = "2";
    } else {
      out[24] = "1";
    }
  }

  const graph::KnowledgeGraph& graph_;
  const AcledCsvOptions& options_;
};

}  // namespace

int acledInterCode(const std::string& cls, const AcledCsvOptions& options) {
  if (isA(options, cls, "ArmedForces") || isA(options, cls, "Country")) return 1;
  if (isA(options, cls, "RebelGroup") || isA(options, cls, "JihadistGroup")) return 2;
  if (isA(options, cls, "Militia")) return 3;
  if (isA(options, cls, "PrivateMilitaryCompany") || isA(options, cls, "MilitaryOperation") ||
      isA(options, cls, "InternationalOrganization")) {
    return 8;
  }
  return 0;
}

bool writeAcledCsv(const graph::KnowledgeGraph& graph, const std::vector<graph::VertexId>& events,
                   std::FILE* out, const AcledCsvOptions& options) {
  std::string line;
  for (const char* column : kColumns) line += (line.empty() ? "" : ",") + std::string(column);
  std::fputs((line + "\n").c_str(), out);
  RowWriter writer(graph, options);
  for (graph::VertexId event : events) {
    line.clear();
    bool first = true;
    for (const std::string& field : writer.row(event)) {
      if (!first) line += ',';
      line += quoted(field);
      first = false;
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), out);
  }
  return std::ferror(out) == 0;
}

}  // namespace newsgraph::exporter

#include "newsgraph/export/json_export.h"

#include <rapidjson/filewritestream.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

#include <set>
#include <string>

namespace newsgraph::exporter {
namespace {

template <typename Writer>
void writeString(Writer& w, const std::string& s) {
  w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
}

template <typename Writer>
void writeEvidence(const graph::KnowledgeGraph& g, const graph::Evidence& ev, Writer& w) {
  w.StartObject();
  w.Key("doc");
  if (ev.article) {
    writeString(w, g.article(*ev.article).doc);
  } else {
    w.Null();
  }
  w.Key("sentence");
  writeString(w, ev.quote);
  w.Key("start");
  w.Uint(ev.begin);
  w.Key("end");
  w.Uint(ev.end);
  w.Key("date");
  if (ev.date) {
    writeString(w, ev.date->toString());
  } else {
    w.Null();
  }
  w.Key("status");
  w.String(graph::statusName(ev.status).data());
  if (ev.status == graph::EvidenceStatus::kClaimed) {
    w.Key("source");
    writeString(w, ev.source);
  }
  if (!ev.place.empty()) {
    w.Key("place");
    writeString(w, ev.place);
  }
  w.Key("confidence");
  w.Double(ev.confidence);
  w.EndObject();
}

template <typename Writer>
void writeOptionalString(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  if (value.empty()) {
    w.Null();
  } else {
    writeString(w, value);
  }
}

// An event as SPEC 4 lists its fields, named as in gold files (SPEC 8).
template <typename Writer>
void writeEvent(const graph::KnowledgeGraph& g, graph::VertexId vertex, Writer& w) {
  const graph::EntityNode& node = g.entity(vertex);
  const graph::EventDetails& event = *node.event;
  w.StartObject();
  w.Key("id");
  writeString(w, node.id);
  w.Key("type");
  writeString(w, event.type);
  w.Key("sub_type");
  writeString(w, event.subType);
  writeOptionalString(w, "actor1", g.eventRole(vertex, "ACTOR1"));
  writeOptionalString(w, "actor2", g.eventRole(vertex, "ACTOR2"));
  writeOptionalString(w, "location", g.eventRole(vertex, "OCCURRED_IN"));
  if (node.lat && node.lon) {
    w.Key("lat");
    w.Double(*node.lat);
    w.Key("lon");
    w.Double(*node.lon);
  }
  writeOptionalString(w, "date", event.date ? event.date->toString() : std::string());
  w.Key("fatalities");
  if (event.fatalities) {
    w.Int64(*event.fatalities);
  } else {
    w.Null();
  }
  w.Key("evidence");
  w.StartArray();
  writeEvidence(g, event.evidence, w);
  w.EndArray();
  w.EndObject();
}

template <typename Writer>
void writeGraph(const graph::KnowledgeGraph& g, Writer& w, const JsonExportOptions& options) {
  w.StartObject();
  w.Key("articles");
  w.StartArray();
  for (graph::ArticleId a = 0; a < g.articleCount(); ++a) {
    const graph::ArticleRecord& article = g.article(a);
    if (article.removed) continue;
    w.StartObject();
    w.Key("doc");
    writeString(w, article.doc);
    w.Key("title");
    writeString(w, article.title);
    w.Key("date");
    if (article.date) {
      writeString(w, article.date->toString());
    } else {
      w.Null();
    }
    w.Key("url");
    writeString(w, article.url);
    w.EndObject();
  }
  w.EndArray();

  w.Key("entities");
  w.StartArray();
  for (graph::VertexId v = 0; v < g.entityCount(); ++v) {
    const graph::EntityNode& e = g.entity(v);
    if (e.event) continue;  // under "events"
    if (!options.includeUnmentioned && e.mentions.empty()) continue;
    std::set<std::string> docs;
    for (const graph::MentionRef& m : e.mentions) docs.insert(g.article(m.article).doc);
    w.StartObject();
    w.Key("id");
    writeString(w, e.id);
    w.Key("type");
    writeString(w, e.cls);
    w.Key("label");
    writeString(w, e.label);
    if (!e.labelEn.empty()) {
      w.Key("label_en");
      writeString(w, e.labelEn);
    }
    w.Key("aliases");
    w.StartArray();
    for (const std::string& alias : e.aliases) writeString(w, alias);
    w.EndArray();
    w.Key("mentions");
    w.Uint64(e.mentions.size());
    w.Key("docs");
    w.StartArray();
    for (const std::string& doc : docs) writeString(w, doc);
    w.EndArray();
    if (e.lat && e.lon) {
      w.Key("lat");
      w.Double(*e.lat);
      w.Key("lon");
      w.Double(*e.lon);
    }
    if (!e.wikidata.empty()) {
      w.Key("wikidata");
      writeString(w, e.wikidata);
    }
    w.Key("known");
    w.Bool(e.known);
    w.EndObject();
  }
  w.EndArray();

  w.Key("relations");
  w.StartArray();
  for (graph::EdgeId r = 0; r < g.relationCount(); ++r) {
    const graph::RelationEdge& edge = g.relation(r);
    if (edge.evidence.empty() || g.entity(edge.subject).event) continue;  // roles: under events
    w.StartObject();
    w.Key("subject");
    writeString(w, g.entity(edge.subject).id);
    w.Key("predicate");
    writeString(w, edge.type);
    w.Key("object");
    writeString(w, g.entity(edge.object).id);
    w.Key("evidence");
    w.StartArray();
    for (const graph::Evidence& ev : edge.evidence) writeEvidence(g, ev, w);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("events");
  w.StartArray();
  for (graph::VertexId event : g.events()) writeEvent(g, event, w);
  w.EndArray();
  w.EndObject();
}

}  // namespace

bool writeJson(const graph::KnowledgeGraph& graph, std::FILE* out,
               const JsonExportOptions& options) {
  char buffer[1 << 16];
  rapidjson::FileWriteStream stream(out, buffer, sizeof buffer);
  if (options.pretty) {
    rapidjson::PrettyWriter<rapidjson::FileWriteStream> writer(stream);
    writer.SetIndent(' ', 2);
    writeGraph(graph, writer, options);
  } else {
    rapidjson::Writer<rapidjson::FileWriteStream> writer(stream);
    writeGraph(graph, writer, options);
  }
  stream.Put('\n');
  stream.Flush();
  return std::ferror(out) == 0;
}

}  // namespace newsgraph::exporter

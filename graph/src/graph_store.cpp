#include "newsgraph/graph/graph_store.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "newsgraph/common/text.h"

namespace newsgraph::graph {
namespace {

constexpr const char* kFormat = "newsgraph-snapshot";
constexpr int kVersion = 1;

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer& w, const std::string& s) {
  w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
}

void writeDate(Writer& w, const std::optional<common::PartialDate>& date) {
  if (date) {
    writeString(w, date->toString());
  } else {
    w.Null();
  }
}

void writeEvidence(Writer& w, const Evidence& e);

void writeEvent(Writer& w, const EventDetails& event) {
  w.StartObject();
  w.Key("type");
  writeString(w, event.type);
  w.Key("subType");
  writeString(w, event.subType);
  w.Key("date");
  writeDate(w, event.date);
  w.Key("fatalities");
  if (event.fatalities) {
    w.Int64(*event.fatalities);
  } else {
    w.Null();
  }
  w.Key("retracted");
  w.Bool(event.retracted);
  w.Key("evidence");
  writeEvidence(w, event.evidence);
  w.EndObject();
}

void writeEntity(Writer& w, const EntityNode& e) {
  w.StartObject();
  w.Key("id");
  writeString(w, e.id);
  w.Key("class");
  writeString(w, e.cls);
  w.Key("label");
  writeString(w, e.label);
  w.Key("labelEn");
  writeString(w, e.labelEn);
  w.Key("aliases");
  w.StartArray();
  for (const auto& a : e.aliases) writeString(w, a);
  w.EndArray();
  if (e.lat && e.lon) {
    w.Key("lat");
    w.Double(*e.lat);
    w.Key("lon");
    w.Double(*e.lon);
  }
  w.Key("wikidata");
  writeString(w, e.wikidata);
  w.Key("known");
  w.Bool(e.known);
  w.Key("mentions");  // flat: article, sentence, begin, end, ...
  w.StartArray();
  for (const MentionRef& m : e.mentions) {
    w.Uint(m.article);
    w.Uint(m.sentence);
    w.Uint(m.begin);
    w.Uint(m.end);
  }
  w.EndArray();
  if (e.event) {
    w.Key("event");
    writeEvent(w, *e.event);
  }
  w.EndObject();
}

void writeEvidence(Writer& w, const Evidence& e) {
  w.StartObject();
  w.Key("article");
  if (e.article) {
    w.Uint(*e.article);
  } else {
    w.Null();
  }
  w.Key("sentence");
  w.Uint(e.sentence);
  w.Key("begin");
  w.Uint(e.begin);
  w.Key("end");
  w.Uint(e.end);
  w.Key("quote");
  writeString(w, e.quote);
  w.Key("date");
  writeDate(w, e.date);
  w.Key("status");
  w.String(statusName(e.status).data());
  w.Key("source");
  writeString(w, e.source);
  w.Key("place");
  writeString(w, e.place);
  w.Key("confidence");
  w.Double(e.confidence);
  w.EndObject();
}

common::Error storeError(const std::string& path, std::string message, std::size_t line = 0,
                         std::size_t column = 0) {
  return common::Error{path, line, column, "store", std::move(message)};
}

// Reads the members a snapshot must have, failing on the first missing or mistyped one.
class SnapshotReader {
 public:
  explicit SnapshotReader(const std::string& path) : path_(path) {}

  common::Result<KnowledgeGraph> read(const rapidjson::Document& doc) {
    if (!doc.IsObject() || !doc.HasMember("format") || !doc["format"].IsString() ||
        std::strcmp(doc["format"].GetString(), kFormat) != 0) {
      return storeError(path_, "not a newsgraph store (no \"format\": \"newsgraph-snapshot\")");
    }
    if (!doc.HasMember("version") || !doc["version"].IsInt() ||
        doc["version"].GetInt() != kVersion) {
      return storeError(path_, "unsupported store version");
    }
    KnowledgeGraph graph;
    if (!has(doc, "articles", &rapidjson::Value::IsArray) ||
        !has(doc, "entities", &rapidjson::Value::IsArray) ||
        !has(doc, "relations", &rapidjson::Value::IsArray)) {
      return storeError(path_, "damaged store: " + problem_);
    }
    for (const auto& a : doc["articles"].GetArray()) {
      ArticleRecord record;
      if (!a.IsObject() || !str(a, "doc", record.doc) || !str(a, "title", record.title) ||
          !str(a, "url", record.url) || !str(a, "source", record.source) || !date(a, record.date) ||
          !has(a, "hash", &rapidjson::Value::IsUint64) ||
          !has(a, "removed", &rapidjson::Value::IsBool)) {
        return storeError(path_, "damaged article record: " + problem_);
      }
      record.contentHash = a["hash"].GetUint64();
      record.removed = a["removed"].GetBool();
      graph.addArticle(std::move(record));
      if (graph.article(static_cast<ArticleId>(graph.articleCount() - 1)).removed) {
        graph.removeArticle(static_cast<ArticleId>(graph.articleCount() - 1));
      }
    }
    for (const auto& e : doc["entities"].GetArray()) {
      EntityNode node;
      if (!e.IsObject() || !str(e, "id", node.id) || !str(e, "class", node.cls) ||
          !str(e, "label", node.label) || !str(e, "labelEn", node.labelEn) ||
          !str(e, "wikidata", node.wikidata) || !has(e, "aliases", &rapidjson::Value::IsArray) ||
          !has(e, "mentions", &rapidjson::Value::IsArray) ||
          !has(e, "known", &rapidjson::Value::IsBool)) {
        return storeError(path_, "damaged entity record: " + problem_);
      }
      node.known = e["known"].GetBool();
      for (const auto& alias : e["aliases"].GetArray()) {
        if (alias.IsString()) node.aliases.emplace_back(alias.GetString(), alias.GetStringLength());
      }
      if (e.HasMember("lat") && e["lat"].IsNumber() && e.HasMember("lon") && e["lon"].IsNumber()) {
        node.lat = e["lat"].GetDouble();
        node.lon = e["lon"].GetDouble();
      }
      VertexId vertex = graph.ensureEntity(node);
      if (e.HasMember("event")) {
        EventDetails event;
        const auto& v = e["event"];
        if (!v.IsObject() || !str(v, "type", event.type) || !str(v, "subType", event.subType) ||
            !date(v, event.date) || !has(v, "retracted", &rapidjson::Value::IsBool) ||
            !v.HasMember("fatalities") || !v.HasMember("evidence") ||
            !evidence(v["evidence"], event.evidence)) {
          return storeError(path_, "damaged event record: " + problem_);
        }
        if (v["fatalities"].IsInt64()) event.fatalities = v["fatalities"].GetInt64();
        event.retracted = v["retracted"].GetBool();
        graph.setEvent(vertex, std::move(event));
      }
      const auto& flat = e["mentions"].GetArray();
      if (flat.Size() % 4 != 0) return storeError(path_, "damaged mentions of '" + node.id + "'");
      for (rapidjson::SizeType i = 0; i + 3 < flat.Size(); i += 4) {
        if (!flat[i].IsUint() || !flat[i + 1].IsUint() || !flat[i + 2].IsUint() ||
            !flat[i + 3].IsUint() || flat[i].GetUint() >= graph.articleCount()) {
          return storeError(path_, "damaged mentions of '" + node.id + "'");
        }
        graph.addMention(vertex, MentionRef{flat[i].GetUint(), flat[i + 1].GetUint(),
                                            flat[i + 2].GetUint(), flat[i + 3].GetUint()});
      }
    }
    for (const auto& r : doc["relations"].GetArray()) {
      std::string subject, type, object;
      if (!r.IsObject() || !str(r, "subject", subject) || !str(r, "type", type) ||
          !str(r, "object", object) || !has(r, "symmetric", &rapidjson::Value::IsBool) ||
          !has(r, "evidence", &rapidjson::Value::IsArray)) {
        return storeError(path_, "damaged relation record: " + problem_);
      }
      auto s = graph.findEntity(subject);
      auto o = graph.findEntity(object);
      if (!s || !o) return storeError(path_, "relation names an unknown entity");
      for (const auto& ev : r["evidence"].GetArray()) {
        Evidence evidence;
        if (!this->evidence(ev, evidence)) {
          return storeError(path_, "damaged evidence record: " + problem_);
        }
        graph.addEvidence(*s, type, *o, r["symmetric"].GetBool(), std::move(evidence));
      }
    }
    return graph;
  }

 private:
  bool has(const rapidjson::Value& v, const char* name, bool (rapidjson::Value::*check)() const) {
    if (v.HasMember(name) && (v[name].*check)()) return true;
    problem_ = std::string("missing or mistyped \"") + name + "\"";
    return false;
  }
  bool evidence(const rapidjson::Value& ev, Evidence& out) {
    std::string status;
    if (!ev.IsObject() || !str(ev, "quote", out.quote) || !str(ev, "status", status) ||
        !str(ev, "source", out.source) || !str(ev, "place", out.place) || !date(ev, out.date) ||
        !has(ev, "confidence", &rapidjson::Value::IsNumber) ||
        !has(ev, "sentence", &rapidjson::Value::IsUint) ||
        !has(ev, "begin", &rapidjson::Value::IsUint) ||
        !has(ev, "end", &rapidjson::Value::IsUint) || !ev.HasMember("article")) {
      return false;
    }
    auto parsed = parseStatus(status);
    if (!parsed) {
      problem_ = "unknown evidence status '" + status + "'";
      return false;
    }
    out.status = *parsed;
    if (ev["article"].IsUint()) out.article = ev["article"].GetUint();
    out.sentence = ev["sentence"].GetUint();
    out.begin = ev["begin"].GetUint();
    out.end = ev["end"].GetUint();
    out.confidence = ev["confidence"].GetDouble();
    return true;
  }
  bool str(const rapidjson::Value& v, const char* name, std::string& out) {
    if (!has(v, name, &rapidjson::Value::IsString)) return false;
    out.assign(v[name].GetString(), v[name].GetStringLength());
    return true;
  }
  bool date(const rapidjson::Value& v, std::optional<common::PartialDate>& out) {
    if (!v.HasMember("date") || v["date"].IsNull()) return true;
    if (!v["date"].IsString()) {
      problem_ = "mistyped \"date\"";
      return false;
    }
    out = common::PartialDate::parse(v["date"].GetString());
    if (!out) problem_ = "bad date";
    return out.has_value();
  }

  const std::string& path_;
  std::string problem_;
};

}  // namespace

common::Status saveGraph(const KnowledgeGraph& graph, const std::string& path) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("format");
  w.String(kFormat);
  w.Key("version");
  w.Int(kVersion);
  w.Key("articles");
  w.StartArray();
  for (ArticleId id = 0; id < graph.articleCount(); ++id) {
    const ArticleRecord& a = graph.article(id);
    w.StartObject();
    w.Key("doc");
    writeString(w, a.doc);
    w.Key("title");
    writeString(w, a.title);
    w.Key("url");
    writeString(w, a.url);
    w.Key("source");
    writeString(w, a.source);
    w.Key("date");
    writeDate(w, a.date);
    w.Key("hash");
    w.Uint64(a.contentHash);
    w.Key("removed");
    w.Bool(a.removed);
    w.EndObject();
  }
  w.EndArray();
  w.Key("entities");
  w.StartArray();
  for (VertexId v = 0; v < graph.entityCount(); ++v) writeEntity(w, graph.entity(v));
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (EdgeId e = 0; e < graph.relationCount(); ++e) {
    const RelationEdge& r = graph.relation(e);
    if (r.evidence.empty()) continue;
    w.StartObject();
    w.Key("subject");
    writeString(w, graph.entity(r.subject).id);
    w.Key("type");
    writeString(w, r.type);
    w.Key("object");
    writeString(w, graph.entity(r.object).id);
    w.Key("symmetric");
    w.Bool(false);  // already in stored order
    w.Key("evidence");
    w.StartArray();
    for (const Evidence& ev : r.evidence) writeEvidence(w, ev);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) return storeError(path, std::strerror(errno));
  bool ok = std::fwrite(buffer.GetString(), 1, buffer.GetSize(), file) == buffer.GetSize();
  ok = std::fflush(file) == 0 && ok;
  ok = ::fsync(::fileno(file)) == 0 && ok;
  int savedErrno = errno;
  ok = std::fclose(file) == 0 && ok;
  if (!ok) {
    std::remove(temporary.c_str());
    return storeError(path, std::strerror(savedErrno));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    savedErrno = errno;
    std::remove(temporary.c_str());
    return storeError(path, std::strerror(savedErrno));
  }
  return common::okStatus();
}

common::Result<KnowledgeGraph> loadGraph(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return storeError(path, std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  rapidjson::Document doc;
  doc.Parse(content.c_str(), content.size());
  if (doc.HasParseError()) {
    auto [line, column] = common::lineAndColumn(content, doc.GetErrorOffset());
    return storeError(
        path, std::string("damaged store: ") + rapidjson::GetParseError_En(doc.GetParseError()),
        line, column);
  }
  return SnapshotReader(path).read(doc);
}

}  // namespace newsgraph::graph

#include "newsgraph/eval/gold.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "newsgraph/common/text.h"

namespace newsgraph::eval {
namespace {

// Reads a string or a list of strings ("s": "mali" or "s": ["russie", "wagner"]).
bool readIds(const rapidjson::Value& v, std::vector<std::string>& out) {
  if (v.IsString()) {
    out.emplace_back(v.GetString(), v.GetStringLength());
    return true;
  }
  if (!v.IsArray()) return false;
  for (const auto& item : v.GetArray()) {
    if (!item.IsString()) return false;
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return true;
}

bool readDate(const rapidjson::Value& object, std::optional<common::PartialDate>& out) {
  if (!object.HasMember("date") || object["date"].IsNull()) return true;
  if (!object["date"].IsString()) return false;
  out = common::PartialDate::parse(object["date"].GetString());
  return out.has_value();
}

std::string optionalString(const rapidjson::Value& object, const char* name) {
  if (!object.HasMember(name) || !object[name].IsString()) return {};
  return std::string(object[name].GetString(), object[name].GetStringLength());
}

}  // namespace

common::Result<Gold> parseGold(const std::string& text, const std::string& name) {
  rapidjson::Document json;
  json.Parse(text.c_str(), text.size());
  if (json.HasParseError()) {
    auto [line, column] = common::lineAndColumn(text, json.GetErrorOffset());
    return common::Error{name, line, column, "gold",
                         rapidjson::GetParseError_En(json.GetParseError())};
  }
  auto fail = [&](std::size_t index, const std::string& what) {
    return common::Error{name, 0, 0, "gold", "document " + std::to_string(index + 1) + ": " + what};
  };
  if (!json.IsObject() || !json.HasMember("documents") || !json["documents"].IsArray()) {
    return common::Error{name, 0, 0, "gold", "expected an object with a \"documents\" list"};
  }
  Gold gold;
  std::size_t index = 0;
  for (const auto& d : json["documents"].GetArray()) {
    GoldDocument doc;
    if (!d.IsObject() || !d.HasMember("doc") || !d["doc"].IsString())
      return fail(index, "missing \"doc\"");
    doc.doc = d["doc"].GetString();
    if (d.HasMember("entities")) {
      const auto& e = d["entities"];
      if (!e.IsObject()) return fail(index, "\"entities\" must be an object");
      if (e.HasMember("required") && !readIds(e["required"], doc.requiredEntities)) {
        return fail(index, "\"entities.required\" must be a list of ids");
      }
      if (e.HasMember("optional") && !readIds(e["optional"], doc.optionalEntities)) {
        return fail(index, "\"entities.optional\" must be a list of ids");
      }
    }
    if (d.HasMember("relations")) {
      if (!d["relations"].IsArray()) return fail(index, "\"relations\" must be a list");
      for (const auto& r : d["relations"].GetArray()) {
        GoldRelation relation;
        if (!r.IsObject() || !r.HasMember("s") || !r.HasMember("p") || !r.HasMember("o") ||
            !readIds(r["s"], relation.subjects) || !r["p"].IsString() ||
            !readIds(r["o"], relation.objects)) {
          return fail(index, "a relation needs \"s\", \"p\" and \"o\"");
        }
        relation.predicate = r["p"].GetString();
        if (!readDate(r, relation.date)) return fail(index, "bad relation date");
        relation.optional =
            r.HasMember("optional") && r["optional"].IsBool() && r["optional"].GetBool();
        relation.status = optionalString(r, "status");
        if (relation.status.empty()) relation.status = "asserted";
        relation.source = optionalString(r, "source");
        doc.relations.push_back(std::move(relation));
      }
    }
    if (d.HasMember("events")) {
      if (!d["events"].IsArray()) return fail(index, "\"events\" must be a list");
      for (const auto& ev : d["events"].GetArray()) {
        if (!ev.IsObject()) return fail(index, "an event must be an object");
        GoldEvent event;
        event.type = optionalString(ev, "type");
        event.subType = optionalString(ev, "sub_type");
        if (ev.HasMember("actor1")) readIds(ev["actor1"], event.actor1);
        if (ev.HasMember("actor2")) readIds(ev["actor2"], event.actor2);
        if (ev.HasMember("location")) readIds(ev["location"], event.locations);
        if (!readDate(ev, event.date)) return fail(index, "bad event date");
        if (ev.HasMember("fatalities") && ev["fatalities"].IsInt64()) {
          event.fatalities = static_cast<long>(ev["fatalities"].GetInt64());
        }
        doc.events.push_back(std::move(event));
      }
    }
    gold.documents.push_back(std::move(doc));
    ++index;
  }
  return gold;
}

common::Result<Gold> loadGold(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return common::Error{path, 0, 0, "gold", std::strerror(errno)};
  std::ostringstream text;
  text << in.rdbuf();
  return parseGold(text.str(), path);
}

}  // namespace newsgraph::eval

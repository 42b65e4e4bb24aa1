#include <cmath>
#include <cstdio>

#include "graph_snapshot.h"
#include "newsgraph/query/query.h"

namespace newsgraph::query {

const ValueList* Value::asList() const {
  const auto* p = std::get_if<std::shared_ptr<const ValueList>>(&data);
  return p ? p->get() : nullptr;
}
const ValueMap* Value::asMap() const {
  const auto* p = std::get_if<std::shared_ptr<const ValueMap>>(&data);
  return p ? p->get() : nullptr;
}
const PathValue* Value::asPath() const {
  const auto* p = std::get_if<std::shared_ptr<const PathValue>>(&data);
  return p ? p->get() : nullptr;
}

namespace {

std::string number(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", d);
  std::string out = buf;
  if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
  return out;
}

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string pathText(const PathValue& p, const SnapshotData& s) {
  std::string out = "(" + s.graph->entity(p.nodes[0]).id + ")";
  for (std::size_t i = 0; i < p.edges.size(); ++i) {
    const graph::RelationEdge& rel = s.graph->relation(p.edges[i]);
    bool forward = rel.subject == p.nodes[i];
    out += forward ? "-[:" + rel.type + "]->" : "<-[:" + rel.type + "]-";
    out += "(" + s.graph->entity(p.nodes[i + 1]).id + ")";
  }
  return out;
}

}  // namespace

std::string valueToText(const Value& value, const GraphSnapshot& snapshot) {
  const SnapshotData& s = snapshot.data();
  if (value.isNull()) return "null";
  if (const bool* b = value.asBool()) return *b ? "true" : "false";
  if (const auto* i = value.asInt()) return std::to_string(*i);
  if (const auto* d = value.asDouble()) return number(*d);
  if (const auto* str = value.asString()) return *str;
  if (const auto* date = value.asDate()) return date->toString();
  if (const auto* n = value.asNode()) return "(" + s.graph->entity(n->vertex).id + ")";
  if (const auto* r = value.asRel()) {
    const graph::RelationEdge& rel = s.graph->relation(r->edge);
    return "(" + s.graph->entity(rel.subject).id + ")-[:" + rel.type + "]->(" +
           s.graph->entity(rel.object).id + ")";
  }
  if (const auto* l = value.asList()) {
    std::string out = "[";
    for (std::size_t i = 0; i < l->size(); ++i) {
      out += (i > 0 ? ", " : "") + valueToText((*l)[i], snapshot);
    }
    return out + "]";
  }
  if (const auto* m = value.asMap()) {
    std::string out = "{";
    for (std::size_t i = 0; i < m->size(); ++i) {
      out += (i > 0 ? ", " : "") + (*m)[i].first + ": " + valueToText((*m)[i].second, snapshot);
    }
    return out + "}";
  }
  return pathText(*value.asPath(), s);
}

std::string valueToJson(const Value& value, const GraphSnapshot& snapshot) {
  const SnapshotData& s = snapshot.data();
  if (value.isNull()) return "null";
  if (const bool* b = value.asBool()) return *b ? "true" : "false";
  if (const auto* i = value.asInt()) return std::to_string(*i);
  if (const auto* d = value.asDouble()) {
    if (!std::isfinite(*d)) return "null";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    return buf;
  }
  if (const auto* str = value.asString()) return jsonString(*str);
  if (const auto* date = value.asDate()) return jsonString(date->toString());
  auto nodeJson = [&](graph::VertexId v) {
    const graph::EntityNode& node = s.graph->entity(v);
    return "{\"id\": " + jsonString(node.id) + ", \"label\": " + jsonString(node.label) +
           ", \"class\": " + jsonString(node.cls) + "}";
  };
  auto relJson = [&](graph::EdgeId e) {
    const graph::RelationEdge& rel = s.graph->relation(e);
    return "{\"type\": " + jsonString(rel.type) +
           ", \"subject\": " + jsonString(s.graph->entity(rel.subject).id) +
           ", \"object\": " + jsonString(s.graph->entity(rel.object).id) + "}";
  };
  if (const auto* n = value.asNode()) return nodeJson(n->vertex);
  if (const auto* r = value.asRel()) return relJson(r->edge);
  if (const auto* l = value.asList()) {
    std::string out = "[";
    for (std::size_t i = 0; i < l->size(); ++i) {
      out += (i > 0 ? ", " : "") + valueToJson((*l)[i], snapshot);
    }
    return out + "]";
  }
  if (const auto* m = value.asMap()) {
    std::string out = "{";
    for (std::size_t i = 0; i < m->size(); ++i) {
      out += (i > 0 ? ", " : "") + jsonString((*m)[i].first) + ": " +
             valueToJson((*m)[i].second, snapshot);
    }
    return out + "}";
  }
  const PathValue& p = *value.asPath();
  std::string out = "{\"nodes\": [";
  for (std::size_t i = 0; i < p.nodes.size(); ++i)
    out += (i > 0 ? ", " : "") + nodeJson(p.nodes[i]);
  out += "], \"relationships\": [";
  for (std::size_t i = 0; i < p.edges.size(); ++i) out += (i > 0 ? ", " : "") + relJson(p.edges[i]);
  return out + "]}";
}

std::string resultToJson(const QueryResult& result, const GraphSnapshot& snapshot) {
  std::string out = "{\"columns\": [";
  for (std::size_t i = 0; i < result.columns.size(); ++i) {
    out += (i > 0 ? ", " : "") + jsonString(result.columns[i]);
  }
  out += "],\n \"rows\": [";
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    out += r > 0 ? ",\n  [" : "\n  [";
    for (std::size_t i = 0; i < result.rows[r].size(); ++i) {
      out += (i > 0 ? ", " : "") + valueToJson(result.rows[r][i], snapshot);
    }
    out += "]";
  }
  out += "]";
  if (!result.notes.empty()) {
    out += ",\n \"notes\": [";
    for (std::size_t i = 0; i < result.notes.size(); ++i) {
      out += (i > 0 ? ", " : "") + jsonString(result.notes[i]);
    }
    out += "]";
  }
  return out + "}\n";
}

std::string resultToCsv(const QueryResult& result, const GraphSnapshot& snapshot) {
  auto field = [](const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  };
  std::string out;
  for (std::size_t i = 0; i < result.columns.size(); ++i) {
    out += (i > 0 ? "," : "") + field(result.columns[i]);
  }
  out += "\r\n";
  for (const auto& row : result.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ",";
      if (!row[i].isNull()) out += field(valueToText(row[i], snapshot));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace newsgraph::query

#include "html_json.h"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <unordered_map>

#include "newsgraph/diagram/style.h"

namespace newsgraph::diagram {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendNumber(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += '0';
    return;
  }
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, error == std::errc() ? end : buffer);
}

void appendNumber(std::string& out, long value) {
  char buffer[24];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, error == std::errc() ? end : buffer);
}

// Appends `"name":` (name is a plain ASCII key).
void appendKey(std::string& out, std::string_view name) {
  out += '"';
  out += name;
  out += "\":";
}

void appendField(std::string& out, std::string_view name, std::string_view value) {
  appendKey(out, name);
  appendJsonString(out, value);
}

// The Cytoscape.js arrow of a status: style.h gives Graphviz's names.
std::string_view cytoscapeArrow(const StatusStyle& style) {
  return style.arrowHead == "normal" ? "triangle" : style.arrowHead;
}

void appendStyle(std::string& out) {
  out += "{\"nodes\":[";
  bool first = true;
  for (const NodeFamilyStyle& style : nodeFamilies()) {
    out += first ? "{" : ",{";
    first = false;
    appendField(out, "family", style.family);
    out += ',';
    appendField(out, "legend", style.legend);
    out += ',';
    appendField(out, "fill", style.fill);
    out += ',';
    appendField(out, "font", style.font);
    out += ',';
    appendField(out, "shape", style.cyShape);
    out += '}';
  }
  out += "],\"edges\":[";
  first = true;
  for (const EdgeFamilyStyle& style : edgeFamilies()) {
    out += first ? "{" : ",{";
    first = false;
    appendField(out, "family", style.family);
    out += ',';
    appendField(out, "legend", style.legend);
    out += ',';
    appendField(out, "colour", style.colour);
    out += '}';
  }
  out += "],\"statuses\":{";
  first = true;
  for (graph::EvidenceStatus status :
       {graph::EvidenceStatus::kAsserted, graph::EvidenceStatus::kClaimed,
        graph::EvidenceStatus::kHypothetical, graph::EvidenceStatus::kNegated}) {
    const StatusStyle& style = statusStyle(status);
    if (!first) out += ',';
    first = false;
    appendKey(out, graph::statusName(status));
    out += '{';
    appendField(out, "dash", style.dash);
    out += ',';
    appendField(out, "arrow", cytoscapeArrow(style));
    out += ',';
    appendField(out, "suffix", style.labelSuffix);
    out += '}';
  }
  out += "}}";
}

void appendNode(std::string& out, const DiagramNode& node, const graph::EntityNode& entity,
                const Point& position, const NodeLook& look) {
  out += '{';
  appendField(out, "id", node.id);
  out += ',';
  appendField(out, "label", node.label.empty() ? node.id : node.label);
  if (!entity.labelEn.empty()) {
    out += ',';
    appendField(out, "labelEn", entity.labelEn);
  }
  if (!entity.aliases.empty()) {
    out += ",\"aliases\":[";
    for (std::size_t i = 0; i < entity.aliases.size(); ++i) {
      if (i > 0) out += ',';
      appendJsonString(out, entity.aliases[i]);
    }
    out += ']';
  }
  out += ',';
  appendField(out, "class", node.cls);
  out += ',';
  appendField(out, "family", node.family);
  if (node.lat && node.lon) {
    out += ",\"lat\":";
    appendNumber(out, *node.lat);
    out += ",\"lon\":";
    appendNumber(out, *node.lon);
  }
  if (!entity.wikidata.empty()) {
    out += ',';
    appendField(out, "wikidata", entity.wikidata);
  }
  out += ",\"x\":";
  appendNumber(out, std::round(position.x * 10) / 10);
  out += ",\"y\":";
  appendNumber(out, std::round(position.y * 10) / 10);
  out += ",\"size\":";
  appendNumber(out, std::round(look.diameter));
  out += ",\"font\":";
  appendNumber(out, look.fontSize);
  out += ",\"wrap\":";
  appendNumber(out, look.wrapWidth);
  out += '}';
}

// Articles cited by the evidence, numbered in order of first citation.
class ArticleTable {
 public:
  long index(graph::ArticleId article) {
    auto [it, added] = index_.emplace(article, static_cast<long>(order_.size()));
    if (added) order_.push_back(article);
    return it->second;
  }
  void append(std::string& out, const graph::KnowledgeGraph& graph) const {
    out += '[';
    for (std::size_t i = 0; i < order_.size(); ++i) {
      const graph::ArticleRecord& record = graph.article(order_[i]);
      out += i > 0 ? ",{" : "{";
      appendField(out, "doc", record.doc);
      out += ',';
      appendField(out, "title", record.title);
      if (record.date) {
        out += ',';
        appendField(out, "date", record.date->toString());
      }
      if (!record.url.empty()) {
        out += ',';
        appendField(out, "url", record.url);
      }
      out += '}';
    }
    out += ']';
  }

 private:
  std::unordered_map<graph::ArticleId, long> index_;
  std::vector<graph::ArticleId> order_;
};

void appendEvidence(std::string& out, const graph::Evidence& evidence,
                    const graph::KnowledgeGraph& graph, ArticleTable& articles) {
  out += '{';
  std::optional<common::PartialDate> date = evidence.date;
  if (evidence.article) {
    out += "\"article\":";
    appendNumber(out, articles.index(*evidence.article));
    out += ',';
    if (!date) date = graph.article(*evidence.article).date;
  }
  if (date) {
    appendField(out, "date", date->toString());
    out += ',';
  }
  appendField(out, "status", graph::statusName(evidence.status));
  if (!evidence.source.empty()) {
    std::optional<graph::VertexId> speaker = graph.findEntity(evidence.source);
    out += ',';
    appendField(
        out, "speaker",
        speaker ? graph.entity(*speaker).label + " (" + evidence.source + ")" : evidence.source);
  }
  out += ',';
  appendField(out, "quote", evidence.quote);
  out += '}';
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  auto flush = [&](std::size_t i) { out.append(text.data() + run, i - run); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    const char* escape = nullptr;
    switch (c) {
      case '"':
        escape = "\\\"";
        break;
      case '\\':
        escape = "\\\\";
        break;
      case '\n':
        escape = "\\n";
        break;
      case '\r':
        escape = "\\r";
        break;
      case '\t':
        escape = "\\t";
        break;
      case '<':
        escape = "\\u003c";
        break;
      case '>':
        escape = "\\u003e";
        break;
      case '&':
        escape = "\\u0026";
        break;
      default:
        break;
    }
    if (escape != nullptr) {
      flush(i);
      out += escape;
      run = i + 1;
    } else if (c < 0x20) {
      flush(i);
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
      run = i + 1;
    } else if (c == 0xe2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0xa8 ||
                static_cast<unsigned char>(text[i + 2]) == 0xa9)) {
      // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
      flush(i);
      out += static_cast<unsigned char>(text[i + 2]) == 0xa8 ? "\\u2028" : "\\u2029";
      i += 2;
      run = i + 1;
    }
  }
  flush(text.size());
  out += '"';
}

void appendPageData(std::string& out, const Diagram& diagram, const graph::KnowledgeGraph& graph,
                    const std::vector<Point>& positions, const std::vector<NodeLook>& looks) {
  out += '{';
  appendField(out, "title", diagram.title);
  out += ',';
  appendField(out, "scope", diagram.scope);
  out += ",\"style\":";
  appendStyle(out);

  out += ",\"nodes\":[";
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
    if (i > 0) out += ',';
    const DiagramNode& node = diagram.nodes[i];
    appendNode(out, node, graph.entity(node.vertex), positions[i], looks[i]);
  }

  ArticleTable articles;
  out += "],\"edges\":[";
  for (std::size_t i = 0; i < diagram.edges.size(); ++i) {
    const DiagramEdge& edge = diagram.edges[i];
    out += i > 0 ? ",{" : "{";
    out += "\"source\":";
    appendNumber(out, static_cast<long>(edge.from));
    out += ",\"target\":";
    appendNumber(out, static_cast<long>(edge.to));
    out += ',';
    appendField(out, "type", edge.type);
    out += ',';
    appendField(out, "family", edge.family);
    out += ',';
    appendField(out, "status", graph::statusName(edge.status));
    out += edge.symmetric ? ",\"symmetric\":true" : ",\"symmetric\":false";
    out += ",\"sources\":";
    appendNumber(out, static_cast<long>(edge.sources));
    out += ",\"width\":";
    appendNumber(out, 1.5 * edgeWidth(edge.sources));
    out += ",\"evidence\":[";
    for (std::size_t k = 0; k < edge.evidence.size(); ++k) {
      if (k > 0) out += ',';
      appendEvidence(out, *edge.evidence[k], graph, articles);
    }
    out += "]}";
  }
  out += "],\"articles\":";
  articles.append(out, graph);
  out += '}';
}

}  // namespace newsgraph::diagram

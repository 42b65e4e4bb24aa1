// Private to the RDF import: the predicates it reads, resolved once per document, and small
// readers of literal values.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/common/partial_date.h"
#include "rdf_document.h"
#include "rdf_vocabulary.h"

namespace newsgraph::exporter::rdf {

inline std::string join(std::string_view a, std::string_view b) {
  std::string out(a);
  out += b;
  return out;
}

inline bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

inline std::string localName(std::string_view iri) {
  std::size_t cut = iri.find_last_of("#/");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

template <typename Number>
std::optional<Number> parseNumber(std::string_view text) {
  Number value{};
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// The predicates the importer reads, as indices into the document (UINT32_MAX when unused).
struct Predicates {
  explicit Predicates(const RdfDocument& d)
      : type(d.predicate(join(rdf::kRdf, "type"))),
        subject(d.predicate(join(rdf::kRdf, "subject"))),
        predicate(d.predicate(join(rdf::kRdf, "predicate"))),
        object(d.predicate(join(rdf::kRdf, "object"))),
        label(d.predicate(join(rdf::kRdfs, "label"))),
        prefLabel(d.predicate(join(rdf::kSkos, "prefLabel"))),
        altLabel(d.predicate(join(rdf::kSkos, "altLabel"))),
        sameAs(d.predicate(join(rdf::kOwl, "sameAs"))),
        lat(d.predicate(join(rdf::kWgs, "lat"))),
        lon(d.predicate(join(rdf::kWgs, "long"))),
        hasGeometry(d.predicate(join(rdf::kGeo, "hasGeometry"))),
        asWkt(d.predicate(join(rdf::kGeo, "asWKT"))),
        identifier(d.predicate(join(rdf::kSchema, "identifier"))),
        headline(d.predicate(join(rdf::kSchema, "headline"))),
        datePublished(d.predicate(join(rdf::kSchema, "datePublished"))),
        url(d.predicate(join(rdf::kSchema, "url"))),
        derivedFrom(d.predicate(join(rdf::kProv, "wasDerivedFrom"))) {}
  std::uint32_t type, subject, predicate, object, label, prefLabel, altLabel, sameAs, lat, lon,
      hasGeometry, asWkt, identifier, headline, datePublished, url, derivedFrom;
};

// ng: predicates, looked up under the export's base and under the ontology files' namespace.
struct NgPredicates {
  NgPredicates(const RdfDocument& d, const std::vector<std::string>& namespaces) {
    auto find = [&](const char* name) {
      for (const std::string& ns : namespaces) {
        std::uint32_t p = d.predicate(ns + name);
        if (p != UINT32_MAX) return p;
      }
      return UINT32_MAX;
    };
    contentHash = find("contentHash");
    eventType = find("eventType");
    acledEventType = find("acledEventType");
    acledSubEventType = find("acledSubEventType");
    date = find("date");
    fatalities = find("fatalities");
    mentionOf = find("mentionOf");
    evidence = find("evidence");
    status = find("status");
    statedBy = find("statedBy");
    place = find("place");
    confidence = find("confidence");
    quote = find("quote");
    sentence = find("sentence");
    start = find("start");
    end = find("end");
  }
  std::uint32_t contentHash, eventType, acledEventType, acledSubEventType, date, fatalities,
      mentionOf, evidence, status, statedBy, place, confidence, quote, sentence, start, end;
};

inline const Value* first(const Resource& r, std::uint32_t p) {
  if (p == UINT32_MAX) return nullptr;
  for (const auto& property : r.properties) {
    if (property.predicate == p) return &property.object;
  }
  return nullptr;
}

// The first literal of `p` in `language` ("" for no language tag).
inline const Value* literalIn(const Resource& r, std::uint32_t p, std::string_view language) {
  if (p == UINT32_MAX) return nullptr;
  for (const auto& property : r.properties) {
    if (property.predicate == p && property.object.kind == Value::Kind::kLiteral &&
        property.object.language == language)
      return &property.object;
  }
  return nullptr;
}

inline std::optional<common::PartialDate> parseDate(const Value* value) {
  if (value == nullptr || value->kind != Value::Kind::kLiteral) return std::nullopt;
  std::string_view text = value->text;
  if (text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);  // xsd:dateTime
  return common::PartialDate::parse(text);
}

}  // namespace newsgraph::exporter::rdf

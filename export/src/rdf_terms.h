// Private to the RDF export: the predicates, datatypes and language tags of docs/RDF.md as Serd
// nodes, made once. Every CURIE uses a prefix that RdfExporter declares.
#pragma once

#include <serd/serd.h>

namespace newsgraph::exporter::rdf {

inline SerdNode constantCurie(const char* curie) {
  return serd_node_from_string(SERD_CURIE, reinterpret_cast<const uint8_t*>(curie));
}
inline SerdNode constantLiteral(const char* text) {
  return serd_node_from_string(SERD_LITERAL, reinterpret_cast<const uint8_t*>(text));
}

struct Terms {
  // rdf:type as a full IRI, which Serd writes as `a` in Turtle.
  SerdNode type = serd_node_from_string(
      SERD_URI,
      reinterpret_cast<const uint8_t*>("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"));
  SerdNode subject = constantCurie("rdf:subject");
  SerdNode predicate = constantCurie("rdf:predicate");
  SerdNode object = constantCurie("rdf:object");
  SerdNode label = constantCurie("rdfs:label");
  SerdNode comment = constantCurie("rdfs:comment");
  SerdNode subClassOf = constantCurie("rdfs:subClassOf");
  SerdNode domain = constantCurie("rdfs:domain");
  SerdNode range = constantCurie("rdfs:range");
  SerdNode prefLabel = constantCurie("skos:prefLabel");
  SerdNode altLabel = constantCurie("skos:altLabel");
  SerdNode sameAs = constantCurie("owl:sameAs");
  SerdNode lat = constantCurie("wgs:lat");
  SerdNode lon = constantCurie("wgs:long");
  SerdNode hasGeometry = constantCurie("geo:hasGeometry");
  SerdNode asWkt = constantCurie("geo:asWKT");
  SerdNode identifier = constantCurie("schema:identifier");
  SerdNode headline = constantCurie("schema:headline");
  SerdNode datePublished = constantCurie("schema:datePublished");
  SerdNode url = constantCurie("schema:url");
  SerdNode derivedFrom = constantCurie("prov:wasDerivedFrom");
  SerdNode relationName = constantCurie("ng:relationName");
  SerdNode contentHash = constantCurie("ng:contentHash");
  SerdNode eventType = constantCurie("ng:eventType");
  SerdNode acledEventType = constantCurie("ng:acledEventType");
  SerdNode acledSubEventType = constantCurie("ng:acledSubEventType");
  SerdNode date = constantCurie("ng:date");
  SerdNode fatalities = constantCurie("ng:fatalities");
  SerdNode mentionOf = constantCurie("ng:mentionOf");
  SerdNode evidence = constantCurie("ng:evidence");
  SerdNode status = constantCurie("ng:status");
  SerdNode statedBy = constantCurie("ng:statedBy");
  SerdNode place = constantCurie("ng:place");
  SerdNode confidence = constantCurie("ng:confidence");
  SerdNode quote = constantCurie("ng:quote");
  SerdNode sentence = constantCurie("ng:sentence");
  SerdNode start = constantCurie("ng:start");
  SerdNode end = constantCurie("ng:end");
  // Datatypes. xsd:decimal and xsd:integer as full IRIs, which Serd writes as bare numbers in
  // Turtle and TriG.
  SerdNode decimal = serd_node_from_string(
      SERD_URI, reinterpret_cast<const uint8_t*>("http://www.w3.org/2001/XMLSchema#decimal"));
  SerdNode integer = serd_node_from_string(
      SERD_URI, reinterpret_cast<const uint8_t*>("http://www.w3.org/2001/XMLSchema#integer"));
  SerdNode gYear = constantCurie("xsd:gYear");
  SerdNode gYearMonth = constantCurie("xsd:gYearMonth");
  SerdNode xsdDate = constantCurie("xsd:date");
  SerdNode anyUri = constantCurie("xsd:anyURI");
  SerdNode wktLiteral = constantCurie("geo:wktLiteral");
  // Language tags.
  SerdNode fr = constantLiteral("fr");
  SerdNode en = constantLiteral("en");
};

}  // namespace newsgraph::exporter::rdf

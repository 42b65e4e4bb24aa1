// Private to the RDF export and import: the namespaces of docs/RDF.md, how ids become IRI
// segments and back, and the stable names of statement and mention nodes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::exporter::rdf {

// Well-known namespaces.
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kSchema = "http://schema.org/";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kWgs = "http://www.w3.org/2003/01/geo/wgs84_pos#";
inline constexpr std::string_view kGeo = "http://www.opengis.net/ont/geosparql#";
inline constexpr std::string_view kWikidata = "http://www.wikidata.org/entity/";

// Paths under the base IRI (SPEC 1 for entities, ontology terms and articles).
inline constexpr std::string_view kEntityPath = "entity/";
inline constexpr std::string_view kOntologyPath = "ontology#";
inline constexpr std::string_view kOntologyIri = "ontology";  // the owl:Ontology itself
inline constexpr std::string_view kArticlePath = "article/";
inline constexpr std::string_view kStatementPath = "statement/";
inline constexpr std::string_view kMentionPath = "mention/";
inline constexpr std::string_view kGeometryPath = "geometry/";

// Appends `id` to `out` as one IRI segment: every byte outside [A-Za-z0-9_-], and a leading
// '-', becomes %XX. The result is a valid IRI segment and a valid Turtle local name, whatever
// `id` holds; decodeSegment reverses it.
void appendEncodedSegment(std::string_view id, std::string& out);

// appendEncodedSegment into a new string.
std::string encoded(std::string_view id);

// A relation type's property name when the ontology gives none: DEPLOYS_TO -> deploysTo.
std::string camelCase(std::string_view typeName);

// 16 lower-case hex digits.
std::string hex64(std::uint64_t value);

// Reverses percent-encoding (%XX, either case); other bytes are copied. Malformed escapes are
// copied as they are.
std::string decodeSegment(std::string_view segment);

// Appends `url` to `out` as an IRI: bytes that may not appear in an IRI (controls, space,
// <>"{}|\^`) and bytes of invalid UTF-8 become %XX; the rest, '%' included, are kept.
void appendIriText(std::string_view url, std::string& out);

// True when `text` starts with a URI scheme followed by ':' ("https:").
bool hasScheme(std::string_view text);

// 64-bit FNV-1a, the hash behind statement and mention names. Stable across runs and machines.
class Fnv1a {
 public:
  void add(std::string_view bytes);
  void add(std::uint64_t number);
  std::uint64_t value() const { return hash_; }
  // 16 lower-case hex digits.
  std::string hex() const;

 private:
  std::uint64_t hash_ = 14695981039346656037ULL;
};

}  // namespace newsgraph::exporter::rdf

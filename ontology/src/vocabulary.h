// Private: the IRIs the ontology files use.
#pragma once

#include <string_view>

namespace newsgraph::ontology::iri {

inline constexpr std::string_view kNg = "http://example.org/newsgraph/ontology#";
inline constexpr std::string_view kEntity = "http://example.org/newsgraph/entity/";
inline constexpr std::string_view kType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kOwlClass = "http://www.w3.org/2002/07/owl#Class";
inline constexpr std::string_view kOwlObjectProperty =
    "http://www.w3.org/2002/07/owl#ObjectProperty";
inline constexpr std::string_view kOwlSymmetric = "http://www.w3.org/2002/07/owl#SymmetricProperty";
inline constexpr std::string_view kOwlSameAs = "http://www.w3.org/2002/07/owl#sameAs";
inline constexpr std::string_view kSubClassOf = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view kRdfsComment = "http://www.w3.org/2000/01/rdf-schema#comment";
inline constexpr std::string_view kPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
inline constexpr std::string_view kAltLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view kLat = "http://www.w3.org/2003/01/geo/wgs84_pos#lat";
inline constexpr std::string_view kLong = "http://www.w3.org/2003/01/geo/wgs84_pos#long";
inline constexpr std::string_view kWikidata = "http://www.wikidata.org/entity/";

}  // namespace newsgraph::ontology::iri

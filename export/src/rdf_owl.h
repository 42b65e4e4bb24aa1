// Private to the RDF export: the ontology written as OWL.
#pragma once

#include <functional>
#include <string>

#include "newsgraph/ontology/ontology.h"
#include "rdf_terms.h"
#include "statement_writer.h"

namespace newsgraph::exporter::rdf {

// The CURIE of a relation type's property ("ATTACKS" -> "ng:attacks"); the reference lives as
// long as the exporter.
using PropertyName = std::function<const std::string&(const std::string& type)>;

// Writes the owl:Ontology `ontologyIri`, every class (owl:Class, rdfs:subClassOf, labels),
// relation type (owl:ObjectProperty, owl:SymmetricProperty, rdfs:domain and rdfs:range, an
// owl:unionOf list when several classes) and ACLED event type of `ontology`, and the classes
// and status values of statement nodes. The `ng:` prefix must be declared.
void writeOntologyOwl(StatementWriter& writer, const Terms& terms,
                      const ontology::Ontology& ontology, const std::string& ontologyIri,
                      const PropertyName& property);

}  // namespace newsgraph::exporter::rdf

// The ontology as OWL (docs/RDF.md): classes, object properties, ACLED event types, and the
// classes and values of the provenance layer.
#include "rdf_owl.h"

#include "rdf_vocabulary.h"

namespace newsgraph::exporter::rdf {
namespace {

// Writes one ontology; holds the scratch strings of its statements.
class OwlWriter {
 public:
  OwlWriter(StatementWriter& writer, const Terms& terms, const ontology::Ontology& ontology,
            const std::string& ontologyIri, const PropertyName& property)
      : w_(writer),
        terms_(terms),
        ontology_(ontology),
        ontologyIri_(ontologyIri),
        property_(property) {}
  void write();

 private:
  void writeClassUnion(const SerdNode& property, const SerdNode& predicate,
                       const std::vector<std::string>& classes);

  StatementWriter& w_;
  const Terms& terms_;
  const ontology::Ontology& ontology_;
  const std::string& ontologyIri_;
  const PropertyName& property_;
  std::string s_, o_;
  int blankCount_ = 0;
};

void OwlWriter::write() {
  SerdNode ontologyNode = uriNode(ontologyIri_);
  const Terms& t = terms_;
  w_.write(ontologyNode, t.type, curieNode("owl:Ontology"));
  w_.writeLiteral(ontologyNode, t.label, "newsgraph ontology", nullptr, &t.en);
  for (const ontology::EntityClass& cls : ontology_.classes()) {
    s_ = "ng:" + encoded(cls.name);
    SerdNode s = curieNode(s_);
    w_.write(s, t.type, curieNode("owl:Class"));
    for (const std::string& parent : cls.parents) {
      o_ = "ng:" + encoded(parent);
      w_.write(s, t.subClassOf, curieNode(o_));
    }
    if (!cls.labelFr.empty()) w_.writeLiteral(s, t.label, cls.labelFr, nullptr, &t.fr);
    if (!cls.labelEn.empty()) w_.writeLiteral(s, t.label, cls.labelEn, nullptr, &t.en);
    if (!cls.comment.empty()) w_.writeLiteral(s, t.comment, cls.comment, nullptr, &t.en);
  }
  for (const ontology::RelationType& type : ontology_.relationTypes()) {
    s_ = property_(type.name);
    SerdNode s = curieNode(s_);
    w_.write(s, t.type, curieNode("owl:ObjectProperty"));
    if (type.symmetric) w_.write(s, t.type, curieNode("owl:SymmetricProperty"));
    w_.writeLiteral(s, t.relationName, type.name);
    w_.writeLiteral(s, t.label, type.name);
    if (!type.comment.empty()) w_.writeLiteral(s, t.comment, type.comment, nullptr, &t.en);
    writeClassUnion(s, t.domain, type.domain);
    writeClassUnion(s, t.range, type.range);
  }
  for (const ontology::EventType& type : ontology_.eventTypes()) {
    s_ = "ng:" + encoded(type.name);
    SerdNode s = curieNode(s_);
    w_.write(s, t.type, curieNode("ng:EventType"));
    w_.writeLiteral(s, t.label, type.acledSubType, nullptr, &t.en);
    w_.writeLiteral(s, t.acledEventType, type.acledType);
    w_.writeLiteral(s, t.acledSubEventType, type.acledSubType);
  }
  // The classes and values of the provenance layer.
  const std::pair<const char*, const char*> classes[] = {
      {"ng:Statement", "A relation as one article states it, with its qualifiers."},
      {"ng:Evidence", "The sentence an event is read from."},
      {"ng:Mention", "Where an article names an entity."},
      {"ng:EventType", "An ACLED event sub-type."},
      {"ng:StatementStatus", "How the text presents a relation."}};
  for (const auto& [name, comment] : classes) {
    SerdNode s = curieNode(name);
    w_.write(s, t.type, curieNode("owl:Class"));
    w_.writeLiteral(s, t.comment, comment, nullptr, &t.en);
  }
  w_.write(curieNode("ng:Statement"), t.subClassOf, curieNode("rdf:Statement"));
  for (const char* status : {"ng:Asserted", "ng:Negated", "ng:Claimed", "ng:Hypothetical"}) {
    w_.write(curieNode(status), t.type, curieNode("ng:StatementStatus"));
  }
}

// rdfs:domain or rdfs:range: the class itself, or an owl:unionOf list of the classes.
void OwlWriter::writeClassUnion(const SerdNode& property, const SerdNode& predicate,
                                const std::vector<std::string>& classes) {
  const Terms& t = terms_;
  if (classes.size() == 1) {
    o_ = "ng:" + encoded(classes.front());
    w_.write(property, predicate, curieNode(o_));
    return;
  }
  std::string unionLabel = "u" + std::to_string(++blankCount_);
  SerdNode unionNode = blankNode(unionLabel);
  w_.write(property, predicate, unionNode);
  w_.write(unionNode, t.type, curieNode("owl:Class"));
  std::string item = "l" + std::to_string(++blankCount_);
  w_.write(unionNode, curieNode("owl:unionOf"), blankNode(item));
  for (std::size_t i = 0; i < classes.size(); ++i) {
    SerdNode node = blankNode(item);
    o_ = "ng:" + encoded(classes[i]);
    w_.write(node, curieNode("rdf:first"), curieNode(o_));
    if (i + 1 == classes.size()) {
      w_.write(node, curieNode("rdf:rest"), curieNode("rdf:nil"));
    } else {
      std::string next = "l" + std::to_string(++blankCount_);
      w_.write(node, curieNode("rdf:rest"), blankNode(next));
      item = next;
    }
  }
}

}  // namespace

void writeOntologyOwl(StatementWriter& writer, const Terms& terms,
                      const ontology::Ontology& ontology, const std::string& ontologyIri,
                      const PropertyName& property) {
  OwlWriter(writer, terms, ontology, ontologyIri, property).write();
}

}  // namespace newsgraph::exporter::rdf

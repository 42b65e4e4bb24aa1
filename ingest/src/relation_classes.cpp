#include "relation_classes.h"

namespace newsgraph::ingest {

ClassTable::ClassTable(const ontology::Ontology& ontology) : ontology_(ontology) {
  for (const ontology::EntityClass& cls : ontology.classes()) id(cls.name);
  entityClasses_.reserve(ontology.entities().size());
  for (const ontology::EntityRecord& e : ontology.entities()) entityClasses_.push_back(id(e.cls));
}

ClassId ClassTable::id(std::string_view name) {
  auto found = ids_.find(name);
  if (found != ids_.end()) return found->second;
  auto added = static_cast<ClassId>(ancestors_.size());
  ids_.emplace(std::string(name), added);
  ancestors_.emplace_back();
  ancestors_[added].add(added);
  // A class is a subclass of its parents' ancestors (Ontology::isSubclassOf); a name the
  // ontology does not define as a class has no parents.
  if (const ontology::EntityClass* cls = ontology_.findClass(name)) {
    std::vector<std::string> parents = cls->parents;  // findClass's pointer may not outlive id()
    for (const std::string& parent : parents) {
      if (parent == name) continue;
      ClassId p = id(parent);
      for (ClassId a = 0; a < ancestors_.size(); ++a) {
        if (ancestors_[p].contains(a)) ancestors_[added].add(a);
      }
    }
  }
  return added;
}

bool ClassTable::isA(ClassId cls, ClassId ancestor) const {
  return cls < ancestors_.size() && ancestors_[cls].contains(ancestor);
}

ClassConstraint ClassTable::constraint(const std::vector<std::string>& names) {
  ClassConstraint out;
  ClassId actor = id("Actor");
  for (const std::string& name : names) out.listed.push_back(id(name));
  for (ClassId c = 0; c < ancestors_.size(); ++c) {
    for (ClassId listed : out.listed) {
      if (!isA(c, listed)) continue;
      out.any.add(c);
      if (isA(listed, actor)) out.actors.add(c);
    }
  }
  return out;
}

RelationClasses::RelationClasses(const ontology::Ontology& ontology)
    : table(ontology),
      actorId(table.id("Actor")),
      countryId(table.id("Country")),
      townId(table.id("Town")),
      placeId(table.id("Place")),
      actor(table.constraint("Actor")),
      place(table.constraint("Place")),
      person(table.constraint("Person")),
      country(table.constraint("Country")),
      town(table.constraint("Town")),
      internationalOrganization(table.constraint("InternationalOrganization")),
      armedGroup(table.constraint("ArmedGroup")) {
  for (const ontology::RelationType& type : ontology.relationTypes()) {
    signatures.push_back(
        RelationSignature{&type, table.constraint(type.domain), table.constraint(type.range)});
  }
}

}  // namespace newsgraph::ingest

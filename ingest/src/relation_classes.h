// Private: the ontology's entity classes as small ids, and the classes an argument slot accepts
// as a bit set over those ids, so that the relation stage tests "is this argument an Actor"
// with one bit test instead of walking class names through the ontology.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/common/key_hash.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ingest {

// An entity class name interned by ClassTable.
using ClassId = std::uint32_t;
constexpr ClassId kNoClass = 0xffffffffU;

// A set of class ids.
class ClassSet {
 public:
  void add(ClassId id) {
    if (id / 64 >= words_.size()) words_.resize(id / 64 + 1, 0);
    words_[id / 64] |= std::uint64_t{1} << (id % 64);
  }
  bool contains(ClassId id) const {
    return id / 64 < words_.size() && ((words_[id / 64] >> (id % 64)) & 1) != 0;
  }

 private:
  std::vector<std::uint64_t> words_;
};

// The classes an argument slot accepts, from a list of class names (a relation type's domain or
// range): every subclass of one of them. A demonym or a metonym fits only the actor classes of
// the list (SentenceReader::fits).
struct ClassConstraint {
  ClassSet any;                 // subclasses of any listed class
  ClassSet actors;              // subclasses of the listed classes that are actors
  std::vector<ClassId> listed;  // the listed classes themselves
  bool lists(ClassId id) const {
    for (ClassId c : listed) {
      if (c == id) return true;
    }
    return false;
  }
};

// Interns class names and answers subclass tests on ids. Names the ontology knows (its classes
// and every parent they name) are interned at construction; any other name gets a new id on
// first use, a subclass of nothing but itself, as Ontology::isSubclassOf has it.
class ClassTable {
 public:
  // `ontology` must outlive the table.
  explicit ClassTable(const ontology::Ontology& ontology);

  // The id of `name`, interned on first use. Not thread-safe.
  ClassId id(std::string_view name);
  // The class of a gazetteer entity (`entity` points into ontology.entities()).
  ClassId classOf(const ontology::EntityRecord& entity) const {
    return entityClasses_[static_cast<std::size_t>(&entity - ontology_.entities().data())];
  }
  // The slot that accepts any subclass of the listed class names.
  ClassConstraint constraint(const std::vector<std::string>& names);
  ClassConstraint constraint(std::string_view name) {
    return constraint(std::vector<std::string>{std::string(name)});
  }
  // Whether `cls` is `ancestor` or one of its subclasses.
  bool isA(ClassId cls, ClassId ancestor) const;

 private:
  const ontology::Ontology& ontology_;
  std::unordered_map<std::string, ClassId, common::KeyHash, std::equal_to<>> ids_;
  std::vector<ClassSet> ancestors_;     // by id: the class itself and all its ancestors
  std::vector<ClassId> entityClasses_;  // by position in ontology.entities()
};

// The classes each argument of a relation type accepts.
struct RelationSignature {
  const ontology::RelationType* type = nullptr;
  ClassConstraint domain;
  ClassConstraint range;
};

// The classes of the relation stage, built once per extractor: the class table, the signature
// of every relation type, and the constraints the readers use by name.
struct RelationClasses {
  ClassTable table;
  std::vector<RelationSignature> signatures;  // by position in ontology.relationTypes()
  ClassId actorId, countryId, townId, placeId;
  ClassConstraint actor, place, person, country, town, internationalOrganization, armedGroup;

  // `ontology` must outlive the classes.
  explicit RelationClasses(const ontology::Ontology& ontology);
  // The signature of `type`, which must be one of the ontology's relation types.
  const RelationSignature& of(const ontology::RelationType& type) const {
    return signatures[static_cast<std::size_t>(&type - signatures.front().type)];
  }
};

}  // namespace newsgraph::ingest

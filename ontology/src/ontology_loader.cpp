#include "newsgraph/ontology/ontology_loader.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include "newsgraph/common/text.h"
#include "turtle_triples.h"
#include "vocabulary.h"

namespace newsgraph::ontology {
namespace {

// A triple with the source it came from, for messages.
struct Located {
  Triple triple;
  const std::string* source = nullptr;
};

common::Error errorAt(const Located& where, std::string message) {
  return common::Error{*where.source, where.triple.line, where.triple.column, "ontology",
                       std::move(message)};
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "http://example.org/newsgraph/ontology#Town" -> "Town"; any IRI -> text after its last '#' or
// '/'.
std::string localName(std::string_view iri) {
  std::size_t cut = iri.find_last_of("#/");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

// Triples grouped by subject, in order of first appearance.
class SubjectIndex {
 public:
  void add(Located located) {
    const std::string& key = located.triple.subject.value;
    auto [it, inserted] = index_.emplace(key, groups_.size());
    if (inserted) groups_.emplace_back();
    groups_[it->second].push_back(std::move(located));
  }
  const std::vector<std::vector<Located>>& groups() const { return groups_; }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::vector<Located>> groups_;
};

bool hasType(const std::vector<Located>& group, std::string_view type) {
  for (const Located& t : group) {
    if (t.triple.predicate.value == iri::kType && t.triple.object.value == type) return true;
  }
  return false;
}

// ng:cue and ng:verbCue are verbs; the other cue properties say how arguments attach.
std::optional<CueKind> cueKind(const std::string& property) {
  if (!startsWith(property, iri::kNg)) return std::nullopt;
  std::string_view name = std::string_view(property).substr(iri::kNg.size());
  if (name == "cue" || name == "verbCue") return CueKind::kVerb;
  if (name == "passiveCue") return CueKind::kPassive;
  if (name == "nounCue") return CueKind::kNoun;
  if (name == "objectNounCue") return CueKind::kObjectNoun;
  if (name == "betweenCue") return CueKind::kBetween;
  return std::nullopt;
}

class Builder {
 public:
  common::Status run(const SubjectIndex& index) {
    // Pass 1: classes and relation properties, so entities and facts can be checked against them.
    for (const auto& group : index.groups()) {
      if (hasType(group, iri::kOwlClass)) addClass(group);
      if (hasType(group, iri::kOwlObjectProperty)) {
        if (auto status = addRelation(group); !status) return status;
      }
    }
    if (auto status = checkClasses(); !status) return status;
    // Pass 2: entities and lexicons. Pass 3: facts, which may name entities defined later.
    for (const auto& group : index.groups()) {
      if (hasType(group, iri::kOwlClass) || hasType(group, iri::kOwlObjectProperty)) continue;
      if (hasType(group, std::string(iri::kNg) + "Lexicon")) {
        addLexicon(group);
        continue;
      }
      if (hasType(group, std::string(iri::kNg) + "EventType")) {
        if (auto status = addEventType(group); !status) return status;
        continue;
      }
      if (auto status = addEntity(group); !status) return status;
    }
    for (const Located* fact : pendingFacts_) {
      if (auto status = addFact(*fact); !status) return status;
    }
    return common::okStatus();
  }

  Ontology take() { return std::move(ontology_); }

 private:
  void addClass(const std::vector<Located>& group) {
    EntityClass cls;
    cls.name = localName(group.front().triple.subject.value);
    for (const Located& t : group) {
      const std::string& p = t.triple.predicate.value;
      const Term& o = t.triple.object;
      if (p == iri::kSubClassOf) {
        cls.parents.push_back(localName(o.value));
        parentSites_.push_back({cls.name, cls.parents.back(), &t});
      } else if (p == iri::kRdfsLabel) {
        (o.language == "en" ? cls.labelEn : cls.labelFr) = o.value;
      } else if (p == iri::kRdfsComment) {
        cls.comment = o.value;
      } else if (p == std::string(iri::kNg) + "diagramFamily") {
        cls.diagramFamily = o.value;  // a later file's value wins: triples come in file order
      }
    }
    ontology_.addClass(std::move(cls));
  }

  common::Status checkClasses() {
    for (const ParentSite& site : parentSites_) {
      if (ontology_.findClass(site.parent) == nullptr) {
        return errorAt(*site.where,
                       "class '" + site.child + "' has unknown superclass '" + site.parent + "'");
      }
    }
    for (const EntityClass& cls : ontology_.classes()) {
      std::set<std::string> seen;
      if (hasCycle(cls.name, seen)) {
        return common::Error{"<ontology>", 0, 0, "ontology",
                             "class '" + cls.name + "' is its own superclass"};
      }
    }
    return common::okStatus();
  }

  bool hasCycle(const std::string& name, std::set<std::string>& path) {
    if (!path.insert(name).second) return true;
    const EntityClass* cls = ontology_.findClass(name);
    if (cls != nullptr) {
      for (const std::string& parent : cls->parents) {
        if (hasCycle(parent, path)) return true;
      }
    }
    path.erase(name);
    return false;
  }

  common::Status addRelation(const std::vector<Located>& group) {
    RelationType type;
    const Located& head = group.front();
    for (const Located& t : group) {
      const std::string& p = t.triple.predicate.value;
      const Term& o = t.triple.object;
      if (p == std::string(iri::kNg) + "relationName") {
        type.name = o.value;
      } else if (p == std::string(iri::kNg) + "domain") {
        type.domain.push_back(localName(o.value));
      } else if (p == std::string(iri::kNg) + "range") {
        type.range.push_back(localName(o.value));
      } else if (auto kind = cueKind(p)) {
        type.cues.push_back(Cue{o.value, *kind});
      } else if (p == iri::kType && o.value == iri::kOwlSymmetric) {
        type.symmetric = true;
      } else if (p == std::string(iri::kNg) + "eventRole") {
        type.eventRole = o.value == "true";
      } else if (p == iri::kRdfsComment) {
        type.comment = o.value;
      } else if (p == std::string(iri::kNg) + "diagramFamily") {
        type.diagramFamily = o.value;
      }
    }
    std::string property = localName(head.triple.subject.value);
    if (type.name.empty()) {
      return errorAt(head, "relation property '" + property + "' has no ng:relationName");
    }
    if (type.domain.empty()) {
      return errorAt(head, "relation type '" + type.name + "' has no domain (ng:domain)");
    }
    if (type.range.empty()) {
      return errorAt(head, "relation type '" + type.name + "' has no range (ng:range)");
    }
    for (const auto* classes : {&type.domain, &type.range}) {
      for (const std::string& cls : *classes) {
        if (ontology_.findClass(cls) == nullptr) {
          return errorAt(head,
                         "relation type '" + type.name + "' names unknown class '" + cls + "'");
        }
      }
    }
    propertyToRelation_[head.triple.subject.value] = type.name;
    type.property = property;
    ontology_.addRelationType(std::move(type));
    return common::okStatus();
  }

  void addLexicon(const std::vector<Located>& group) {
    std::string name = localName(group.front().triple.subject.value);
    for (const Located& t : group) {
      if (t.triple.predicate.value == std::string(iri::kNg) + "entry") {
        ontology_.addLexiconEntry(name, t.triple.object.value);
      }
    }
  }

  common::Status addEventType(const std::vector<Located>& group) {
    EventType type;
    type.name = localName(group.front().triple.subject.value);
    for (const Located& t : group) {
      const std::string& p = t.triple.predicate.value;
      const Term& o = t.triple.object;
      if (p == std::string(iri::kNg) + "acledType") {
        type.acledType = o.value;
      } else if (p == std::string(iri::kNg) + "acledSubType") {
        type.acledSubType = o.value;
      } else if (p == std::string(iri::kNg) + "cue") {
        type.cues.push_back(o.value);
      } else if (p == std::string(iri::kNg) + "priority") {
        double value = 0;
        if (!parseNumber(o.value, value)) {
          return errorAt(t, "event type '" + type.name + "' has a priority that is not a number");
        }
        type.priority = static_cast<int>(value);
      }
    }
    if (type.acledType.empty()) {
      return errorAt(group.front(), "event type '" + type.name + "' has no ng:acledType");
    }
    ontology_.addEventType(std::move(type));
    return common::okStatus();
  }

  static bool parseNumber(const std::string& text, double& out) {
    const char* end = text.data() + text.size();
    auto result = std::from_chars(text.data(), end, out);
    return result.ec == std::errc() && result.ptr == end;
  }

  common::Status addEntity(const std::vector<Located>& group) {
    const Located& head = group.front();
    EntityRecord entity;
    entity.id = localName(head.triple.subject.value);
    const Located* typeSite = nullptr;
    bool definesEntity = false;
    for (const Located& t : group) {
      const std::string& p = t.triple.predicate.value;
      const Term& o = t.triple.object;
      if (propertyToRelation_.count(p) != 0) {
        pendingFacts_.push_back(&t);
        continue;
      }
      definesEntity = true;
      if (p == iri::kType) {
        if (!startsWith(o.value, iri::kNg)) continue;  // foreign types are kept out of the model
        typeSite = &t;
        entity.cls = localName(o.value);
        if (ontology_.findClass(entity.cls) == nullptr) {
          return errorAt(t, "entity '" + entity.id + "' has unknown class '" + entity.cls + "'");
        }
      } else if (p == iri::kPrefLabel) {
        (o.language == "en" ? entity.labelEn : entity.labelFr) = o.value;
      } else if (p == iri::kAltLabel) {
        entity.aliases.push_back(o.value);
      } else if (p == std::string(iri::kNg) + "exactLabel") {
        entity.exactAliases.push_back(o.value);
      } else if (p == std::string(iri::kNg) + "demonym") {
        entity.demonyms.push_back(o.value);
      } else if (p == std::string(iri::kNg) + "metonymFor") {
        entity.metonymFor = localName(o.value);
      } else if (p == iri::kLat || p == iri::kLong) {
        double value = 0;
        if (!parseNumber(o.value, value)) {
          return errorAt(t, "entity '" + entity.id + "' has a coordinate that is not a number: '" +
                                o.value + "'");
        }
        (p == iri::kLat ? entity.lat : entity.lon) = value;
      } else if (p == iri::kOwlSameAs && startsWith(o.value, iri::kWikidata)) {
        entity.wikidata = o.value.substr(iri::kWikidata.size());
      }
    }
    if (!definesEntity) return common::okStatus();
    if (typeSite == nullptr) return errorAt(head, "entity '" + entity.id + "' has no class");
    if (entity.labelFr.empty()) {
      return errorAt(head, "entity '" + entity.id + "' has no French skos:prefLabel");
    }
    std::string expected = common::slugify(entity.labelFr);
    if (expected != entity.id) {
      return errorAt(head, "entity id '" + entity.id + "' is not the slug of its label '" +
                               entity.labelFr + "' (expected '" + expected + "')");
    }
    ontology_.addEntity(std::move(entity));
    return common::okStatus();
  }

  common::Status addFact(const Located& site) {
    BackgroundFact fact;
    fact.subject = localName(site.triple.subject.value);
    fact.predicate = propertyToRelation_.at(site.triple.predicate.value);
    fact.object = localName(site.triple.object.value);
    for (const std::string* id : {&fact.subject, &fact.object}) {
      if (ontology_.findEntity(*id) == nullptr) {
        return errorAt(site, "fact " + fact.subject + " " + fact.predicate + " " + fact.object +
                                 " names unknown entity '" + *id + "'");
      }
    }
    ontology_.addFact(std::move(fact));
    return common::okStatus();
  }

  struct ParentSite {
    std::string child;
    std::string parent;
    const Located* where;
  };

  Ontology ontology_;
  std::vector<ParentSite> parentSites_;
  std::unordered_map<std::string, std::string> propertyToRelation_;
  std::vector<const Located*> pendingFacts_;
};

}  // namespace

common::Result<Ontology> loadOntology(const std::vector<TurtleSource>& sources) {
  SubjectIndex index;
  for (const TurtleSource& source : sources) {
    auto triples = readTurtle(source.name, source.text);
    if (!triples) return triples.error();
    for (Triple& triple : triples.value()) index.add(Located{std::move(triple), &source.name});
  }
  Builder builder;
  if (auto status = builder.run(index); !status) return status.error();
  return builder.take();
}

common::Result<Ontology> loadOntologyFiles(const std::vector<std::string>& paths,
                                           bool includeDefault) {
  std::vector<TurtleSource> sources;
  if (includeDefault) sources = defaultOntologySources();
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return common::Error{path, 0, 0, "ontology", std::strerror(errno)};
    std::ostringstream text;
    text << in.rdbuf();
    sources.push_back(TurtleSource{path, text.str()});
  }
  return loadOntology(sources);
}

}  // namespace newsgraph::ontology

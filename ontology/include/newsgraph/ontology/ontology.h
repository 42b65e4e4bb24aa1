// The ontology: entity classes, relation types with their cue words, the gazetteer of known
// entities, NER lexicons and background facts. It is data (Turtle files under ontology/data,
// read with Serd by ontology_loader.h) so users extend it without recompiling.
// Sits at the bottom of the pipeline: ingest, graph export and query read it; it reads nothing
// of theirs.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph::ontology {

// An entity class of SPEC section 2 (or one a user adds): "ArmedGroup" under "Actor".
struct EntityClass {
  std::string name;                  // local name, "JihadistGroup"
  std::vector<std::string> parents;  // direct superclasses (Country has Actor and Place)
  std::string labelFr;
  std::string labelEn;
  std::string comment;
  // Which family of a diagram's legend the class belongs to (ng:diagramFamily, diagram.ttl):
  // "jihadist", "place", ... Empty: the nearest ancestor's family.
  std::string diagramFamily;
};

// How a cue's arguments sit around it (docs/EXTRACTION.md).
enum class CueKind {
  kVerb,        // X attaque Y, X s'empare de Y: subject before, object after
  kPassive,     // Y, soutenu par X: object before, subject after "par"
  kNoun,        // le départ de X (de Y), le soutien de X à Y: subject after "de"
  kObjectNoun,  // la prise de Y par X: object after "de", subject after "par" or before
  kBetween      // la coopération entre X et Y, des combats entre X et Y
};

// One cue of a relation type: French words as written, and how its arguments attach.
struct Cue {
  std::string text;
  CueKind kind = CueKind::kVerb;
};

// A relation type of SPEC section 3 with its constraints and French cue lexicon.
struct RelationType {
  std::string name;                 // "ATTACKS"
  std::string property;             // local name of its OWL property, "attacks" (RDF export)
  std::vector<std::string> domain;  // allowed subject classes (any of them)
  std::vector<std::string> range;   // allowed object classes (any of them)
  bool symmetric = false;
  // An event role (ACTOR1, ACTOR2, OCCURRED_IN) links an event vertex to a participant or its
  // place; it is never read from text as a relation and is not scored as one.
  bool eventRole = false;
  std::vector<Cue> cues;  // French cue words and phrases with their kind
  std::string comment;
  // The diagram family of its edges (ng:diagramFamily, diagram.ttl): "hostile", ... or empty.
  std::string diagramFamily;
};

// An ACLED event type with the French cues that announce it (ontology/data/events.ttl).
struct EventType {
  std::string name;               // local name, "AirDroneStrike"
  std::string acledType;          // "Explosions/Remote violence"
  std::string acledSubType;       // "Air/drone strike"
  std::vector<std::string> cues;  // French words and phrases, as written
  int priority = 0;               // when several types match a sentence, the highest wins
};

// A known entity of the gazetteer.
struct EntityRecord {
  std::string id;                         // slug of the French preferred label (SPEC 1)
  std::string cls;                        // most specific class
  std::string labelFr;                    // skos:prefLabel @fr
  std::string labelEn;                    // skos:prefLabel @en (may be empty)
  std::vector<std::string> aliases;       // skos:altLabel, acronyms: matched case-insensitively
  std::vector<std::string> exactAliases;  // matched only with this exact capitalization
  std::vector<std::string> demonyms;      // "malien", "maliennes": name the actor in context
  std::string metonymFor;                 // id of the state a capital or palace stands for
  std::optional<double> lat;              // WGS84, places only
  std::optional<double> lon;
  std::string wikidata;  // "Q912", empty when not verified
};

// A fact that holds regardless of any article (Gao LOCATED_IN Mali).
struct BackgroundFact {
  std::string subject;    // entity id
  std::string predicate;  // relation type name
  std::string object;     // entity id
};

// Word lists that drive entity recognition, each keyed by its lexicon name
// ("personCue", "townCue", "actorHeadNoun", "notAName", "abbreviation", ...).
// Values are written forms; callers compare them through common::matchKey.
using Lexicons = std::map<std::string, std::vector<std::string>, std::less<>>;

// The whole ontology. Built by the loader; read-only afterwards and safe to share across threads.
class Ontology {
 public:
  // Adds or replaces by name/id. Used by the loader; a later file overrides an earlier one.
  void addClass(EntityClass cls);
  void addRelationType(RelationType type);
  void addEntity(EntityRecord entity);
  void addFact(BackgroundFact fact);
  void addLexiconEntry(std::string_view lexicon, std::string entry);
  void addEventType(EventType type);

  // nullptr when unknown. Returned pointers live as long as the Ontology and are invalidated by
  // any add*() call.
  const EntityClass* findClass(std::string_view name) const;
  const RelationType* findRelationType(std::string_view name) const;
  const EntityRecord* findEntity(std::string_view id) const;

  // True when `cls` is `ancestor` or one of its subclasses (transitively).
  bool isSubclassOf(std::string_view cls, std::string_view ancestor) const;

  const std::vector<EntityClass>& classes() const { return classes_; }
  const std::vector<RelationType>& relationTypes() const { return relationTypes_; }
  const std::vector<EntityRecord>& entities() const { return entities_; }
  const std::vector<BackgroundFact>& facts() const { return facts_; }
  const std::vector<EventType>& eventTypes() const { return eventTypes_; }
  const Lexicons& lexicons() const { return lexicons_; }
  // Entries of one lexicon; empty when the lexicon is absent.
  const std::vector<std::string>& lexicon(std::string_view name) const;

 private:
  std::vector<EntityClass> classes_;
  std::vector<RelationType> relationTypes_;
  std::vector<EntityRecord> entities_;
  std::vector<BackgroundFact> facts_;
  std::vector<EventType> eventTypes_;
  Lexicons lexicons_;
  // Positions in the vectors above by name or id, looked up with a std::string_view.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const {
      return std::hash<std::string_view>{}(name);
    }
  };
  using Index = std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>>;
  Index classIndex_;
  Index relationIndex_;
  Index entityIndex_;
};

}  // namespace newsgraph::ontology

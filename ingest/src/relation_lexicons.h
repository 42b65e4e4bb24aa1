// Private: the word lists of the relation stage, read from the ontology's lexicons
// (ontology/data/lexicon.ttl), as matching keys.
#pragma once

#include <string_view>

#include "newsgraph/common/text.h"
#include "newsgraph/ontology/ontology.h"
#include "recognizer_tables.h"

namespace newsgraph::ingest {

// Word lists of the relation stage, from the ontology's lexicons.
struct RelationLexicons {
  KeySet clauseOpeners;
  KeySet governmentNouns;
  KeySet fronted;
  KeySet determiners;
  KeySet leaderTitles;
  KeySet memberTitles;
  KeySet passiveAuxiliaries;
  KeySet motionVerbs;
  KeySet auxiliaries;
  KeySet locatives;              // "à Bamako" keeps the town a place
  KeySet transparentTitleNouns;  // "le chef de l'État malien": the title still heads it
  KeySet componentNouns;         // "X, composante de Y": PART_OF
  KeySet possessives;            // "l'armée et ses alliés russes"
  KeySet orderVerbs;             // "sommé X de quitter": EXPELS
  KeySet receptionVerbs;         // "a obtenu l'appui de Y": Y SUPPORTS the subject
  KeySet accusationVerbs;        // "accuse X d'avoir attaqué": X is the infinitive's subject
  KeySet exclusionWords;         // "sans citer X": no object past them
  KeySet armedGroupAnaphors;     // "le mouvement": an armed group named before
  KeySet organizationAnaphors;   // "l'organisation": an international organization named before
  KeySet placeNouns;             // "Tinzaouaten, une localité de la région de Kidal"
  KeySet memberNouns;            // "les combattants du CSP": the group itself
  KeySet signingVerbs;           // "signé par X et par Y": X and Y cooperate
  KeySet appointmentVerbs;       // "présenté comme le président du comité"
  KeySet divisionNouns;          // "la région", "le cercle", "la province"
  KeySet distanceNouns;          // "à 40 kilomètres au nord de Kaya"

  explicit RelationLexicons(const ontology::Ontology& ontology) {
    for (const auto& [set, name] : {std::pair{&clauseOpeners, "clauseOpener"},
                                    std::pair{&governmentNouns, "governmentNoun"},
                                    std::pair{&fronted, "frontedPreposition"},
                                    std::pair{&determiners, "determiner"},
                                    std::pair{&leaderTitles, "leaderTitle"},
                                    std::pair{&memberTitles, "memberTitle"},
                                    std::pair{&passiveAuxiliaries, "passiveAuxiliary"},
                                    std::pair{&motionVerbs, "motionVerbCue"},
                                    std::pair{&auxiliaries, "auxiliary"},
                                    std::pair{&locatives, "locativePreposition"},
                                    std::pair{&transparentTitleNouns, "transparentTitleNoun"},
                                    std::pair{&componentNouns, "componentNoun"},
                                    std::pair{&possessives, "possessiveDeterminer"},
                                    std::pair{&orderVerbs, "orderVerb"},
                                    std::pair{&receptionVerbs, "receptionVerb"},
                                    std::pair{&accusationVerbs, "accusationVerb"},
                                    std::pair{&exclusionWords, "exclusionWord"},
                                    std::pair{&armedGroupAnaphors, "armedGroupAnaphor"},
                                    std::pair{&organizationAnaphors, "organizationAnaphor"},
                                    std::pair{&placeNouns, "placeAnaphor"},
                                    std::pair{&divisionNouns, "divisionNoun"},
                                    std::pair{&distanceNouns, "distanceNoun"},
                                    std::pair{&memberNouns, "fighterAnaphor"},
                                    std::pair{&memberNouns, "forcesNoun"},
                                    std::pair{&signingVerbs, "signingVerb"},
                                    std::pair{&appointmentVerbs, "appointmentVerb"}}) {
      for (const std::string& entry : ontology.lexicon(name)) set->insert(common::matchKey(entry));
    }
  }
  bool isClauseOpener(std::string_view key) const { return clauseOpeners.count(key) != 0; }
  bool isGovernment(std::string_view key) const { return governmentNouns.count(key) != 0; }
  bool isFronted(std::string_view key) const { return fronted.count(key) != 0; }
  bool isDeterminer(std::string_view key) const { return determiners.count(key) != 0; }
  bool isAuxiliary(std::string_view key) const { return auxiliaries.count(key) != 0; }
  bool isLocative(std::string_view key) const { return locatives.count(key) != 0; }
};

}  // namespace newsgraph::ingest

// Private: the word lists of the relation stage, read from the ontology's lexicons
// (ontology/data/lexicon.ttl), as matching keys. Each list is one bit, so that one lookup per
// token tells every list it belongs to (see TokenFeatures).
#pragma once

#include <cstdint>
#include <string_view>

#include "key_set.h"
#include "newsgraph/common/text.h"
#include "newsgraph/ontology/ontology.h"
#include "recognizer_tables.h"

namespace newsgraph::ingest {

// One bit per word list of the relation stage and the anaphora resolver.
enum RelationWord : std::uint64_t {
  kClauseOpener = 1ull << 0,
  kGovernmentNoun = 1ull << 1,
  kFrontedPreposition = 1ull << 2,
  kDeterminer = 1ull << 3,
  kLeaderTitle = 1ull << 4,
  kMemberTitle = 1ull << 5,
  kPassiveAuxiliary = 1ull << 6,
  kMotionVerb = 1ull << 7,
  kAuxiliary = 1ull << 8,
  kLocative = 1ull << 9,               // "à Bamako" keeps the town a place
  kTransparentTitleNoun = 1ull << 10,  // "le chef de l'État malien": the title still heads it
  kComponentNoun = 1ull << 11,         // "X, composante de Y": PART_OF
  kPossessive = 1ull << 12,            // "l'armée et ses alliés russes"
  kOrderVerb = 1ull << 13,             // "sommé X de quitter": EXPELS
  kReceptionVerb = 1ull << 14,         // "a obtenu l'appui de Y": Y SUPPORTS the subject
  kAccusationVerb = 1ull << 15,        // "accuse X d'avoir attaqué": X is the infinitive's subject
  kExclusionWord = 1ull << 16,         // "sans citer X": no object past them
  kArmedGroupAnaphor = 1ull << 17,     // "le mouvement": an armed group named before
  kOrganizationAnaphor = 1ull << 18,   // "l'organisation": an international organization
  kPlaceNoun = 1ull << 19,             // "Tinzaouaten, une localité de la région de Kidal"
  kFighterNoun = 1ull << 20,           // "les combattants du CSP": the group itself
  kForcesNoun = 1ull << 21,            // "ses troupes": a state's forces
  kSigningVerb = 1ull << 22,           // "signé par X et par Y": X and Y cooperate
  kAppointmentVerb = 1ull << 23,       // "présenté comme le président du comité"
  kDivisionNoun = 1ull << 24,          // "la région", "le cercle", "la province"
  kDistanceNoun = 1ull << 25,          // "à 40 kilomètres au nord de Kaya"
  kDefiniteDeterminer = 1ull << 26,    // "le", "ces": a definite description
  kBodyNoun = 1ull << 27,              // "l'organe": an organization named before
  kArmedForcesNoun = 1ull << 28,       // "l'armée": armed forces named before
  kHeadedNoun = 1ull << 29,            // "le chef de la junte": what a leader title heads
  kTitleCompoundHead = 1ull << 30,     // "porte" of "porte-parole": a title's first part
  kMonth = 1ull << 31,                 // "janvier" ... "decembre" (built in)
  kMonthLead = 1ull << 32,             // "en", "debut", "fin", "mi", "des", "depuis" (built in)
  kPronounY = 1ull << 33,              // "y sont entrés": the locative pronoun (built in)
};

// Nouns for the members of a group: "les rebelles du CSP".
constexpr std::uint64_t kMemberNoun = kFighterNoun | kForcesNoun;
constexpr std::uint64_t kTitle = kLeaderTitle | kMemberTitle;
// The nouns an anaphor may be (AnaphorResolver): "le mouvement", "ses troupes", "le chef".
constexpr std::uint64_t kAnaphorNoun = kLeaderTitle | kForcesNoun | kArmedGroupAnaphor |
                                       kFighterNoun | kOrganizationAnaphor | kBodyNoun |
                                       kArmedForcesNoun | kPlaceNoun;

// The relation stage's word lists, by matching key.
class RelationLexicons {
 public:
  explicit RelationLexicons(const ontology::Ontology& ontology) {
    for (const auto& [bit, name] : {std::pair{kClauseOpener, "clauseOpener"},
                                    std::pair{kGovernmentNoun, "governmentNoun"},
                                    std::pair{kFrontedPreposition, "frontedPreposition"},
                                    std::pair{kDeterminer, "determiner"},
                                    std::pair{kLeaderTitle, "leaderTitle"},
                                    std::pair{kMemberTitle, "memberTitle"},
                                    std::pair{kPassiveAuxiliary, "passiveAuxiliary"},
                                    std::pair{kMotionVerb, "motionVerbCue"},
                                    std::pair{kAuxiliary, "auxiliary"},
                                    std::pair{kLocative, "locativePreposition"},
                                    std::pair{kTransparentTitleNoun, "transparentTitleNoun"},
                                    std::pair{kComponentNoun, "componentNoun"},
                                    std::pair{kPossessive, "possessiveDeterminer"},
                                    std::pair{kOrderVerb, "orderVerb"},
                                    std::pair{kReceptionVerb, "receptionVerb"},
                                    std::pair{kAccusationVerb, "accusationVerb"},
                                    std::pair{kExclusionWord, "exclusionWord"},
                                    std::pair{kArmedGroupAnaphor, "armedGroupAnaphor"},
                                    std::pair{kOrganizationAnaphor, "organizationAnaphor"},
                                    std::pair{kPlaceNoun, "placeAnaphor"},
                                    std::pair{kDivisionNoun, "divisionNoun"},
                                    std::pair{kDistanceNoun, "distanceNoun"},
                                    std::pair{kFighterNoun, "fighterAnaphor"},
                                    std::pair{kForcesNoun, "forcesNoun"},
                                    std::pair{kSigningVerb, "signingVerb"},
                                    std::pair{kAppointmentVerb, "appointmentVerb"},
                                    std::pair{kDefiniteDeterminer, "definiteDeterminer"},
                                    std::pair{kBodyNoun, "bodyAnaphor"},
                                    std::pair{kArmedForcesNoun, "armedForcesAnaphor"},
                                    std::pair{kHeadedNoun, "headedNoun"}}) {
      for (const std::string& entry : ontology.lexicon(name)) {
        std::string key = common::matchKey(entry);
        // "porte-parole" is two tokens: its first part marks where to look for it.
        std::size_t hyphen = key.find('-');
        if ((bit & kTitle) != 0 && hyphen != std::string::npos) {
          words_[key.substr(0, hyphen)] |= kTitleCompoundHead;
        }
        words_[key] |= bit;
      }
    }
    // "Gossi en avril et Ménaka en juin": months and their leads, free in a list.
    for (const char* month : {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
                              "aout", "septembre", "octobre", "novembre", "decembre"}) {
      words_[month] |= kMonth;
    }
    for (const char* lead : {"en", "debut", "fin", "mi", "des", "depuis"}) {
      words_[lead] |= kMonthLead;
    }
    words_["y"] |= kPronounY;
    for (const auto& [key, bits] : words_) filter_.add(key);
  }

  // The lists `key` belongs to (RelationWord bits), 0 when none.
  std::uint64_t of(std::string_view key) const {
    if (!filter_.mayContain(key)) return 0;
    auto found = words_.find(key);
    return found == words_.end() ? 0 : found->second;
  }

 private:
  KeyMap<std::uint64_t> words_;
  common::KeyFilter filter_;  // the keys of words_: most tokens are in no list
};

}  // namespace newsgraph::ingest

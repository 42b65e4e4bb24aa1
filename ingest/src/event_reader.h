// Private to the event extractor: EventReader, which reads one article's events (see
// newsgraph/ingest/event_extractor.h for the rules), and what its parts share. Its member
// functions live in event_reader.cpp (the sentence loop and cue choice), event_actors.cpp,
// event_places.cpp, event_fatalities.cpp and event_merge.cpp.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "event_cues.h"
#include "newsgraph/ingest/event_extractor.h"

namespace newsgraph::ingest::event_reading {

// The cue index and the ACLED types that the type adjustments need.
struct EventTables {
  event_cues::CueIndex cues;
  int clashType = -1;      // Battles/Armed clash
  int attackType = -1;     // Violence against civilians/Attack
  int regainsType = -1;    // Battles/Government regains territory
  int overtakesType = -1;  // Battles/Non-state actor overtakes territory
  int riotType = -1;       // Riots/Violent demonstration
  int lootingType = -1;    // Strategic developments/Looting/property destruction
  // The capital of each country: the town the gazetteer makes its metonym (Bamako -> mali).
  event_cues::StringMap<std::string> capitals;
  // The state each armed force belongs to, from the background facts (fama PART_OF mali): a
  // state and its forces are one side when two tellings of a happening are folded.
  event_cues::StringMap<std::string> sideOf;

  // What a mention of a class can be in an event; see rolesOf.
  struct ClassRoles {
    bool actor = false;  // a subclass of Actor
    bool place = false;  // a subclass of Place
    int placeRank = 2;   // place specificity: Town 3, Country 1, any other 2
  };
  // The roles of every class of the ontology, computed once: a mention would otherwise ask
  // isSubclassOf up to four times.
  event_cues::StringMap<ClassRoles> classRoles;

  static ClassRoles rolesFromHierarchy(const ontology::Ontology& ontology, std::string_view cls) {
    ClassRoles roles;
    roles.actor = ontology.isSubclassOf(cls, "Actor");
    roles.place = ontology.isSubclassOf(cls, "Place");
    roles.placeRank = ontology.isSubclassOf(cls, "Town")      ? 3
                      : ontology.isSubclassOf(cls, "Country") ? 1
                                                              : 2;
    return roles;
  }
  // The roles of `cls`, from the table (or the hierarchy for a class outside it).
  ClassRoles rolesOf(const ontology::Ontology& ontology, std::string_view cls) const {
    auto found = classRoles.find(cls);
    return found != classRoles.end() ? found->second : rolesFromHierarchy(ontology, cls);
  }

  explicit EventTables(const ontology::Ontology& ontology) : cues(ontology) {
    for (const ontology::EntityClass& cls : ontology.classes()) {
      classRoles.emplace(cls.name, rolesFromHierarchy(ontology, cls.name));
    }
    const auto& types = ontology.eventTypes();
    auto find = [&](std::string_view subType) {
      for (std::size_t t = 0; t < types.size(); ++t) {
        if (types[t].acledSubType == subType) return static_cast<int>(t);
      }
      return -1;
    };
    clashType = find("Armed clash");
    attackType = find("Attack");
    regainsType = find("Government regains territory");
    overtakesType = find("Non-state actor overtakes territory");
    riotType = find("Violent demonstration");
    lootingType = find("Looting/property destruction");
    for (const ontology::EntityRecord& entity : ontology.entities()) {
      if (!entity.metonymFor.empty() && ontology.isSubclassOf(entity.cls, "Town")) {
        capitals.emplace(entity.metonymFor, entity.id);
      }
    }
    for (const ontology::BackgroundFact& f : ontology.facts()) {
      const ontology::EntityRecord* forces = ontology.findEntity(f.subject);
      const ontology::EntityRecord* state = ontology.findEntity(f.object);
      if (f.predicate == "PART_OF" && forces != nullptr && state != nullptr &&
          ontology.isSubclassOf(forces->cls, "ArmedForces") &&
          ontology.isSubclassOf(state->cls, "Country")) {
        sideOf.emplace(f.subject, f.object);
      }
    }
  }
  // Whether two actors of two tellings agree: either is unknown, they are the same, or one is
  // the other's armed forces ("les soldats maliens" and "les FAMa").
  bool sameSide(const std::string& a, const std::string& b) const {
    if (a.empty() || b.empty() || a == b) return true;
    auto side = [&](const std::string& x) -> const std::string& {
      auto it = sideOf.find(x);
      return it == sideOf.end() ? x : it->second;
    };
    return side(a) == side(b);
  }
};

using namespace event_cues;  // Match, isBreak, the word and marker bits

// Reach of the rules, in tokens.
inline constexpr std::uint32_t kNonEventReach = 6;  // "en hommage aux victimes de l'attaque"
inline constexpr std::uint32_t kPlaceReach = 3;  // "la reprise de Kidal", "repris le camp de Ber"
inline constexpr std::uint32_t kPlaceNounReach = 6;  // "s'est emparé de la localité de Diabaly"
inline constexpr std::uint32_t kOpenerReach = 3;     // "redoutent au contraire que"
inline constexpr std::uint32_t kMarkerReach = 4;     // "menée par des éléments du JNIM"
inline constexpr std::uint32_t kAsideReach = 10;     // "par les rebelles du Mouvement ... (MNLA)"
inline constexpr std::uint32_t kAgentReach = 8;      // "attaqué à deux reprises par le JNIM"
inline constexpr std::uint32_t kSourceReach = 8;  // "selon une source militaire jointe à Bamako"
inline constexpr std::uint32_t kSideGap = 2;    // "combats ont opposé": marker among 2 first words
inline constexpr std::uint32_t kSideReach = 3;  // and the actor within 3 words of the cue
inline constexpr std::uint32_t kDeathAfter = 5;   // "12 soldats ont été tués"
inline constexpr std::uint32_t kDeathBefore = 3;  // "a tué au moins 12 personnes"
inline constexpr double kMaxFatalities = 1e6;

inline bool isArmedClass(const ontology::Ontology& ontology, std::string_view cls) {
  for (const char* armed : {"ArmedForces", "ArmedGroup", "PrivateMilitaryCompany",
                            "MilitaryOperation", "PeacekeepingMission"}) {
    if (ontology.isSubclassOf(cls, armed)) return true;
  }
  return false;
}

inline bool isStateSide(const ontology::Ontology& ontology, std::string_view cls) {
  for (const char* state :
       {"ArmedForces", "Country", "PrivateMilitaryCompany", "MilitaryOperation"}) {
    if (ontology.isSubclassOf(cls, state)) return true;
  }
  return false;
}

// Relation types whose arguments may stand for an event's actors, by ACLED event type.
inline bool fitsEventType(std::string_view acledType, std::string_view predicate) {
  auto among = [&](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), predicate) != names.end();
  };
  if (acledType == "Battles") return among({"FIGHTS", "ATTACKS", "CAPTURES"});
  if (acledType == "Explosions/Remote violence") return among({"ATTACKS"});
  if (acledType == "Violence against civilians") return among({"ATTACKS", "DETAINS"});
  if (acledType == "Strategic developments") {
    return among({"DETAINS", "COOPERATES_WITH", "ALLIED_WITH", "WITHDRAWS_FROM", "DEPLOYS_TO",
                  "CAPTURES", "EXPELS"});
  }
  return false;
}

// A mention of the sentence being read, with what it can be in an event.
struct Participant {
  const Mention* mention = nullptr;
  std::string_view cls;
  bool actor = false;
  bool place = false;
  int rank = 0;  // place specificity: town 3, region or other place 2, country 1
};

// One extract() call over one article.

class EventReader {
 public:
  EventReader(const ontology::Ontology& ontology, const EventTables& tables,
              const StatusClassifier& status, const Article& article,
              const DocumentAnalysis& analysis)
      : ontology_(ontology),
        tables_(tables),
        cues_(tables.cues),
        statuses_(status, analysis.tokens, analysis.sentences, analysis.recognition.mentions),
        article_(article),
        analysis_(analysis),
        tokens_(analysis.tokens),
        stems_(analysis.tokens) {
    for (const DiscoveredEntity& entity : analysis.recognition.discovered) {
      discovered_.emplace(entity.id, entity.cls);
    }
  }

  std::vector<ExtractedEvent> run();

 private:
  const ontology::Ontology& ontology_;
  const EventTables& tables_;
  const event_cues::CueIndex& cues_;
  ArticleStatuses statuses_;  // the status of each cue, with the article's shared work done once
  const Article& article_;
  const DocumentAnalysis& analysis_;
  const std::vector<Token>& tokens_;
  event_cues::StemCache stems_;
  event_cues::StringMap<std::string> discovered_;  // id -> class of open-world entities
  std::vector<ExtractedEvent> events_;
  std::vector<bool> datesWritten_;  // per event: its date is written in its sentence
  // The sentence being read: its tokens [first_, end_), phrases and mentions.
  std::uint32_t first_ = 0;
  std::uint32_t end_ = 0;
  std::uint32_t sentenceBegin_ = 0;  // its first byte
  std::vector<Match> matches_;
  event_cues::CueIndex::Gaps gaps_;  // its dates, which cues step over
  std::vector<const Match*> candidates_;
  // MarkerBit set of each token of the sentence, looked up on first use.
  mutable std::vector<std::uint32_t> markers_;
  static constexpr std::uint32_t kUnknownMarkers = 0xffffffffu;
  std::vector<Participant> participants_;
  // Who claims the sentence being read, when it is a claim ("HRW accuse l'armée d'avoir
  // exécuté ..."): the speaker reports the event and is none of its actors.
  std::string speaker_;
  // The last date written in the paragraph read so far (reset at a blank line).
  std::optional<common::PartialDate> paragraphDate_;
  // The previous sentence's mentions [first, second), for a place fallback.
  std::pair<std::size_t, std::size_t> previousMentions_{0, 0};
  // The last event's last sentence and whether its date was written there, for merging.
  std::uint32_t lastSentence_ = 0;
  bool lastDateWritten_ = false;

  // Reads sentence `s` (its mentions start at index `m`) when it holds an event cue.
  void readSentenceIfCued(std::uint32_t s, std::size_t m);
  // The sentence's first date that is a point or a range end (not "depuis"/"jusqu'à").
  std::optional<common::PartialDate> writtenDate(std::uint32_t s) const;
  std::string_view classOf(const std::string& id) const;

  // The token ranges of the sentence's dates, with a preposition before them ("le 31 octobre")
  // and the commas around them (", mardi 31 octobre,").
  void findGaps(std::uint32_t s);

  // The country the article mentions most, for "au nord du pays"; computed once.
  const std::string& articleCountry() const;
  // The capital of the article's country ("dans la capitale"), or "" when unknown.
  std::string articleCapital();

  // REQUIRES: first_ <= k < end_.
  std::uint32_t markers(std::uint32_t k) const;

  bool breakBetween(std::uint32_t from, std::uint32_t to) const;

  // Phrases of the sentence with a word bit, starting at or after `from` and ending by `to`.
  bool wordIn(std::uint32_t bit, std::uint32_t from, std::uint32_t to) const;

  // The marker bits of the nearest marker among the `reach` tokens before `at`, in its clause.
  // An acronym in parentheses looks past them, over the long form it repeats: "attaqué par les
  // rebelles du Mouvement national de libération de l'Azawad (MNLA)".
  std::uint32_t markerBefore(std::uint32_t at, std::uint32_t reach) const;

  // True when some token among the `reach` before `at`, in its clause, has a marker of `bit`.
  bool anyMarkerBefore(std::uint32_t at, std::uint32_t reach, std::uint32_t bit) const;

  bool cueBetween(std::uint32_t from, std::uint32_t to) const;

  void addParticipant(const Mention& mention);

  // A source marker before `at` in its clause, with no cue between.
  bool inSourcePhrase(std::uint32_t at) const;

  // The place of a sentence that names none: the previous sentence's last town or region.
  std::string previousPlace() const;

  // A non-event marker shortly before the cue in its clause ("l'anniversaire de l'attaque"), or
  // anywhere before it when it governs a clause ("redoutent que ce retrait ...").
  bool afterNonEventMarker(const Match& cue) const;

  // A future: "attaquera", "va attaquer", "sera reprise".
  bool announced(const Match& cue) const;

  // A place named within kPlaceReach words of the cue in its clause (kPlaceNounReach past a
  // noun such as "localité"), with no other cue between: "la reprise de Kidal", "Kidal a été
  // reprise" (not "la reprise des combats à Kidal").
  bool placeNear(const Match& cue) const;

  // "ont été tués", or a cue that holds its auxiliary ("été arrêtés").
  bool passive(const Match& cue) const;

  void readSentence(std::uint32_t s);

  void buildEvent(std::uint32_t s, const Match& cue, bool claimed);

  // The sentence opens with "LIRE AUSSI" or the like: a link to another article.
  bool crossReference() const;

  // A back-reference preposition one or two words before the cue: "après les combats".
  bool backReference(const Match& cue) const;

  int adjustType(int type, const Match& cue, const ExtractedEvent& event,
                 std::uint32_t victims) const;

  // An actor before a comment verb that governs the cue ("la France condamne les exactions",
  // "HRW accuse l'armée d'avoir tué"), or the speaker of a claim, comments on the event; it acts
  // in it only when the cue is its own infinitive ("l'armée a annoncé avoir mené des frappes").
  bool commentsOn(const Participant& p, const Match& cue) const;
  // No actor between token `from` and the cue, and an infinitive auxiliary ("avoir") there.
  bool ownInfinitive(std::uint32_t from, const Match& cue) const;
  void chooseActors(const Match& cue, bool reciprocal, ExtractedEvent& event) const;

  // "X et Y se sont affrontés", "X et Y ont signé un accord": the actor joined to X before
  // the cue.
  const Participant* coordinatedWith(const Participant& actor, const Match& cue) const;

  // An actor left empty takes the argument of a same-sentence relation of a fitting type.
  void fillActorsFromRelations(std::uint32_t s, std::string_view acledType,
                               ExtractedEvent& event) const;

  // The most specific place of the cue's clause, else of the sentence; the nearest on a tie.
  std::string choosePlace(const Match& cue, const ExtractedEvent& event) const;

  // The first token at or after a byte offset relative to the sentence.
  std::uint32_t tokenAt(std::size_t offset) const;

  // The death toll of the sentence: counts of different victims joined by "et" add up ("8
  // soldats et 3 civils": 11), counts after "dont" are part of another, and of several tolls
  // the lowest wins ("12 morts selon l'armée, 20 selon ..."). `victims` gets the word bits of
  // the counted nouns.
  std::optional<long> countFatalities(std::uint32_t s, std::uint32_t& victims);

  bool deathWordStartingIn(std::uint32_t from, std::uint32_t to) const;

  bool deathWordEndingIn(std::uint32_t from, std::uint32_t to) const;

  // Tokens [from, to) are commas and coordinators only: "8 soldats et 3 civils".
  bool onlyCoordinators(std::uint32_t from, std::uint32_t to) const;

  // Nouns that stand for the target: after the cue, or before a passive cue ("des soldats ont
  // été tués"); not the source's ("selon l'armée").
  bool targetNoun(const Match& cue, std::uint32_t bit) const;

  bool armedTarget(const Match& cue, const ExtractedEvent& event, std::uint32_t victims) const;

  // An article often tells one happening again further on ("la prise de Kidal, le 14 novembre,
  // ..." then "depuis la prise de Kidal par l'armée"): a later event with the same type,
  // sub-type and place, no conflicting actor, and a date that agrees (to the less precise of two
  // written dates; any date when one only borrowed the article's) is folded into the first
  // telling, which keeps its evidence and takes the fields it lacked.
  void mergeRetellings();

  bool sameHappening(const ExtractedEvent& first, bool firstDateWritten, const ExtractedEvent& next,
                     bool nextDateWritten) const;

  // Folds `next` into `first` when the sentence right after tells the same happening: same type
  // and sub-type, no conflicting place, actor or written date (a place or date `next` only
  // borrowed conflicts with nothing).
  bool mergeInto(ExtractedEvent& first, const ExtractedEvent& next, bool dateWritten,
                 bool placeWritten, std::uint32_t s);
};

}  // namespace newsgraph::ingest::event_reading

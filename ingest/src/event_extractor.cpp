#include "newsgraph/ingest/event_extractor.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <tuple>

#include "event_cues.h"

namespace newsgraph::ingest {
namespace {

// The cue index and the ACLED types that the type adjustments need.
struct EventTables {
  event_cues::CueIndex cues;
  int clashType = -1;      // Battles/Armed clash
  int attackType = -1;     // Violence against civilians/Attack
  int regainsType = -1;    // Battles/Government regains territory
  int overtakesType = -1;  // Battles/Non-state actor overtakes territory
  int riotType = -1;       // Riots/Violent demonstration
  int lootingType = -1;    // Strategic developments/Looting/property destruction

  explicit EventTables(const ontology::Ontology& ontology) : cues(ontology) {
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
  }
};

using namespace event_cues;  // Match, isBreak, the word and marker bits

// Reach of the rules, in tokens.
constexpr std::uint32_t kNonEventReach = 6;   // "en hommage aux victimes de l'attaque"
constexpr std::uint32_t kPlaceReach = 3;      // "la reprise de Kidal", "repris le camp de Ber"
constexpr std::uint32_t kPlaceNounReach = 6;  // "s'est emparé de la localité de Diabaly"
constexpr std::uint32_t kOpenerReach = 3;     // "redoutent au contraire que"
constexpr std::uint32_t kMarkerReach = 4;     // "menée par des éléments du JNIM"
constexpr std::uint32_t kAsideReach = 10;     // "par les rebelles du Mouvement ... (MNLA)"
constexpr std::uint32_t kAgentReach = 8;      // "attaqué à deux reprises par le JNIM"
constexpr std::uint32_t kSourceReach = 8;     // "selon une source militaire jointe à Bamako"
constexpr std::uint32_t kSideGap = 2;         // "combats ont opposé": marker among 2 first words
constexpr std::uint32_t kSideReach = 3;       // and the actor within 3 words of the cue
constexpr std::uint32_t kDeathAfter = 5;      // "12 soldats ont été tués"
constexpr std::uint32_t kDeathBefore = 3;     // "a tué au moins 12 personnes"
constexpr double kMaxFatalities = 1e6;

bool isArmedClass(const ontology::Ontology& ontology, std::string_view cls) {
  for (const char* armed : {"ArmedForces", "ArmedGroup", "PrivateMilitaryCompany",
                            "MilitaryOperation", "PeacekeepingMission"}) {
    if (ontology.isSubclassOf(cls, armed)) return true;
  }
  return false;
}

bool isStateSide(const ontology::Ontology& ontology, std::string_view cls) {
  for (const char* state :
       {"ArmedForces", "Country", "PrivateMilitaryCompany", "MilitaryOperation"}) {
    if (ontology.isSubclassOf(cls, state)) return true;
  }
  return false;
}

// Relation types whose arguments may stand for an event's actors, by ACLED event type.
bool fitsEventType(std::string_view acledType, std::string_view predicate) {
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
        status_(status),
        article_(article),
        analysis_(analysis),
        tokens_(analysis.tokens),
        stems_(analysis.tokens) {
    for (const DiscoveredEntity& entity : analysis.recognition.discovered) {
      discovered_.emplace(entity.id, entity.cls);
    }
  }

  std::vector<ExtractedEvent> run() {
    const auto& mentions = analysis_.recognition.mentions;
    std::size_t m = 0;
    for (std::uint32_t s = 0; s < analysis_.sentences.size(); ++s) {
      const Sentence& sentence = analysis_.sentences[s];
      first_ = sentence.firstToken;
      end_ = sentence.endToken;
      sentenceBegin_ = sentence.begin;
      previousMentions_ = {m, m};
      while (m < mentions.size() && mentions[m].sentence < s) ++m;
      previousMentions_.second = m;
      if (first_ >= end_) continue;
      findGaps(s);
      matches_.clear();
      cues_.scan(tokens_, first_, end_, gaps_, stems_, matches_);
      bool hasCue = std::any_of(matches_.begin(), matches_.end(),
                                [](const Match& match) { return match.eventType >= 0; });
      if (!hasCue) continue;  // most sentences: nothing more to read
      if (crossReference()) continue;
      markers_.assign(end_ - first_, kUnknownMarkers);
      participants_.clear();
      for (std::size_t k = m; k < mentions.size() && mentions[k].sentence == s; ++k) {
        addParticipant(mentions[k]);
      }
      readSentence(s);
    }
    mergeRetellings();
    // Events still without a place got none from the sentences after them either.
    events_.erase(std::remove_if(events_.begin(), events_.end(),
                                 [](const ExtractedEvent& e) { return e.location.empty(); }),
                  events_.end());
    return std::move(events_);
  }

 private:
  const ontology::Ontology& ontology_;
  const EventTables& tables_;
  const event_cues::CueIndex& cues_;
  const StatusClassifier& status_;
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
  // The previous sentence's mentions [first, second), for a place fallback.
  std::pair<std::size_t, std::size_t> previousMentions_{0, 0};
  std::optional<std::string> articleCountry_;  // see articleCountry()
  // The last event's last sentence and whether its date was written there, for merging.
  std::uint32_t lastSentence_ = 0;
  bool lastDateWritten_ = false;

  std::string_view classOf(const std::string& id) const {
    if (const ontology::EntityRecord* entity = ontology_.findEntity(id)) return entity->cls;
    auto found = discovered_.find(id);
    return found == discovered_.end() ? std::string_view() : std::string_view(found->second);
  }

  // The token ranges of the sentence's dates, with a preposition before them ("le 31 octobre")
  // and the commas around them (", mardi 31 octobre,").
  void findGaps(std::uint32_t s) {
    gaps_.clear();
    if (s >= analysis_.dates.size()) return;
    for (const DateMention& date : analysis_.dates[s]) {
      std::uint32_t first = tokenAt(date.begin);
      std::uint32_t end = tokenAt(date.end);
      if (first >= end) continue;
      if (first > first_ && (cues_.markerBits(tokens_[first - 1].key) & kDatePreposition) != 0) {
        --first;
      }
      if (first > first_ && end < end_ && tokens_[first - 1].key == "," &&
          tokens_[end].key == ",") {
        --first;
        ++end;
      }
      gaps_.emplace_back(first, end);
    }
  }

  // The country the article mentions most, for "au nord du pays"; computed once.
  const std::string& articleCountry() {
    if (articleCountry_) return *articleCountry_;
    articleCountry_.emplace();
    std::vector<std::pair<std::string_view, int>> counts;
    for (const Mention& mention : analysis_.recognition.mentions) {
      std::string_view cls = classOf(mention.entity);
      if (cls.empty() || !ontology_.isSubclassOf(cls, "Country")) continue;
      auto found = std::find_if(counts.begin(), counts.end(),
                                [&](const auto& c) { return c.first == mention.entity; });
      if (found == counts.end()) {
        counts.emplace_back(mention.entity, 1);
      } else {
        ++found->second;
      }
    }
    int best = 0;
    for (const auto& [id, count] : counts) {
      if (count > best) {
        best = count;
        articleCountry_->assign(id);
      }
    }
    return *articleCountry_;
  }

  // REQUIRES: first_ <= k < end_.
  std::uint32_t markers(std::uint32_t k) const {
    std::uint32_t& bits = markers_[k - first_];
    if (bits == kUnknownMarkers) bits = cues_.markerBits(tokens_[k].key);
    return bits;
  }

  bool breakBetween(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t k = from; k < to; ++k) {
      if (isBreak(tokens_[k])) return true;
    }
    return false;
  }

  // Phrases of the sentence with a word bit, starting at or after `from` and ending by `to`.
  bool wordIn(std::uint32_t bit, std::uint32_t from, std::uint32_t to) const {
    for (const Match& match : matches_) {
      if ((match.words & bit) != 0 && match.first >= from && match.end <= to) return true;
    }
    return false;
  }

  // The marker bits of the nearest marker among the `reach` tokens before `at`, in its clause.
  // An acronym in parentheses looks past them, over the long form it repeats: "attaqué par les
  // rebelles du Mouvement national de libération de l'Azawad (MNLA)".
  std::uint32_t markerBefore(std::uint32_t at, std::uint32_t reach) const {
    if (at > first_ + 1 && tokens_[at - 1].key == "(") {
      --at;
      reach = kAsideReach;
    }
    for (std::uint32_t k = at; k > first_ && at - k < reach;) {
      --k;
      if (isBreak(tokens_[k])) return 0;
      // Determiners ("le", "cette") sit between a marker and its noun: "par le JNIM".
      if (std::uint32_t bits = markers(k) & ~(kDatePreposition | kDemonstrative); bits != 0) {
        return bits;
      }
    }
    return 0;
  }

  // True when some token among the `reach` before `at`, in its clause, has a marker of `bit`.
  bool anyMarkerBefore(std::uint32_t at, std::uint32_t reach, std::uint32_t bit) const {
    for (std::uint32_t k = at; k > first_ && at - k < reach;) {
      --k;
      if (isBreak(tokens_[k])) return false;
      if ((markers(k) & bit) != 0) return true;
    }
    return false;
  }

  bool cueBetween(std::uint32_t from, std::uint32_t to) const {
    for (const Match& match : matches_) {
      if (match.eventType >= 0 && match.first >= from && match.first < to) return true;
    }
    return false;
  }

  void addParticipant(const Mention& mention) {
    Participant p;
    p.mention = &mention;
    p.cls = classOf(mention.entity);
    if (p.cls.empty()) return;
    bool figurative =
        mention.kind == MentionKind::kMetonym || mention.kind == MentionKind::kDemonym;
    p.actor = ontology_.isSubclassOf(p.cls, "Actor");
    p.place = !figurative && ontology_.isSubclassOf(p.cls, "Place");
    if (p.place && p.actor) {
      // A country is the place after "au", "en", "du"... and an actor anywhere else.
      bool located = anyMarkerBefore(mention.firstToken, 2, kPlacePreposition);
      p.actor = !located;
      p.place = located;
    }
    if (p.place) {
      p.rank = ontology_.isSubclassOf(p.cls, "Town")      ? 3
               : ontology_.isSubclassOf(p.cls, "Country") ? 1
                                                          : 2;
    }
    // "selon la MINUSMA", "selon une source jointe à Bamako": who reports and from where.
    if (p.actor && (markerBefore(mention.firstToken, 3) & kSource) != 0) p.actor = false;
    if (p.place && inSourcePhrase(mention.firstToken)) p.place = false;
    if (p.actor || p.place) participants_.push_back(p);
  }

  // A source marker before `at` in its clause, with no cue between.
  bool inSourcePhrase(std::uint32_t at) const {
    for (std::uint32_t k = at; k > first_ && at - k < kSourceReach;) {
      --k;
      if (isBreak(tokens_[k])) return false;
      if ((markers(k) & kSource) != 0) return !cueBetween(k, at);
    }
    return false;
  }

  // The place of a sentence that names none: the previous sentence's last town or region.
  std::string previousPlace() const {
    const auto& mentions = analysis_.recognition.mentions;
    for (std::size_t k = previousMentions_.second; k > previousMentions_.first;) {
      const Mention& mention = mentions[--k];
      if (mention.kind == MentionKind::kMetonym || mention.kind == MentionKind::kDemonym) continue;
      std::string_view cls = classOf(mention.entity);
      if (!cls.empty() && ontology_.isSubclassOf(cls, "Place") &&
          !ontology_.isSubclassOf(cls, "Country")) {
        return mention.entity;
      }
    }
    return {};
  }

  // A non-event marker shortly before the cue in its clause ("l'anniversaire de l'attaque"), or
  // anywhere before it when it governs a clause ("redoutent que ce retrait ...").
  bool afterNonEventMarker(const Match& cue) const {
    std::uint32_t floor = cue.first > first_ + kNonEventReach ? cue.first - kNonEventReach : first_;
    for (std::uint32_t k = cue.first; k > floor;) {
      --k;
      if (isBreak(tokens_[k])) {
        floor = k + 1;
        break;
      }
    }
    for (const Match& match : matches_) {
      if ((match.words & kNonEvent) == 0 || match.end > cue.first) continue;
      if (match.first >= floor) return true;
      for (std::uint32_t k = match.end; k < cue.first && k < match.end + kOpenerReach; ++k) {
        if ((markers(k) & kClauseOpener) != 0) return true;
      }
    }
    return false;
  }

  // A future: "attaquera", "va attaquer", "sera reprise".
  bool announced(const Match& cue) const {
    if (cues_.hasFutureEnding(tokens_[cue.first].key)) return true;
    return anyMarkerBefore(cue.first, 2, kFutureAuxiliary);
  }

  // A place named within kPlaceReach words of the cue in its clause (kPlaceNounReach past a
  // noun such as "localité"), with no other cue between: "la reprise de Kidal", "Kidal a été
  // reprise" (not "la reprise des combats à Kidal").
  bool placeNear(const Match& cue) const {
    for (const Participant& p : participants_) {
      if (!p.place) continue;
      std::uint32_t first = p.mention->firstToken;
      std::uint32_t end = p.mention->endToken;
      std::uint32_t reach = wordIn(kPlaceNoun, cue.end, first) ? kPlaceNounReach : kPlaceReach;
      if (first >= cue.end && first - cue.end <= reach && !breakBetween(cue.end, first) &&
          !cueBetween(cue.end, first)) {
        return true;
      }
      if (end <= cue.first && cue.first - end <= kPlaceReach && !breakBetween(end, cue.first)) {
        return true;
      }
    }
    return false;
  }

  // "ont été tués", or a cue that holds its auxiliary ("été arrêtés").
  bool passive(const Match& cue) const {
    if ((markers(cue.first) & kPassiveAuxiliary) != 0) return true;
    return cue.first > first_ && (markers(cue.first - 1) & kPassiveAuxiliary) != 0;
  }

  void readSentence(std::uint32_t s) {
    const auto& types = ontology_.eventTypes();
    candidates_.clear();
    for (const Match& match : matches_) {
      if (match.eventType >= 0) candidates_.push_back(&match);
    }
    std::stable_sort(candidates_.begin(), candidates_.end(), [&](const Match* a, const Match* b) {
      int pa = types[static_cast<std::size_t>(a->eventType)].priority;
      int pb = types[static_cast<std::size_t>(b->eventType)].priority;
      if (pa != pb) return pa > pb;
      if (a->first != b->first) return a->first < b->first;
      return a->end > b->end;
    });
    // A cue that only dates the sentence ("après les combats") gives way to any other cue.
    bool otherCue = std::any_of(candidates_.begin(), candidates_.end(),
                                [&](const Match* cue) { return !backReference(*cue); });
    for (const Match* cue : candidates_) {
      int type = cue->eventType;
      if (afterNonEventMarker(*cue) || announced(*cue)) continue;
      if (otherCue && backReference(*cue)) continue;
      if ((type == tables_.regainsType || type == tables_.overtakesType) && !placeNear(*cue)) {
        continue;
      }
      StatementStatus status =
          status_.classify(article_.text, tokens_, analysis_.sentences, s, cue->first, cue->end,
                           analysis_.recognition.mentions);
      if (status.status == graph::EvidenceStatus::kNegated ||
          status.status == graph::EvidenceStatus::kHypothetical) {
        continue;
      }
      buildEvent(s, *cue, status.status == graph::EvidenceStatus::kClaimed);
      return;
    }
  }

  void buildEvent(std::uint32_t s, const Match& cue, bool claimed) {
    int type = cue.eventType;
    const auto& types = ontology_.eventTypes();
    const ontology::EventType* eventType = &types[static_cast<std::size_t>(type)];

    ExtractedEvent event;
    bool reciprocal =
        eventType->acledSubType == "Armed clash" || eventType->acledSubType == "Agreement";
    chooseActors(cue, reciprocal, event);
    fillActorsFromRelations(s, eventType->acledType, event);
    event.location = choosePlace(cue, event);
    bool placeWritten = !event.location.empty();
    if (!placeWritten && wordIn(kCountryNoun, first_, end_)) event.location = articleCountry();
    if (event.location.empty() && !tokens_[first_].has(kBlankLineBefore)) {
      event.location = previousPlace();
    }

    bool dateWritten = false;
    if (s < analysis_.dates.size()) {
      for (const DateMention& date : analysis_.dates[s]) {
        if (date.role == DateRole::kSince || date.role == DateRole::kUntil) continue;
        event.date = date.date;
        dateWritten = true;
        break;
      }
    }
    if (!dateWritten) event.date = article_.date;

    std::uint32_t victims = 0;  // word bits of the counted victims' nouns
    event.fatalities = countFatalities(s, victims);
    type = adjustType(type, cue, event, victims);
    eventType = &types[static_cast<std::size_t>(type)];

    event.type = eventType->acledType;
    event.subType = eventType->acledSubType;
    event.sentence = s;
    event.begin = analysis_.sentences[s].begin;
    event.end = analysis_.sentences[s].end;
    double confidence = 0.5;
    if (placeWritten) confidence += 0.2;
    if (!placeWritten && !event.location.empty()) confidence += 0.1;
    if (dateWritten) confidence += 0.1;
    if (!event.actor1.empty()) confidence += 0.1;
    if (!event.actor2.empty()) confidence += 0.1;
    if (claimed) confidence -= 0.1;
    event.confidence = std::clamp(confidence, 0.0, 1.0);

    if (!events_.empty() && mergeInto(events_.back(), event, dateWritten, placeWritten, s)) {
      return;
    }
    // "Cette attaque ..." only adds to the happening just told. An event without a place waits
    // for the next sentence to give one (run() drops it otherwise).
    bool anaphoric = cue.first > first_ && (markers(cue.first - 1) & kDemonstrative) != 0;
    if (anaphoric || (!dateWritten && backReference(cue))) return;
    events_.push_back(std::move(event));
    datesWritten_.push_back(dateWritten);
    lastSentence_ = s;
    lastDateWritten_ = dateWritten;
  }

  // The sentence opens with "LIRE AUSSI" or the like: a link to another article.
  bool crossReference() const {
    return std::any_of(matches_.begin(), matches_.end(), [&](const Match& match) {
      return (match.words & kCrossReference) != 0 && match.first == first_;
    });
  }

  // A back-reference preposition one or two words before the cue: "après les combats".
  bool backReference(const Match& cue) const {
    for (std::uint32_t k = cue.first; k > first_ && cue.first - k < 2;) {
      --k;
      if ((markers(k) & kBackReference) != 0) return true;
    }
    return false;
  }

  int adjustType(int type, const Match& cue, const ExtractedEvent& event,
                 std::uint32_t victims) const {
    // A one-sided attack on an armed target is a battle, unless civilians are among the victims.
    if (type == tables_.attackType && tables_.clashType >= 0 && armedTarget(cue, event, victims) &&
        (victims & kCivilian) == 0 && !targetNoun(cue, kCivilian)) {
      return tables_.clashType;
    }
    // Who takes a place decides between the two territorial types.
    if ((type == tables_.regainsType || type == tables_.overtakesType) && !event.actor1.empty()) {
      std::string_view cls = classOf(event.actor1);
      if (isStateSide(ontology_, cls) && tables_.regainsType >= 0) return tables_.regainsType;
      if (ontology_.isSubclassOf(cls, "ArmedGroup") && tables_.overtakesType >= 0) {
        return tables_.overtakesType;
      }
    }
    // Demonstrators who loot, burn or attack riot.
    const auto& types = ontology_.eventTypes();
    if (types[static_cast<std::size_t>(type)].acledType == "Protests" && tables_.riotType >= 0) {
      for (const Match& match : matches_) {
        if (match.eventType >= 0 &&
            (match.eventType == tables_.lootingType || match.eventType == tables_.attackType)) {
          return tables_.riotType;
        }
      }
    }
    return type;
  }

  void chooseActors(const Match& cue, bool reciprocal, ExtractedEvent& event) const {
    auto isAgent = [&](const Participant& p) {
      return (markerBefore(p.mention->firstToken, kMarkerReach) & kAgent) != 0;
    };
    auto before = [&](const Participant& p) { return p.mention->endToken <= cue.first; };
    auto after = [&](const Participant& p) { return p.mention->firstToken >= cue.end; };
    auto firstAfter = [&](const Participant* not1, std::uint32_t from) -> const Participant* {
      for (const Participant& p : participants_) {
        if (p.actor && p.mention->firstToken >= from && !isAgent(p) &&
            (not1 == nullptr || p.mention->entity != not1->mention->entity)) {
          return &p;
        }
      }
      return nullptr;
    };
    const Participant* subject = nullptr;  // first actor before the cue, past incises
    const Participant* agent = nullptr;    // "attaqué par X", "la prise de Kidal par X"
    const Participant* side = nullptr;     // "l'attaque du JNIM", "combats entre X et Y"
    for (const Participant& p : participants_) {
      if (!p.actor) continue;
      if (before(p) && subject == nullptr && !isAgent(p)) subject = &p;
      if (after(p) && agent == nullptr && isAgent(p) &&
          p.mention->firstToken - cue.end <= kAgentReach &&
          !breakBetween(cue.end, p.mention->firstToken)) {
        agent = &p;
      }
    }
    const Participant* next = firstAfter(nullptr, cue.end);
    if (next != nullptr) {
      std::uint32_t first = next->mention->firstToken;
      bool marked = false;
      for (std::uint32_t k = cue.end; k < first && k < cue.end + kSideGap; ++k) {
        marked = marked || (markers(k) & kSide) != 0;
      }
      if (marked && first - cue.end <= kSideReach && !breakBetween(cue.end, first) &&
          (markerBefore(first, kMarkerReach) & kTarget) == 0) {
        side = next;
      }
    }

    const Participant* actor1 = nullptr;
    const Participant* actor2 = nullptr;
    if (passive(cue)) {
      actor1 = agent;
      actor2 = subject != nullptr ? subject : firstAfter(actor1, cue.end);
    } else if (subject != nullptr) {
      actor1 = subject;
      actor2 = firstAfter(actor1, cue.end);
      if (actor2 == nullptr && reciprocal) actor2 = coordinatedWith(*actor1, cue);
    } else if (side != nullptr) {
      actor1 = side;
      actor2 = firstAfter(actor1, side->mention->endToken);
    } else if (agent != nullptr) {
      actor1 = agent;
      actor2 = firstAfter(actor1, cue.end);
    } else {
      actor2 = next;
    }
    if (actor1 != nullptr) event.actor1 = actor1->mention->entity;
    if (actor2 != nullptr && (actor1 == nullptr || actor2->mention->entity != event.actor1)) {
      event.actor2 = actor2->mention->entity;
    }
  }

  // "X et Y se sont affrontés", "X et Y ont signé un accord": the actor joined to X before
  // the cue.
  const Participant* coordinatedWith(const Participant& actor, const Match& cue) const {
    std::uint32_t from = actor.mention->endToken;
    for (const Participant& p : participants_) {
      std::uint32_t to = p.mention->firstToken;
      if (p.actor && p.mention->endToken <= cue.first && to > from && to - from <= 2 &&
          p.mention->entity != actor.mention->entity && !breakBetween(from, to) &&
          wordIn(kCoordinator, from, to)) {
        return &p;
      }
    }
    return nullptr;
  }

  // An actor left empty takes the argument of a same-sentence relation of a fitting type.
  void fillActorsFromRelations(std::uint32_t s, std::string_view acledType,
                               ExtractedEvent& event) const {
    if (!event.actor1.empty() && !event.actor2.empty()) return;
    auto isActor = [&](const std::string& id) {
      std::string_view cls = classOf(id);
      return !cls.empty() && ontology_.isSubclassOf(cls, "Actor");
    };
    for (const ExtractedRelation& relation : analysis_.relations) {
      if (relation.sentence != s || !fitsEventType(acledType, relation.predicate) ||
          relation.status == graph::EvidenceStatus::kNegated ||
          relation.status == graph::EvidenceStatus::kHypothetical) {
        continue;
      }
      if (event.actor1.empty() && isActor(relation.subject) && relation.subject != event.actor2) {
        event.actor1 = relation.subject;
      }
      if (event.actor2.empty() && isActor(relation.object) && relation.object != event.actor1 &&
          !ontology_.isSubclassOf(classOf(relation.object), "Place")) {
        event.actor2 = relation.object;
      }
      return;
    }
  }

  // The most specific place of the cue's clause, else of the sentence; the nearest on a tie.
  std::string choosePlace(const Match& cue, const ExtractedEvent& event) const {
    const Participant* best = nullptr;
    std::tuple<bool, int, std::uint32_t> bestKey;  // same clause, rank, -distance
    for (const Participant& p : participants_) {
      if (!p.place || p.mention->entity == event.actor1 || p.mention->entity == event.actor2) {
        continue;
      }
      std::uint32_t from = std::min(p.mention->endToken, cue.first);
      std::uint32_t to = std::max(p.mention->firstToken, cue.end);
      std::uint32_t distance = to > from ? to - from : 0;
      std::tuple<bool, int, std::uint32_t> key{!breakBetween(from, to), p.rank,
                                               0xffffffffu - distance};
      if (best == nullptr || key > bestKey) {
        best = &p;
        bestKey = key;
      }
    }
    return best == nullptr ? std::string() : best->mention->entity;
  }

  // The first token at or after a byte offset relative to the sentence.
  std::uint32_t tokenAt(std::size_t offset) const {
    std::uint32_t k = first_;
    std::size_t target = sentenceBegin_ + offset;
    while (k < end_ && tokens_[k].begin < target) ++k;
    return k;
  }

  // The death toll of the sentence: counts of different victims joined by "et" add up ("8
  // soldats et 3 civils": 11), counts after "dont" are part of another, and of several tolls
  // the lowest wins ("12 morts selon l'armée, 20 selon ..."). `victims` gets the word bits of
  // the counted nouns.
  std::optional<long> countFatalities(std::uint32_t s, std::uint32_t& victims) {
    std::optional<long> lowest;
    std::optional<long> group;  // the toll being added up
    auto closeGroup = [&] {
      if (group && (!lowest || *group < *lowest)) lowest = group;
      group.reset();
    };
    const Quantity* previous = nullptr;
    std::uint32_t previousEnd = 0;  // the token after the previous count's noun
    bool previousDeath = false;
    bool previousSubset = false;
    const std::vector<Quantity> none;
    const auto& quantities = s < analysis_.quantities.size() ? analysis_.quantities[s] : none;
    for (const Quantity& q : quantities) {
      if (q.noun == "%" || q.value < 0 || q.value >= kMaxFatalities) continue;
      std::uint32_t first = tokenAt(q.begin);
      std::uint32_t end = tokenAt(q.end);
      std::uint32_t nounEnd = end;
      std::uint32_t nounBits = 0;  // of the counted noun, past "de", "d'", "des"
      for (std::uint32_t k = end; !q.noun.empty() && k < end_ && k < end + 3; ++k) {
        if (tokens_[k].key == q.noun) {
          for (const Match& match : matches_) {
            if (match.first == k) nounBits |= match.words;
          }
          nounEnd = k + 1;
          break;
        }
      }
      std::uint32_t stop = end;  // the clause after the count, up to kDeathAfter words
      while (stop < end_ && stop < end + kDeathAfter && !isBreak(tokens_[stop])) ++stop;
      std::uint32_t start = first;  // and before it, up to kDeathBefore words
      while (start > first_ && first - start < kDeathBefore && !isBreak(tokens_[start - 1])) {
        --start;
      }
      bool death = (nounBits & kDeathNoun) != 0 || deathWordStartingIn(end, stop) ||
                   deathWordEndingIn(start, first);
      bool subset = wordIn(kSubset, start, first);
      bool coordinated = previous != nullptr && !q.noun.empty() && !previous->noun.empty() &&
                         q.noun != previous->noun && onlyCoordinators(previousEnd, first);
      if (coordinated) {
        death = death || previousDeath;
        subset = subset || previousSubset;
      } else if (!subset) {
        closeGroup();
      }
      if (death) victims |= nounBits;
      if (death && !subset) {
        auto count = static_cast<long>(q.value);
        group = group ? *group + count : count;
      }
      previous = &q;
      previousEnd = nounEnd;
      previousDeath = death;
      previousSubset = subset;
    }
    closeGroup();
    if (!lowest && wordIn(kNoFatality, first_, end_)) return 0;
    return lowest;
  }

  bool deathWordStartingIn(std::uint32_t from, std::uint32_t to) const {
    for (const Match& match : matches_) {
      if ((match.words & kDeathWord) != 0 && match.first >= from && match.first < to) return true;
    }
    return false;
  }

  bool deathWordEndingIn(std::uint32_t from, std::uint32_t to) const {
    for (const Match& match : matches_) {
      if ((match.words & kDeathWord) != 0 && match.end > from && match.end <= to) return true;
    }
    return false;
  }

  // Tokens [from, to) are commas and coordinators only: "8 soldats et 3 civils".
  bool onlyCoordinators(std::uint32_t from, std::uint32_t to) const {
    if (to <= from || to - from > 3) return false;
    for (std::uint32_t k = from; k < to;) {
      if (tokens_[k].key == ",") {
        ++k;
        continue;
      }
      std::uint32_t next = k;
      for (const Match& match : matches_) {
        if ((match.words & kCoordinator) != 0 && match.first == k) next = std::max(next, match.end);
      }
      if (next == k) return false;
      k = next;
    }
    return true;
  }

  // Nouns that stand for the target: after the cue, or before a passive cue ("des soldats ont
  // été tués"); not the source's ("selon l'armée").
  bool targetNoun(const Match& cue, std::uint32_t bit) const {
    bool passiveCue = passive(cue);
    for (const Match& match : matches_) {
      if ((match.words & bit) == 0 || (markerBefore(match.first, 3) & kSource) != 0) continue;
      if (match.first >= cue.end || (passiveCue && match.end <= cue.first)) return true;
    }
    return false;
  }

  bool armedTarget(const Match& cue, const ExtractedEvent& event, std::uint32_t victims) const {
    if (!event.actor2.empty() && isArmedClass(ontology_, classOf(event.actor2))) return true;
    return (victims & kCombatant) != 0 || targetNoun(cue, kCombatant);
  }

  // An article often tells one happening again further on ("la prise de Kidal, le 14 novembre,
  // ..." then "depuis la prise de Kidal par l'armée"): a later event with the same type,
  // sub-type and place, no conflicting actor, and a date that agrees (to the less precise of two
  // written dates; any date when one only borrowed the article's) is folded into the first
  // telling, which keeps its evidence and takes the fields it lacked.
  void mergeRetellings() {
    std::vector<bool> gone(events_.size(), false);
    for (std::size_t later = 1; later < events_.size(); ++later) {
      ExtractedEvent& next = events_[later];
      if (next.location.empty()) continue;
      for (std::size_t earlier = 0; earlier < later; ++earlier) {
        ExtractedEvent& first = events_[earlier];
        if (gone[earlier] ||
            !sameHappening(first, datesWritten_[earlier], next, datesWritten_[later])) {
          continue;
        }
        if (first.actor1.empty() && next.actor1 != first.actor2) first.actor1 = next.actor1;
        if (first.actor2.empty() && next.actor2 != first.actor1) first.actor2 = next.actor2;
        if (!first.fatalities) first.fatalities = next.fatalities;
        if (!datesWritten_[earlier] && datesWritten_[later]) {
          first.date = next.date;
          datesWritten_[earlier] = true;
        }
        first.confidence = std::max(first.confidence, next.confidence);
        gone[later] = true;
        break;
      }
    }
    std::size_t kept = 0;
    for (std::size_t k = 0; k < events_.size(); ++k) {
      if (gone[k]) continue;
      if (kept != k) events_[kept] = std::move(events_[k]);
      ++kept;
    }
    events_.resize(kept);
  }

  static bool sameHappening(const ExtractedEvent& first, bool firstDateWritten,
                            const ExtractedEvent& next, bool nextDateWritten) {
    auto compatible = [](const std::string& a, const std::string& b) {
      return a.empty() || b.empty() || a == b;
    };
    if (first.type != next.type || first.subType != next.subType ||
        first.location != next.location || !compatible(first.actor1, next.actor1) ||
        !compatible(first.actor2, next.actor2)) {
      return false;
    }
    if (!firstDateWritten || !nextDateWritten || !first.date || !next.date) return true;
    const common::PartialDate& coarse =
        first.date->precision <= next.date->precision ? *first.date : *next.date;
    const common::PartialDate& fine = &coarse == &*first.date ? *next.date : *first.date;
    return coarse.agreesTo(fine);
  }

  // Folds `next` into `first` when the sentence right after tells the same happening: same type
  // and sub-type, no conflicting place, actor or written date (a place or date `next` only
  // borrowed conflicts with nothing).
  bool mergeInto(ExtractedEvent& first, const ExtractedEvent& next, bool dateWritten,
                 bool placeWritten, std::uint32_t s) {
    if (s != lastSentence_ + 1 || first.type != next.type || first.subType != next.subType) {
      return false;
    }
    auto compatible = [](const std::string& a, const std::string& b) {
      return a.empty() || b.empty() || a == b;
    };
    const std::string none;
    const std::string& place = placeWritten ? next.location : none;
    if (!compatible(first.location, place) || !compatible(first.actor1, next.actor1) ||
        !compatible(first.actor2, next.actor2) ||
        (lastDateWritten_ && dateWritten && first.date != next.date)) {
      return false;
    }
    if (first.location.empty()) first.location = place;
    if (first.actor1.empty() && next.actor1 != first.actor2) first.actor1 = next.actor1;
    if (first.actor2.empty() && next.actor2 != first.actor1) first.actor2 = next.actor2;
    if (!first.fatalities) first.fatalities = next.fatalities;
    if (!lastDateWritten_ && dateWritten) first.date = next.date;
    first.confidence = std::max(first.confidence, next.confidence);
    lastSentence_ = s;
    lastDateWritten_ = lastDateWritten_ || dateWritten;
    return true;
  }
};

}  // namespace

struct EventExtractor::Tables : EventTables {
  using EventTables::EventTables;
};

std::string ExtractedEvent::toString() const {
  auto orDash = [](const std::string& text) { return text.empty() ? std::string("-") : text; };
  char confidenceText[16];
  std::snprintf(confidenceText, sizeof confidenceText, "%.2f", confidence);
  return type + "/" + subType + " " + orDash(actor1) + " vs " + orDash(actor2) + " at " +
         orDash(location) + " " + (date ? date->toString() : "-") + " fatalities " +
         (fatalities ? std::to_string(*fatalities) : "-") + " (sentence " +
         std::to_string(sentence) + ", confidence " + confidenceText + ")";
}

EventExtractor::EventExtractor(const ontology::Ontology& ontology)
    : ontology_(ontology), tables_(std::make_shared<const Tables>(ontology)), status_(ontology) {}

std::vector<ExtractedEvent> EventExtractor::extract(const Article& article,
                                                    const DocumentAnalysis& analysis) const {
  if (ontology_.eventTypes().empty()) return {};
  return EventReader(ontology_, *tables_, status_, article, analysis).run();
}

}  // namespace newsgraph::ingest

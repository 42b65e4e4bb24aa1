// EventReader: the sentence's participants and the choice of actor 1 and actor 2.
#include <algorithm>
#include <cstdint>
#include <string>

#include "event_reader.h"

namespace newsgraph::ingest::event_reading {

void EventReader::addParticipant(const Mention& mention) {
  Participant p;
  p.mention = &mention;
  p.cls = classOf(mention.entity);
  if (p.cls.empty()) return;
  bool figurative = mention.kind == MentionKind::kMetonym || mention.kind == MentionKind::kDemonym;
  const EventTables::ClassRoles roles = tables_.rolesOf(ontology_, p.cls);
  p.actor = roles.actor;
  p.place = !figurative && roles.place;
  if (p.place && p.actor) {
    // A country is the place after "au", "en", "du"... and an actor anywhere else.
    bool located = anyMarkerBefore(mention.firstToken, 2, kPlacePreposition);
    p.actor = !located;
    p.place = located;
  }
  if (p.place) p.rank = roles.placeRank;
  // "selon la MINUSMA", "selon une source jointe à Bamako": who reports and from where.
  if (p.actor && (markerBefore(mention.firstToken, 3) & kSource) != 0) p.actor = false;
  if (p.place && inSourcePhrase(mention.firstToken)) p.place = false;
  if (p.actor || p.place) participants_.push_back(p);
}

bool EventReader::ownInfinitive(std::uint32_t from, const Match& cue) const {
  bool actorBetween = std::any_of(participants_.begin(), participants_.end(), [&](auto& q) {
    return q.actor && q.mention->firstToken >= from && q.mention->endToken <= cue.first;
  });
  if (actorBetween) return false;
  for (std::uint32_t k = from; k < cue.first; ++k) {
    if ((markers(k) & kInfinitive) != 0) return true;
  }
  return false;
}

bool EventReader::commentsOn(const Participant& p, const Match& cue) const {
  if (p.mention->entity == speaker_) return !ownInfinitive(p.mention->endToken, cue);
  for (const Match& verb : matches_) {
    if ((verb.words & kCommentVerb) != 0 && verb.first >= p.mention->endToken &&
        verb.end <= cue.first) {
      return !ownInfinitive(verb.end, cue);
    }
  }
  return false;
}

void EventReader::chooseActors(const Match& cue, bool reciprocal, ExtractedEvent& event) const {
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
    if (before(p) && subject == nullptr && !isAgent(p) && !commentsOn(p, cue)) {
      subject = &p;
    }
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

const Participant* EventReader::coordinatedWith(const Participant& actor, const Match& cue) const {
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

void EventReader::fillActorsFromRelations(std::uint32_t s, std::string_view acledType,
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

}  // namespace newsgraph::ingest::event_reading

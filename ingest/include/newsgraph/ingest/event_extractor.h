// ACLED-style events read from an article (SPEC section 4). Runs after entity recognition, dates,
// quantities and relations: it reads the analysed sentences and returns events that the graph
// stage turns into event vertices linked to their actors and place.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/common/partial_date.h"
#include "newsgraph/ingest/article.h"
#include "newsgraph/ingest/document_analysis.h"
#include "newsgraph/ingest/event.h"
#include "newsgraph/ingest/statement_status.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ingest {

// Reads events sentence by sentence (word lists are the lexicons of events.ttl, named here):
//   - Cue: the ontology's event types list French cues, matched word by word on the Snowball
//     French stems of the token keys ("=form" in the data matches that form only), stepping over
//     a date inserted in them ("a quitté le 31 octobre son camp"). A sentence gives at most one
//     event, from its cue of highest priority (the earliest on a tie). A cue is skipped, and the
//     next one tried, when the status classifier finds it negated or hypothetical; when a future
//     marks it (a future ending, eventFutureAuxiliary: va, sera); when a non-event marker
//     (eventNonEventMarker: anniversaire, crainte, question...) stands up to six words before it
//     in its clause, or anywhere before it when followed by "que"; or, for the two territorial
//     Battles types, when no place is named within three words of it (six past a noun such as
//     "localité", eventPlaceNoun) with no other cue between; or when a back-reference
//     preposition (eventBackReference: après, depuis, lors) one or two words before it makes it
//     a point in time ("après les combats") and the sentence has another cue. A sentence that
//     opens with eventCrossReference ("LIRE AUSSI :") gives no event.
//   - Actors: for a passive cue ("été", "tombé dans"), actor 1 is the agent after "par" and
//     actor 2 the actor before; else actor 1 is the first actor before the cue (sources after
//     "selon", agents of an incise, the speaker of a claim and an actor before a comment verb
//     governing the cue — eventCommentVerb: condamne, accuse — left aside unless the cue is its
//     own infinitive, "a annoncé avoir mené"), else the actor right after a noun cue
//     ("l'attaque du JNIM", "combats entre X et Y", eventSideMarker), else the agent after "par";
//     actor 2 is the next actor after the cue, or for a clash or an agreement the actor joined
//     to actor 1 by "et" before it. A same-sentence relation of a fitting type fills an actor
//     left empty. A country is a place after a place preposition ("au Mali", "du Mali") and an
//     actor anywhere else; a metonym or demonym is always an actor.
//   - Location: the most specific place of the cue's clause, else of the sentence (town over
//     region over country), the nearest to the cue on a tie; places in a source phrase ("selon
//     une source jointe à Bamako") do not count. A sentence that names none takes the article's
//     most mentioned country when it says "pays" (eventCountryNoun), else the last town or
//     region of the previous sentence in the same paragraph.
//   - Date: the sentence's first date that is a point or a range end (not "depuis"/"jusqu'à"),
//     else the last such date written in the paragraph so far, else the article date with its
//     precision.
//   - Fatalities: counts whose noun is a death (morts, victimes) or that a death word follows
//     or precedes closely (12 soldats ont été tués, tuant 5 civils); counts of different victims
//     joined by "et" add up (8 soldats et 3 civils: 11), counts after "dont" are left out, and of
//     several tolls the lowest wins; vague amounts as the quantity parser values them (des
//     dizaines: 10). 0 when the sentence says nobody died; none when it gives no death count.
//   - Type adjustments: a one-sided Attack (violence against civilians) whose target is armed
//     (an armed actor 2, soldiers among the victims or after the cue) and that names no civilian
//     victim becomes Battles/Armed clash; the two territorial types follow actor 1's class (state
//     forces regain, armed groups overtake); a protest whose sentence also tells of looting,
//     burning or an attack becomes Riots/Violent demonstration.
//   - Merge: an event of the sentence right after an event's last sentence, with the same type
//     and sub-type and no conflicting written place, actor or written date, is the same
//     happening: it fills the first event's empty fields and the first evidence stays. A cue
//     after a demonstrative or possessive ("cette attaque", "leurs assauts"), or a
//     back-reference with no date written in its sentence, may only merge so. A later retelling
//     in the article (same type, sub-type and place, no conflicting actor, a date that agrees)
//     is folded into the first telling the same way. An event left without a place once the
//     next sentence is read is dropped.
//   - Confidence: 0.5, +0.2 with a place named in the sentence (+0.1 with a borrowed one), +0.1
//     with a date written in the sentence, +0.1 with actor 1, +0.1 with actor 2, -0.1 when the
//     sentence is a claim; in [0, 1].
class EventExtractor {
 public:
  // Reads event types, cues and word lists from the ontology (ontology/data/events.ttl), which
  // must outlive the extractor. An ontology without event types gives no events.
  explicit EventExtractor(const ontology::Ontology& ontology);

  // The events of one analysed article, in sentence order. `analysis` must come from the
  // pipeline on `article` (tokens, sentences, mentions, dates and quantities per sentence);
  // `analysis.relations` may be empty. Never fails. Thread-safe: the extractor is read-only.
  std::vector<ExtractedEvent> extract(const Article& article,
                                      const DocumentAnalysis& analysis) const;

 private:
  struct Tables;  // the cue trie and word lists (event_extractor.cpp)

  const ontology::Ontology& ontology_;
  // Shared so that the extractor stays copyable while Tables stays private to the .cpp; never
  // modified after construction.
  std::shared_ptr<const Tables> tables_;
  StatusClassifier status_;
};

}  // namespace newsgraph::ingest

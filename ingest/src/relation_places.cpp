// Containment read from place appositions: "Tinzaouaten, une localité de la région de Kidal",
// "Djibo, dans la province du Soum", "cette localité du cercle de Djenné" (LOCATED_IN).
#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

namespace {

bool isDe(const std::string& key) {
  return key == "de"sv || key == "d'"sv || key == "du"sv || key == "des"sv;
}

}  // namespace

// After a town: an optional comma; an optional distance phrase between commas ("à 40 km au nord
// de Kaya,"); then "une localité de", "dans" or a bare "de"; then an administrative division
// noun and "de" the place that holds the town.
void SentenceReader::readPlaceAppositions() {
  const ontology::RelationType* locatedIn = ontology_.findRelationType("LOCATED_IN");
  if (locatedIn == nullptr) return;
  const auto& tokens = analysis_.tokens;
  const std::uint32_t end = sentence_.endToken;
  auto skipDeterminers = [&](std::uint32_t k) {
    while (k < end && word(k, kDeterminer)) ++k;
    return k;
  };
  for (const Argument& town : arguments_) {
    if (town.townClass != kNoClass || town.mention->kind != MentionKind::kName ||
        !classes_.town.any.contains(town.cls)) {
      continue;
    }
    // "au nord de Kaya, dans la région de X": Kaya is a landmark, not the town placed.
    std::uint32_t b = town.mention->firstToken;
    while (b > sentence_.firstToken && word(b - 1, kDeterminer)) --b;
    bool landmark =
        b >= sentence_.firstToken + 2 && isDe(tokens[b - 1].key) && word(b - 2, kDistanceNoun);
    std::uint32_t k = town.mention->endToken;
    bool comma = k < end && tokens[k].key == ","sv;
    if (comma) ++k;
    // "Barsalogho, à une quarantaine de kilomètres au nord de Kaya, dans la région de X".
    if (comma && k < end && (tokens[k].key == "a"sv || tokens[k].key == "\u00e0"sv)) {
      std::uint32_t close = k;
      bool distance = false;
      while (close < end && tokens[close].key != ","sv && !isClauseBreak(tokens, close, false)) {
        distance = distance || word(close, kDistanceNoun);
        ++close;
      }
      if (!distance || close >= end || tokens[close].key != ","sv) continue;
      k = close + 1;
    }
    if (k >= end) continue;
    if (comma && (tokens[k].key == "une"sv || tokens[k].key == "un"sv) && k + 2 < end &&
        word(k + 1, kPlaceNoun) && isDe(tokens[k + 2].key)) {
      k += 3;  // ", une localité de la région de"
    } else if (comma && tokens[k].key == "dans"sv && !landmark) {
      k += 1;  // ", dans la province du Soum"
    } else if (!comma && isDe(tokens[k].key)) {
      k += 1;  // "cette localité du cercle de Djenné"
    } else {
      continue;
    }
    // "du cercle" holds its determiner; "de la région" has it apart.
    if (!isDe(tokens[k - 1].key) || tokens[k - 1].key == "de"sv || tokens[k - 1].key == "d'"sv) {
      k = skipDeterminers(k);
    }
    if (k + 1 >= end || !word(k, kDivisionNoun)) continue;
    if (!isDe(tokens[k + 1].key) && firstIn(k, k + 1, classes_.place) == nullptr) continue;
    // "dans la région du Centre-Nord": the division noun may open the holder's own name.
    std::uint32_t from = skipDeterminers(k + 2);
    const Argument* holder = firstIn(k, k + 1, classes_.place);
    if (holder == nullptr) holder = firstIn(from, from + 1, classes_.place);
    if (holder == nullptr || holder->mention->kind != MentionKind::kName ||
        holder->mention->entity == town.mention->entity) {
      continue;
    }
    CueInfo info{locatedIn, ontology::CueKind::kVerb, {}};
    emit(&town, {}, info, holder, {}, k, k + 1, "place-apposition", 0.65);
  }
}

// "Les militaires français y sont entrés": a verb whose cue ends in a locative preposition
// ("entré dans") takes "y", the place named last, as its object.
void SentenceReader::readLocativePronoun(std::uint32_t first, const NameMatch& head) {
  const auto& tokens = analysis_.tokens;
  // "y" in the verb group: "y sont entrés", "s'y sont installés".
  const Argument* place = nullptr;
  for (std::uint32_t k = first; k > sentence_.firstToken && place == nullptr;) {
    --k;
    if (tokens[k].key == "y"sv) {
      for (const Argument& a : arguments_) {
        if (a.anaphor && a.mention->firstToken == k) place = &a;
      }
      break;
    }
    if (!word(k, kAuxiliary) && !word(k, kPassiveAuxiliary)) {
      break;
    }
  }
  if (place == nullptr) return;
  for (std::uint32_t index : cues_.headInfos[head.value]) {
    const CueInfo& cue = cues_.infos[index];
    const std::string& m = cue.marker;
    bool locative = m == "dan"sv || m == "dans"sv || m == "a"sv || m == "en"sv || m == "sur"sv;
    if (cue.kind != ontology::CueKind::kVerb || !locative ||
        !fits(*place, signature(cue.type).range)) {
      continue;
    }
    const Argument* subject = subjectBefore(first, signature(cue.type).domain);
    if (subject == nullptr) return;
    std::uint32_t end = head.endToken;
    for (const Argument* s : coordinated(subject, true, signature(cue.type).domain)) {
      emit(s, {}, cue, place, {}, first, end, "active", 0.7);
    }
    return;
  }
}

}  // namespace newsgraph::ingest

// Relations read from noun phrases rather than from cues: a component in apposition
// ("le HCUA, composante de la CMA"), a possessive relation noun ("l'armée et ses alliés russes"),
// and an order to leave ("sommé X de quitter le pays").
#include <algorithm>

#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

using ontology::CueKind;

namespace {

bool isDe(const std::string& key) {
  return key == "de"sv || key == "d'"sv || key == "du"sv || key == "des"sv;
}

}  // namespace

// "X, composante de Y", "X, l'une des milices de Y", "X, la branche du Y": X PART_OF Y.
void SentenceReader::readAppositions() {
  const ontology::RelationType* partOf = ontology_.findRelationType("PART_OF");
  if (partOf == nullptr) return;
  const auto& tokens = analysis_.tokens;
  const ClassConstraint& actor = classes_.actor;
  for (std::uint32_t k = sentence_.firstToken + 1; k + 1 < sentence_.endToken; ++k) {
    if (!word(k, kComponentNoun) || insideMention(k)) continue;
    // Before the noun: determiners, "l'une des", one adjective ("principale"), then a comma.
    std::uint32_t b = k;
    bool adjective = false;
    while (b > sentence_.firstToken) {
      const Token& t = tokens[b - 1];
      if (word(b - 1, kDeterminer) || t.key == "une"sv || t.key == "un"sv || isDe(t.key)) {
        --b;
      } else if (!adjective && t.kind == TokenKind::kWord && !t.has(kTitleCase) &&
                 !startsArgument(b - 1)) {
        adjective = true;
        --b;
      } else {
        break;
      }
    }
    if (b <= sentence_.firstToken + 1 || tokens[b - 1].key != ","sv) continue;
    std::uint32_t comma = b - 1;
    std::uint32_t nameEnd = tokens[comma - 1].key == ")"sv ? comma - 1 : comma;
    const Argument* subject = lastIn(nameEnd - 1, nameEnd, actor);
    if (subject == nullptr || classes_.person.any.contains(subject->cls)) continue;
    // After the noun: at most two adjectives, then "de Y".
    std::uint32_t j = k + 1;
    while (j < sentence_.endToken && j < k + 3 && tokens[j].kind == TokenKind::kWord &&
           !tokens[j].has(kTitleCase) && !isDe(tokens[j].key) && !startsArgument(j) &&
           !word(j, kDeterminer)) {
      ++j;
    }
    if (j >= sentence_.endToken || !isDe(tokens[j].key)) continue;
    std::uint32_t from = j + 1;
    while (from < sentence_.endToken && word(from, kDeterminer)) ++from;
    const Argument* object = firstIn(from, from + 1, actor);
    if (object == nullptr || classes_.person.any.contains(object->cls)) continue;
    CueInfo info{partOf, CueKind::kVerb, {}};
    emit(subject, {}, info, object, {}, k, k + 1, "apposition", 0.65);
  }
}

// "la Katiba Macina, la branche du JNIM implantée dans le centre et dirigée par X": the
// participle qualifies the apposition's head, not the actor that complements the component noun.
const Argument* SentenceReader::componentHead(const Argument* object,
                                              const ClassConstraint& classes) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t k = object->mention->firstToken;
  // "du Groupe de soutien ... (GSIM, ou JNIM)": the acronym in brackets after the name.
  for (std::uint32_t b = k; b > sentence_.firstToken && b + 5 > k; --b) {
    if (tokens[b - 1].key != "("sv) continue;
    if (const Argument* name = lastIn(b - 2, b - 1, classes)) k = name->mention->firstToken;
    break;
  }
  while (k > sentence_.firstToken && word(k - 1, kDeterminer)) --k;
  if (k < sentence_.firstToken + 2 || !isDe(tokens[k - 1].key)) return object;
  std::uint32_t noun = k - 2;
  if (!word(noun, kComponentNoun)) return object;
  std::uint32_t b = noun;
  while (b > sentence_.firstToken &&
         (word(b - 1, kDeterminer) || tokens[b - 1].key == "une"sv || isDe(tokens[b - 1].key))) {
    --b;
  }
  if (b < sentence_.firstToken + 2 || tokens[b - 1].key != ","sv) return object;
  std::uint32_t comma = b - 1;
  std::uint32_t nameEnd = tokens[comma - 1].key == ")"sv ? comma - 1 : comma;
  const Argument* head = lastIn(nameEnd - 1, nameEnd, classes);
  return head != nullptr ? head : object;
}

// "Le texte a été signé par X et par Y", "X a signé, avec Y, l'accord": the parties of a
// signing cooperate with each other.
void SentenceReader::readSignatories() {
  const ontology::RelationType* cooperates = ontology_.findRelationType("COOPERATES_WITH");
  if (cooperates == nullptr) return;
  const auto& tokens = analysis_.tokens;
  const ClassConstraint& actor = signature(cooperates).domain;
  for (std::uint32_t k = sentence_.firstToken; k < sentence_.endToken; ++k) {
    if (!word(k, kSigningVerb) || insideMention(k)) continue;
    std::uint32_t limit = clauseEnd(k + 1, 20);
    std::vector<const Argument*> parties;
    for (std::uint32_t j = k + 1; j < limit; ++j) {
      if (tokens[j].key != "par"sv) continue;
      if (const Argument* a = firstIn(j + 1, std::min(j + 7, limit), actor)) {
        for (const Argument* c : coordinated(a, false, actor)) parties.push_back(c);
      }
    }
    if (parties.empty()) {
      const Argument* signer = subjectBefore(k, actor);
      for (std::uint32_t j = k + 1; j < limit && signer != nullptr; ++j) {
        if (tokens[j].key != "avec"sv) continue;
        const Argument* partner = firstIn(j + 1, std::min(j + 5, limit), actor);
        if (partner == nullptr) break;
        parties = coordinated(signer, true, actor);
        for (const Argument* c : coordinated(partner, false, actor)) parties.push_back(c);
        break;
      }
    }
    CueInfo info{cooperates, CueKind::kVerb, {}};
    for (std::size_t a = 0; a < parties.size(); ++a) {
      for (std::size_t b = a + 1; b < parties.size(); ++b) {
        emit(parties[a], {}, info, parties[b], {}, k, k + 1, "signatories", 0.6);
      }
    }
  }
}

// "l'armée malienne et ses alliés russes", "ni les FAMa ni leurs nouveaux alliés russes": the
// relation noun (the head of an object-noun cue, "alliés de") ties the possessor named just
// before the possessive to the actor named right after the noun.
void SentenceReader::readPossessives() {
  const auto& tokens = analysis_.tokens;
  const std::uint32_t base = sentence_.firstToken;
  for (std::uint32_t k = base + 1; k + 1 < sentence_.endToken; ++k) {
    if (!word(k, kPossessive)) continue;
    // The noun, after at most one adjective ("leurs nouveaux alliés").
    const CueInfo* cue = nullptr;
    std::uint32_t nounEnd = 0;
    for (std::uint32_t n = k + 1; n < k + 3 && n < sentence_.endToken && cue == nullptr; ++n) {
      NameMatch head;
      if (!cueHeadAt(n, head)) continue;
      for (std::uint32_t index : cues_.headInfos[head.value]) {
        if (cues_.infos[index].kind == CueKind::kObjectNoun) {
          cue = &cues_.infos[index];
          nounEnd = head.endToken;
          break;
        }
      }
    }
    if (cue == nullptr) continue;
    const Argument* object =
        firstIn(nounEnd, std::min(sentence_.endToken, nounEnd + 2), signature(cue->type).range);
    if (object == nullptr) continue;
    // The possessor: right before the possessive, across "et", "ni" or a comma.
    std::uint32_t p = k;
    while (p > base && (tokens[p - 1].key == "et"sv || tokens[p - 1].key == "ni"sv ||
                        tokens[p - 1].key == ","sv)) {
      --p;
    }
    if (p == k) continue;
    const Argument* subject = lastIn(p - 1, p, signature(cue->type).domain);
    if (subject == nullptr) continue;
    emit(subject, {}, *cue, object, {}, k, nounEnd, "possessive", 0.6);
  }
}

// "les autorités ont sommé le contingent danois de quitter le pays": the one who orders EXPELS
// the one told to leave; nobody withdraws yet.
void SentenceReader::readOrderToLeave(std::uint32_t order, const Argument* told,
                                      std::uint32_t first, std::uint32_t end) {
  const ontology::RelationType* expels = ontology_.findRelationType("EXPELS");
  if (expels == nullptr) return;
  const RelationSignature& classes = signature(expels);
  const Argument* subject = adjunctSubject(order, classes.domain);
  if (subject == nullptr) subject = subjectBefore(order, classes.domain);
  if (subject == nullptr) return;
  CueInfo info{expels, CueKind::kVerb, {}};
  for (const Argument* o : coordinated(told, false, classes.range)) {
    emit(subject, {}, info, o, {}, first, end, "order-to-leave", 0.65);
  }
}

}  // namespace newsgraph::ingest

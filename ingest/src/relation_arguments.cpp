// Where a cue's arguments are: clauses, coordination, appositions, implicit arguments.
#include <algorithm>

#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

bool isClauseBreak(const std::vector<Token>& tokens, std::uint32_t k, bool commaBreaks) {
  const Token& t = tokens[k];
  if (t.kind != TokenKind::kPunct) return false;
  if (commaBreaks && t.key == ","sv) return true;
  if (t.key == "."sv && k > 0 && k + 1 < tokens.size() &&
      tokens[k - 1].kind == TokenKind::kNumber && tokens[k + 1].kind == TokenKind::kNumber &&
      tokens[k - 1].end == t.begin && t.end == tokens[k + 1].begin) {
    return false;
  }
  return t.key == "."sv || t.key == ";"sv || t.key == ":"sv || t.key == "?"sv || t.key == "!"sv;
}

bool isInfinitive(const Token& t) {
  if (t.kind != TokenKind::kWord || t.has(kTitleCase)) return false;
  const std::string& k = t.key;
  if (k == "avoir"sv || k == "etre"sv) return true;
  return k.size() > 4 && (k.ends_with("er") || k.ends_with("ir") || k.ends_with("re"));
}

bool isCoordinationFiller(const Token& t) {
  // "puis" lists in time ("Kidal fin 2021, puis Gossi"); brackets hold an acronym ("Al-Qaïda
  // au Maghreb islamique (AQMI) et le MUJAO").
  static constexpr std::string_view kWords[] = {",",    "et",  "ou", "le", "la", "les",
                                                "l'",   "des", "du", "de", "d'", "ainsi",
                                                "puis", "ni",  "(",  ")"};
  for (std::string_view w : kWords) {
    if (t.key == w) return true;
  }
  return false;
}

bool SentenceReader::startsArgument(std::uint32_t token) const {
  for (const Argument& a : arguments_) {
    if (a.mention->firstToken == token) return true;
  }
  return false;
}

bool SentenceReader::startsName(std::uint32_t token) const {
  for (const Argument& a : arguments_) {
    if (a.mention->firstToken == token && !a.anaphor) return true;
  }
  return false;
}

bool SentenceReader::insideDate(std::uint32_t token) const {
  const Token& t = analysis_.tokens[token];
  for (const DateMention& d : analysis_.dates[index_]) {
    if (t.begin >= sentence_.begin + d.begin && t.end <= sentence_.begin + d.end) return true;
  }
  return false;
}

bool SentenceReader::insideMention(std::uint32_t token) const {
  for (const Argument& a : arguments_) {
    if (token >= a.mention->firstToken && token < a.mention->endToken) return true;
  }
  return false;
}

// A demonym or a metonym names the state as an actor ("l'aviation française"), never its
// territory: it fits only actor classes.
bool SentenceReader::fits(const Argument& a, const ClassConstraint& classes) const {
  if (a.townClass != kNoClass) {
    // Only in an object slot after the cue ("suspendu Bamako"), past a locative only right
    // after the cue's own preposition ("reproche à Paris"), or where the reader allows it.
    std::uint32_t at = a.mention->firstToken;
    bool objectSlot = at >= latentFrom_ && (!a.afterLocative || at == objectAfterMarker_);
    if (!objectSlot && !latentAnywhere_) return false;
    if (classes.any.contains(a.townClass)) return false;
  }
  bool actorOnly =
      a.mention->kind == MentionKind::kDemonym || a.mention->kind == MentionKind::kMetonym;
  return (actorOnly ? classes.actors : classes.any).contains(a.cls);
}

// The first argument of `classes` starting in tokens [from, to), or null.
// A demonym right before a name qualifies it ("le groupe russe Wagner"): the name wins.
const Argument* SentenceReader::firstIn(std::uint32_t from, std::uint32_t to,
                                        const ClassConstraint& classes) const {
  for (std::size_t i = 0; i < arguments_.size(); ++i) {
    const Argument& a = arguments_[i];
    if (a.mention->firstToken < from || a.mention->firstToken >= to || !fits(a, classes)) continue;
    if (a.mention->kind == MentionKind::kDemonym && i + 1 < arguments_.size()) {
      const Argument& next = arguments_[i + 1];
      if (next.mention->firstToken <= a.mention->endToken + 1 && fits(next, classes)) return &next;
    }
    return &a;
  }
  return nullptr;
}

// An actor named as the complement of a noun before a place ("un camp de la MINUSMA à Kidal"):
// for a relation that may take a place, the place is the object.
const Argument* SentenceReader::preferPlace(const Argument* object, const ClassConstraint& range,
                                            std::uint32_t limit) const {
  if (object == nullptr || classes_.place.any.contains(object->cls)) return object;
  bool takesPlace = range.lists(classes_.placeId);
  std::uint32_t first = object->mention->firstToken;
  const auto& tokens = analysis_.tokens;
  bool complement = first > sentence_.firstToken &&
                    (tokens[first - 1].key == "de"sv || tokens[first - 1].key == "du"sv ||
                     tokens[first - 1].key == "des"sv || tokens[first - 1].key == "d'"sv ||
                     (first > sentence_.firstToken + 1 && tokens[first - 2].key == "de"sv));
  if (!takesPlace || !complement) return object;
  std::uint32_t end = object->mention->endToken;
  const Argument* place = firstIn(end, std::min(limit, end + 4), classes_.place);
  return place != nullptr ? place : object;
}

// The last argument of `classes` ending in tokens (from, to], or null.
const Argument* SentenceReader::lastIn(std::uint32_t from, std::uint32_t to,
                                       const ClassConstraint& classes) const {
  const Argument* found = nullptr;
  for (const Argument& a : arguments_) {
    if (a.mention->endToken > from && a.mention->endToken <= to && fits(a, classes)) found = &a;
  }
  return found;
}

// Where the clause around token `at` stops on the right (at a comma too when asked).
// A new clause ("alors que ...", "mais ...") ends it too; a "que" clause does not: it may
// hold the object ("déplorent que le Mali ...").
std::uint32_t SentenceReader::clauseEnd(std::uint32_t at, std::uint32_t window,
                                        bool commaBreaks) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t limit = std::min(sentence_.endToken, at + window);
  for (std::uint32_t k = at; k < limit; ++k) {
    // "leurs emprises : Kidal, Tessalit et Tombouctou": a colon opening a list of names.
    bool listColon = tokens[k].key == ":"sv && k + 1 < limit && startsArgument(k + 1);
    if (!listColon && isClauseBreak(tokens, k, commaBreaks)) return k;
    if (opensClause(k) && tokens[k].key != "que"sv && tokens[k].key != "qu'"sv) {
      return k;
    }
    // "sans citer X": what follows is excluded, not the object.
    if (word(k, kExclusionWord)) return k;
    // "a dénoncé ... et réaffirmé": a second verb phrase has its own object.
    if (k > at && tokens[k].key == "et"sv && k + 1 < limit &&
        (word(k + 1, kPassiveAuxiliary) || tokens[k + 1].key == "a"sv ||
         tokens[k + 1].key == "ont"sv || isParticiple(k + 1))) {
      return k;
    }
  }
  return limit;
}

bool SentenceReader::isParticiple(std::uint32_t token) const {
  const Token& t = analysis_.tokens[token];
  if (t.kind != TokenKind::kWord || t.has(kTitleCase) || t.end - t.begin < 4) return false;
  std::string_view word(article_.text.data() + t.begin, t.end - t.begin);
  for (std::string_view ending : {"é", "ée", "és", "ées"}) {
    if (word.size() > ending.size() && word.substr(word.size() - ending.size()) == ending) {
      return true;
    }
  }
  return false;
}

bool SentenceReader::titleComplement(std::uint32_t token) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t k = token;
  while (k > sentence_.firstToken && word(k - 1, kDeterminer)) --k;
  if (k <= sentence_.firstToken + 1) return false;
  const std::string& de = tokens[k - 1].key;
  if (de != "de"sv && de != "d'"sv && de != "du"sv && de != "des"sv) return false;
  return word(k - 2, kTitle);
}

const Argument* SentenceReader::accusedSubject(std::uint32_t cue,
                                               const ClassConstraint& classes) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t k = cue;
  while (k > sentence_.firstToken &&
         (tokens[k - 1].key == "avoir"sv || tokens[k - 1].key == "etre"sv ||
          tokens[k - 1].key == "s'"sv || tokens[k - 1].key == "se"sv ||
          tokens[k - 1].key == "\u00ab"sv || tokens[k - 1].key == "\""sv)) {
    --k;
  }
  if (k <= sentence_.firstToken || (tokens[k - 1].key != "de"sv && tokens[k - 1].key != "d'"sv)) {
    return nullptr;
  }
  std::uint32_t de = k - 1;
  std::uint32_t limit = de > sentence_.firstToken + 12 ? de - 12 : sentence_.firstToken;
  for (std::uint32_t v = de; v-- > limit;) {
    if (isClauseBreak(analysis_.tokens, v, false)) return nullptr;
    bool verb = word(v, kAccusationVerb) || word(v, kOrderVerb);
    // "la demande de", "les accusations de": after a determiner it is a noun.
    if (verb && v > sentence_.firstToken && !word(v - 1, kDeterminer)) {
      // The accused is the accusation's object: "reproche à Paris d'avoir ...".
      latentAnywhere_ = true;
      const Argument* accused = firstIn(v + 1, de, classes);
      latentAnywhere_ = false;
      return accused;
    }
  }
  return nullptr;
}

const Argument* SentenceReader::adjunctSubject(std::uint32_t cue,
                                               const ClassConstraint& classes) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t k = cue;
  while (k > sentence_.firstToken && (tokens[k - 1].key == "s'"sv || tokens[k - 1].key == "se"sv))
    --k;
  if (k < sentence_.firstToken + 2) return nullptr;
  const std::string& last = tokens[k - 1].key;
  const std::string& before = tokens[k - 2].key;
  bool adjunct =
      (before == "apres"sv && (last == "avoir"sv || last == "etre"sv)) ||
      ((before == "avant"sv || before == "afin"sv) && (last == "de"sv || last == "d'"sv));
  // "en exigeant le départ de X": a gerund shares the main clause's subject.
  std::string_view word(article_.text.data() + tokens[cue].begin,
                        tokens[cue].end - tokens[cue].begin);
  bool gerund = last == "en"sv && word.size() > 4 && word.substr(word.size() - 3) == "ant"sv;
  if (!adjunct && !gerund) return nullptr;
  std::uint32_t opening = gerund ? k - 1 : k - 2;
  std::uint32_t start = clauseStart(opening, 4 * kSubjectWindow);
  for (const Argument& a : arguments_) {
    if (a.mention->firstToken >= start && a.mention->endToken <= opening && fits(a, classes)) {
      return &a;
    }
  }
  return nullptr;
}

const Argument* SentenceReader::antecedent(const ClassConstraint& classes) const {
  for (const Argument& a : previous_) {
    if (a.townClass == kNoClass && !classes_.person.any.contains(a.cls) && fits(a, classes)) {
      return &a;
    }
  }
  return nullptr;
}

const Argument* SentenceReader::anaphoricSubject(std::uint32_t start, std::uint32_t cue,
                                                 const ClassConstraint& classes) const {
  const auto& tokens = analysis_.tokens;
  // The anaphor opens the clause: "Le mouvement accuse", "l'organisation régionale a infligé".
  std::uint32_t k = start;
  while (k < cue && tokens[k].kind == TokenKind::kPunct) ++k;
  if (k < cue && word(k, kDeterminer)) ++k;
  if (k >= cue) return nullptr;
  const ClassConstraint* cls = nullptr;
  if (word(k, kArmedGroupAnaphor)) cls = &classes_.armedGroup;
  if (word(k, kOrganizationAnaphor)) {
    cls = &classes_.internationalOrganization;
  }
  if (cls == nullptr) return nullptr;
  const Argument* found = antecedent(*cls);
  return found != nullptr && fits(*found, classes) ? found : nullptr;
}

std::uint32_t SentenceReader::titleAt(std::uint32_t k, bool& leader) const {
  const auto& tokens = analysis_.tokens;
  // "porte-parole" is two tokens, the second joined to the first.
  if (k + 1 < sentence_.endToken && tokens[k + 1].has(kJoined) &&
      tokens[k + 1].kind == TokenKind::kWord && word(k, kTitleCompoundHead)) {
    std::uint64_t lists = features_.of(tokens[k].key + "-" + tokens[k + 1].key);
    leader = (lists & kLeaderTitle) != 0;
    if ((lists & kTitle) != 0) return k + 2;
  }
  leader = word(k, kLeaderTitle);
  if (leader || word(k, kMemberTitle)) return k + 1;
  return k;
}

std::uint32_t SentenceReader::orderVerbBefore(std::uint32_t accused) const {
  std::uint32_t limit = accused > sentence_.firstToken + 4 ? accused - 4 : sentence_.firstToken;
  for (std::uint32_t v = accused; v-- > limit;) {
    if (word(v, kOrderVerb)) return v;
  }
  return kNoToken;
}

// Where the clause of a cue at `at` starts: after punctuation that ends a clause, after a
// word opening a subordinate clause ("alors que la junte a signé"), after a sentence-initial
// adverbial phrase ("Depuis le départ des Français, les groupes ...").
std::uint32_t SentenceReader::clauseStart(std::uint32_t at, std::uint32_t window) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t limit = at > sentence_.firstToken + window ? at - window : sentence_.firstToken;
  for (std::uint32_t k = at; k > limit; --k) {
    if (isClauseBreak(tokens, k - 1, false) || opensClause(k - 1)) {
      return k;
    }
  }
  std::uint32_t first = sentence_.firstToken;
  while (first < at && tokens[first].kind == TokenKind::kPunct) ++first;
  if (limit <= first && first < at && word(first, kFrontedPreposition)) {
    for (std::uint32_t k = first; k < at; ++k) {
      if (tokens[k].key == ","sv) return k + 1;
    }
  }
  return limit;
}

// `seed` and the arguments coordinated with it on one side ("A, B et C").
std::vector<const Argument*> SentenceReader::coordinated(const Argument* seed, bool leftwards,
                                                         const ClassConstraint& classes) const {
  std::vector<const Argument*> group{seed};
  const auto& tokens = analysis_.tokens;
  const Argument* current = seed;
  // Leftwards, the group stays inside the seed's clause: "Selon la France, Wagner ..."
  const std::uint32_t boundary =
      leftwards ? clauseStart(seed->mention->firstToken, 4 * kSubjectWindow) : 0;
  while (true) {
    const Argument* next = nullptr;
    for (const Argument& a : arguments_) {
      // "Bamako, Ouagadougou et Niamey reprochent": a capital listed with a state's metonym
      // names a state too.
      latentAnywhere_ = current->mention->kind == MentionKind::kMetonym && !a.afterLocative;
      bool fitting = fits(a, classes);
      latentAnywhere_ = false;
      if (&a == current || !fitting || a.mention->firstToken < boundary) continue;
      std::uint32_t gapFrom = leftwards ? a.mention->endToken : current->mention->endToken;
      std::uint32_t gapTo = leftwards ? current->mention->firstToken : a.mention->firstToken;
      if (gapFrom > gapTo) continue;
      // A date between two members is part of the list: "Kidal fin 2021, puis Gossi en avril";
      // so are the brackets around an acronym.
      std::uint32_t free = 0;
      for (std::uint32_t k = gapFrom; k < gapTo; ++k) {
        if (insideDate(k) || isMonthPhrase(k) || tokens[k].key == "("sv || tokens[k].key == ")"sv) {
          ++free;
        }
        // "l'armée et ses supplétifs de Wagner": a possessive and its noun join the list.
        if (possessiveNoun(k, gapTo)) free += 2;
        // "Bah N'Daw et son Premier ministre Moctar Ouane": a possessive title before a name.
        free += possessiveTitle(k, gapTo);
      }
      if (gapTo - gapFrom > 3 + free) continue;
      // "X de Y" is a complement, not a list: a coordinator must stand between the members,
      // unless only brackets or a date do ("Al-Qaïda au Maghreb islamique (AQMI)").
      bool coordinator = free == gapTo - gapFrom;
      for (std::uint32_t k = gapFrom; k < gapTo; ++k) {
        const std::string& key = tokens[k].key;
        coordinator = coordinator || key == ","sv || key == "et"sv || key == "ou"sv ||
                      key == "puis"sv || key == "ni"sv;
      }
      bool filler = gapTo > gapFrom && coordinator;
      for (std::uint32_t k = gapFrom; k < gapTo && filler; ++k) {
        if (insideDate(k) || isMonthPhrase(k)) continue;
        // "ainsi que" coordinates; a lone "que" opens a relative clause.
        bool ainsiQue = tokens[k].key == "que"sv && k > gapFrom && tokens[k - 1].key == "ainsi"sv;
        bool possessed = possessiveNoun(k, gapTo) || (k > gapFrom && possessiveNoun(k - 1, gapTo));
        for (std::uint32_t p = k > gapFrom + 2 ? k - 2 : gapFrom; p <= k && !possessed; ++p) {
          possessed = p + possessiveTitle(p, gapTo) >= k && possessiveTitle(p, gapTo) > 0;
        }
        filler = isCoordinationFiller(tokens[k]) || ainsiQue || possessed;
      }
      if (filler) next = &a;
    }
    if (next == nullptr) break;
    group.push_back(next);
    current = next;
  }
  std::sort(group.begin(), group.end(), [](const Argument* a, const Argument* b) {
    return a->mention->firstToken < b->mention->firstToken;
  });
  return group;
}

// The subject before a cue, skipping an apposition between commas ("X, soutenu par Y, cue").
const Argument* SentenceReader::subjectBefore(std::uint32_t cue, const ClassConstraint& classes) {
  std::uint32_t start = clauseStart(cue, kSubjectWindow);
  const auto& tokens = analysis_.tokens;
  // The verb group starts before its auxiliaries: "X, l'une des milices de Y, s'était emparé".
  std::uint32_t group = cue;
  // ("s'" is not "si" here, so the clause start does not bound the group.)
  while (group > sentence_.firstToken &&
         (word(group - 1, kAuxiliary) || word(group - 1, kPassiveAuxiliary))) {
    --group;
  }
  if (group >= 2 && tokens[group - 1].key == ","sv) {
    // The apposition may be long: "La CMA, réunie depuis 2021 avec ... au sein du CSP, accuse".
    std::uint32_t wide = clauseStart(group, 2 * kSubjectWindow);
    for (std::uint32_t k = group - 1; k-- > wide;) {
      if (tokens[k].key != ","sv) continue;
      std::uint32_t from = k > sentence_.firstToken + 3 ? k - 3 : sentence_.firstToken;
      if (const Argument* a = lastIn(from, k, classes)) return a;
      break;
    }
  }
  // "La CEDEAO, que le Mali a choisi de quitter, a condamné": once the relative clause is
  // closed, the subject is its antecedent.
  if (start >= sentence_.firstToken + 2 &&
      (tokens[start - 1].key == "que"sv || tokens[start - 1].key == "qu'"sv) &&
      tokens[start - 2].key == ","sv) {
    for (std::uint32_t k = start; k < cue; ++k) {
      if (tokens[k].key != ","sv) continue;
      std::uint32_t comma = start - 2;
      return lastIn(clauseStart(comma, kSubjectWindow), comma, classes);
    }
  }
  const Argument* found = lastIn(start, cue, classes);
  // "X condamnent l'arrivée de ces combattants et accusent Y": a description that complements
  // a noun is no subject.
  while (found != nullptr && found->anaphor && isComplement(found->mention->firstToken)) {
    found = lastIn(start, found->mention->firstToken, classes);
  }
  // "X ..., alors qu'ils se rendaient à Y": a subordinate clause without a named subject
  // takes the main clause's.
  bool opened = start > sentence_.firstToken && opensClause(start - 1);
  bool governmentNoun = false;
  for (std::uint32_t k = start; k < cue && !governmentNoun; ++k) {
    governmentNoun = word(k, kGovernmentNoun);
  }
  if (found == nullptr && opened && !governmentNoun) {
    std::uint32_t outer = start - 1;
    found = lastIn(clauseStart(outer, kSubjectWindow), outer, classes);
    // "Le Togo, qui entretient ..., a laissé entendre qu'il pourrait": the main clause's
    // subject may stand before a long relative clause.
    if (found == nullptr) found = firstSubjectOfClause(outer, classes);
  }
  // "Le mouvement accuse Bamako": an anaphoric subject stands for an actor named before.
  if (found == nullptr) {
    if (const Argument* a = anaphoricSubject(start, cue, classes)) return a;
  }
  // "la junte a signé": a government noun closer to the cue than any name stands for the
  // country the article is about.
  if (!focusCountry_.empty()) {
    std::uint32_t from = found != nullptr ? found->mention->endToken : start;
    for (std::uint32_t k = cue; k-- > from;) {
      // "le chef de la junte" is a person, not the state.
      if (!word(k, kGovernmentNoun) || titleComplement(k)) continue;
      implicitMention_ = Mention{
          focusCountry_, index_, k, k + 1, tokens[k].begin, tokens[k].end, MentionKind::kName};
      implicitArgument_ = Argument{&implicitMention_, classes_.countryId, kNoClass, false};
      if (fits(implicitArgument_, classes)) return &implicitArgument_;
      break;
    }
  }
  return found;
}

}  // namespace newsgraph::ingest

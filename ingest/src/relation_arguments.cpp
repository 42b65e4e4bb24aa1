// Where a cue's arguments are: clauses, coordination, appositions, implicit arguments.
#include <algorithm>

#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

bool isClauseBreak(const std::vector<Token>& tokens, std::uint32_t k, bool commaBreaks) {
  const Token& t = tokens[k];
  if (t.kind != TokenKind::kPunct) return false;
  if (commaBreaks && t.key == ",") return true;
  if (t.key == "." && k > 0 && k + 1 < tokens.size() && tokens[k - 1].kind == TokenKind::kNumber &&
      tokens[k + 1].kind == TokenKind::kNumber && tokens[k - 1].end == t.begin &&
      t.end == tokens[k + 1].begin) {
    return false;
  }
  return t.key == "." || t.key == ";" || t.key == ":" || t.key == "?" || t.key == "!";
}

bool isCoordinationFiller(const Token& t) {
  static const char* const kWords[] = {",",  "et",  "ou", "le", "la", "les",
                                       "l'", "des", "du", "de", "d'", "ainsi"};
  for (const char* w : kWords) {
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

bool SentenceReader::insideMention(std::uint32_t token) const {
  for (const Argument& a : arguments_) {
    if (token >= a.mention->firstToken && token < a.mention->endToken) return true;
  }
  return false;
}

// A demonym or a metonym names the state as an actor ("l'aviation française"), never its
// territory: it fits only actor classes.
bool SentenceReader::fits(const Argument& a, const std::vector<std::string>& classes) const {
  bool actorOnly =
      a.mention->kind == MentionKind::kDemonym || a.mention->kind == MentionKind::kMetonym;
  for (const std::string& c : classes) {
    if (actorOnly && !ontology_.isSubclassOf(c, "Actor") && c != "Actor") continue;
    if (ontology_.isSubclassOf(a.cls, c)) return true;
  }
  return false;
}

// The first argument of `classes` starting in tokens [from, to), or null.
// A demonym right before a name qualifies it ("le groupe russe Wagner"): the name wins.
const Argument* SentenceReader::firstIn(std::uint32_t from, std::uint32_t to,
                                        const std::vector<std::string>& classes) const {
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
const Argument* SentenceReader::preferPlace(const Argument* object,
                                            const std::vector<std::string>& range,
                                            std::uint32_t limit) const {
  if (object == nullptr || ontology_.isSubclassOf(object->cls, "Place")) return object;
  bool takesPlace = false;
  for (const std::string& c : range) takesPlace = takesPlace || c == "Place";
  std::uint32_t first = object->mention->firstToken;
  const auto& tokens = analysis_.tokens;
  bool complement = first > sentence_.firstToken &&
                    (tokens[first - 1].key == "de" || tokens[first - 1].key == "du" ||
                     tokens[first - 1].key == "des" || tokens[first - 1].key == "d'" ||
                     (first > sentence_.firstToken + 1 && tokens[first - 2].key == "de"));
  if (!takesPlace || !complement) return object;
  std::uint32_t end = object->mention->endToken;
  const Argument* place = firstIn(end, std::min(limit, end + 4), {"Place"});
  return place != nullptr ? place : object;
}

// The last argument of `classes` ending in tokens (from, to], or null.
const Argument* SentenceReader::lastIn(std::uint32_t from, std::uint32_t to,
                                       const std::vector<std::string>& classes) const {
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
    bool listColon = tokens[k].key == ":" && k + 1 < limit && startsArgument(k + 1);
    if (!listColon && isClauseBreak(tokens, k, commaBreaks)) return k;
    if (lexicons_.isClauseOpener(tokens[k].key) && tokens[k].key != "que" &&
        tokens[k].key != "qu'") {
      return k;
    }
  }
  return limit;
}

// Where the clause of a cue at `at` starts: after punctuation that ends a clause, after a
// word opening a subordinate clause ("alors que la junte a signé"), after a sentence-initial
// adverbial phrase ("Depuis le départ des Français, les groupes ...").
std::uint32_t SentenceReader::clauseStart(std::uint32_t at, std::uint32_t window) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t limit = at > sentence_.firstToken + window ? at - window : sentence_.firstToken;
  for (std::uint32_t k = at; k > limit; --k) {
    if (isClauseBreak(tokens, k - 1, false) || lexicons_.isClauseOpener(tokens[k - 1].key)) {
      return k;
    }
  }
  std::uint32_t first = sentence_.firstToken;
  while (first < at && tokens[first].kind == TokenKind::kPunct) ++first;
  if (limit <= first && first < at && lexicons_.isFronted(tokens[first].key)) {
    for (std::uint32_t k = first; k < at; ++k) {
      if (tokens[k].key == ",") return k + 1;
    }
  }
  return limit;
}

// `seed` and the arguments coordinated with it on one side ("A, B et C").
std::vector<const Argument*> SentenceReader::coordinated(
    const Argument* seed, bool leftwards, const std::vector<std::string>& classes) const {
  std::vector<const Argument*> group{seed};
  const auto& tokens = analysis_.tokens;
  const Argument* current = seed;
  // Leftwards, the group stays inside the seed's clause: "Selon la France, Wagner ..."
  const std::uint32_t boundary =
      leftwards ? clauseStart(seed->mention->firstToken, 4 * kSubjectWindow) : 0;
  while (true) {
    const Argument* next = nullptr;
    for (const Argument& a : arguments_) {
      if (&a == current || !fits(a, classes) || a.mention->firstToken < boundary) continue;
      std::uint32_t gapFrom = leftwards ? a.mention->endToken : current->mention->endToken;
      std::uint32_t gapTo = leftwards ? current->mention->firstToken : a.mention->firstToken;
      if (gapFrom > gapTo || gapTo - gapFrom > 3) continue;
      bool filler = gapTo > gapFrom;
      for (std::uint32_t k = gapFrom; k < gapTo && filler; ++k) {
        // "ainsi que" coordinates; a lone "que" opens a relative clause.
        bool ainsiQue = tokens[k].key == "que" && k > gapFrom && tokens[k - 1].key == "ainsi";
        filler = isCoordinationFiller(tokens[k]) || ainsiQue;
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
const Argument* SentenceReader::subjectBefore(std::uint32_t cue,
                                              const std::vector<std::string>& classes) {
  std::uint32_t start = clauseStart(cue, kSubjectWindow);
  const auto& tokens = analysis_.tokens;
  if (cue >= 2 && tokens[cue - 1].key == ",") {
    for (std::uint32_t k = cue - 1; k-- > start;) {
      if (tokens[k].key != ",") continue;
      if (const Argument* a = lastIn(k > 3 ? k - 3 : start, k, classes)) return a;
      break;
    }
  }
  const Argument* found = lastIn(start, cue, classes);
  // "X ..., alors qu'ils se rendaient à Y": a subordinate clause without a named subject
  // takes the main clause's.
  bool opened = start > sentence_.firstToken && lexicons_.isClauseOpener(tokens[start - 1].key);
  bool governmentNoun = false;
  for (std::uint32_t k = start; k < cue && !governmentNoun; ++k) {
    governmentNoun = lexicons_.isGovernment(tokens[k].key);
  }
  if (found == nullptr && opened && !governmentNoun) {
    std::uint32_t outer = start - 1;
    found = lastIn(clauseStart(outer, kSubjectWindow), outer, classes);
  }
  // "la junte a signé": a government noun closer to the cue than any name stands for the
  // country the article is about.
  if (!focusCountry_.empty()) {
    std::uint32_t from = found != nullptr ? found->mention->endToken : start;
    for (std::uint32_t k = cue; k-- > from;) {
      if (!lexicons_.isGovernment(tokens[k].key)) continue;
      implicitMention_ = Mention{
          focusCountry_, index_, k, k + 1, tokens[k].begin, tokens[k].end, MentionKind::kName};
      implicitArgument_ = Argument{&implicitMention_, "Country"};
      if (fits(implicitArgument_, classes)) return &implicitArgument_;
      break;
    }
  }
  return found;
}

}  // namespace newsgraph::ingest

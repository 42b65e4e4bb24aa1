#include "newsgraph/ingest/relation_extractor.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "newsgraph/common/text.h"
#include "recognizer_tables.h"
#include "relation_cues.h"

namespace newsgraph::ingest {
namespace {

using ontology::CueKind;

constexpr std::uint32_t kObjectWindow = 14;   // tokens after a cue to look for its object
constexpr std::uint32_t kSubjectWindow = 14;  // tokens before a cue to look for its subject
constexpr std::uint32_t kNounWindow = 5;      // tokens after "départ de" to find who leaves

}  // namespace

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

  explicit RelationLexicons(const ontology::Ontology& ontology) {
    for (const auto& [set, name] :
         {std::pair{&clauseOpeners, "clauseOpener"}, std::pair{&governmentNouns, "governmentNoun"},
          std::pair{&fronted, "frontedPreposition"}, std::pair{&determiners, "determiner"},
          std::pair{&leaderTitles, "leaderTitle"}, std::pair{&memberTitles, "memberTitle"},
          std::pair{&passiveAuxiliaries, "passiveAuxiliary"},
          std::pair{&motionVerbs, "motionVerbCue"}, std::pair{&auxiliaries, "auxiliary"}}) {
      for (const std::string& entry : ontology.lexicon(name)) set->insert(common::matchKey(entry));
    }
  }
  bool isClauseOpener(std::string_view key) const { return clauseOpeners.count(key) != 0; }
  bool isGovernment(std::string_view key) const { return governmentNouns.count(key) != 0; }
  bool isFronted(std::string_view key) const { return fronted.count(key) != 0; }
  bool isDeterminer(std::string_view key) const { return determiners.count(key) != 0; }
};

namespace {

// A mention of the sentence being read, with its class.
struct Argument {
  const Mention* mention = nullptr;
  std::string cls;
};

// Punctuation that ends a clause; a point inside a number ("2.000") does not.
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

// Words that may sit between the members of a coordination: "A, B et C", "les A et les B".
bool isCoordinationFiller(const Token& t) {
  static const char* const kWords[] = {",",  "et",  "ou", "le", "la", "les",
                                       "l'", "des", "du", "de", "d'", "ainsi"};
  for (const char* w : kWords) {
    if (t.key == w) return true;
  }
  return false;
}

// Reads one sentence: its mentions, cues and the relations between them.
class SentenceReader {
 public:
  SentenceReader(const ontology::Ontology& ontology, RelationCueIndex& cues,
                 const RelationLexicons& lexicons, const StatusClassifier& status,
                 const Article& article, const DocumentAnalysis& analysis, std::uint32_t sentence,
                 const std::vector<Argument>& arguments, const std::string& focusCountry,
                 std::vector<ExtractedRelation>& out)
      : ontology_(ontology),
        cues_(cues),
        lexicons_(lexicons),
        status_(status),
        article_(article),
        analysis_(analysis),
        sentence_(analysis.sentences[sentence]),
        index_(sentence),
        arguments_(arguments),
        focusCountry_(focusCountry),
        out_(out),
        stemmed_(cues.stemmedSentence) {}

  void run() {
    const auto& tokens = analysis_.tokens;
    cues_.stemRange(tokens, sentence_.firstToken, sentence_.endToken, stemmed_);
    const auto count = static_cast<std::uint32_t>(stemmed_.size());
    for (std::uint32_t i = 0; i < count; ++i) {
      if (stemmed_[i].kind != TokenKind::kWord) continue;
      NameMatch match;
      if (!cues_.stems.longestAt(stemmed_, i, count, match)) continue;
      std::uint32_t first = sentence_.firstToken + i;
      std::uint32_t end = sentence_.firstToken + match.endToken;
      if (!insideMention(first)) read(cues_.infos[match.value], first, end);
      i = match.endToken - 1;
    }
    readTitles();
  }

 private:
  // Titles in apposition: "le ministre russe des Affaires étrangères, Sergueï Lavrov",
  // "l'ambassadeur de France, Joël Meyer", "Iyad Ag Ghaly, le chef du JNIM": the person holds an
  // office in (MEMBER_OF) or heads (LEADS) the actor named with the title.
  void readTitles() {
    const auto& tokens = analysis_.tokens;
    const ontology::RelationType* leads = ontology_.findRelationType("LEADS");
    const ontology::RelationType* member = ontology_.findRelationType("MEMBER_OF");
    if (leads == nullptr || member == nullptr) return;
    const std::vector<std::string> person{"Person"};
    const std::vector<std::string> actor{"Actor"};
    for (std::uint32_t k = sentence_.firstToken; k < sentence_.endToken; ++k) {
      bool leader = lexicons_.leaderTitles.count(tokens[k].key) != 0;
      if ((!leader && lexicons_.memberTitles.count(tokens[k].key) == 0) || insideMention(k))
        continue;
      // The actor: a demonym or a "de X" complement within the title phrase.
      const Argument* object = nullptr;
      std::uint32_t phraseEnd = k + 1;
      bool implicitState = false;
      std::uint32_t limit = std::min(sentence_.endToken, k + 7);
      for (std::uint32_t j = k + 1; j < limit && object == nullptr; ++j) {
        if (tokens[j].key == "," || isClauseBreak(tokens, j, false)) break;
        for (const Argument& a : arguments_) {
          if (a.mention->firstToken != j || ontology_.isSubclassOf(a.cls, "Person")) continue;
          const std::string& before = tokens[j - 1].key;
          bool complement = before == "de" || before == "du" || before == "d'" || before == "des" ||
                            (j >= 2 && tokens[j - 2].key == "de");
          if (fits(a, actor) && (a.mention->kind == MentionKind::kDemonym || complement)) {
            object = &a;
            phraseEnd = a.mention->endToken;
          }
        }
        if (object == nullptr && lexicons_.isGovernment(tokens[j].key)) implicitState = true;
      }
      if (object == nullptr && implicitState && !focusCountry_.empty()) {
        implicitMention_ = Mention{
            focusCountry_, index_, k, k + 1, tokens[k].begin, tokens[k].end, MentionKind::kName};
        implicitArgument_ = Argument{&implicitMention_, "Country"};
        object = &implicitArgument_;
      }
      if (object == nullptr) continue;
      // The person: in apposition after the phrase (past its complement), or just before it.
      const Argument* subject = nullptr;
      for (std::uint32_t j = phraseEnd; j < std::min(sentence_.endToken, phraseEnd + 6); ++j) {
        if (isClauseBreak(tokens, j, false)) break;
        subject = firstIn(j, j + 1, person);
        if (subject != nullptr) break;
      }
      if (subject == nullptr && k > sentence_.firstToken) {
        std::uint32_t j = k;
        while (j > sentence_.firstToken &&
               (tokens[j - 1].key == "," || lexicons_.isDeterminer(tokens[j - 1].key))) {
          --j;
        }
        subject = lastIn(j > 0 ? j - 1 : j, j, person);
      }
      if (subject == nullptr) continue;
      CueInfo info{leader ? leads : member, CueKind::kVerb, {}};
      emit(subject, {}, info, object, {}, k, k + 1, "title", 0.7);
    }
  }

  bool startsArgument(std::uint32_t token) const {
    for (const Argument& a : arguments_) {
      if (a.mention->firstToken == token) return true;
    }
    return false;
  }

  bool insideMention(std::uint32_t token) const {
    for (const Argument& a : arguments_) {
      if (token >= a.mention->firstToken && token < a.mention->endToken) return true;
    }
    return false;
  }

  // A demonym or a metonym names the state as an actor ("l'aviation française"), never its
  // territory: it fits only actor classes.
  bool fits(const Argument& a, const std::vector<std::string>& classes) const {
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
  const Argument* firstIn(std::uint32_t from, std::uint32_t to,
                          const std::vector<std::string>& classes) const {
    for (std::size_t i = 0; i < arguments_.size(); ++i) {
      const Argument& a = arguments_[i];
      if (a.mention->firstToken < from || a.mention->firstToken >= to || !fits(a, classes))
        continue;
      if (a.mention->kind == MentionKind::kDemonym && i + 1 < arguments_.size()) {
        const Argument& next = arguments_[i + 1];
        if (next.mention->firstToken <= a.mention->endToken + 1 && fits(next, classes))
          return &next;
      }
      return &a;
    }
    return nullptr;
  }

  // An actor named as the complement of a noun before a place ("un camp de la MINUSMA à Kidal"):
  // for a relation that may take a place, the place is the object.
  const Argument* preferPlace(const Argument* object, const std::vector<std::string>& range,
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
  const Argument* lastIn(std::uint32_t from, std::uint32_t to,
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
  std::uint32_t clauseEnd(std::uint32_t at, std::uint32_t window, bool commaBreaks = false) const {
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
  std::uint32_t clauseStart(std::uint32_t at, std::uint32_t window) const {
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
  std::vector<const Argument*> coordinated(const Argument* seed, bool leftwards,
                                           const std::vector<std::string>& classes) const {
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
  const Argument* subjectBefore(std::uint32_t cue, const std::vector<std::string>& classes) {
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

  void emit(const Argument* subject, const std::string& subjectId, const CueInfo& cue,
            const Argument* object, const std::string& objectId, std::uint32_t cueFirst,
            std::uint32_t cueEnd, const char* pattern, double base) {
    const std::string& s = subject != nullptr ? subject->mention->entity : subjectId;
    const std::string& o = object != nullptr ? object->mention->entity : objectId;
    if (s.empty() || o.empty() || s == o) return;
    ExtractedRelation r;
    r.subject = s;
    r.predicate = cue.type->name;
    r.object = o;
    r.sentence = index_;
    r.begin = sentence_.begin;
    r.end = sentence_.end;
    const auto& dates = analysis_.dates[index_];
    r.date = dates.empty() ? article_.date : std::optional<common::PartialDate>(dates[0].date);
    StatementStatus status =
        status_.classify(article_.text, analysis_.tokens, analysis_.sentences, index_, cueFirst,
                         cueEnd, analysis_.recognition.mentions);
    r.status = status.status;
    r.source = status.source;
    for (const Argument& a : arguments_) {
      bool isArgument = a.mention->entity == s || a.mention->entity == o;
      if (!isArgument && a.cls == "Town") {
        r.place = a.mention->entity;
        break;
      }
    }
    // Confidence: the pattern's base, less 0.02 per token between the arguments past five
    // (at most 0.3), halved for hypothetical statements, 0.8 times for claims.
    std::uint32_t from = subject != nullptr ? subject->mention->firstToken : cueFirst;
    std::uint32_t to = object != nullptr ? object->mention->firstToken : cueEnd;
    std::uint32_t distance = from < to ? to - from : from - to;
    double confidence = base - std::min(0.3, 0.02 * (distance > 5 ? distance - 5 : 0));
    if (r.status == graph::EvidenceStatus::kHypothetical) confidence *= 0.5;
    if (r.status == graph::EvidenceStatus::kClaimed) confidence *= 0.8;
    r.confidence = std::clamp(confidence, 0.05, 1.0);
    r.pattern = pattern;
    for (const ExtractedRelation& existing : out_) {
      if (existing.sentence == r.sentence && existing.subject == r.subject &&
          existing.predicate == r.predicate && existing.object == r.object) {
        return;
      }
    }
    out_.push_back(std::move(r));
  }

  // The object of a relation that has none in the text: a withdrawal leaves the country the
  // article is about.
  std::string implicitObject(const CueInfo& cue) const {
    return cue.type->name == "WITHDRAWS_FROM" ? focusCountry_ : std::string();
  }

  // "Y, soutenu par X": the object stands before, the agent after "par" (a cue ending in
  // "par" has it inside; a verb cue after être looks for it).
  void readPassive(const CueInfo& cue, std::uint32_t first, std::uint32_t end) {
    const auto& domain = cue.type->domain;
    const auto& range = cue.type->range;
    const auto& tokens = analysis_.tokens;
    const Argument* object = subjectBefore(first, range);
    std::uint32_t limit = clauseEnd(end, kObjectWindow);
    std::uint32_t agentFrom = end;
    if (cue.marker != "par") {
      agentFrom = limit;
      for (std::uint32_t k = end; k < limit && k < end + 4; ++k) {
        if (tokens[k].key == "par") agentFrom = k + 1;
      }
    }
    const Argument* subject = firstIn(agentFrom, limit, domain);
    if (object == nullptr || subject == nullptr) return;
    for (const Argument* s : coordinated(subject, false, domain)) {
      for (const Argument* o : coordinated(object, true, range)) {
        emit(s, {}, cue, o, {}, first, end, "passive", 0.8);
      }
    }
  }

  void read(const CueInfo& cue, std::uint32_t first, std::uint32_t end) {
    const auto& domain = cue.type->domain;
    const auto& range = cue.type->range;
    const auto& tokens = analysis_.tokens;
    switch (cue.kind) {
      case CueKind::kVerb: {
        // After a determiner the word is a noun ("des frappes", "les accusations"), not a verb.
        if (first > sentence_.firstToken && lexicons_.isDeterminer(tokens[first - 1].key)) return;
        // "le camp évacué": a participle right after a common noun qualifies it.
        if (first >= sentence_.firstToken + 2 && lexicons_.isDeterminer(tokens[first - 2].key) &&
            tokens[first - 1].kind == TokenKind::kWord && !tokens[first - 1].has(kTitleCase) &&
            !startsArgument(first - 1) && lexicons_.auxiliaries.count(tokens[first - 1].key) == 0) {
          return;
        }
        // "le convoi a été attaqué (par X)": être before the cue makes it passive, except for
        // verbs of motion ("Wagner est entré dans Kidal").
        if (first > sentence_.firstToken &&
            lexicons_.passiveAuxiliaries.count(tokens[first - 1].key) != 0 &&
            lexicons_.motionVerbs.count(tokens[first].key) == 0) {
          readPassive(cue, first, end);
          return;
        }
        const Argument* subject = subjectBefore(first, domain);
        std::uint32_t objectLimit = clauseEnd(end, kObjectWindow);
        const Argument* object = preferPlace(firstIn(end, objectLimit, range), range, objectLimit);
        // "Kidal, que les rebelles détenaient": the object stands before the relative pronoun.
        if (subject != nullptr && subject->mention->firstToken >= 1) {
          std::uint32_t k = subject->mention->firstToken;
          while (k > sentence_.firstToken && isCoordinationFiller(tokens[k - 1]) &&
                 tokens[k - 1].key != "que" && tokens[k - 1].key != "qu'") {
            --k;
          }
          if (k >= sentence_.firstToken + 2 &&
              (tokens[k - 1].key == "que" || tokens[k - 1].key == "qu'") &&
              tokens[k - 2].key == ",") {
            if (const Argument* antecedent = lastIn(sentence_.firstToken, k - 2, range)) {
              object = antecedent;
            }
          }
        }
        if (subject == nullptr) return;
        std::string implicit = object == nullptr ? implicitObject(cue) : std::string();
        for (const Argument* s : coordinated(subject, true, domain)) {
          if (object == nullptr) {
            emit(s, {}, cue, nullptr, implicit, first, end, "implicit-object", 0.5);
            continue;
          }
          for (const Argument* o : coordinated(object, false, range)) {
            emit(s, {}, cue, o, {}, first, end, "active", 0.75);
          }
        }
        return;
      }
      case CueKind::kPassive:
        readPassive(cue, first, end);
        return;
      case CueKind::kNoun: {
        if (cue.marker == "de") {
          // "le départ de X (de|à|vers Y)": X acts.
          const Argument* subject = firstIn(end, clauseEnd(end, kNounWindow, true), domain);
          if (subject == nullptr) return;
          std::uint32_t after = subject->mention->endToken;
          const Argument* object = nullptr;
          // Only a withdrawal takes its object with "de" ("le retrait de X du Mali").
          bool fromMarker = cue.type->name == "WITHDRAWS_FROM";
          for (std::uint32_t k = after; k < clauseEnd(after, kObjectWindow, true); ++k) {
            const std::string stem(cues_.stemmer.stem(tokens[k].key));
            bool marker =
                fromMarker ? stem == "de"
                           : (stem == "a" || stem == "ver" || stem == "vers" || stem == "contre" ||
                              stem == "dan" || stem == "dans" || stem == "en" || stem == "sur");
            if (marker) {
              object = firstIn(k + 1, std::min(k + 4, sentence_.endToken), range);
              if (object != nullptr) break;
            }
          }
          for (const Argument* s : coordinated(subject, false, domain)) {
            if (object != nullptr) {
              emit(s, {}, cue, object, {}, first, end, "nominal", 0.65);
            } else {
              emit(s, {}, cue, nullptr, implicitObject(cue), first, end, "nominal-implicit", 0.45);
            }
          }
          return;
        }
        // "son soutien à Y", "des frappes contre Y": the object follows, the subject precedes.
        std::uint32_t objectLimit = clauseEnd(end, kObjectWindow, true);
        const Argument* object = preferPlace(firstIn(end, objectLimit, range), range, objectLimit);
        const Argument* subject = subjectBefore(first, domain);
        if (object == nullptr || subject == nullptr) return;
        for (const Argument* o : coordinated(object, false, range)) {
          emit(subject, {}, cue, o, {}, first, end, "nominal", 0.6);
        }
        return;
      }
      case CueKind::kObjectNoun: {
        // "la prise de Y par X".
        const Argument* object = firstIn(end, clauseEnd(end, kNounWindow, true), range);
        if (object == nullptr) return;
        // "par X" may follow an inserted date: "la prise de Konna, le 10 janvier, par X".
        const Argument* subject = nullptr;
        std::uint32_t after = object->mention->endToken;
        for (std::uint32_t k = after; k < clauseEnd(after, 10); ++k) {
          if (tokens[k].key == "par") {
            subject = firstIn(k + 1, std::min(k + 6, sentence_.endToken), domain);
            break;
          }
        }
        if (subject != nullptr) {
          for (const Argument* s : coordinated(subject, false, domain)) {
            emit(s, {}, cue, object, {}, first, end, "object-nominal", 0.65);
          }
          return;
        }
        subject = subjectBefore(first, domain);
        if (subject == nullptr) return;
        emit(subject, {}, cue, object, {}, first, end, "object-nominal", 0.65);
        return;
      }
      case CueKind::kBetween: {
        std::uint32_t limit = clauseEnd(end, kObjectWindow);
        const Argument* a = firstIn(end, limit, domain);
        if (a == nullptr) return;
        const Argument* b = firstIn(a->mention->endToken, limit, range);
        if (b == nullptr) return;
        emit(a, {}, cue, b, {}, first, end, "between", 0.7);
        return;
      }
    }
  }

  const ontology::Ontology& ontology_;
  RelationCueIndex& cues_;
  const RelationLexicons& lexicons_;
  const StatusClassifier& status_;
  const Article& article_;
  const DocumentAnalysis& analysis_;
  const Sentence& sentence_;
  std::uint32_t index_;
  const std::vector<Argument>& arguments_;
  const std::string& focusCountry_;
  std::vector<ExtractedRelation>& out_;
  std::vector<Token>& stemmed_;
  Mention implicitMention_;  // "la junte": the article's country, where the noun stands
  Argument implicitArgument_;
};

}  // namespace

std::string ExtractedRelation::toString() const {
  std::string out =
      subject + " " + predicate + " " + object + " [" + std::string(graph::statusName(status));
  if (!source.empty()) out += " by " + source;
  if (date) out += ", " + date->toString();
  out += ", " + pattern + "]";
  return out;
}

RelationExtractor::RelationExtractor(const ontology::Ontology& ontology)
    : ontology_(ontology),
      cues_(std::make_unique<RelationCueIndex>(ontology)),
      lexicons_(std::make_unique<RelationLexicons>(ontology)),
      status_(ontology) {
  for (const ontology::BackgroundFact& fact : ontology.facts()) {
    if (fact.predicate != "LOCATED_IN") continue;
    const ontology::EntityRecord* container = ontology.findEntity(fact.object);
    if (container != nullptr && container->cls == "Country") countryOf_[fact.subject] = fact.object;
  }
}

RelationExtractor::~RelationExtractor() = default;

std::vector<ExtractedRelation> RelationExtractor::extract(const Article& article,
                                                          const DocumentAnalysis& analysis) const {
  const Recognition& found = analysis.recognition;
  std::map<std::string, std::string> discoveredClass;
  for (const DiscoveredEntity& d : found.discovered) discoveredClass[d.id] = d.cls;
  auto classOf = [&](const std::string& id) {
    if (const ontology::EntityRecord* e = ontology_.findEntity(id)) return e->cls;
    auto it = discoveredClass.find(id);
    return it == discoveredClass.end() ? std::string("Actor") : it->second;
  };
  // The country the article is about: the most mentioned one, the first on ties.
  // A mention of a place located in a country counts for that country.
  std::map<std::string, std::pair<int, std::size_t>> countries;
  for (std::size_t i = 0; i < found.mentions.size(); ++i) {
    const Mention& m = found.mentions[i];
    std::string country;
    if (classOf(m.entity) == "Country") {
      country = m.entity;
    } else if (auto it = countryOf_.find(m.entity); it != countryOf_.end()) {
      country = it->second;
    } else {
      continue;
    }
    auto& entry = countries.try_emplace(country, 0, i).first->second;
    ++entry.first;
  }
  std::string focus;
  int best = 0;
  std::size_t firstSeen = 0;
  for (const auto& [id, counts] : countries) {
    if (counts.first > best || (counts.first == best && counts.second < firstSeen)) {
      focus = id;
      best = counts.first;
      firstSeen = counts.second;
    }
  }

  std::vector<ExtractedRelation> relations;
  std::vector<Argument> arguments;
  std::size_t next = 0;
  for (std::uint32_t s = 0; s < analysis.sentences.size(); ++s) {
    arguments.clear();
    while (next < found.mentions.size() && found.mentions[next].sentence < s) ++next;
    for (std::size_t k = next; k < found.mentions.size() && found.mentions[k].sentence == s; ++k) {
      arguments.push_back(Argument{&found.mentions[k], classOf(found.mentions[k].entity)});
    }
    if (arguments.empty()) continue;
    SentenceReader(ontology_, *cues_, *lexicons_, status_, article, analysis, s, arguments, focus,
                   relations)
        .run();
  }
  return relations;
}

}  // namespace newsgraph::ingest

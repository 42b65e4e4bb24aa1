// Private: reads one sentence of an article for relations. The reader's work is split by
// concern: finding arguments around a cue (relation_arguments.cpp), the cue patterns
// (relation_patterns.cpp) and the title appositions (relation_titles.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "newsgraph/ingest/article.h"
#include "newsgraph/ingest/document_analysis.h"
#include "newsgraph/ingest/statement_status.h"
#include "newsgraph/ontology/ontology.h"
#include "relation_classes.h"
#include "relation_cues.h"
#include "relation_lexicons.h"
#include "token_features.h"

namespace newsgraph::ingest {

// Search windows, in tokens.
constexpr std::uint32_t kObjectWindow = 14;       // tokens after a cue to look for its object
constexpr std::uint32_t kSubjectWindow = 14;      // tokens before a cue to look for its subject
constexpr std::uint32_t kNounWindow = 5;          // tokens after "départ de" to find who leaves
constexpr std::uint32_t kMarkerObjectWindow = 6;  // tokens after a cue's preposition
constexpr std::uint32_t kAnaphoraSentences = 3;   // sentences back to look for an antecedent
constexpr std::uint32_t kNoToken = 0xffffffffU;   // no such token

// A mention of the sentence being read, with its class. The mention is owned by the document's
// recognition (or by the reader, for an implicit argument).
struct Argument {
  const Mention* mention = nullptr;
  ClassId cls = kNoClass;
  // Set on a latent metonym: the state of a capital, right after the capital's own argument.
  // It fills only slots the town cannot fill, and after a locative ("à Paris") only the object
  // of a cue ending in that preposition ("reproche à Paris").
  ClassId townClass = kNoClass;
  bool afterLocative = false;
  // Set on a definite description or "y" standing for an entity named before ("le camp",
  // "ces combattants"): see AnaphorResolver.
  bool anaphor = false;
};

// Whether token `k` is punctuation that ends a clause (a comma too when `commaBreaks`); a point
// inside a number ("2.000") does not.
bool isClauseBreak(const std::vector<Token>& tokens, std::uint32_t k, bool commaBreaks);

// Whether `t` reads as an infinitive: "avoir", "être", a lower-case word in -er, -ir, -re.
bool isInfinitive(const Token& t);

// Whether `t` may sit between the members of a coordination: "A, B et C", "les A et les B".
bool isCoordinationFiller(const Token& t);

// A cue whose head and final preposition stand apart ("l'appui unanime du"): the index of its
// CueInfo, the end of the preposition (a token index), and a place named in
// between ("le déploiement au Mali de"), or null.
struct GapMatch {
  std::uint32_t info = 0;
  std::uint32_t end = 0;
  const Argument* place = nullptr;
};

// Reads one sentence: its mentions, cues and the relations between them, appended to `out`.
// Every reference passed to the constructor must outlive the reader; `arguments` are the
// sentence's mentions in text order.
class SentenceReader {
 public:
  SentenceReader(const ontology::Ontology& ontology, const RelationClasses& classes,
                 const RelationCueIndex& cues, const TokenFeatures& features,
                 ArticleStatuses& statuses, const Article& article,
                 const DocumentAnalysis& analysis, std::uint32_t sentence,
                 const std::vector<Argument>& arguments, const std::vector<Argument>& previous,
                 const std::string& focusCountry, std::vector<ExtractedRelation>& out)
      : ontology_(ontology),
        classes_(classes),
        cues_(cues),
        features_(features),
        statuses_(statuses),
        article_(article),
        analysis_(analysis),
        sentence_(analysis.sentences[sentence]),
        index_(sentence),
        arguments_(arguments),
        previous_(previous),
        focusCountry_(focusCountry),
        out_(out),
        stemmed_(features.stemmed()) {}

  // Finds the cues of the sentence and appends their relations.
  void run();

 private:
  // A cue at token `first`, where cue head `head` starts, whose head and preposition are apart
  // by at most two adjectives or adverbs, a "d'envergure" complement or a place complement;
  // false when none.
  bool matchAcrossGap(std::uint32_t first, const NameMatch& head, GapMatch& found) const;
  // Drops the implicit object of a relation whose object the sentence names elsewhere.
  void dropImplicitObjects();
  // Appositions of a component noun: "le HCUA, composante de la CMA" (PART_OF).
  void readAppositions();
  // The parties of a signing: "signé par X et par Y" (COOPERATES_WITH).
  void readSignatories();
  // For `object` complementing a component noun in apposition ("X, la branche du Y"): X.
  const Argument* componentHead(const Argument* object, const ClassConstraint& classes) const;
  // Cue head `head`, at token `first`, ending in a locative, with "y" before it: "y sont
  // entrés".
  void readLocativePronoun(std::uint32_t first, const NameMatch& head);
  // Place appositions: "Tinzaouaten, une localité de la région de Kidal" (LOCATED_IN).
  void readPlaceAppositions();
  // Possessive relation nouns: "l'armée et ses alliés russes" (ALLIED_WITH).
  void readPossessives();
  // "X a sommé Y de quitter ...": X EXPELS Y; `order` is the order verb's token, [first, end)
  // the withdrawal cue.
  void readOrderToLeave(std::uint32_t order, const Argument* told, std::uint32_t first,
                        std::uint32_t end);
  // The antecedent of an anaphor in the previous sentences: the first argument of the latest
  // sentence that has one of `classes` (never a person); null when none.
  const Argument* antecedent(const ClassConstraint& classes) const;
  // For a clause whose subject is an anaphoric noun ("Le mouvement accuse ...",
  // "l'organisation régionale a infligé ..."), its antecedent; tokens [start, cue) are the
  // clause before the cue. Null when there is none.
  const Argument* anaphoricSubject(std::uint32_t start, std::uint32_t cue,
                                   const ClassConstraint& classes) const;
  // The title at token `k` ("ministre", "porte-parole"): its end, or `k` when none; `leader`
  // says whether it heads the actor.
  std::uint32_t titleAt(std::uint32_t k, bool& leader) const;
  // Whether `token` is inside a date of the sentence.
  bool insideDate(std::uint32_t token) const;
  // Whether `token` is written as a past participle (ends in é, ée, és, ées).
  bool isParticiple(std::uint32_t token) const;
  // Whether the noun at `token` is the complement of a title: "le chef de la junte".
  bool titleComplement(std::uint32_t token) const;
  // For an infinitive cue after "de" ("accuse Y d'avoir attaqué", "sommé Y de quitter"): the
  // accused or ordered actor Y, who is the infinitive's subject; null otherwise.
  const Argument* accusedSubject(std::uint32_t cue, const ClassConstraint& classes) const;
  // For a cue in an adjunct ("après avoir quitté", "avant de rejoindre", "afin de"): the main
  // clause's subject, the first fitting argument of the clause; null otherwise.
  const Argument* adjunctSubject(std::uint32_t cue, const ClassConstraint& classes) const;
  // For a verb coordinated with a previous one ("X condamnent ... et accusent Y", "X attaque
  // Y puis s'empare de Z"): the first fitting argument of the clause that is no noun
  // complement; null otherwise.
  const Argument* coordinatedVerbSubject(std::uint32_t cue, const ClassConstraint& classes) const;
  // The actors right after "avec" in the clause after `end` ("a fondé l'AES avec le Niger"),
  // with those coordinated to them; none when "avec" introduces `object` itself.
  std::vector<const Argument*> coAgents(std::uint32_t end, const Argument* object,
                                        const ClassConstraint& classes) const;
  // After a cue with no subject, the actors listed after its object, each with its date
  // ("quitté le G5, Bamako dès mai 2022, puis Ouagadougou et Niamey fin 2023"); else none.
  std::vector<const Argument*> distributedSubjects(const Argument* object,
                                                   const ClassConstraint& classes) const;
  // "X a exigé le retrait de Y" with words between: X EXPELS Y; [first, end) the noun cue.
  void readOrderedWithdrawal(std::uint32_t first, std::uint32_t end, const Argument* leaving);
  // The first fitting argument of the clause ending at `at` that is no noun complement.
  const Argument* firstSubjectOfClause(std::uint32_t at, const ClassConstraint& classes) const;
  // The order verb ("somme", "enjoint") at most four tokens before `accused`, or kNoToken.
  std::uint32_t orderVerbBefore(std::uint32_t accused) const;
  // Titles in apposition: "le ministre russe des Affaires étrangères, Sergueï Lavrov",
  // "l'ambassadeur de France, Joël Meyer", "Iyad Ag Ghaly, le chef du JNIM": the person holds an
  // office in (MEMBER_OF) or heads (LEADS) the actor named with the title.
  void readTitles();

  bool startsArgument(std::uint32_t token) const;
  // Whether token `k` is a month or leads one ("en avril", "fin juin"): free in a list.
  bool isMonthPhrase(std::uint32_t k) const;
  // Whether token `k` opens a clause ("que", "où", not the "ou" that coordinates).
  bool opensClause(std::uint32_t k) const {
    return word(k, kClauseOpener) && opensClauseAsWritten(k);  // most tokens: one bit test
  }
  // For a clause opener at token `k`: whether it is one as written ("où", not "ou").
  bool opensClauseAsWritten(std::uint32_t k) const;
  // Whether token `k` is a possessive with its noun and "de" before `gapTo` ("et ses
  // supplétifs de Wagner": the owner and Y form a list), or a determiner with a noun for
  // members ("les rebelles du CSP et les djihadistes du JNIM").
  bool possessiveNoun(std::uint32_t k, std::uint32_t gapTo) const;
  // The number of title words after the possessive at `k` that end right before `gapTo` ("et
  // son Premier ministre X"), or 0.
  std::uint32_t possessiveTitle(std::uint32_t k, std::uint32_t gapTo) const;
  // Whether the noun phrase at `token` follows "de": "l'arrivée de ces combattants".
  bool isComplement(std::uint32_t token) const;
  // Whether a mention of a name (not an anaphor) starts at `token`.
  bool startsName(std::uint32_t token) const;

  bool insideMention(std::uint32_t token) const;

  // A demonym or a metonym names the state as an actor ("l'aviation française"), never its
  // territory: it fits only actor classes.
  bool fits(const Argument& a, const ClassConstraint& classes) const;

  // The first argument of `classes` starting in tokens [from, to), or null.
  // A demonym right before a name qualifies it ("le groupe russe Wagner"): the name wins.
  const Argument* firstIn(std::uint32_t from, std::uint32_t to,
                          const ClassConstraint& classes) const;

  // An actor named as the complement of a noun before a place ("un camp de la MINUSMA à Kidal"):
  // for a relation that may take a place, the place is the object.
  const Argument* preferPlace(const Argument* object, const ClassConstraint& range,
                              std::uint32_t limit) const;

  // The last argument of `classes` ending in tokens (from, to], or null.
  const Argument* lastIn(std::uint32_t from, std::uint32_t to,
                         const ClassConstraint& classes) const;

  // Where the clause around token `at` stops on the right (at a comma too when asked).
  // A new clause ("alors que ...", "mais ...") ends it too; a "que" clause does not: it may
  // hold the object ("déplorent que le Mali ...").
  std::uint32_t clauseEnd(std::uint32_t at, std::uint32_t window, bool commaBreaks = false) const;

  // Where the clause of a cue at `at` starts: after punctuation that ends a clause, after a
  // word opening a subordinate clause ("alors que la junte a signé"), after a sentence-initial
  // adverbial phrase ("Depuis le départ des Français, les groupes ...").
  std::uint32_t clauseStart(std::uint32_t at, std::uint32_t window) const;

  // `seed` and the arguments coordinated with it on one side ("A, B et C").
  std::vector<const Argument*> coordinated(const Argument* seed, bool leftwards,
                                           const ClassConstraint& classes) const;

  // The subject before a cue, skipping an apposition between commas ("X, soutenu par Y, cue").
  const Argument* subjectBefore(std::uint32_t cue, const ClassConstraint& classes);

  void emit(const Argument* subject, const std::string& subjectId, const CueInfo& cue,
            const Argument* object, const std::string& objectId, std::uint32_t cueFirst,
            std::uint32_t cueEnd, const char* pattern, double base);

  // The object of a relation that has none in the text: a withdrawal leaves the country the
  // article is about.
  std::string implicitObject(const CueInfo& cue) const;

  // "Y, soutenu par X": the object stands before, the agent after "par" (a cue ending in
  // "par" has it inside; a verb cue after être looks for it).
  void readPassive(const CueInfo& cue, std::uint32_t first, std::uint32_t end);

  void read(const CueInfo& cue, std::uint32_t first, std::uint32_t end);

  const RelationSignature& signature(const ontology::RelationType* type) const {
    return classes_.of(*type);
  }
  // Whether token `k` is in one of the word lists of `lists` (RelationWord bits).
  bool word(std::uint32_t k, std::uint64_t lists) const { return features_.is(k, lists); }
  // The longest cue at token `k` of the sentence, within it.
  bool cueAt(std::uint32_t k, NameMatch& match) const {
    return word(k, kStartsCue) && cues_.stems.longestAt(stemmed_, k, sentence_.endToken, match);
  }
  // The longest cue head at token `k` of the sentence, within it.
  bool cueHeadAt(std::uint32_t k, NameMatch& match) const {
    return word(k, kStartsCueHead) && cues_.heads.longestAt(stemmed_, k, sentence_.endToken, match);
  }

  const ontology::Ontology& ontology_;
  const RelationClasses& classes_;
  const RelationCueIndex& cues_;
  const TokenFeatures& features_;
  ArticleStatuses& statuses_;  // of the article's statements
  const Article& article_;
  const DocumentAnalysis& analysis_;
  const Sentence& sentence_;
  std::uint32_t index_;
  const std::vector<Argument>& arguments_;
  const std::vector<Argument>& previous_;  // earlier sentences' arguments, latest sentence first
  const std::string& focusCountry_;
  std::vector<ExtractedRelation>& out_;
  const std::vector<Token>& stemmed_;  // the article's tokens, stemmed
  Mention implicitMention_;            // "la junte": the article's country, where the noun stands
  Argument implicitArgument_;
  std::uint32_t objectAfterMarker_ = kNoToken;  // first token after the cue's preposition
  const Argument* gapPlace_ = nullptr;
  std::uint32_t latentFrom_ = kNoToken;  // latent metonyms fit from here (the cue's end) on
  mutable bool latentAnywhere_ = false;  // latent metonyms fit wherever they stand          //
                                         // place inside the cue being read, see GapMatch
};

}  // namespace newsgraph::ingest

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
#include "relation_cues.h"
#include "relation_lexicons.h"

namespace newsgraph::ingest {

// Search windows, in tokens.
constexpr std::uint32_t kObjectWindow = 14;   // tokens after a cue to look for its object
constexpr std::uint32_t kSubjectWindow = 14;  // tokens before a cue to look for its subject
constexpr std::uint32_t kNounWindow = 5;      // tokens after "départ de" to find who leaves

// A mention of the sentence being read, with its class. The mention is owned by the document's
// recognition (or by the reader, for an implicit argument).
struct Argument {
  const Mention* mention = nullptr;
  std::string cls;
};

// Whether token `k` is punctuation that ends a clause (a comma too when `commaBreaks`); a point
// inside a number ("2.000") does not.
bool isClauseBreak(const std::vector<Token>& tokens, std::uint32_t k, bool commaBreaks);

// Whether `t` may sit between the members of a coordination: "A, B et C", "les A et les B".
bool isCoordinationFiller(const Token& t);

// Reads one sentence: its mentions, cues and the relations between them, appended to `out`.
// Every reference passed to the constructor must outlive the reader; `arguments` are the
// sentence's mentions in text order.
class SentenceReader {
 public:
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

  // Finds the cues of the sentence and appends their relations.
  void run();

 private:
  // Titles in apposition: "le ministre russe des Affaires étrangères, Sergueï Lavrov",
  // "l'ambassadeur de France, Joël Meyer", "Iyad Ag Ghaly, le chef du JNIM": the person holds an
  // office in (MEMBER_OF) or heads (LEADS) the actor named with the title.
  void readTitles();

  bool startsArgument(std::uint32_t token) const;

  bool insideMention(std::uint32_t token) const;

  // A demonym or a metonym names the state as an actor ("l'aviation française"), never its
  // territory: it fits only actor classes.
  bool fits(const Argument& a, const std::vector<std::string>& classes) const;

  // The first argument of `classes` starting in tokens [from, to), or null.
  // A demonym right before a name qualifies it ("le groupe russe Wagner"): the name wins.
  const Argument* firstIn(std::uint32_t from, std::uint32_t to,
                          const std::vector<std::string>& classes) const;

  // An actor named as the complement of a noun before a place ("un camp de la MINUSMA à Kidal"):
  // for a relation that may take a place, the place is the object.
  const Argument* preferPlace(const Argument* object, const std::vector<std::string>& range,
                              std::uint32_t limit) const;

  // The last argument of `classes` ending in tokens (from, to], or null.
  const Argument* lastIn(std::uint32_t from, std::uint32_t to,
                         const std::vector<std::string>& classes) const;

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
                                           const std::vector<std::string>& classes) const;

  // The subject before a cue, skipping an apposition between commas ("X, soutenu par Y, cue").
  const Argument* subjectBefore(std::uint32_t cue, const std::vector<std::string>& classes);

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

}  // namespace newsgraph::ingest

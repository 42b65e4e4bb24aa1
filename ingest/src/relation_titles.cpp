// Titles in apposition: MEMBER_OF and LEADS from "le ministre russe des Affaires étrangères, X".
#include <algorithm>

#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

using ontology::CueKind;

// Titles in apposition: "le ministre russe des Affaires étrangères, Sergueï Lavrov",
// "l'ambassadeur de France, Joël Meyer", "Iyad Ag Ghaly, le chef du JNIM": the person holds an
// office in (MEMBER_OF) or heads (LEADS) the actor named with the title.
void SentenceReader::readTitles() {
  const auto& tokens = analysis_.tokens;
  const ontology::RelationType* leads = ontology_.findRelationType("LEADS");
  const ontology::RelationType* member = ontology_.findRelationType("MEMBER_OF");
  if (leads == nullptr || member == nullptr) return;
  const ClassConstraint& person = classes_.person;
  const ClassConstraint& actor = classes_.actor;
  for (std::uint32_t k = sentence_.firstToken; k < sentence_.endToken; ++k) {
    if (!word(k, kTitle | kTitleCompoundHead)) continue;  // most tokens
    bool leader = false;
    std::uint32_t titleEnd = titleAt(k, leader);
    if (titleEnd == k || insideMention(k)) continue;
    // The actor: a demonym or a "de X" complement within the title phrase.
    const Argument* object = nullptr;
    std::uint32_t phraseEnd = titleEnd;
    bool implicitState = false;
    // "le président de la Commission de la CEDEAO": a noun between a leader title and its
    // actor makes the person a member of the actor, not its head.
    bool intervening = false;
    std::uint32_t limit = std::min(sentence_.endToken, k + 7);
    for (std::uint32_t j = titleEnd; j < limit && object == nullptr; ++j) {
      if (tokens[j].key == ","sv || isClauseBreak(tokens, j, false)) break;
      for (const Argument& a : arguments_) {
        if (a.mention->firstToken != j || person.any.contains(a.cls)) continue;
        const std::string& before = tokens[j - 1].key;
        bool complement = before == "de"sv || before == "du"sv || before == "d'"sv ||
                          before == "des"sv || (j >= 2 && tokens[j - 2].key == "de"sv);
        if (fits(a, actor) && (a.mention->kind == MentionKind::kDemonym || complement)) {
          object = &a;
          phraseEnd = a.mention->endToken;
        }
      }
      if (object == nullptr && word(j, kGovernmentNoun)) implicitState = true;
      if (object == nullptr && tokens[j].kind == TokenKind::kWord && !startsArgument(j) &&
          !insideMention(j) && !word(j, kDeterminer) && tokens[j].key != "de"sv &&
          tokens[j].key != "d'"sv && tokens[j].key != "du"sv && tokens[j].key != "des"sv &&
          !word(j, kTransparentTitleNoun) && !word(j, kGovernmentNoun)) {
        intervening = true;
      }
    }
    if (object == nullptr && implicitState && !focusCountry_.empty()) {
      implicitMention_ = Mention{
          focusCountry_, index_, k, k + 1, tokens[k].begin, tokens[k].end, MentionKind::kName};
      implicitArgument_ = Argument{&implicitMention_, classes_.countryId, kNoClass, false};
      object = &implicitArgument_;
    }
    // "son porte-parole, X": the possessive stands for the actor the previous sentence named.
    if (object == nullptr && k > sentence_.firstToken && word(k - 1, kPossessive)) {
      object = antecedent(actor);
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
      while (j > sentence_.firstToken && (tokens[j - 1].key == ","sv || word(j - 1, kDeterminer))) {
        --j;
      }
      subject = lastIn(j > 0 ? j - 1 : j, j, person);
    }
    // "X a été présenté comme le président du comité", "s'est proclamé président de Y": the
    // appointed person is the verb's subject.
    if (subject == nullptr && k > sentence_.firstToken) {
      std::uint32_t j = k;
      while (j > sentence_.firstToken &&
             (word(j - 1, kDeterminer) || tokens[j - 1].key == "comme"sv)) {
        --j;
      }
      if (j > sentence_.firstToken && word(j - 1, kAppointmentVerb)) {
        subject = subjectBefore(j - 1, person);
      }
    }
    if (subject == nullptr) continue;
    CueInfo info{leader && !intervening ? leads : member, CueKind::kVerb, {}};
    emit(subject, {}, info, object, {}, k, k + 1, "title", 0.7);
  }
}

}  // namespace newsgraph::ingest

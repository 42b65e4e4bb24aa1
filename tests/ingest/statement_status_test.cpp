// Statement status, one rule per test, on sentences written for these tests. The cue is the
// bracketed part of each sentence. Precedence when several rules apply: negated, then
// hypothetical, then claimed, then asserted (the Precedence_* tests).
#include "newsgraph/ingest/statement_status.h"

#include <gtest/gtest.h>

#include "newsgraph/ingest/entity_recognizer.h"
#include "newsgraph/ingest/sentence_splitter.h"
#include "newsgraph/ingest/tokenizer.h"
#include "test_ontology.h"

namespace newsgraph::ingest {
namespace {

// The status of the bracketed cue of `marked`, as StatementStatus::toString() writes it.
std::string status(const std::string& marked) {
  static const EntityRecognizer recognizer(testing::testOntology());
  static const SentenceSplitter splitter(testing::testOntology().lexicon("abbreviation"));
  static const StatusClassifier classifier(testing::testOntology());
  std::size_t open = marked.find('[');
  std::size_t close = marked.find(']');
  if (open == std::string::npos || close == std::string::npos || close < open) {
    return "test error: no [cue]";
  }
  std::string text =
      marked.substr(0, open) + marked.substr(open + 1, close - open - 1) + marked.substr(close + 1);
  auto cueBegin = static_cast<std::uint32_t>(open);
  auto cueEnd = static_cast<std::uint32_t>(close - 1);
  std::vector<Token> tokens;
  tokenize(text, tokens);
  std::vector<Sentence> sentences;
  splitter.split(tokens, sentences);
  Recognition recognition = recognizer.recognize(text, tokens, sentences);
  std::uint32_t first = 0;
  while (first < tokens.size() && tokens[first].begin < cueBegin) ++first;
  std::uint32_t end = first;
  while (end < tokens.size() && tokens[end].end <= cueEnd) ++end;
  if (first == end) return "test error: the cue is no token";
  std::uint32_t sentence = 0;
  while (sentences[sentence].endToken <= first) ++sentence;
  return classifier.classify(text, tokens, sentences, sentence, first, end, recognition.mentions)
      .toString();
}

TEST(StatusClassifier, Asserted_PlainStatements) {
  EXPECT_EQ(status("Les FAMa ont [attaqué] Kidal à l'aube."), "asserted");
  EXPECT_EQ(status("Le [retrait] de la MINUSMA de Gao est achevé."), "asserted");
  EXPECT_EQ(status("On annonce l'[arrivée] de Wagner à Kidal."), "asserted");
}

TEST(StatusClassifier, Asserted_RefuseDeIsARelationNotANegation) {
  EXPECT_EQ(status("Le Mali [refuse] de recevoir les Casques bleus."), "asserted");
  EXPECT_EQ(status("La junte malienne [rejette] la médiation de la France."), "asserted");
}

TEST(StatusClassifier, Negated_NeAroundTheCueVerb) {
  EXPECT_EQ(status("Les FAMa n'ont pas [attaqué] Kidal."), "negated");
  EXPECT_EQ(status("Wagner n'[attaque] plus les positions du JNIM."), "negated");
  EXPECT_EQ(status("La Russie ne l'a jamais [soutenu] ouvertement."), "negated");
  EXPECT_EQ(status("Les Casques bleus ne se sont guère [retirés] de Gao."), "negated");
  EXPECT_EQ(status("La France n'a pas autorisé le [déploiement] de ses avions."), "negated");
}

TEST(StatusClassifier, Negated_OnlyWhenTheNegationGovernsTheCueClause) {
  EXPECT_EQ(status("L'armée, qui n'a pas été consultée, [attaque] Kidal."), "asserted");
  EXPECT_EQ(status("Wagner n'a pas attaqué Gao et a [repris] Kidal."), "asserted");
  EXPECT_EQ(status("Les FAMa n'[attaquent] que les positions du JNIM."), "asserted");
  EXPECT_EQ(status("La France ne bouge pas quand Wagner [attaque] Kidal."), "asserted");
}

TEST(StatusClassifier, Negated_AucunSansPasDeBeforeTheCue) {
  EXPECT_EQ(status("Il n'existe aucun [lien] entre Wagner et le JNIM."), "negated");
  EXPECT_EQ(status("Aucune [attaque] n'a visé Gao depuis mars."), "negated");
  EXPECT_EQ(status("La junte gouverne sans le [soutien] de la France."), "negated");
  EXPECT_EQ(status("Pas de [retrait] de la MINUSMA avant juin."), "negated");
}

TEST(StatusClassifier, Negated_WhatADenialVerbGoverns) {
  EXPECT_EQ(status("La France dément que ses soldats aient [attaqué] Kidal."), "negated");
  EXPECT_EQ(status("Wagner nie avoir [attaqué] le village."), "negated");
  EXPECT_EQ(status("Le Mali a démenti toute [présence] de Wagner à Gao."), "negated");
  // A verb of saying or believing under a negation does not claim: it denies.
  EXPECT_EQ(status("Paris ne croit pas que la junte [quitte] la Cédéao."), "negated");
  // A denial in an apposition does not reach past its comma.
  EXPECT_EQ(status("La Russie, qui nie tout, [soutient] les FAMa."), "asserted");
}

TEST(StatusClassifier, Claimed_SelonDapresAuxDiresDe) {
  EXPECT_EQ(status("Selon la France, Wagner a [attaqué] Kidal."), "claimed by france");
  EXPECT_EQ(status("Wagner a [attaqué] Kidal, d'après les États-Unis."), "claimed by etats-unis");
  EXPECT_EQ(status("Aux dires de la Russie, les FAMa [contrôlent] Gao."), "claimed by russie");
  EXPECT_EQ(status("Selon Bamako, la MINUSMA [quitte] Gao."), "claimed by mali");
  EXPECT_EQ(status("Selon des témoins, des hommes armés ont [attaqué] Ber."), "claimed");
}

TEST(StatusClassifier, Claimed_SelonReachesItsOwnClauseOnly) {
  EXPECT_EQ(status("Selon la France, Wagner, qui a [quitté] Gao, reste à Kidal."),
            "claimed by france");
  EXPECT_EQ(status("Les FAMa [tiennent] Gao, dont le marché reste selon la France très animé."),
            "asserted");
  EXPECT_EQ(status("Selon la Russie, Wagner reste, mais la MINUSMA [quitte] Gao."), "asserted");
}

TEST(StatusClassifier, Claimed_SelonLequelNamesTheSpeakerBefore) {
  EXPECT_EQ(status("Un rapport de la MINUSMA selon lequel Wagner a [tué] des civils circule."),
            "claimed by minusma");
}

TEST(StatusClassifier, Claimed_VerbOfSayingWithQue) {
  EXPECT_EQ(status("La France affirme que Wagner a [attaqué] Kidal."), "claimed by france");
  EXPECT_EQ(status("Les États-Unis estiment, dans une note, que la Russie [finance] Wagner."),
            "claimed by etats-unis");
  EXPECT_EQ(status("Le ministre malien assure que Wagner [tient] Gao."), "claimed by mali");
  EXPECT_EQ(status("À Kidal, on raconte que le JNIM [contrôle] la route."), "claimed");
  EXPECT_EQ(status("Le JNIM dit avoir [repris] le camp de Ber."), "claimed by jnim");
}

TEST(StatusClassifier, Claimed_NotTheVerbOfSayingItself) {
  EXPECT_EQ(status("La France [accuse] le Mali."), "asserted");
  EXPECT_EQ(status("La France [dénonce] le recours à Wagner."), "asserted");
}

TEST(StatusClassifier, Claimed_ContrastEndsTheReachOfAVerbOfSaying) {
  EXPECT_EQ(status("La France affirme que Wagner est parti, mais les FAMa [attaquent] Kidal."),
            "asserted");
}

TEST(StatusClassifier, Claimed_AccusationAndItsPassive) {
  EXPECT_EQ(status("Bamako accuse Paris d'avoir [armé] le JNIM."), "claimed by mali");
  EXPECT_EQ(status("Wagner, accusé par la France d'avoir [tué] des civils, reste à Gao."),
            "claimed by france");
  EXPECT_EQ(status("Accusé par la France d'avoir [tué] des civils, Wagner reste à Gao."),
            "claimed by france");
}

TEST(StatusClassifier, Claimed_InciseAfterTheStatement) {
  EXPECT_EQ(status("Les FAMa ont [repris] Kidal, a annoncé le gouvernement malien."),
            "claimed by mali");
  EXPECT_EQ(status("Wagner a [quitté] Gao, indique la note de la diplomatie française."),
            "claimed by france");
  EXPECT_EQ(status("Le JNIM [contrôle] la route, a-t-il déclaré."), "claimed");
}

TEST(StatusClassifier, Claimed_NoInciseAfterAnAppositionOrAParticiple) {
  EXPECT_EQ(status("Le [ministre] malien, Abdoulaye Diop, a annoncé le retrait de la MINUSMA."),
            "asserted");
  EXPECT_EQ(status("Les FAMa ont [bombardé] le camp, accusant le JNIM de l'occuper."), "asserted");
  EXPECT_EQ(status("Les FAMa ont [bombardé] le camp, qu'elles disent vide."), "asserted");
  EXPECT_EQ(status("Les FAMa ont [bombardé] le camp, qu'elles accusaient le JNIM d'occuper."),
            "asserted");
}

TEST(StatusClassifier, Claimed_QuoteAttributedBefore) {
  EXPECT_EQ(status("Le ministre russe a déclaré : « Nous [soutenons] les FAMa. »"),
            "claimed by russie");
  EXPECT_EQ(status("La France a déclaré : \"Wagner [opère] à Gao.\""), "claimed by france");
  EXPECT_EQ(status("Le \"camp\" est vide. La France a déclaré : \"La situation est grave. "
                   "Wagner [opère] à Gao.\""),
            "claimed by france");
}

TEST(StatusClassifier, Claimed_QuoteAttributedAfter) {
  EXPECT_EQ(status("« Les FAMa [contrôlent] Kidal », a indiqué la Russie."), "claimed by russie");
  EXPECT_EQ(status("“Le JNIM [recrute] à Ber”, selon les États-Unis."), "claimed by etats-unis");
}

TEST(StatusClassifier, Claimed_QuoteSpanningSentences) {
  EXPECT_EQ(status("Les États-Unis ont déclaré : « La situation est grave. Wagner [opère] à "
                   "Gao. » Le Mali se tait."),
            "claimed by etats-unis");
  EXPECT_EQ(status("« La situation est grave. Wagner [opère] à Gao. Il faut agir », a écrit la "
                   "diplomatie française."),
            "claimed by france");
  EXPECT_EQ(status("« La Russie est là, a déclaré la France. Wagner [opère] à Gao. »"),
            "claimed by france");
}

TEST(StatusClassifier, Claimed_NotForUnattributedOrClosedQuotes) {
  EXPECT_EQ(status("Les « partenaires » russes [soutiennent] les FAMa."), "asserted");
  EXPECT_EQ(status("Le Mali salue le « [soutien] fraternel » de la Russie."), "asserted");
  EXPECT_EQ(status("« Kidal est tombée », a dit la France. Les FAMa [tiennent] Gao."), "asserted");
}

TEST(StatusClassifier, Claimed_ConditionalOfHearsay) {
  EXPECT_EQ(status("Des mercenaires de Wagner auraient [exécuté] des civils."), "claimed");
  EXPECT_EQ(status("Le JNIM [attaquerait] Kidal depuis lundi."), "claimed");
  EXPECT_EQ(status("L'[attaque] de Kidal aurait fait dix morts."), "claimed");
  EXPECT_EQ(status("Selon la France, Wagner aurait [tué] des civils."), "claimed by france");
}

TEST(StatusClassifier, Hypothetical_ConditionClause) {
  EXPECT_EQ(status("Si Wagner [attaque] Kidal, les FAMa riposteront."), "hypothetical");
  EXPECT_EQ(status("S'il [quitte] le Mali, Wagner perdra ses mines."), "hypothetical");
  EXPECT_EQ(status("Si le JNIM attaquait Gao, la France [interviendrait]."), "hypothetical");
  EXPECT_EQ(status("Même si la France a [quitté] le Mali, elle reste au Sahel."), "asserted");
}

TEST(StatusClassifier, Hypothetical_ModalsAndPossibilityWords) {
  EXPECT_EQ(status("La Russie pourrait [déployer] des troupes à Gao."), "hypothetical");
  EXPECT_EQ(status("Wagner risque de [quitter] Kidal."), "hypothetical");
  EXPECT_EQ(status("La France envisage de [retirer] ses soldats."), "hypothetical");
  EXPECT_EQ(status("Le JNIM menace d'[attaquer] Bamako."), "hypothetical");
  EXPECT_EQ(status("Un éventuel [retrait] de la MINUSMA inquiète."), "hypothetical");
  EXPECT_EQ(status("En cas d'[attaque] contre Gao, Paris réagira."), "hypothetical");
  EXPECT_EQ(status("La Russie serait prête à [soutenir] les FAMa."), "hypothetical");
}

TEST(StatusClassifier, Precedence_NegatedInsideAClaimStaysNegated) {
  EXPECT_EQ(status("Selon Paris, Wagner n'a pas [attaqué] Kidal."), "negated");
  EXPECT_EQ(status("La Russie affirme que Wagner n'a jamais [combattu] à Kidal."), "negated");
}

TEST(StatusClassifier, Precedence_NegatedBeatsHypothetical) {
  EXPECT_EQ(status("Si Wagner n'[attaque] pas Kidal, les FAMa avanceront."), "negated");
}

TEST(StatusClassifier, Precedence_HypotheticalBeatsClaimed) {
  EXPECT_EQ(status("La France affirme que Wagner pourrait [attaquer] Kidal."), "hypothetical");
}

TEST(StatusClassifier, ToleratesOutOfRangeIndices) {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  StatusClassifier classifier(testing::testOntology());
  EXPECT_EQ(classifier.classify("", tokens, sentences, 3, 0, 1, mentions).toString(), "asserted");
}

}  // namespace
}  // namespace newsgraph::ingest

// Relation extraction, one pattern family per test, on sentences written for these tests.
#include "newsgraph/ingest/relation_extractor.h"

#include <gtest/gtest.h>

#include "newsgraph/ingest/pipeline.h"
#include "test_ontology.h"

namespace newsgraph::ingest {
namespace {

// The relations of `text` as "s P o [status..., pattern]" joined by "; ".
std::string relations(const std::string& text, const std::string& date = "") {
  static Pipeline pipeline(testing::testOntology(), nullptr);
  Article article;
  article.doc = "test";
  article.text = text;
  if (!date.empty()) article.date = common::PartialDate::parse(date);
  DocumentAnalysis analysis = pipeline.analyze(article);
  std::string out;
  for (const ExtractedRelation& r : analysis.relations) {
    if (!out.empty()) out += "; ";
    out += r.toString();
  }
  return out;
}

TEST(RelationExtractor, ActiveVoice) {
  EXPECT_EQ(relations("Les FAMa attaquent Kidal."), "fama ATTACKS kidal [asserted, active]");
  EXPECT_EQ(relations("Wagner s'est emparé de Gao."), "wagner CAPTURES gao [asserted, active]");
}

TEST(RelationExtractor, PassiveVoiceAndApposition) {
  EXPECT_EQ(relations("L'armée malienne, soutenue par Wagner, s'empare de Kidal."),
            "wagner SUPPORTS fama [asserted, passive]; fama CAPTURES kidal [asserted, active]");
}

TEST(RelationExtractor, Nominalizations) {
  EXPECT_EQ(relations("Le départ de la MINUSMA de Gao inquiète."),
            "minusma WITHDRAWS_FROM gao [asserted, nominal]");
  EXPECT_EQ(relations("On annonce l'arrivée de Wagner à Kidal."),
            "wagner DEPLOYS_TO kidal [asserted, nominal]");
  EXPECT_EQ(relations("La prise de Kidal par les FAMa a surpris."),
            "fama CAPTURES kidal [asserted, object-nominal]");
  EXPECT_EQ(relations("La Russie a renouvelé son soutien à la junte malienne."),
            "russie SUPPORTS mali [asserted, nominal]");
  EXPECT_EQ(relations("La coopération entre la France et la Côte d'Ivoire se poursuit."),
            "france COOPERATES_WITH cote-d-ivoire [asserted, between]");
}

TEST(RelationExtractor, PassiveWithEtreAndMotionVerbs) {
  EXPECT_EQ(relations("Le convoi de la MINUSMA a été attaqué par Wagner près de Gao."),
            "wagner ATTACKS minusma [asserted, passive]");
  EXPECT_EQ(relations("Le convoi de la MINUSMA a été attaqué près de Gao."), "");
  EXPECT_EQ(relations("Wagner est entré dans Kidal."), "wagner CAPTURES kidal [asserted, active]");
}

TEST(RelationExtractor, RelativeClauseObject) {
  EXPECT_EQ(relations("La MINUSMA, que la France soutient, part."),
            "france SUPPORTS minusma [asserted, active]");
}

TEST(RelationExtractor, ParticipleAfterANounIsAnAdjective) {
  // "évacué" qualifies "camp": no withdrawal; the bombing is an attack.
  EXPECT_EQ(relations("Les FAMa ont bombardé le camp évacué près de Kidal."),
            "fama ATTACKS kidal [asserted, active]");
}

TEST(RelationExtractor, DemonymsAreNeverPlaces) {
  // The feminine participle agrees with "les FAMa"; the demonym is the supporting actor.
  EXPECT_EQ(relations("Les FAMa ont repris la ville, appuyées par l'aviation française."),
            "france SUPPORTS fama [asserted, passive]");
}

TEST(RelationExtractor, CoordinationOnEitherSide) {
  EXPECT_EQ(
      relations("Le Royaume-Uni, la Côte d'Ivoire et la France retirent leurs troupes du Mali."),
      "royaume-uni WITHDRAWS_FROM mali [asserted, active]; cote-d-ivoire WITHDRAWS_FROM mali "
      "[asserted, active]; france WITHDRAWS_FROM mali [asserted, active]");
  EXPECT_EQ(relations("Les FAMa ont attaqué Gao et Kidal."),
            "fama ATTACKS gao [asserted, active]; fama ATTACKS kidal [asserted, active]");
}

TEST(RelationExtractor, PossessiveAllies) {
  EXPECT_EQ(relations("Les FAMa et leurs alliés de Wagner avancent."),
            "fama ALLIED_WITH wagner [asserted, object-nominal]");
}

TEST(RelationExtractor, ImplicitArguments) {
  // A withdrawal without a place leaves the country the article is about (Gao lies in Mali).
  EXPECT_EQ(relations("La France quitte Gao. Les autorités maliennes se taisent. Depuis, la Côte "
                      "d'Ivoire retire ses troupes."),
            "france WITHDRAWS_FROM gao [asserted, active]; cote-d-ivoire WITHDRAWS_FROM mali "
            "[asserted, implicit-object]");
  // "la junte" is the government of that country.
  EXPECT_EQ(relations("À Bamako, la junte a signé un partenariat avec Wagner."),
            "mali COOPERATES_WITH wagner [asserted, active]");
}

TEST(RelationExtractor, TitlesInApposition) {
  EXPECT_EQ(relations("Le ministre russe des Affaires étrangères, Vladimir Poutine, parle."),
            "vladimir-poutine MEMBER_OF russie [asserted, title]");
  EXPECT_EQ(relations("Le président de la Russie, Vladimir Poutine, parle."),
            "vladimir-poutine LEADS russie [asserted, title]");
}

TEST(RelationExtractor, CarriesTheStatusOfTheStatement) {
  EXPECT_EQ(relations("Les FAMa n'ont pas attaqué Kidal."), "fama ATTACKS kidal [negated, active]");
  EXPECT_EQ(relations("Selon la France, Wagner a attaqué Gao."),
            "wagner ATTACKS gao [claimed by france, active]");
  EXPECT_EQ(relations("Wagner pourrait attaquer Kidal."),
            "wagner ATTACKS kidal [hypothetical, active]");
  EXPECT_EQ(relations("Les mercenaires russes auraient attaqué Gao."),
            "wagner ATTACKS gao [claimed, active]");
}

TEST(RelationExtractor, UsesTheSentenceDateElseTheArticleDate) {
  EXPECT_EQ(relations("Le 14 novembre 2023, les FAMa attaquent Kidal.", "2023-12"),
            "fama ATTACKS kidal [asserted, 2023-11-14, active]");
  EXPECT_EQ(relations("Les FAMa attaquent Kidal.", "2023-12"),
            "fama ATTACKS kidal [asserted, 2023-12, active]");
}

TEST(RelationExtractor, ExtractsNothingFromAMereMention) {
  EXPECT_EQ(relations("La France et le Mali figurent dans le rapport."), "");
  EXPECT_EQ(relations("Des frappes ont visé des positions, selon un témoin."), "");
  EXPECT_EQ(relations("Les accusations des FAMa envers Wagner restent floues."), "");
}

TEST(RelationExtractor, RespectsDomainAndRange) {
  // CAPTURES wants a place: an actor after the cue is not its object.
  EXPECT_EQ(relations("Les FAMa s'emparent de Wagner."), "");
}

TEST(RelationExtractor, CapitalInAnActorSlotNamesTheState) {
  EXPECT_EQ(relations("Le JNIM accuse Bamako de mentir."),
            "jnim CRITICIZES mali [asserted, active]");
  EXPECT_EQ(relations("Le JNIM reproche en outre à Paris son silence."),
            "jnim CRITICIZES france [asserted, active]");
  // Where a place fits, the capital stays the town; before the cue it is not read as a state.
  EXPECT_EQ(relations("Wagner opère à Bamako."), "wagner OPERATES_IN bamako [asserted, active]");
  EXPECT_EQ(relations("À Bamako, le JNIM critique la France."),
            "jnim CRITICIZES france [asserted, active]");
  EXPECT_EQ(relations("Des soldats ont gagné Bamako et arrêté un ministre."), "");
}

TEST(RelationExtractor, CueWithWordsBetweenHeadAndPreposition) {
  EXPECT_EQ(relations("La Russie a renouvelé son soutien militaire à la junte malienne."),
            "russie SUPPORTS mali [asserted, nominal]");
  EXPECT_EQ(relations("Le déploiement au Mali de mercenaires de Wagner inquiète."),
            "wagner DEPLOYS_TO mali [asserted, nominal]");
  EXPECT_EQ(relations("La France a obtenu l'appui unanime de la Russie."),
            "russie SUPPORTS france [asserted, nominal]");
  EXPECT_EQ(relations("Le soutien massif de la population reste faible."), "");
  // A support noun qualifying another noun is no act of support.
  EXPECT_EQ(relations("Wagner a diffusé une vidéo de soutien aux soldats maliens."), "");
}

TEST(RelationExtractor, InfinitiveAfterAnAccusationOrAnOrder) {
  EXPECT_EQ(relations("La France accuse Wagner d'avoir attaqué Kidal."),
            "france CRITICIZES wagner [asserted, active]; "
            "wagner ATTACKS kidal [claimed by france, infinitive]");
  EXPECT_EQ(
      relations("Les autorités maliennes ont sommé les soldats ivoiriens de quitter le pays."),
      "mali EXPELS cote-d-ivoire [asserted, order-to-leave]");
  // Any other verb keeps its own subject for the infinitive.
  EXPECT_EQ(relations("La France a choisi de quitter Gao."),
            "france WITHDRAWS_FROM gao [asserted, active]");
  EXPECT_EQ(relations("Les FAMa ont remercié la Russie avant de quitter Kidal."),
            "fama WITHDRAWS_FROM kidal [asserted, active]");
}

TEST(RelationExtractor, ComponentsAndAlliesInNounPhrases) {
  EXPECT_EQ(relations("Wagner, l'une des unités des FAMa, patrouille."),
            "wagner PART_OF fama [asserted, apposition]");
  EXPECT_EQ(relations("Les FAMa et leurs nouveaux alliés russes avancent."),
            "fama ALLIED_WITH russie [asserted, possessive]");
  EXPECT_EQ(relations("Wagner, dont les FAMa se méfient, patrouille."), "");
}

TEST(RelationExtractor, TitlesWithAnOrganOrAPossessive) {
  EXPECT_EQ(relations("Le président de la Commission de la MINUSMA, Vladimir Poutine, parle."),
            "vladimir-poutine MEMBER_OF minusma [asserted, title]");
  EXPECT_EQ(relations("La Russie a réagi. Son porte-parole, Vladimir Poutine, a parlé."),
            "vladimir-poutine MEMBER_OF russie [asserted, title]");
}

TEST(RelationExtractor, AnaphoricSubjects) {
  EXPECT_EQ(relations("Le JNIM dément. Le groupe accuse la France de mentir."),
            "jnim CRITICIZES france [asserted, active]");
  EXPECT_EQ(relations("Le JNIM dément. Un autre groupe accuse la France de mentir."), "");
}

TEST(RelationExtractor, ListsAndClauseLimits) {
  EXPECT_EQ(relations("Les FAMa ont quitté Kidal fin 2021, puis Gao en avril."),
            "fama WITHDRAWS_FROM kidal [asserted, 2021, active]; "
            "fama WITHDRAWS_FROM gao [asserted, 2021, active]");
  EXPECT_EQ(relations("Le contingent ivoirien de la MINUSMA quitte Gao."),
            "minusma WITHDRAWS_FROM gao [asserted, active]");
  EXPECT_EQ(relations("La MINUSMA a condamné les violences, sans citer la Russie."), "");
  EXPECT_EQ(relations("La Russie a dénoncé un acte terroriste et réaffirmé son soutien au Mali."),
            "russie SUPPORTS mali [asserted, nominal]");
  EXPECT_EQ(relations("La MINUSMA, que la France soutient, condamne Wagner."),
            "france SUPPORTS minusma [asserted, active]; "
            "minusma CRITICIZES wagner [asserted, active]");
  EXPECT_EQ(relations("Des groupes armés circulent à Gao."), "");
}

TEST(RelationExtractor, FeminineParticiplesAndSplitPrepositions) {
  EXPECT_EQ(relations("La MINUSMA est soutenue par la Russie."),
            "russie SUPPORTS minusma [asserted, passive]");
  EXPECT_EQ(relations("Le JNIM a lancé un assaut massif contre Gao."),
            "jnim ATTACKS gao [asserted, active]");
  // Past the preposition's own phrase the object is someone else's.
  EXPECT_EQ(
      relations("Wagner a lancé un assaut contre deux blindés appartenant jadis à la MINUSMA."),
      "");
}

TEST(RelationExtractor, AppositionBeforeAVerbGroup) {
  // The auxiliaries belong to the verb: the subject is the name before the apposition.
  EXPECT_EQ(relations("Wagner, l'une des unités des FAMa, s'était emparé de Kidal."),
            "wagner CAPTURES kidal [asserted, active]; wagner PART_OF fama [asserted, apposition]");
  EXPECT_EQ(relations("La MINUSMA, que la France a soutenue, a quitté Gao."),
            "france SUPPORTS minusma [asserted, active]; minusma WITHDRAWS_FROM gao [asserted, "
            "active]");
}

TEST(RelationExtractor, MembershipOfStates) {
  EXPECT_EQ(relations("Wagner s'était emparé de Kidal."),
            "wagner CAPTURES kidal [asserted, active]");
  EXPECT_EQ(relations("La Côte d'Ivoire pourrait rejoindre la MINUSMA."),
            "cote-d-ivoire MEMBER_OF minusma [hypothetical, active]");
  EXPECT_EQ(relations("La Côte d'Ivoire n'est plus membre de la MINUSMA."),
            "cote-d-ivoire WITHDRAWS_FROM minusma [asserted, active]");
}

}  // namespace
}  // namespace newsgraph::ingest

// Light coreference in the relation stage (docs/EXTRACTION.md, "Anaphora"), on sentences
// written for these tests: definite descriptions, "y", possessive forces, coordinated verbs.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "newsgraph/ingest/pipeline.h"
#include "newsgraph/ingest/relation_extractor.h"
#include "test_ontology.h"

namespace newsgraph::ingest {
namespace {

// The test ontology plus the background fact that the FAMa are Mali's armed forces.
const ontology::Ontology& ontologyWithForces() {
  static const ontology::Ontology kOntology = [] {
    std::vector<ontology::TurtleSource> sources;
    for (const auto& source : ontology::defaultOntologySources()) {
      if (source.name.find("gazetteer") == std::string::npos) sources.push_back(source);
    }
    std::ifstream in(std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/mini_gazetteer.ttl");
    std::ostringstream text;
    text << in.rdbuf() << "ent:fama ng:partOf ent:mali .\n";
    sources.push_back({"mini_gazetteer.ttl", text.str()});
    auto loaded = ontology::loadOntology(sources);
    if (!loaded) throw std::runtime_error(loaded.error().toString());
    return std::move(loaded).value();
  }();
  return kOntology;
}

// The relations of `text` as "s P o [status..., pattern]" joined by "; ".
std::string relations(const std::string& text, bool withForces = false) {
  static Pipeline pipeline(testing::testOntology(), nullptr);
  static Pipeline forcesPipeline(ontologyWithForces(), nullptr);
  Article article;
  article.doc = "test";
  article.text = text;
  DocumentAnalysis analysis = (withForces ? forcesPipeline : pipeline).analyze(article);
  std::string out;
  for (const ExtractedRelation& r : analysis.relations) {
    if (!out.empty()) out += "; ";
    out += r.toString();
  }
  return out;
}

TEST(RelationAnaphora, PlaceDescriptionStandsForTheLastTown) {
  EXPECT_EQ(
      relations("Le JNIM a attaqué Gao. Trois jours plus tard, les FAMa ont repris la ville."),
      "jnim ATTACKS gao [asserted, active]; fama CAPTURES gao [asserted, active]");
}

TEST(RelationAnaphora, PlaceDescriptionPrefersTheSameNoun) {
  // Kidal is named last, but "le camp" was introduced as the camp of Ber.
  EXPECT_EQ(relations("La MINUSMA a quitté le camp de Ber mardi. Un convoi parti de Kidal est "
                      "arrivé le soir. Le camp a été attaqué par le JNIM."),
            "minusma WITHDRAWS_FROM ber [asserted, active]; jnim ATTACKS ber [asserted, passive]");
}

TEST(RelationAnaphora, DistanceLandmarksAreNoAntecedents) {
  EXPECT_EQ(relations("Le JNIM s'est emparé de Ber, à 60 kilomètres de Gao. Les FAMa ont repris "
                      "la localité."),
            "jnim CAPTURES ber [asserted, active]; fama CAPTURES ber [asserted, active]");
}

TEST(RelationAnaphora, FightersInTheObjectSlot) {
  EXPECT_EQ(
      relations("Wagner est arrivé à Gao. La France condamne l'arrivée de ces mercenaires."),
      "wagner DEPLOYS_TO gao [asserted, active]; france CRITICIZES wagner [asserted, active]");
}

TEST(RelationAnaphora, PossessiveForcesBelongToTheActorBefore) {
  EXPECT_EQ(relations("L'état-major malien a annoncé que ses troupes avaient repris Kidal."),
            "mali CAPTURES kidal [claimed by mali, active]");
}

TEST(RelationAnaphora, NegatedAndHypothetical) {
  EXPECT_EQ(relations("Le JNIM a attaqué Gao. Les FAMa n'ont pas repris la ville."),
            "jnim ATTACKS gao [asserted, active]; fama CAPTURES gao [negated, active]");
  EXPECT_EQ(relations("Le JNIM a attaqué Gao. Les FAMa pourraient s'emparer de la ville."),
            "jnim ATTACKS gao [asserted, active]; fama CAPTURES gao [hypothetical, active]");
}

TEST(RelationAnaphora, NothingWithoutAnAntecedentOfTheRightClass) {
  // No armed group before "le mouvement"; no town before "la ville".
  EXPECT_EQ(relations("La France a quitté Gao. Le mouvement accuse les FAMa."),
            "france WITHDRAWS_FROM gao [asserted, active]");
  EXPECT_EQ(relations("La France et la Russie se sont parlé. Les FAMa ont repris la ville."), "");
}

TEST(RelationAnaphora, ADescriptionWithAComplementIsANewReferent) {
  // "les combattants de Wagner" names Wagner; "la ville de Kidal" names Kidal.
  EXPECT_EQ(relations("Le JNIM a attaqué Kidal. Les combattants de Wagner ont quitté Gao."),
            "jnim ATTACKS kidal [asserted, active]; wagner WITHDRAWS_FROM gao [asserted, active]");
}

TEST(RelationAnaphora, MereCoMentionGivesNothing) {
  EXPECT_EQ(relations("Le JNIM est actif près de Gao. Les habitants de la ville sont inquiets."),
            "");
}

TEST(RelationAnaphora, CoordinatedVerbSharesTheSubject) {
  EXPECT_EQ(relations("La France et les États-Unis condamnent l'offensive et accusent la Russie."),
            "france CRITICIZES russie [asserted, active]; etats-unis CRITICIZES russie "
            "[asserted, active]");
  EXPECT_EQ(relations("Les FAMa ont encerclé Gao puis se sont emparées de Kidal."),
            "fama CAPTURES kidal [asserted, active]");
}

TEST(RelationAnaphora, PossessiveNounJoinsACoordination) {
  EXPECT_EQ(relations("Le JNIM accuse l'armée malienne et ses supplétifs de Wagner."),
            "jnim CRITICIZES fama [asserted, active]; jnim CRITICIZES wagner [asserted, active]");
}

TEST(RelationPlaces, AppositionPlacesATown) {
  EXPECT_EQ(
      relations("Le JNIM a attaqué Ber, une localité de la région de Kidal."),
      "jnim ATTACKS ber [asserted, active]; ber LOCATED_IN kidal [asserted, place-apposition]");
  // A distance phrase in between; its landmark (Gao) is not the town placed.
  EXPECT_EQ(
      relations("Le JNIM a attaqué Ber, à 60 kilomètres au nord de Gao, dans la région de "
                "Kidal."),
      "jnim ATTACKS ber [asserted, active]; ber LOCATED_IN kidal [asserted, place-apposition]");
  // A description of the town named before: "cette localité du cercle de X".
  EXPECT_EQ(
      relations("Le JNIM a attaqué Ber. Les habitants de cette localité du cercle de Kidal "
                "ont fui."),
      "jnim ATTACKS ber [asserted, active]; ber LOCATED_IN kidal [asserted, place-apposition]");
}

TEST(RelationPlaces, NoDivisionNoContainment) {
  EXPECT_EQ(relations("Le JNIM a attaqué Ber, dans la nuit de lundi."),
            "jnim ATTACKS ber [asserted, active]");
  EXPECT_EQ(relations("Des habitants de Ber et de Kidal ont fui vers la région."), "");
}

TEST(RelationReciprocal, SymmetricVerbRelatesItsCoordinatedSubjects) {
  EXPECT_EQ(relations("Le JNIM et Wagner coopèrent."),
            "jnim COOPERATES_WITH wagner [asserted, reciprocal]");
  EXPECT_EQ(relations("Le JNIM et Wagner ne coopèrent pas."),
            "jnim COOPERATES_WITH wagner [negated, reciprocal]");
  EXPECT_EQ(relations("Les rebelles du JNIM et les combattants de Wagner pourraient coopérer."),
            "jnim COOPERATES_WITH wagner [hypothetical, reciprocal]");
  // One subject and no object: nothing.
  EXPECT_EQ(relations("Le JNIM coopère."), "");
}

TEST(RelationCoordination, OuCoordinatesWhereOuOpensAClause) {
  EXPECT_EQ(relations("Le JNIM ou Wagner ont attaqué Gao."),
            "jnim ATTACKS gao [asserted, active]; wagner ATTACKS gao [asserted, active]");
}

TEST(RelationClauses, MainSubjectBeforeALongRelativeClause) {
  EXPECT_EQ(relations("La France, qui entretient de bonnes relations avec plusieurs pays de la "
                      "région, a laissé entendre qu'elle pourrait attaquer Gao."),
            "france ATTACKS gao [hypothetical, active]");
}

TEST(RelationClauses, PartnersAfterAvecActToo) {
  EXPECT_EQ(relations("La France a attaqué Gao avec les États-Unis."),
            "france ATTACKS gao [asserted, active]; etats-unis ATTACKS gao [asserted, co-agent]");
  // Means and support are no partners.
  EXPECT_EQ(relations("La France a attaqué Gao avec des drones."),
            "france ATTACKS gao [asserted, active]");
  EXPECT_EQ(relations("La France a attaqué Gao avec l'appui des États-Unis."),
            "france ATTACKS gao [asserted, active]");
}

TEST(RelationClauses, ModalAndEchoPronounBelongToTheVerbGroup) {
  EXPECT_EQ(relations("La Russie, proche du Mali, pourrait elle aussi attaquer Gao."),
            "russie AFFILIATED_WITH mali [asserted, active]; russie ATTACKS gao [hypothetical, "
            "active]");
}

TEST(RelationAnaphora, PossessiveForcesOfAStateAreItsArmedForces) {
  // The background facts give fama PART_OF mali.
  EXPECT_EQ(relations("Selon l'état-major malien, ses troupes ont été appuyées par Wagner.", true),
            "wagner SUPPORTS fama [claimed by mali, passive]");
  // Without the fact, the state itself.
  EXPECT_EQ(relations("Selon l'état-major malien, ses troupes ont été appuyées par Wagner."),
            "wagner SUPPORTS mali [claimed by mali, passive]");
}

TEST(RelationImplicit, NamedObjectReplacesTheImplicitOne) {
  EXPECT_EQ(relations("Le retrait de la MINUSMA, qui a quitté son camp de Kidal, inquiète."),
            "minusma WITHDRAWS_FROM kidal [asserted, active]");
}

TEST(RelationCoordination, MonthsBetweenMembers) {
  EXPECT_EQ(relations("La France a quitté Kidal fin 2021, puis Gao en avril et Ber en juin."),
            "france WITHDRAWS_FROM kidal [asserted, 2021, active]; france WITHDRAWS_FROM gao "
            "[asserted, 2021, active]; france WITHDRAWS_FROM ber [asserted, 2021, active]");
}

TEST(RelationNominal, ObjectHeadsThePhraseAfterThePreposition) {
  EXPECT_EQ(relations("La Russie a apporté son aide aux groupes armés hostiles à la présence "
                      "de l'armée malienne."),
            "");
}

TEST(RelationAnaphora, LeaderDescriptionStandsForThePersonNamedLast) {
  EXPECT_EQ(relations("Vladimir Poutine reste silencieux. Le chef de l'État a fait arrêter "
                      "plusieurs officiers à Kidal."),
            "");
  EXPECT_EQ(relations("Vladimir Poutine reste silencieux. Le chef de l'État a attaqué Kidal."),
            "vladimir-poutine ATTACKS kidal [asserted, active]");
  // No person before: nothing; a name in apposition is a title, not an anaphor.
  EXPECT_EQ(relations("La France reste silencieuse. Le chef de l'État a attaqué Kidal."), "");
  EXPECT_EQ(relations("Vladimir Poutine reste silencieux. Le chef de l'État, Bah N'Daw, a attaqué "
                      "Kidal."),
            "bah-n-daw ATTACKS kidal [asserted, active]");
}

TEST(RelationSignatories, PartiesOfASigningCooperate) {
  EXPECT_EQ(relations("L'accord a été signé le 15 mai par la France et par le Mali."),
            "france COOPERATES_WITH mali [asserted, signatories]");
  EXPECT_EQ(relations("La France a signé samedi à Bamako, avec le Mali, l'accord de paix."),
            "france COOPERATES_WITH mali [asserted, signatories]");
  EXPECT_EQ(relations("L'accord n'a pas été signé par la France et par le Mali."),
            "france COOPERATES_WITH mali [negated, signatories]");
  // One party only: nothing.
  EXPECT_EQ(relations("La France a signé l'accord à Bamako."), "");
}

TEST(RelationPassive, AgentAfterComplementsOfTimeAndPlace) {
  EXPECT_EQ(relations("Vladimir Poutine est retenu depuis le 26 juillet dans une résidence de "
                      "Bamako par les FAMa."),
            "fama DETAINS vladimir-poutine [asserted, passive]");
  // "par la route" holds no actor.
  EXPECT_EQ(relations("Vladimir Poutine est retenu depuis mardi, arrivé par la route."), "");
}

TEST(RelationPassive, ParticipleQualifiesTheAppositionHead) {
  EXPECT_EQ(relations("Les FAMa attaquent Wagner, la branche du JNIM implantée au nord et dirigée "
                      "par Vladimir Poutine."),
            "fama ATTACKS wagner [asserted, active]; vladimir-poutine LEADS wagner [asserted, "
            "passive]; wagner PART_OF jnim [asserted, apposition]");
}

TEST(RelationCoordination, PossessiveTitleBeforeAName) {
  EXPECT_EQ(relations("Les FAMa ont arrêté Vladimir Poutine et son Premier ministre Bah N'Daw."),
            "fama DETAINS vladimir-poutine [asserted, active]; fama DETAINS bah-n-daw [asserted, "
            "active]");
  // A title with a complement is no list member's title.
  EXPECT_EQ(relations("Les FAMa ont arrêté Vladimir Poutine, le ministre de Bah N'Daw."),
            "fama DETAINS vladimir-poutine [asserted, active]");
}

TEST(RelationNominal, SecondComplementOfAReceptionVerb) {
  EXPECT_EQ(relations("À Bamako, les autorités misent sur leur rapprochement avec Paris et sur "
                      "l'appui de la Russie."),
            "mali COOPERATES_WITH france [asserted, nominal]; russie SUPPORTS mali [asserted, "
            "nominal]");
}

TEST(RelationCues, EngagedInAPlace) {
  EXPECT_EQ(relations("La France reste engagée au Sahel."),
            "france OPERATES_IN sahel [asserted, active]");
  EXPECT_EQ(relations("La France s'est engagée à soutenir les FAMa."), "");
}

TEST(RelationTitles, AppointmentVerbGivesTheTitleToItsSubject) {
  EXPECT_EQ(relations("Vladimir Poutine a été présenté comme le président de la Russie."),
            "vladimir-poutine LEADS russie [asserted, title]");
  // The body named before: "le comité" stands for it.
  EXPECT_EQ(relations("Les putschistes forment le Comité de salut (CDS). Vladimir Poutine a été "
                      "désigné président du comité."),
            "vladimir-poutine LEADS cds [asserted, active]");
  // No appointment verb: no office.
  EXPECT_EQ(relations("Vladimir Poutine a rencontré le président du comité."), "");
}

TEST(RelationAnaphora, LocativePronounIsTheObjectOfAVerbOfPlace) {
  EXPECT_EQ(relations("Le JNIM s'est emparé de Ber, à 60 kilomètres de Gao. Les FAMa y sont "
                      "entrées mardi."),
            "jnim CAPTURES ber [asserted, active]; fama CAPTURES ber [asserted, active]");
  // "il y a" is no pronoun of place; a verb with no place cue takes nothing.
  EXPECT_EQ(relations("Le JNIM a attaqué Ber. Il y a eu des morts."),
            "jnim ATTACKS ber [asserted, active]");
  EXPECT_EQ(relations("Le JNIM a attaqué Ber. Les FAMa y sont restées."),
            "jnim ATTACKS ber [asserted, active]");
}

TEST(RelationClauses, SubjectsListedWithTheirDatesAfterTheObject) {
  EXPECT_EQ(
      relations("Les deux pays ont quitté la MINUSMA, la France dès mai 2022, puis la "
                "Russie fin 2023."),
      "france WITHDRAWS_FROM minusma [asserted, 2022-05, distributive]; russie WITHDRAWS_FROM "
      "minusma [asserted, 2022-05, distributive]");
  // Without a date after the first member, a list after the object is no subject.
  EXPECT_EQ(relations("Les deux pays ont quitté la MINUSMA, la France et la Russie."), "");
}

TEST(RelationNominal, WhoOrdersAWithdrawalExpels) {
  EXPECT_EQ(relations("La France a exigé devant le Conseil le retrait « sans délai » de Wagner "
                      "du Mali."),
            "france EXPELS wagner [asserted, ordered-withdrawal]; wagner WITHDRAWS_FROM mali "
            "[asserted, nominal]");
  // A demand as a noun orders nothing: "la demande de retrait de Wagner".
  EXPECT_EQ(relations("La France a évoqué la demande de retrait de Wagner du Mali."),
            "wagner WITHDRAWS_FROM mali [asserted, nominal]");
}

}  // namespace
}  // namespace newsgraph::ingest

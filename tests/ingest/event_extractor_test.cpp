// Event extraction on sentences written for these tests: each case builds the analysis with the
// pipeline on the test ontology and compares ExtractedEvent::toString(), one event per line.
#include "newsgraph/ingest/event_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "events_of.h"
#include "newsgraph/ingest/pipeline.h"
#include "test_ontology.h"

namespace newsgraph::ingest {
namespace {

// The events of `text` as an article published on `date` (none when null).
std::string eventsOf(const std::string& text, const char* date = "2024-03-20") {
  static const testing::EventLister lister(testing::testOntology());
  return lister.list(text, date);
}

TEST(EventExtractor, ToStringShowsMissingFieldsAsDashes) {
  ExtractedEvent event;
  event.type = "Strategic developments";
  event.subType = "Arrests";
  event.location = "gao";
  event.sentence = 2;
  event.confidence = 0.7;
  EXPECT_EQ(event.toString(),
            "Strategic developments/Arrests - vs - at gao - fatalities - (sentence 2, confidence "
            "0.70)");
}

TEST(EventExtractor, ClashBetweenTwoNamedSides) {
  EXPECT_EQ(
      eventsOf("Le 14 novembre 2023, de violents combats ont opposé les FAMa au JNIM à Kidal."),
      "Battles/Armed clash fama vs jnim at kidal 2023-11-14 fatalities - (sentence 0, "
      "confidence 1.00)");
  EXPECT_EQ(eventsOf("Des combats entre les FAMa et le JNIM ont eu lieu à Ber."),
            "Battles/Armed clash fama vs jnim at ber 2024-03-20 fatalities - (sentence 0, "
            "confidence 0.90)");
}

TEST(EventExtractor, AttackStaysViolenceAgainstCiviliansWhenCiviliansAreKilled) {
  EXPECT_EQ(eventsOf("Des hommes armés ont attaqué le village de Ndaki le 3 mars 2024, tuant au "
                     "moins 12 civils."),
            "Violence against civilians/Attack - vs - at ndaki 2024-03-03 fatalities 12 (sentence "
            "0, confidence 0.80)");
}

TEST(EventExtractor, AttackOnAnArmedTargetIsABattle) {
  EXPECT_EQ(eventsOf("Le JNIM a attaqué un camp militaire à Gao, tuant 5 soldats."),
            "Battles/Armed clash jnim vs - at gao 2024-03-20 fatalities 5 (sentence 0, confidence "
            "0.80)");
  // The source is no participant; a claim costs 0.1 of confidence.
  EXPECT_EQ(eventsOf("Selon la MINUSMA, le JNIM a attaqué les FAMa à Ber."),
            "Battles/Armed clash jnim vs fama at ber 2024-03-20 fatalities - (sentence 0, "
            "confidence 0.80)");
  // Passive with "tombé dans": the subject is the target.
  EXPECT_EQ(eventsOf("Le 2 mai 2024, un convoi des FAMa est tombé dans une embuscade près de Gao."),
            "Battles/Armed clash - vs fama at gao 2024-05-02 fatalities - (sentence 0, confidence "
            "0.90)");
}

TEST(EventExtractor, SpecificCuesOutrankGenericOnes) {
  // A drone strike that kills is an air strike, not an attack.
  EXPECT_EQ(eventsOf("Une frappe de drone a tué 5 combattants à Kidal."),
            "Explosions/Remote violence/Air/drone strike - vs - at kidal 2024-03-20 fatalities 5 "
            "(sentence 0, confidence 0.70)");
  // A defused bomb is no explosion.
  EXPECT_EQ(eventsOf("L'armée a désamorcé un engin explosif sur la route de Gao."),
            "Strategic developments/Disrupted weapons use - vs - at gao 2024-03-20 fatalities - "
            "(sentence 0, confidence 0.70)");
}

TEST(EventExtractor, ExplosionsNameTheirTarget) {
  EXPECT_EQ(eventsOf("Une frappe de drone de l'armée malienne a visé Kidal le 2 février 2024, "
                     "faisant des dizaines de morts."),
            "Explosions/Remote violence/Air/drone strike fama vs - at kidal 2024-02-02 fatalities "
            "10 (sentence 0, confidence 0.90)");
  EXPECT_EQ(eventsOf("Un engin explosif improvisé a frappé un convoi des FAMa près de Gao le 2 "
                     "février 2024."),
            "Explosions/Remote violence/Remote explosive/landmine/IED - vs fama at gao 2024-02-02 "
            "fatalities - (sentence 0, confidence 0.90)");
  // A capital standing for its state is an actor, not the place.
  EXPECT_EQ(eventsOf("Bamako a bombardé des positions rebelles près de Kidal."),
            "Explosions/Remote violence/Air/drone strike mali vs - at kidal 2024-03-20 fatalities "
            "- (sentence 0, confidence 0.80)");
}

TEST(EventExtractor, FatalitiesFollowAcledRules) {
  // Counts of different victims add up.
  EXPECT_EQ(eventsOf("Un kamikaze s'est fait exploser à Gao, tuant 8 soldats et 3 civils."),
            "Explosions/Remote violence/Suicide bomb - vs - at gao 2024-03-20 fatalities 11 "
            "(sentence 0, confidence 0.70)");
  // A count after "dont" is part of the toll.
  EXPECT_EQ(eventsOf("L'attaque de Gao a fait 20 morts, dont 5 civils."),
            "Violence against civilians/Attack - vs - at gao 2024-03-20 fatalities 20 (sentence 0, "
            "confidence 0.70)");
  // Of several tolls, the lowest; of a range, its low end.
  EXPECT_EQ(eventsOf("L'embuscade près de Ber a fait 12 morts selon l'armée, 30 selon des élus "
                     "locaux."),
            "Violence against civilians/Attack - vs - at ber 2024-03-20 fatalities 12 (sentence 0, "
            "confidence 0.60)");
  EXPECT_EQ(eventsOf("L'attaque de Gao a fait entre 12 et 15 morts."),
            "Violence against civilians/Attack - vs - at gao 2024-03-20 fatalities 12 (sentence 0, "
            "confidence 0.70)");
  // "Nobody died" is 0; wounded are no fatalities.
  EXPECT_EQ(eventsOf("Une attaque a visé un poste des FAMa à Ber sans faire de victimes."),
            "Battles/Armed clash - vs fama at ber 2024-03-20 fatalities 0 (sentence 0, confidence "
            "0.80)");
  EXPECT_EQ(eventsOf("Des affrontements ont fait 4 blessés à Gao."),
            "Battles/Armed clash - vs - at gao 2024-03-20 fatalities - (sentence 0, confidence "
            "0.70)");
}

TEST(EventExtractor, NegatedHypotheticalOrFutureCueGivesNoEvent) {
  EXPECT_EQ(eventsOf("L'armée n'a pas attaqué Kidal."), "");
  EXPECT_EQ(eventsOf("Le JNIM pourrait attaquer Gao dans les prochains jours."), "");
  EXPECT_EQ(eventsOf("Si le JNIM attaque Gao, l'armée ripostera."), "");
  EXPECT_EQ(eventsOf("Le JNIM attaquera Gao."), "");
  EXPECT_EQ(eventsOf("Le JNIM va attaquer Gao."), "");
}

TEST(EventExtractor, AnniversaryFearOrTopicGivesNoEvent) {
  EXPECT_EQ(eventsOf("Le Mali commémore le dixième anniversaire de l'attaque de Kidal."), "");
  EXPECT_EQ(eventsOf("Les habitants de Gao redoutent une attaque."), "");
  EXPECT_EQ(eventsOf("Le ministre a évoqué la question des frappes de drones lors de sa visite à "
                     "Paris."),
            "");
  EXPECT_EQ(eventsOf("Les diplomates craignent que le retrait de la MINUSMA ne relance les "
                     "combats à Kidal."),
            "");
}

TEST(EventExtractor, MereMentionGivesNoEvent) {
  EXPECT_EQ(eventsOf("Les FAMa et Wagner étaient présents à Kidal."), "");
  // A cue with neither place nor actor, nor a place in the sentence before.
  EXPECT_EQ(eventsOf("Les combats ont repris."), "");
}

TEST(EventExtractor, TerritoryFollowsWhoTakesIt) {
  EXPECT_EQ(eventsOf("Les FAMa ont repris Kidal le 14 novembre 2023."),
            "Battles/Government regains territory fama vs - at kidal 2023-11-14 fatalities - "
            "(sentence 0, confidence 0.90)");
  EXPECT_EQ(eventsOf("Kidal a été reprise par les FAMa."),
            "Battles/Government regains territory fama vs - at kidal 2024-03-20 fatalities - "
            "(sentence 0, confidence 0.80)");
  EXPECT_EQ(eventsOf("Le JNIM s'est emparé de la localité de Ber après de violents combats."),
            "Battles/Non-state actor overtakes territory jnim vs - at ber 2024-03-20 fatalities - "
            "(sentence 0, confidence 0.80)");
  // The same cue with state forces.
  EXPECT_EQ(eventsOf("Les FAMa se sont emparées de Gao."),
            "Battles/Government regains territory fama vs - at gao 2024-03-20 fatalities - "
            "(sentence 0, confidence 0.80)");
  // "reprise" without the place it takes: the resumption of a fight.
  EXPECT_EQ(eventsOf("La reprise des combats à Kidal inquiète les habitants."),
            "Battles/Armed clash - vs - at kidal 2024-03-20 fatalities - (sentence 0, confidence "
            "0.70)");
}

TEST(EventExtractor, StrategicDevelopments) {
  EXPECT_EQ(eventsOf("La MINUSMA a rétrocédé le camp de Ber aux FAMa le 13 août 2023."),
            "Strategic developments/Non-violent transfer of territory minusma vs fama at ber "
            "2023-08-13 fatalities - (sentence 0, confidence 1.00)");
  // A date inside the cue is stepped over.
  EXPECT_EQ(eventsOf("Les Casques bleus ont quitté le 12 juin leur camp de Ber."),
            "Strategic developments/Non-violent transfer of territory minusma vs - at ber "
            "2023-06-12 fatalities - (sentence 0, confidence 0.90)");
  // A country after "du" is the place.
  EXPECT_EQ(eventsOf("Le retrait de la MINUSMA du Mali s'est achevé le 31 décembre 2023."),
            "Strategic developments/Change to group/activity minusma vs - at mali 2023-12-31 "
            "fatalities - (sentence 0, confidence 0.90)");
  // The arrested, before a passive, are actor 2.
  EXPECT_EQ(eventsOf("Des soldats ivoiriens ont été arrêtés à Bamako le 10 juillet 2022."),
            "Strategic developments/Arrests - vs cote-d-ivoire at bamako 2022-07-10 fatalities - "
            "(sentence 0, confidence 0.90)");
  // Two signatories before the cue.
  EXPECT_EQ(eventsOf("La Russie et le Mali ont signé un accord de coopération militaire à Bamako."),
            "Strategic developments/Agreement russie vs mali at bamako 2024-03-20 fatalities - "
            "(sentence 0, confidence 0.90)");
}

TEST(EventExtractor, ProtestsAndRiots) {
  EXPECT_EQ(eventsOf("Des centaines de manifestants ont défilé à Bamako contre la présence "
                     "française."),
            "Protests/Peaceful protest - vs - at bamako 2024-03-20 fatalities - (sentence 0, "
            "confidence 0.70)");
  // Demonstrators who burn riot.
  EXPECT_EQ(eventsOf("Des manifestants ont incendié des bâtiments publics à Gao."),
            "Riots/Violent demonstration - vs - at gao 2024-03-20 fatalities - (sentence 0, "
            "confidence 0.70)");
}

TEST(EventExtractor, ActorsSkipIncisesAndSources) {
  EXPECT_EQ(eventsOf("Les FAMa, appuyées par Wagner, ont attaqué des positions du JNIM près de "
                     "Kidal."),
            "Battles/Armed clash fama vs jnim at kidal 2024-03-20 fatalities - (sentence 0, "
            "confidence 0.90)");
  EXPECT_EQ(eventsOf("Le JNIM a enlevé trois humanitaires près de Gao."),
            "Violence against civilians/Abduction/forced disappearance jnim vs - at gao 2024-03-20 "
            "fatalities - (sentence 0, confidence 0.80)");
}

TEST(EventExtractor, CueMatchesInflectedForms) {
  EXPECT_EQ(eventsOf("Les rebelles attaquent Gao depuis l'aube."),
            "Violence against civilians/Attack - vs - at gao 2024-03-20 fatalities - (sentence 0, "
            "confidence 0.70)");
  EXPECT_EQ(eventsOf("Les affrontements se sont poursuivis à Gao."),
            "Battles/Armed clash - vs - at gao 2024-03-20 fatalities - (sentence 0, confidence "
            "0.70)");
}

TEST(EventExtractor, ClaimLowersConfidence) {
  EXPECT_EQ(eventsOf("Le JNIM aurait attaqué Gao le 3 mai 2024, selon des sources locales."),
            "Violence against civilians/Attack jnim vs - at gao 2024-05-03 fatalities - (sentence "
            "0, confidence 0.80)");
}

TEST(EventExtractor, DateKeepsTheArticlePrecision) {
  EXPECT_EQ(eventsOf("Des affrontements ont eu lieu à Gao.", "2024-03"),
            "Battles/Armed clash - vs - at gao 2024-03 fatalities - (sentence 0, confidence 0.70)");
  EXPECT_EQ(eventsOf("Des affrontements ont eu lieu à Gao.", nullptr),
            "Battles/Armed clash - vs - at gao - fatalities - (sentence 0, confidence 0.70)");
}

TEST(EventExtractor, ConsecutiveSentencesOnOneHappeningMerge) {
  EXPECT_EQ(eventsOf("Des combats ont éclaté à Kidal le 3 mai 2024. Les affrontements ont fait au "
                     "moins 20 morts."),
            "Battles/Armed clash - vs - at kidal 2024-05-03 fatalities 20 (sentence 0, confidence "
            "0.80)");
  // "Cette attaque" adds to the attack just told.
  EXPECT_EQ(eventsOf("Des hommes armés ont attaqué Ber le 3 mai 2024. Cette attaque a fait 7 "
                     "morts."),
            "Violence against civilians/Attack - vs - at ber 2024-05-03 fatalities 7 (sentence 0, "
            "confidence 0.80)");
  // A first sentence without place takes the next one's.
  EXPECT_EQ(
      eventsOf("Lundi 6 mai 2024, une attaque a fait 9 morts. L'attaque a visé un marché de Gao."),
      "Violence against civilians/Attack - vs - at gao 2024-05-06 fatalities 9 (sentence 0, "
      "confidence 0.70)");
}

TEST(EventExtractor, DifferentPlacesDoNotMerge) {
  EXPECT_EQ(eventsOf("Des combats ont éclaté à Kidal. D'autres combats ont eu lieu à Gao."),
            "Battles/Armed clash - vs - at kidal 2024-03-20 fatalities - (sentence 0, confidence "
            "0.70)\n"
            "Battles/Armed clash - vs - at gao 2024-03-20 fatalities - (sentence 1, confidence "
            "0.70)");
}

TEST(EventExtractor, SentenceWithoutPlaceBorrowsOne) {
  // The previous sentence's town.
  EXPECT_EQ(eventsOf("Les FAMa patrouillaient près de Ber. Elles ont essuyé des tirs nourris en "
                     "fin de journée."),
            "Battles/Armed clash - vs - at ber 2024-03-20 fatalities - (sentence 1, confidence "
            "0.60)");
  // "du pays": the country the article names most.
  EXPECT_EQ(eventsOf("Le Mali traverse une crise. Dimanche 3 mars 2024, 17 gendarmes ont péri "
                     "dans une embuscade dans l'ouest du pays."),
            "Battles/Armed clash - vs - at mali 2024-03-03 fatalities 17 (sentence 1, confidence "
            "0.70)");
}

TEST(EventExtractor, OneEventPerSentenceOfTheHighestPriority) {
  EXPECT_EQ(eventsOf("Après des combats à Gao, les FAMa ont arrêté des suspects et saisi des "
                     "armes."),
            "Strategic developments/Disrupted weapons use fama vs - at gao 2024-03-20 fatalities - "
            "(sentence 0, confidence 0.80)");
}

TEST(EventExtractor, ARetellingLaterInTheArticleIsTheSameEvent) {
  // The third sentence tells the taking of Gao again, with its agent: one event, which keeps
  // the first evidence and gains the actor.
  EXPECT_EQ(eventsOf("Le 2 février 2024, Gao a été reprise. La ville était calme jeudi. "
                     "Selon des habitants, la reprise de Gao par les FAMa a été rapide."),
            "Battles/Government regains territory fama vs - at gao 2024-02-02 fatalities - "
            "(sentence 0, confidence 0.80)");
  // Another date written: another happening.
  EXPECT_EQ(eventsOf("Le 2 février 2024, les FAMa ont repris Gao. La ville était calme. "
                     "Le 9 mars 2024, les FAMa ont repris Gao une seconde fois."),
            "Battles/Government regains territory fama vs - at gao 2024-02-02 fatalities - "
            "(sentence 0, confidence 0.90)\n"
            "Battles/Government regains territory fama vs - at gao 2024-03-09 fatalities - "
            "(sentence 2, confidence 0.90)");
}

TEST(EventExtractor, AHappeningNamedAsAPointInTimeIsNoNewEvent) {
  // "après les combats" dates what follows; it tells no new fighting.
  EXPECT_EQ(eventsOf("Quelques jours après les combats de Ber, le gouverneur s'est rendu à Gao."),
            "");
  // Another cue in the sentence is its event.
  EXPECT_EQ(eventsOf("Deux jours après les combats de Ber, le 3 mars 2024, le JNIM a attaqué "
                     "Gao."),
            "Violence against civilians/Attack jnim vs - at gao 2024-03-03 fatalities - "
            "(sentence 0, confidence 0.90)");
  // Alone and dated, a happening named as a point in time is reported there.
  EXPECT_EQ(eventsOf("Au lendemain de la prise de Gao par le JNIM, le 3 mars 2024, la ville "
                     "reste calme."),
            "Battles/Non-state actor overtakes territory jnim vs - at gao 2024-03-03 "
            "fatalities - (sentence 0, confidence 0.90)");
}

TEST(EventExtractor, ALinkToAnotherArticleTellsNothing) {
  EXPECT_EQ(eventsOf("LIRE AUSSI : Mali, des combats entre les FAMa et le JNIM à Ber"), "");
  EXPECT_EQ(eventsOf("À lire aussi : l'armée a repris Gao"), "");
}

TEST(EventExtractor, WhoClaimsAnEventIsNotItsActor) {
  // The accuser reports the killing; the accused is actor 1 (the verb "accuse" is no
  // non-event marker, while the noun "accusations" is).
  EXPECT_EQ(eventsOf("La France accuse les FAMa d'avoir exécuté 40 civils à Gao le 3 mars 2024."),
            "Violence against civilians/Attack fama vs - at gao 2024-03-03 fatalities 40 "
            "(sentence 0, confidence 0.80)");
  EXPECT_EQ(eventsOf("Des accusations d'exécutions sommaires visent les FAMa à Gao."), "");
}

TEST(EventExtractor, AClaimedEventKeepsItsSpeaker) {
  static const Pipeline pipeline(testing::testOntology(), nullptr);
  Article article;
  article.doc = "test";
  article.text = "Selon la MINUSMA, les FAMa ont attaqué Ber le 3 mars 2024.";
  DocumentAnalysis analysis = pipeline.analyze(article);
  ASSERT_EQ(analysis.events.size(), 1u);
  EXPECT_EQ(analysis.events[0].status, graph::EvidenceStatus::kClaimed);
  EXPECT_EQ(analysis.events[0].source, "minusma");
}

TEST(EventExtractor, WhoCommentsOnAnEventIsNotItsActorUnlessItSaysItDidIt) {
  EXPECT_EQ(eventsOf("La France condamne les exactions commises contre des civils à Gao le 3 "
                     "mars 2024."),
            "Violence against civilians/Attack - vs - at gao 2024-03-03 fatalities - "
            "(sentence 0, confidence 0.80)");
  EXPECT_EQ(eventsOf("Les FAMa ont annoncé avoir mené des frappes aériennes à Kidal le 3 mars "
                     "2024."),
            "Explosions/Remote violence/Air/drone strike fama vs - at kidal 2024-03-03 "
            "fatalities - (sentence 0, confidence 0.80)");  // a claim: 0.1 less
}

TEST(EventExtractor, AnUndatedSentenceGoesOnWithItsParagraphsDate) {
  EXPECT_EQ(eventsOf("Le 2 février 2024, la situation s'est tendue à Gao. Dans l'après-midi, des "
                     "combats ont opposé les FAMa au JNIM à Ber."),
            "Battles/Armed clash fama vs jnim at ber 2024-02-02 fatalities - (sentence 1, "
            "confidence 0.90)");
  // A year told in passing is background, not the day of what follows.
  EXPECT_EQ(eventsOf("L'accord de paix a été signé en 2015. Des combats ont opposé les FAMa au "
                     "JNIM à Ber."),
            "Battles/Armed clash fama vs jnim at ber 2024-03-20 fatalities - (sentence 1, "
            "confidence 0.90)");
  // A new paragraph starts from the article's date again.
  EXPECT_EQ(eventsOf("Le 2 février 2024, la situation s'est tendue à Gao.\n\nDes combats ont "
                     "opposé les FAMa au JNIM à Ber."),
            "Battles/Armed clash fama vs jnim at ber 2024-03-20 fatalities - (sentence 1, "
            "confidence 0.90)");
}

TEST(EventExtractor, TheCapitalIsTheCapitalOfTheArticlesCountry) {
  // The article is about Mali (most mentioned country); Bamako is its capital in the gazetteer.
  EXPECT_EQ(eventsOf("Le Mali traverse une crise. Le 2 février 2024, des milliers de manifestants "
                     "ont défilé dans la capitale contre la France."),
            "Protests/Peaceful protest - vs france at bamako 2024-02-02 fatalities - "
            "(sentence 1, confidence 0.80)");
}

}  // namespace
}  // namespace newsgraph::ingest

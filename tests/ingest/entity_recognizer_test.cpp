#include "newsgraph/ingest/entity_recognizer.h"

#include <gtest/gtest.h>

#include "newsgraph/ingest/sentence_splitter.h"
#include "newsgraph/ingest/tokenizer.h"
#include "test_ontology.h"

namespace newsgraph::ingest {
namespace {

struct Recognised {
  std::string mentions;    // "entity/kind 'surface'" joined by "; "
  std::string discovered;  // "id:Class" joined by " "
};

Recognised recognise(const std::string& text) {
  static const EntityRecognizer recognizer(testing::testOntology());
  static const SentenceSplitter splitter(testing::testOntology().lexicon("abbreviation"));
  std::vector<Token> tokens;
  tokenize(text, tokens);
  std::vector<Sentence> sentences;
  splitter.split(tokens, sentences);
  Recognition found = recognizer.recognize(text, tokens, sentences);
  Recognised out;
  for (const Mention& m : found.mentions) {
    if (!out.mentions.empty()) out.mentions += "; ";
    out.mentions += m.entity + "/" + std::string(mentionKindName(m.kind)) + " '" +
                    text.substr(m.begin, m.end - m.begin) + "'";
  }
  for (const DiscoveredEntity& d : found.discovered) {
    if (!out.discovered.empty()) out.discovered += " ";
    out.discovered += d.id + ":" + d.cls;
  }
  return out;
}

TEST(EntityRecognizer, PrefersTheLongestGazetteerName) {
  EXPECT_EQ(recognise("Les Forces armées maliennes et le groupe Wagner patrouillent.").mentions,
            "fama/name 'Forces armées maliennes'; wagner/name 'groupe Wagner'");
}

TEST(EntityRecognizer, IgnoresCaseAndAccents) {
  EXPECT_EQ(recognise("Les forces armees MALIENNES avancent vers kidal.").mentions,
            "fama/name 'forces armees MALIENNES'; kidal/name 'kidal'");
}

TEST(EntityRecognizer, ReadsACapitalAsItsStateWhenItActs) {
  EXPECT_EQ(recognise("Bamako a refusé toute médiation.").mentions, "mali/metonym 'Bamako'");
  EXPECT_EQ(recognise("Des renforts sont arrivés à Bamako.").mentions, "bamako/name 'Bamako'");
  EXPECT_EQ(recognise("Le texte que Bamako et Paris ont signé reste secret.").mentions,
            "mali/metonym 'Bamako'; france/metonym 'Paris'");
  EXPECT_EQ(recognise("Selon Paris, la mission est finie.").mentions, "france/metonym 'Paris'");
}

TEST(EntityRecognizer, ReadsDemonymsAsActorsOnlyAfterAnActorNoun) {
  EXPECT_EQ(recognise("Les soldats ivoiriens restent détenus.").mentions,
            "cote-d-ivoire/demonym 'ivoiriens'");
  EXPECT_EQ(recognise("Les autorités de transition maliennes protestent.").mentions,
            "mali/demonym 'maliennes'");
  EXPECT_EQ(recognise("Les Britanniques plient bagage.").mentions,
            "royaume-uni/demonym 'Britanniques'");
  EXPECT_EQ(recognise("Un thé britannique fut servi.").mentions, "");
}

TEST(EntityRecognizer, LearnsAnAliasForAKnownAcronym) {
  Recognised r = recognise(
      "Les Forces de défense malienne (FAMa) ont riposté. Plus tard, les Forces de défense "
      "malienne ont repris la route.");
  EXPECT_EQ(r.mentions,
            "fama/learned-alias 'Forces de défense malienne'; fama/name 'FAMa'; "
            "fama/learned-alias 'Forces de défense malienne'");
}

TEST(EntityRecognizer, LearnsAnAcronymForAKnownName) {
  EXPECT_EQ(recognise("La Mission des Casques bleus (MCB) recule. La MCB se replie.").mentions,
            "minusma/name 'Casques bleus'; minusma/learned-alias 'MCB'; "
            "minusma/learned-alias 'MCB'");
}

TEST(EntityRecognizer, DiscoversAnUnknownGroupFromItsAcronym) {
  Recognised r = recognise(
      "Le Front populaire de l'Azawad (FPA) a revendiqué l'attaque. Le FPA dément toute trêve.");
  EXPECT_EQ(r.discovered, "fpa:ArmedGroup");
  EXPECT_EQ(r.mentions,
            "fpa/open-world 'Front populaire de l'Azawad'; fpa/open-world 'FPA'; "
            "fpa/open-world 'FPA'");
}

TEST(EntityRecognizer, TypesUnknownNamesByTheirCue) {
  Recognised r = recognise(
      "Le ministre de la Défense, Sadio Camara, s'est rendu dans le village de Dioura. "
      "Camara a ensuite gagné Tessit.");
  EXPECT_EQ(r.discovered, "sadio-camara:Person dioura:Town");
  EXPECT_EQ(r.mentions,
            "sadio-camara/open-world 'Sadio Camara'; dioura/open-world 'Dioura'; "
            "sadio-camara/open-world 'Camara'");
  EXPECT_EQ(recognise("Les blessés ont été évacués à Sévaré.").discovered, "sevare:Town");
}

TEST(EntityRecognizer, SkipsSentenceInitialAndCommonCapitalisedWords) {
  EXPECT_EQ(recognise("Lundi, le bilan fait État de trois blessés.").discovered, "");
  EXPECT_EQ(recognise("Mais Pourtant Jamais rien.").discovered, "");
  EXPECT_EQ(recognise("LIRE AUSSI : le dossier complet.").discovered, "");
}

TEST(EntityRecognizer, FindsUncuedPersonNamesMidSentence) {
  Recognised r = recognise("Hier, Amadou Diallo a quitté la ville.");
  EXPECT_EQ(r.discovered, "amadou-diallo:Person");
}

TEST(EntityRecognizer, MentionOffsetsPointAtTheSurface) {
  std::string text = "À Gao, la MINUSMA plie bagage.";
  static const EntityRecognizer recognizer(testing::testOntology());
  std::vector<Token> tokens;
  tokenize(text, tokens);
  std::vector<Sentence> sentences{
      {0, static_cast<std::uint32_t>(tokens.size()), 0, static_cast<std::uint32_t>(text.size())}};
  Recognition found = recognizer.recognize(text, tokens, sentences);
  ASSERT_EQ(found.mentions.size(), 2u);
  EXPECT_EQ(found.mentions[0].begin, 3u);  // "À" is two bytes
  EXPECT_EQ(found.mentions[0].end, 6u);
  EXPECT_EQ(found.mentions[1].sentence, 0u);
}

}  // namespace
}  // namespace newsgraph::ingest

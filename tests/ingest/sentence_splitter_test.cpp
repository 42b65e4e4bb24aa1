#include "newsgraph/ingest/sentence_splitter.h"

#include <gtest/gtest.h>

#include "newsgraph/ingest/tokenizer.h"

namespace newsgraph::ingest {
namespace {

// The sentences of `text`, joined by " | ".
std::string split(std::string_view text) {
  SentenceSplitter splitter({"M", "Gén", "etc"});
  std::vector<Token> tokens;
  tokenize(text, tokens);
  std::vector<Sentence> sentences;
  splitter.split(tokens, sentences);
  std::string out;
  for (const Sentence& s : sentences) {
    if (!out.empty()) out += " | ";
    out += std::string(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(SentenceSplitter, SplitsOnTerminalPunctuationBeforeACapital) {
  EXPECT_EQ(split("Les FAMa avancent. Kidal tombe ! Est-ce la fin ?"),
            "Les FAMa avancent. | Kidal tombe ! | Est-ce la fin ?");
}

TEST(SentenceSplitter, RespectsAbbreviationsAndInitials) {
  EXPECT_EQ(split("Selon M. Maïga, le Gén. Camara est parti. Il reviendra."),
            "Selon M. Maïga, le Gén. Camara est parti. | Il reviendra.");
  EXPECT_EQ(split("John F. Kennedy visita Paris."), "John F. Kennedy visita Paris.");
}

TEST(SentenceSplitter, DoesNotSplitInsideNumbers) {
  EXPECT_EQ(split("Plus de 2.000 soldats. Ils partent."), "Plus de 2.000 soldats. | Ils partent.");
}

TEST(SentenceSplitter, KeepsClosingQuotesWithTheirSentence) {
  EXPECT_EQ(split("« Nous vaincrons. » La foule applaudit."),
            "« Nous vaincrons. » | La foule applaudit.");
}

TEST(SentenceSplitter, DoesNotSplitOnLowerCaseAfterAFullStop) {
  EXPECT_EQ(split("Il y a 3 km. environ"), "Il y a 3 km. environ");
}

TEST(SentenceSplitter, SplitsHeadingsAndParagraphs) {
  EXPECT_EQ(split("Escalade militaire\n\nL'armée avance"), "Escalade militaire | L'armée avance");
  EXPECT_EQ(split("Titre court\nLe texte suit."), "Titre court | Le texte suit.");
}

TEST(SentenceSplitter, JoinsLinesBrokenInsideAPhrase) {
  EXPECT_EQ(split("les soldats de\nWagner sont là"), "les soldats de\nWagner sont là");
  EXPECT_EQ(split("les assauts\nrépétés"), "les assauts\nrépétés");
}

}  // namespace
}  // namespace newsgraph::ingest

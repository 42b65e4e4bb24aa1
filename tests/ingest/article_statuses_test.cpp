// ArticleStatuses: the statuses of many statements of one article, with their shared work done
// once, must be those StatusClassifier::classify gives one statement at a time, whatever the
// order of the calls (its tables fill as they go, forwards and backwards).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "newsgraph/ingest/entity_recognizer.h"
#include "newsgraph/ingest/sentence_splitter.h"
#include "newsgraph/ingest/statement_status.h"
#include "newsgraph/ingest/tokenizer.h"
#include "test_ontology.h"

namespace newsgraph::ingest {
namespace {

// Quotes across sentences and paragraphs, claims, a denial, a condition, hearsay.
const char* const kArticle =
    "Le ministre a déclaré : « Les FAMa ont repris Kidal. Wagner les a soutenues », selon "
    "l'AFP.\n\nLa France dément que ses soldats aient attaqué Gao. Si le JNIM attaquait "
    "Tombouctou, l'armée riposterait.\n\n« Nous n'avons pas quitté Ménaka », a indiqué le "
    "porte-parole de la MINUSMA. Selon HRW, les FAMa auraient exécuté des civils.";

struct Statement {
  std::uint32_t sentence, first, end;
};

class ArticleStatusesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static const EntityRecognizer recognizer(testing::testOntology());
    static const SentenceSplitter splitter(testing::testOntology().lexicon("abbreviation"));
    tokenize(text_, tokens_);
    splitter.split(tokens_, sentences_);
    mentions_ = recognizer.recognize(text_, tokens_, sentences_).mentions;
    for (std::uint32_t s = 0; s < sentences_.size(); ++s) {
      for (std::uint32_t k = sentences_[s].firstToken; k < sentences_[s].endToken; ++k) {
        if (tokens_[k].kind == TokenKind::kWord) statements_.push_back({s, k, k + 1});
      }
    }
  }

  std::string one(const Statement& st) const {
    return classifier_
        .classify(text_, tokens_, sentences_, st.sentence, st.first, st.end, mentions_)
        .toString();
  }

  std::string text_ = kArticle;
  StatusClassifier classifier_{testing::testOntology()};
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<Mention> mentions_;
  std::vector<Statement> statements_;
};

TEST_F(ArticleStatusesTest, AgreesWithClassifyForward) {
  ArticleStatuses statuses(classifier_, tokens_, sentences_, mentions_);
  std::set<std::string> seen;
  for (const Statement& st : statements_) {
    std::string expected = one(st);
    seen.insert(expected);
    EXPECT_EQ(statuses.classify(st.sentence, st.first, st.end).toString(), expected)
        << "token " << st.first;
    // Asked again (a relation cue with several argument pairs): the same.
    EXPECT_EQ(statuses.classify(st.sentence, st.first, st.end).toString(), expected);
  }
  // The article exercises more than one reading.
  EXPECT_GE(seen.size(), 4u);
}

TEST_F(ArticleStatusesTest, AgreesWithClassifyBackward) {
  ArticleStatuses statuses(classifier_, tokens_, sentences_, mentions_);
  for (auto it = statements_.rbegin(); it != statements_.rend(); ++it) {
    EXPECT_EQ(statuses.classify(it->sentence, it->first, it->end).toString(), one(*it))
        << "token " << it->first;
  }
}

TEST_F(ArticleStatusesTest, OutOfRangeStatementsAreAsserted) {
  ArticleStatuses statuses(classifier_, tokens_, sentences_, mentions_);
  auto count = static_cast<std::uint32_t>(sentences_.size());
  EXPECT_EQ(statuses.classify(count, 0, 1).toString(), "asserted");
  EXPECT_EQ(statuses.classify(0, 2, 2).toString(), "asserted");
  EXPECT_EQ(statuses.classify(0, sentences_[0].endToken, sentences_[0].endToken + 1).toString(),
            "asserted");
}

}  // namespace
}  // namespace newsgraph::ingest

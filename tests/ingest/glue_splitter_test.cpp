#include "newsgraph/ingest/glue_splitter.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace newsgraph::ingest {
namespace {

TEST(GlueSplitter, FindsTheOnlySplit) {
  GlueSplitter glue({"gouvernement", "malien", "contexte", "du"});
  EXPECT_EQ(glue.splitPoint("gouvernementmalien"), 12u);
  EXPECT_EQ(glue.splitPoint("contextedu"), 8u);
  EXPECT_EQ(glue.splitPoint("gouvernement"), 0u);
  EXPECT_EQ(glue.splitPoint("xyzabc"), 0u);
}

TEST(GlueSplitter, MatchesWordsWithoutAccents) {
  GlueSplitter glue({"évoquée", "à"});
  EXPECT_TRUE(glue.isWord("evoquee"));
  EXPECT_EQ(glue.splitPoint("evoqueea"), 7u);
}

TEST(GlueSplitter, LoadsDebianWordListWhenInstalled) {
  if (!std::filesystem::exists(GlueSplitter::kDefaultWordList)) {
    GTEST_SKIP() << "wfrench is not installed";
  }
  auto glue = GlueSplitter::load(GlueSplitter::kDefaultWordList);
  ASSERT_TRUE(glue.ok());
  EXPECT_GT(glue->size(), 100000u);
  EXPECT_NE(glue->splitPoint("avoirquitte"), 0u);
  EXPECT_EQ(glue->splitPoint("terroristes"), 0u);
}

TEST(GlueSplitter, ReportsMissingWordList) {
  auto glue = GlueSplitter::load("/nonexistent/words");
  ASSERT_FALSE(glue.ok());
  EXPECT_EQ(glue.error().toString(), "/nonexistent/words: read error: No such file or directory");
}

}  // namespace
}  // namespace newsgraph::ingest

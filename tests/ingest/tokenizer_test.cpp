#include "newsgraph/ingest/tokenizer.h"

#include <gtest/gtest.h>

#include "newsgraph/ingest/glue_splitter.h"

namespace newsgraph::ingest {
namespace {

// "key@begin-end" for each token, space separated.
std::string describe(std::string_view text, const GlueSplitter* glue = nullptr) {
  std::vector<Token> tokens;
  tokenize(text, tokens, glue);
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.key + "@" + std::to_string(t.begin) + "-" + std::to_string(t.end);
  }
  return out;
}

TEST(Tokenizer, GivesByteOffsetsIntoTheOriginalText) {
  std::string text = "L’armée à Kidal.";
  std::vector<Token> tokens;
  tokenize(text, tokens);
  ASSERT_EQ(tokens.size(), 5u);
  // Offsets are UTF-8 bytes: ’ is 3 bytes, é and à 2 each.
  EXPECT_EQ(describe(text), "l'@0-4 armee@4-10 a@11-13 kidal@14-19 .@19-20");
  for (const Token& t : tokens) EXPECT_FALSE(text.substr(t.begin, t.end - t.begin).empty());
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "armée");
}

TEST(Tokenizer, TreatsNoBreakAndNarrowSpacesAsSpaces) {
  EXPECT_EQ(describe("60\xC2\xA0"
                     "000 morts\xE2\x80\xAF!"),
            "60@0-2 000@4-7 morts@8-13 !@16-17");
}

TEST(Tokenizer, SplitsLetterDigitGlue) { EXPECT_EQ(describe("juin2023"), "juin@0-4 2023@4-8"); }

TEST(Tokenizer, SplitsHyphenatedWordsWithoutHyphenTokens) {
  std::vector<Token> tokens;
  tokenize("le Royaume-Uni", tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].key, "royaume");
  EXPECT_EQ(tokens[2].key, "uni");
  EXPECT_TRUE(tokens[2].has(kJoined));
  EXPECT_TRUE(tokens[2].has(kTitleCase));
}

TEST(Tokenizer, DecomposedAccentsGetTheComposedKey) {
  std::vector<Token> tokens;
  tokenize("Me\xCC\x81naka", tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].key, "menaka");
  EXPECT_EQ(tokens[0].end, 8u);
}

TEST(Tokenizer, MarksCaseAndLineBreaks) {
  std::vector<Token> tokens;
  tokenize("MINUSMA part\n\nGao", tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens[0].has(kAllUpper));
  EXPECT_FALSE(tokens[1].has(kTitleCase));
  EXPECT_TRUE(tokens[2].has(kBlankLineBefore));
}

TEST(Tokenizer, RepairsGluedWordsOnlyWhenTheWordListIsCertain) {
  GlueSplitter glue({"avoir", "quitté", "bataille", "entre", "ont", "repris", "on", "trepris"});
  EXPECT_EQ(describe("avoirquitté", &glue), "avoir@0-5 quitte@5-12");
  EXPECT_EQ(describe("batailleentre", &glue), "bataille@0-8 entre@8-13");
  // Two readings (ont|repris, on|trepris): left alone.
  EXPECT_EQ(describe("ontrepris", &glue), "ontrepris@0-9");
  // Capitalised words are names, never split.
  EXPECT_EQ(describe("Avoirquitté", &glue), "avoirquitte@0-12");
}

}  // namespace
}  // namespace newsgraph::ingest

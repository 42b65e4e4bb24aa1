#include "newsgraph/common/text.h"

#include <gtest/gtest.h>

#include <string>

namespace newsgraph::common {
namespace {

TEST(Slugify, FollowsSpecRule) {
  EXPECT_EQ(slugify("Tombouctou"), "tombouctou");
  EXPECT_EQ(slugify("Côte d'Ivoire"), "cote-d-ivoire");
  EXPECT_EQ(slugify("Côte d’Ivoire"), "cote-d-ivoire");
  EXPECT_EQ(slugify("État islamique au Sahel"), "etat-islamique-au-sahel");
  EXPECT_EQ(slugify("  --Assimi Goïta!! "), "assimi-goita");
  EXPECT_EQ(slugify("ＦＡＭａ"), "fama");  // NFKD folds full-width letters
}

TEST(Slugify, AsciiFastPathAgreesWithTheUnicodePath) {
  std::string everyAscii;
  for (char c = 1; c > 0; ++c) everyAscii += c;
  for (std::string ascii :
       {everyAscii, std::string("  --Assimi Goita!! "), std::string("event-Doc_12-3"),
        std::string("ABC xyz 09"), std::string()}) {
    // A trailing combining acute accent (U+0301) is dropped, but sends the text through ICU.
    EXPECT_EQ(slugify(ascii), slugify(ascii + "\xCC\x81")) << ascii;
  }
  EXPECT_EQ(slugify(everyAscii),
            "0123456789-abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz");
}

TEST(MatchKey, FoldsCaseAccentsApostrophesAndLigatures) {
  EXPECT_EQ(matchKey("Côte d’Ivoire"), "cote d'ivoire");
  EXPECT_EQ(matchKey("MANŒUVRES"), "manoeuvres");
  EXPECT_EQ(matchKey("Ségou"), "segou");
}

TEST(MatchKey, GivesNfcAndNfdTheSameKey) {
  EXPECT_EQ(matchKey("Me\xCC\x81naka"), matchKey("Ménaka"));  // e + U+0301
  EXPECT_EQ(matchKey("Ménaka"), "menaka");
}

TEST(ToNfc, ComposesDecomposedText) {
  EXPECT_EQ(toNfc("Me\xCC\x81naka"), "Ménaka");
  EXPECT_EQ(toNfc("déjà NFC"), "déjà NFC");
}

TEST(FindInvalidUtf8, ReportsFirstBadByte) {
  EXPECT_FALSE(findInvalidUtf8("Gao, Kidal et Ménaka").has_value());
  EXPECT_EQ(findInvalidUtf8("abc\xE9z"), 3u);
  EXPECT_EQ(findInvalidUtf8("\xC3"), 0u);  // truncated sequence
}

}  // namespace
}  // namespace newsgraph::common

#include "newsgraph/common/text.h"

#include <gtest/gtest.h>

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

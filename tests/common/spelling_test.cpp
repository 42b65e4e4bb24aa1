#include "newsgraph/common/spelling.h"

#include <gtest/gtest.h>

namespace newsgraph::common {
namespace {

const std::vector<std::string> kTypes = {"ATTACKS", "SUPPORTS", "FIGHTS", "CAPTURES"};

TEST(Spelling, ATypoFindsItsWord) {
  EXPECT_EQ(closestMatch("ATACKS", kTypes), "ATTACKS");
  EXPECT_EQ(closestMatch("supports", kTypes), "SUPPORTS");  // case is no edit
  EXPECT_EQ(didYouMean("FIGHT", kTypes), "; did you mean 'FIGHTS'?");
}

TEST(Spelling, AFarWordFindsNothing) {
  EXPECT_EQ(closestMatch("LEADS", kTypes), "");
  EXPECT_EQ(didYouMean("WITHDRAWS_FROM", kTypes), "");
  EXPECT_EQ(closestMatch("ATACKS", {}), "");
}

TEST(Spelling, ShortWordsAllowTwoEdits) {
  EXPECT_EQ(closestMatch("ab", {"abcd"}), "abcd");
  EXPECT_EQ(closestMatch("ab", {"xy", "abcd"}), "xy");  // the first at the least distance
  EXPECT_EQ(closestMatch("ab", {"wxyz"}), "");
}

}  // namespace
}  // namespace newsgraph::common

#include "newsgraph/ingest/name_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "newsgraph/common/key_hash.h"
#include "newsgraph/ingest/tokenizer.h"

namespace newsgraph::ingest {
namespace {

// "first-end=value" of the longest name at each token of `text`, space separated.
std::string describe(const NameIndex& index, std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  std::vector<std::uint64_t> hashes;
  for (const Token& token : tokens) hashes.push_back(common::hashKey(token.key));
  std::string out;
  const auto count = static_cast<std::uint32_t>(tokens.size());
  for (std::uint32_t i = 0; i < count; ++i) {
    NameMatch match;
    NameMatch hashed;
    const bool found = index.longestAt(tokens, i, count, match);
    EXPECT_EQ(index.longestAt(tokens, hashes, i, count, hashed), found);
    if (!found) continue;
    EXPECT_EQ(hashed.endToken, match.endToken);
    EXPECT_EQ(hashed.value, match.value);
    if (!out.empty()) out += ' ';
    out += std::to_string(match.firstToken) + "-" + std::to_string(match.endToken) + "=" +
           std::to_string(match.value);
  }
  return out;
}

TEST(NameIndex, FindsTheLongestNameAtEachToken) {
  NameIndex index;
  index.addName("Mali", 1, false);
  index.addName("armée malienne", 2, false);
  index.addName("armée", 3, false);
  EXPECT_EQ(describe(index, "L'armée malienne au Mali, l'armée seule."), "1-3=2 4-5=1 7-8=3");
}

TEST(NameIndex, KeepsTheFirstValueOfANameAddedTwice) {
  NameIndex index;
  index.addName("Kidal", 7, false);
  index.addName("KIDAL", 8, false);
  EXPECT_EQ(describe(index, "à Kidal"), "1-2=7");
}

TEST(NameIndex, ExactCaseNamesRepeatTheirCapitals) {
  NameIndex index;
  index.addName("Diré", 4, true);
  EXPECT_EQ(describe(index, "Diré"), "0-1=4");
  EXPECT_EQ(describe(index, "dire"), "");
}

TEST(NameIndex, StaysCorrectPastManyNames) {
  NameIndex index;
  for (int n = 0; n < 3000; ++n) {
    index.addName("ville " + std::to_string(n), static_cast<std::uint32_t>(n), false);
  }
  EXPECT_EQ(describe(index, "la ville 2999 et la ville 17"), "1-3=2999 5-7=17");
  std::vector<std::string> firstKeys;
  index.forEachFirstKey([&](const std::string& key) { firstKeys.push_back(key); });
  EXPECT_EQ(firstKeys, std::vector<std::string>{"ville"});
}

TEST(NameIndex, EmptyUntilANameIsAdded) {
  NameIndex index;
  EXPECT_TRUE(index.empty());
  index.addName("", 1, false);
  EXPECT_TRUE(index.empty());
  index.addName("Gao", 1, false);
  EXPECT_FALSE(index.empty());
}

}  // namespace
}  // namespace newsgraph::ingest

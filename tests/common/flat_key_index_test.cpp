#include "newsgraph/common/flat_key_index.h"

#include <gtest/gtest.h>

#include <string>

namespace newsgraph::common {
namespace {

TEST(FlatKeyIndex, NumbersKeysInInsertionOrder) {
  FlatKeyIndex index;
  EXPECT_EQ(index.find("mali"), FlatKeyIndex::kAbsent);
  EXPECT_EQ(index.insert("mali"), 0u);
  EXPECT_EQ(index.insert("fama"), 1u);
  EXPECT_EQ(index.insert(""), 2u);  // the empty key is a key like any other
  EXPECT_EQ(index.insert("mali"), 0u);
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(index.find("fama"), 1u);
  EXPECT_EQ(index.find(""), 2u);
  EXPECT_EQ(index.find("fam"), FlatKeyIndex::kAbsent);
  EXPECT_EQ(index.keyAt(0), "mali");
  EXPECT_EQ(index.keyAt(2), "");
  EXPECT_EQ(index.find("fama", hashKey("fama")), 1u);
}

TEST(FlatKeyIndex, KeepsEveryKeyThroughGrowthAndClears) {
  FlatKeyIndex index;
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(index.insert("mot" + std::to_string(i)), i);
  ASSERT_EQ(index.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    const std::string key = "mot" + std::to_string(i);
    EXPECT_EQ(index.find(key), static_cast<std::uint32_t>(i)) << key;
    EXPECT_EQ(index.keyAt(static_cast<std::uint32_t>(i)), key);
  }
  EXPECT_EQ(index.find("mot5000"), FlatKeyIndex::kAbsent);
  FlatKeyIndex reserved;
  reserved.reserve(3000);
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(reserved.insert("mot" + std::to_string(i)), i);
  EXPECT_EQ(reserved.find("mot4999"), 4999u);
  index.clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.find("mot1"), FlatKeyIndex::kAbsent);
  EXPECT_EQ(index.insert("mot1"), 0u);
}

}  // namespace
}  // namespace newsgraph::common

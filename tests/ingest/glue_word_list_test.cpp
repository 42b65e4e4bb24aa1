// GlueSplitter::load on small word lists written for the test: duplicates, line endings, bad
// lines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "newsgraph/ingest/glue_splitter.h"

namespace newsgraph::ingest {
namespace {

// Writes `content` to a fresh file and loads it.
GlueSplitter loadList(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / name;
  {
    std::ofstream out(path, std::ios::binary);
    out << content;
  }
  auto loaded = GlueSplitter::load(path.string());
  std::filesystem::remove(path);
  EXPECT_TRUE(loaded.ok());
  return std::move(loaded).value();
}

TEST(GlueWordList, CountsEachKeyOnceAcrossLineEndings) {
  GlueSplitter glue = loadList("newsgraph-glue-1.txt", "armée\r\narmee\nArmée\n\nquitté\nchef");
  EXPECT_EQ(glue.size(), 3u);
  EXPECT_TRUE(glue.isWord("armee"));
  EXPECT_TRUE(glue.isWord("quitte"));
  EXPECT_TRUE(glue.isWord("chef"));
  EXPECT_FALSE(glue.isWord("arme"));
  EXPECT_EQ(glue.splitPoint("chefquitte"), 4u);
}

TEST(GlueWordList, SkipsOnlyTheLinesThatAreNotUtf8) {
  GlueSplitter glue = loadList("newsgraph-glue-2.txt", "avoir\nbad\xC3\nquitte\n");
  EXPECT_EQ(glue.size(), 2u);
  EXPECT_TRUE(glue.isWord("avoir"));
  EXPECT_TRUE(glue.isWord("quitte"));
  EXPECT_FALSE(glue.isWord("bad"));
}

TEST(GlueWordList, HoldsManyWords) {
  std::string content;
  for (int n = 0; n < 5000; ++n) content += "mot" + std::to_string(n) + "\n";
  GlueSplitter glue = loadList("newsgraph-glue-3.txt", content);
  EXPECT_EQ(glue.size(), 5000u);
  EXPECT_TRUE(glue.isWord("mot0"));
  EXPECT_TRUE(glue.isWord("mot4999"));
  EXPECT_FALSE(glue.isWord("mot5000"));
  std::vector<std::string> words;  // the in-memory form grows its table as it goes
  for (int n = 0; n < 5000; ++n) words.push_back("mot" + std::to_string(n));
  GlueSplitter grown(words);
  EXPECT_EQ(grown.size(), 5000u);
  EXPECT_TRUE(grown.isWord("mot4999"));
  EXPECT_FALSE(grown.isWord("mot5000"));
}

}  // namespace
}  // namespace newsgraph::ingest

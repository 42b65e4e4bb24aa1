#include "newsgraph/ontology/ontology_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace newsgraph::ontology {
namespace {

const std::string kData = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/";

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The default schema and lexicons with the small test gazetteer instead of the full one.
std::vector<TurtleSource> testSources() {
  std::vector<TurtleSource> sources;
  for (const TurtleSource& source : defaultOntologySources()) {
    if (source.name.find("gazetteer") == std::string::npos) sources.push_back(source);
  }
  sources.push_back({"mini_gazetteer.ttl", readFile(kData + "mini_gazetteer.ttl")});
  return sources;
}

TEST(OntologyLoader, ReadsClassesRelationsEntitiesAndFacts) {
  auto ontology = loadOntology(testSources());
  ASSERT_TRUE(ontology.ok()) << ontology.error().toString();
  EXPECT_TRUE(ontology->isSubclassOf("JihadistGroup", "Actor"));
  EXPECT_TRUE(ontology->isSubclassOf("Country", "Place"));
  EXPECT_FALSE(ontology->isSubclassOf("Town", "Actor"));
  const RelationType* fights = ontology->findRelationType("FIGHTS");
  ASSERT_NE(fights, nullptr);
  EXPECT_TRUE(fights->symmetric);
  EXPECT_FALSE(ontology->findRelationType("ATTACKS")->symmetric);
  EXPECT_EQ(ontology->findRelationType("WITHDRAWS_FROM")->range,
            (std::vector<std::string>{"Place", "Actor"}));
  const EntityRecord* mali = ontology->findEntity("mali");
  ASSERT_NE(mali, nullptr);
  EXPECT_EQ(mali->cls, "Country");
  EXPECT_EQ(mali->labelFr, "Mali");
  EXPECT_DOUBLE_EQ(*mali->lat, 17.5);
  EXPECT_EQ(ontology->findEntity("bamako")->metonymFor, "mali");
  ASSERT_EQ(ontology->facts().size(), 2u);
  EXPECT_EQ(ontology->facts()[0].predicate, "LOCATED_IN");
  EXPECT_FALSE(ontology->lexicon("abbreviation").empty());
}

TEST(OntologyLoader, LaterFileExtendsEarlierDefinitions) {
  auto sources = testSources();
  sources.push_back({"extra.ttl",
                     "@prefix ng: <http://example.org/newsgraph/ontology#> .\n"
                     "@prefix ent: <http://example.org/newsgraph/entity/> .\n"
                     "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                     "ent:mali skos:altLabel \"République du Mali\"@fr .\n"
                     "ent:tessit a ng:Town ; skos:prefLabel \"Tessit\"@fr .\n"});
  auto ontology = loadOntology(sources);
  ASSERT_TRUE(ontology.ok()) << ontology.error().toString();
  EXPECT_EQ(ontology->findEntity("mali")->aliases, std::vector<std::string>{"République du Mali"});
  EXPECT_EQ(ontology->findEntity("mali")->cls, "Country");
  EXPECT_NE(ontology->findEntity("tessit"), nullptr);
}

// Each file of tests/data/bad_ontology gives exactly the error line listed in its EXPECTED file.
TEST(OntologyLoader, ReportsEachBadFileWithPosition) {
  std::map<std::string, std::string> expected;
  std::istringstream lines(readFile(kData + "bad_ontology/EXPECTED"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto colon = line.find(':');
    expected[line.substr(0, colon)] = line;
  }
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kData + "bad_ontology")) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".ttl") continue;
    auto sources = testSources();
    sources.push_back({name, readFile(entry.path().string())});
    auto ontology = loadOntology(sources);
    ASSERT_FALSE(ontology.ok()) << name << " should fail";
    ASSERT_EQ(expected.count(name), 1u)
        << "no EXPECTED line for " << name << ": " << ontology.error().toString();
    EXPECT_EQ(ontology.error().toString(), expected[name]);
    ++checked;
  }
  EXPECT_EQ(checked, expected.size());
}

TEST(OntologyLoader, ReportsMissingFile) {
  auto ontology = loadOntologyFiles({"/nonexistent/extra.ttl"}, true);
  ASSERT_FALSE(ontology.ok());
  EXPECT_EQ(ontology.error().toString(),
            "/nonexistent/extra.ttl: ontology error: No such file or directory");
}

}  // namespace
}  // namespace newsgraph::ontology

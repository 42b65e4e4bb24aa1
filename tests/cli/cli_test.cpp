// End-to-end tests of the newsgraph executable: real files, a real store, real exit codes.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_harness.h"

namespace {

using newsgraph::testing::CliTest;
using newsgraph::testing::CommandResult;
using newsgraph::testing::run;
namespace fs = std::filesystem;

TEST_F(CliTest, IngestsSamplesAndExportsJson) {
  CommandResult ingest = run("ingest " + samples_ + "/articles --db " + path("g.db"));
  ASSERT_EQ(ingest.status, 0) << ingest.out;
  EXPECT_NE(ingest.out.find(" 0 errors"), std::string::npos) << ingest.out;
  CommandResult exported =
      run("export --format json --db " + path("g.db") + " -o " + path("g.json"));
  ASSERT_EQ(exported.status, 0) << exported.out;
  std::ifstream in(path("g.json"));
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document doc;
  doc.Parse(text.str().c_str());
  ASSERT_FALSE(doc.HasParseError());
  ASSERT_TRUE(doc["entities"].IsArray());
  bool sawMali = false;
  for (const auto& e : doc["entities"].GetArray()) {
    ASSERT_TRUE(e.HasMember("id") && e.HasMember("type") && e.HasMember("label") &&
                e.HasMember("aliases") && e.HasMember("mentions") && e.HasMember("docs"));
    if (std::string(e["id"].GetString()) == "mali") {
      sawMali = true;
      EXPECT_EQ(std::string(e["type"].GetString()), "Country");
      EXPECT_GT(e["mentions"].GetUint(), 0u);
      EXPECT_GT(e["docs"].Size(), 0u);
    }
  }
  EXPECT_TRUE(sawMali);
  ASSERT_TRUE(doc["relations"].IsArray());
  ASSERT_GT(doc["relations"].Size(), 0u);
  bool sawArticleEvidence = false;
  for (const auto& r : doc["relations"].GetArray()) {
    ASSERT_TRUE(r.HasMember("subject") && r.HasMember("predicate") && r.HasMember("object"));
    for (const auto& ev : r["evidence"].GetArray()) {
      ASSERT_TRUE(ev.HasMember("doc") && ev.HasMember("sentence") && ev.HasMember("start") &&
                  ev.HasMember("end") && ev.HasMember("date") && ev.HasMember("status"));
      if (!ev["doc"].IsString()) continue;  // background fact of the ontology
      sawArticleEvidence = true;
      EXPECT_LT(ev["start"].GetUint(), ev["end"].GetUint());
      EXPECT_GT(ev["sentence"].GetStringLength(), 0u);
    }
  }
  EXPECT_TRUE(sawArticleEvidence);
  EXPECT_TRUE(doc["events"].IsArray());
}

TEST_F(CliTest, RelationsListsEvidenceAndFilters) {
  ASSERT_EQ(run("ingest " + samples_ + "/articles --db " + path("g.db")).status, 0);
  CommandResult all = run("relations --db " + path("g.db"));
  ASSERT_EQ(all.status, 0) << all.out;
  EXPECT_NE(all.out.find("WITHDRAWS_FROM"), std::string::npos) << all.out;
  CommandResult attacks = run("relations --type ATTACKS --db " + path("g.db"));
  ASSERT_EQ(attacks.status, 0);
  EXPECT_EQ(attacks.out.find("WITHDRAWS_FROM"), std::string::npos) << attacks.out;
  CommandResult facts = run("relations --facts --type LOCATED_IN --db " + path("g.db"));
  EXPECT_NE(facts.out.find("ontology"), std::string::npos) << facts.out;
}

TEST_F(CliTest, IngestingTwiceChangesNothing) {
  ASSERT_EQ(run("ingest " + samples_ + "/articles --db " + path("g.db")).status, 0);
  CommandResult again = run("ingest " + samples_ + "/articles --db " + path("g.db"));
  ASSERT_EQ(again.status, 0) << again.out;
  EXPECT_NE(again.out.find("(0 added, 0 replaced,"), std::string::npos) << again.out;
}

TEST_F(CliTest, BadFileIsReportedAndTheRestIsStored) {
  write("in/good.txt", "Les FAMa patrouillent à Gao.");
  write("in/bad.json", "{\"text\": \"Kidal\",,}");
  CommandResult ingest = run("ingest " + path("in") + " --db " + path("g.db"));
  EXPECT_EQ(ingest.status, 1) << ingest.out;
  EXPECT_NE(ingest.out.find(path("in/bad.json") + ":1:18: json error:"), std::string::npos)
      << ingest.out;
  CommandResult entities = run("entities --db " + path("g.db"));
  ASSERT_EQ(entities.status, 0) << entities.out;
  EXPECT_NE(entities.out.find("fama"), std::string::npos) << entities.out;
}

TEST_F(CliTest, StrictStopsAndLeavesTheStoreUnchanged) {
  write("first/a.txt", "Les FAMa patrouillent à Gao.");
  ASSERT_EQ(run("ingest " + path("first") + " --db " + path("g.db")).status, 0);
  write("second/b.txt", "La MINUSMA quitte Kidal.");
  write("second/c.txt", "");
  CommandResult strict = run("ingest --strict " + path("second") + " --db " + path("g.db"));
  EXPECT_EQ(strict.status, 1) << strict.out;
  CommandResult entities = run("entities --db " + path("g.db"));
  EXPECT_EQ(entities.out.find("minusma"), std::string::npos) << entities.out;
  EXPECT_NE(entities.out.find("fama"), std::string::npos) << entities.out;
}

TEST_F(CliTest, ReadsStandardInput) {
  CommandResult ingest = run("ingest - --db " + path("g.db") + " < /dev/null");
  EXPECT_EQ(ingest.status, 1) << ingest.out;  // empty input is an error
  write("stdin.txt", "Les soldats ivoiriens sont libres.");
  CommandResult piped = run("ingest - --db " + path("g.db") + " < " + path("stdin.txt"));
  EXPECT_EQ(piped.status, 0) << piped.out;
}

TEST_F(CliTest, EvalScoresSamplesAndHonoursMinF1) {
  CommandResult eval =
      run("eval --gold " + samples_ + "/gold.json " + samples_ + "/articles --min-f1 0.95");
  EXPECT_EQ(eval.status, 0) << eval.out;
  EXPECT_NE(eval.out.find("entities"), std::string::npos);
  CommandResult strictGate = run("eval --gold " + samples_ + "/gold.json " + samples_ +
                                 "/articles --min-relation-f1 1.01");
  EXPECT_EQ(strictGate.status, 1);
  EXPECT_NE(strictGate.out.find("below --min-relation-f1"), std::string::npos) << strictGate.out;
  CommandResult json =
      run("eval --json --per-doc --gold " + samples_ + "/gold.json " + samples_ + "/articles");
  rapidjson::Document doc;
  doc.Parse(json.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << json.out;
  EXPECT_TRUE(doc["documents"].IsArray());
}

TEST_F(CliTest, ReadCommandsExplainAMissingStore) {
  CommandResult entities = run("entities --db " + path("absent.db"));
  EXPECT_EQ(entities.status, 2);
  EXPECT_NE(entities.out.find(path("absent.db") + ": store error: No such file or directory"),
            std::string::npos)
      << entities.out;
}

TEST_F(CliTest, BadOntologyIsReportedWithPosition) {
  write("bad.ttl", "@prefix ng: <http://example.org/newsgraph/ontology#> .\nng:X a ng:Y ;\n");
  CommandResult ingest = run("ingest " + samples_ + "/articles --db " + path("g.db") +
                             " --ontology " + path("bad.ttl"));
  EXPECT_EQ(ingest.status, 2);
  EXPECT_NE(ingest.out.find(path("bad.ttl") + ":3:1: ontology error:"), std::string::npos)
      << ingest.out;
  EXPECT_FALSE(fs::exists(path("g.db")));
}

TEST_F(CliTest, OntologyFilesCanReplaceTheDefault) {
  const std::string data = std::string(NEWSGRAPH_SOURCE_DIR);
  write("in/a.txt", "Les FAMa et Wagner patrouillent à Tessit, près de Gao.");
  CommandResult replaced =
      run("ingest " + path("in") + " --db " + path("g.db") + " --no-default-ontology --ontology " +
          data + "/ontology/data/schema.ttl --ontology " + data +
          "/ontology/data/lexicon.ttl --ontology " + data + "/tests/data/mini_gazetteer.ttl");
  ASSERT_EQ(replaced.status, 0) << replaced.out;
  CommandResult entities = run("entities --db " + path("g.db"));
  EXPECT_NE(entities.out.find("wagner"), std::string::npos) << entities.out;
  // Tessit is in the default gazetteer, not in the mini one: here it is an open-world town.
  EXPECT_NE(entities.out.find("tessit  Town"), std::string::npos) << entities.out;
  CommandResult alone =
      run("ingest " + path("in") + " --db " + path("h.db") + " --no-default-ontology");
  EXPECT_EQ(alone.status, 2);
  EXPECT_NE(alone.out.find("--no-default-ontology needs at least one --ontology FILE"),
            std::string::npos);
}

TEST_F(CliTest, HelpAndVersion) {
  CommandResult version = run("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("newsgraph ", 0), 0u) << version.out;
  // The build links mimalloc when it is installed (install-deps.sh installs it).
  const char* allocator = NEWSGRAPH_USES_MIMALLOC ? "(allocator: mimalloc 2." : "(allocator: ";
  EXPECT_NE(version.out.find(allocator), std::string::npos) << version.out;
  for (const char* command : {"ingest", "entities", "relations", "export", "stats", "eval"}) {
    CommandResult help = run(std::string(command) + " --help");
    EXPECT_EQ(help.status, 0) << command;
    EXPECT_NE(help.out.find("--"), std::string::npos) << command;
  }
  CommandResult unknown = run("frobnicate");
  EXPECT_EQ(unknown.status, 2);
}

}  // namespace

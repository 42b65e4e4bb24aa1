// `newsgraph query` end to end: a store ingested from samples/, output formats, parameters,
// query files, EXPLAIN/PROFILE, errors and limits with their exit status.
#include "cli_harness.h"

namespace newsgraph::testing {
namespace {

class QueryCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    CommandResult ingest = run("ingest " + samples_ + "/articles --db " + db() + " --quiet");
    ASSERT_EQ(ingest.status, 0) << ingest.out;
  }
  std::string db() const { return path("store.db"); }
  CommandResult query(const std::string& arguments) {
    return run("query --db " + db() + " " + arguments);
  }
};

TEST_F(QueryCliTest, Query_PrintsATable) {
  CommandResult r = query("\"MATCH (n {id: 'wagner'}) RETURN n.label, n.class\"");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out,
            "n.label  n.class\n"
            "-------  ----------------------\n"
            "Wagner   PrivateMilitaryCompany\n"
            "(1 row)\n");
}

TEST_F(QueryCliTest, Query_JsonAndCsv) {
  CommandResult json =
      query("--format json \"MATCH (n {id: 'kidal'}) RETURN n, n.lat > 18 AS north\"");
  EXPECT_EQ(json.status, 0) << json.out;
  EXPECT_EQ(json.out,
            "{\"columns\": [\"n\", \"north\"],\n"
            " \"rows\": [\n"
            "  [{\"id\": \"kidal\", \"label\": \"Kidal\", \"class\": \"Town\"}, true]]}\n");
  CommandResult csv = query(
      "--format csv \"MATCH (n {id: 'fama'}) RETURN n.id AS id, n.aliases[0] AS alias, n.lat\"");
  EXPECT_EQ(csv.status, 0) << csv.out;
  EXPECT_EQ(csv.out, "id,alias,n.lat\r\nfama,Forces armées maliennes,\r\n");
}

TEST_F(QueryCliTest, Query_ParametersAndFiles) {
  write("q.cypher", "// who is this?\nMATCH (n)\nWHERE n.id = $who\nRETURN n.label AS label\n");
  CommandResult r = query("-f " + path("q.cypher") + " --param who=minusma --format csv");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "label\r\nMINUSMA\r\n");
  CommandResult bad = query("\"RETURN 1 AS x\" --param who");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("--param 'who' is not NAME=VALUE"), std::string::npos) << bad.out;
}

TEST_F(QueryCliTest, Query_ExplainAndProfile) {
  CommandResult explain = query("\"EXPLAIN MATCH (a)-[:SUPPORTS]->(f {id: 'fama'}) RETURN a.id\"");
  EXPECT_EQ(explain.status, 0) << explain.out;
  EXPECT_EQ(explain.out,
            "IdLookup (f {id: 'fama'}) id = 'fama'  ~1 rows\n"
            "Expand (f {id: 'fama'})<-[:SUPPORTS]-(a)\n"
            "Project a.id\n");
  CommandResult profile = query("\"PROFILE MATCH (a)-[:SUPPORTS]->(f {id: 'fama'}) RETURN a.id\"");
  EXPECT_EQ(profile.status, 0) << profile.out;
  EXPECT_NE(profile.out.find("IdLookup (f {id: 'fama'}) id = 'fama'  rows=1 time="),
            std::string::npos)
      << profile.out;
  EXPECT_NE(profile.out.find("france"), std::string::npos) << profile.out;
}

TEST_F(QueryCliTest, Query_ErrorsShowTheCaret) {
  CommandResult r = query("\"MATCH (a)-[:ATACKS]->(b) RETURN a\"");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out,
            "<query>:1:13: semantic error: unknown relation type 'ATACKS'; did you mean "
            "'ATTACKS'?\n"
            "MATCH (a)-[:ATACKS]->(b) RETURN a\n"
            "            ^\n");
}

TEST_F(QueryCliTest, Query_LimitsHaveFlags) {
  CommandResult rows = query("--max-rows 5 \"MATCH (a) RETURN a\"");
  EXPECT_EQ(rows.status, 2);
  EXPECT_NE(rows.out.find("limit error: query stopped: a step produced more than 5 rows"),
            std::string::npos)
      << rows.out;
  CommandResult depth = query("--max-depth 2 \"MATCH (a)-[*..3]-(b) RETURN b\"");
  EXPECT_EQ(depth.status, 2);
  EXPECT_NE(depth.out.find("exceeds the depth cap 2 (raise it with --max-depth)"),
            std::string::npos)
      << depth.out;
  CommandResult slow = query("--timeout 1 \"MATCH (a), (b), (c) RETURN count(*)\"");
  EXPECT_EQ(slow.status, 2);
  EXPECT_NE(slow.out.find("limit error: query stopped after 1 ms"), std::string::npos) << slow.out;
}

TEST_F(QueryCliTest, Shell_RunsQueriesOverSeveralLines) {
  write("input.txt",
        ":param who=kidal\n"
        "MATCH (n)\n"
        "WHERE n.id = $who\n"
        "RETURN n.label;\n"
        "MATCH (n) RETURN m;\n"
        ":format csv\n"
        "RETURN 'still here' AS x\n"
        "\n"
        ":nonsense\n"
        ":quit\n");
  CommandResult r = run("shell --db " + db() + " < " + path("input.txt"));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("n.label\n-------\nKidal\n(1 row)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unknown variable 'm'; did you mean 'n'?"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("x\r\nstill here\r\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unknown or incomplete command ':nonsense'"), std::string::npos) << r.out;
}

TEST_F(QueryCliTest, Query_MissingStoreIsReported) {
  CommandResult r = run("query --db " + path("none.db") + " \"RETURN 1 AS x\"");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("none.db"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace newsgraph::testing

// `newsgraph diagram` end to end: samples/ ingested once, then each format and each bad input.
#include <unistd.h>

#include <cstdio>

#include "cli_harness.h"

namespace newsgraph::testing {
namespace {

class DiagramCli : public CliTest {
 protected:
  // One store of samples/ per test process (CTest runs each case in a process of its own, in
  // parallel): ingesting takes longer than drawing.
  static void SetUpTestSuite() {
    store_ = (fs::temp_directory_path() /
              ("newsgraph_diagram_cli_" + std::to_string(::getpid()) + ".db"))
                 .string();
    fs::remove(store_);
    CommandResult ingest =
        run("ingest " + std::string(NEWSGRAPH_SOURCE_DIR) + "/samples/articles --db " + store_);
    ASSERT_EQ(ingest.status, 0) << ingest.out;
  }
  static void TearDownTestSuite() { fs::remove(store_); }

  CommandResult diagram(const std::string& arguments) {
    return run("diagram --db " + store_ + " " + arguments);
  }

  // Nodes and edges in a DOT file, counted by Graphviz's gc.
  static std::pair<int, int> countDot(const std::string& path) {
    std::FILE* pipe = ::popen(("gc -n -e " + path).c_str(), "r");
    int nodes = -1;
    int edges = -1;
    if (pipe != nullptr) {
      if (std::fscanf(pipe, "%d %d", &nodes, &edges) != 2) nodes = edges = -1;
      ::pclose(pipe);
    }
    return {nodes, edges};
  }

  static std::string store_;
};

std::string DiagramCli::store_;

TEST_F(DiagramCli, SamplesAsDotGraphmlAndSvgAgree) {
  ASSERT_EQ(diagram("-o " + path("s.dot")).status, 0);
  auto [nodes, edges] = countDot(path("s.dot"));
  EXPECT_GT(nodes, 50);
  EXPECT_GT(edges, 50);
  ASSERT_EQ(diagram("-o " + path("s.graphml")).status, 0);
  std::string graphml = readFile(path("s.graphml"));
  auto count = [](const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
      ++n;
    }
    return n;
  };
  EXPECT_EQ(count(graphml, "<node id="), nodes);
  EXPECT_EQ(count(graphml, "<edge id="), edges);
  CommandResult svg = diagram("-o " + path("s.svg"));
  ASSERT_EQ(svg.status, 0) << svg.out;
  EXPECT_EQ(svg.out, "");
  std::string text = readFile(path("s.svg"));
  EXPECT_EQ(text.rfind("<?xml", 0), 0u);
  EXPECT_EQ(count(text, "class=\"node\""), nodes);
  EXPECT_EQ(count(text, "class=\"edge\""), edges);
}

TEST_F(DiagramCli, FocusPngToAFile) {
  CommandResult png = diagram("--focus kidal --depth 1 -o " + path("kidal.png"));
  ASSERT_EQ(png.status, 0) << png.out;
  std::string bytes = readFile(path("kidal.png"));
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST_F(DiagramCli, FormatOverridesTheExtensionAndDotGoesToStdout) {
  CommandResult dot = diagram("--focus kidal --types CAPTURES");
  ASSERT_EQ(dot.status, 0) << dot.out;
  EXPECT_EQ(dot.out.rfind("digraph G {\n", 0), 0u) << dot.out;
  EXPECT_NE(dot.out.find("->kidal "), std::string::npos) << dot.out;
  CommandResult graphml = diagram("--format graphml -o " + path("x.txt"));
  ASSERT_EQ(graphml.status, 0) << graphml.out;
  EXPECT_NE(readFile(path("x.txt")).find("<graphml"), std::string::npos);
}

TEST_F(DiagramCli, QueryResultIsDrawn) {
  CommandResult dot = diagram(
      "--query \"MATCH (a)-[r:CAPTURES]->(p {id: \\$place}) RETURN a, r, p\" --param place=kidal "
      "-o " +
      path("q.dot"));
  ASSERT_EQ(dot.status, 0) << dot.out;
  auto [nodes, edges] = countDot(path("q.dot"));
  EXPECT_GE(nodes, 2);
  EXPECT_GE(edges, 1);
  std::string text = readFile(path("q.dot"));
  EXPECT_NE(text.find("label=CAPTURES"), std::string::npos);
  EXPECT_EQ(text.find("label=LOCATED_IN"), std::string::npos);
}

TEST_F(DiagramCli, BadInputGetsOneClearLine) {
  EXPECT_EQ(diagram("--from 2023-13").out,
            "newsgraph: --from '2023-13' is not a date: write YYYY, YYYY-MM or "
            "YYYY-MM-DD\n");
  EXPECT_EQ(diagram("--status asserted,maybe").out,
            "newsgraph: --status 'maybe' is not a status: write asserted, claimed, "
            "negated, hypothetical or all\n");
  EXPECT_EQ(diagram("--focus kidall").out,
            "newsgraph: --focus 'kidall' is not an entity of the store; did you mean "
            "'kidal'?\n");
  EXPECT_EQ(diagram("--types ATTACK").out,
            "newsgraph: --types: unknown relation type 'ATTACK'; did you mean "
            "'ATTACKS'?\n");
  EXPECT_EQ(diagram("--classes Jihadists").out,
            "newsgraph: --classes: unknown class 'Jihadists'\n");
  EXPECT_EQ(diagram("-o " + path("x.pdf")).out,
            "newsgraph: cannot tell the format from '" + path("x.pdf") +
                "': give --format dot, graphml, svg, png or html\n");
  EXPECT_EQ(diagram("--query \"MATCH (n) RETURN count(n)\"").out,
            "newsgraph: the query returned no node, relation or path to draw (RETURN "
            "nodes, relations or paths)\n");
  CommandResult status = diagram("--focus kidall");
  EXPECT_EQ(status.status, 2);
}

TEST_F(DiagramCli, MissingStoreIsAnError) {
  CommandResult missing = run("diagram --db " + path("none.db"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.out.find("none.db"), std::string::npos) << missing.out;
}

}  // namespace
}  // namespace newsgraph::testing

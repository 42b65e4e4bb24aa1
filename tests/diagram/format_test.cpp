// DOT and GraphML read back by other tools (Graphviz's gc and dot, Python's XML parser), SVG
// and PNG rendered in-process.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "diagram_fixture.h"
#include "newsgraph/diagram/formats.h"
#include "newsgraph/diagram/render.h"

namespace newsgraph::diagram {
namespace {

namespace fs = std::filesystem;

// Runs a shell command; returns its stdout, and its exit status in `status`.
std::string runCommand(const std::string& command, int& status) {
  std::FILE* pipe = ::popen(command.c_str(), "r");
  std::string out;
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  int raw = ::pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

class DiagramFormats : public DiagramFixture {
 protected:
  void SetUp() override {
    DiagramFixture::SetUp();
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("newsgraph_diagram_") + test->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string save(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // The whole graph, every status, plus names DOT and XML must escape.
  Diagram tricky() {
    graph::VertexId odd = add("node", "Person", "Ahmed \"le Touareg\" \\ <b>&amp;");
    graph::VertexId arabic = add("tinbuktu", "Town", "تمبكتو – Tombouctou");
    graph::Evidence quoted = evidence(articleA_, "");
    quoted.quote = "Il a dit « \"non\" » \\N <script> & \x01 fin.";
    relate(odd, "LEADS", *graph_.findEntity("jnim"), quoted);
    relate(arabic, "LOCATED_IN", *graph_.findEntity("mali"), evidence(articleB_, ""));
    DiagramFilter filter;
    filter.statuses = {graph::EvidenceStatus::kAsserted, graph::EvidenceStatus::kClaimed,
                       graph::EvidenceStatus::kNegated};
    return select(filter);
  }

  fs::path dir_;
};

TEST_F(DiagramFormats, DotParsesWithGraphvizWithTheExpectedCounts) {
  Diagram diagram = tricky();
  ASSERT_EQ(diagram.nodes.size(), 8u);
  ASSERT_EQ(diagram.edges.size(), 8u);
  std::ostringstream dot;
  writeDot(diagram, dot, "dot");
  std::string path = save("tricky.dot", dot.str());
  int status = -1;
  std::string counts = runCommand("gc -n -e " + path + " 2>&1", status);
  EXPECT_EQ(status, 0) << counts;
  std::istringstream fields(counts);
  int nodes = 0;
  int edges = 0;
  fields >> nodes >> edges;
  EXPECT_EQ(nodes, 8) << counts;
  EXPECT_EQ(edges, 8) << counts;
  // dot itself lays it out and renders it without a warning.
  std::string svg = runCommand("dot -Tsvg " + path + " 2>&1 >" + path + ".svg", status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(svg, "");
}

TEST_F(DiagramFormats, DotKeepsLabelsIntact) {
  std::ostringstream dot;
  writeDot(tricky(), dot, "dot");
  std::string text = dot.str();
  EXPECT_NE(text.find("\nnode_ ["), std::string::npos) << text;
  EXPECT_NE(text.find("label=\"Ahmed \\\"le Touareg\\\" \\\\ <b>&amp;amp;\""), std::string::npos)
      << text;
  EXPECT_NE(text.find("label=\"تمبكتو – Tombouctou\""), std::string::npos);
  EXPECT_NE(text.find("layout=dot;"), std::string::npos);
  EXPECT_NE(text.find("csp->fama "), std::string::npos);
  EXPECT_NE(text.find("label=FIGHTS"), std::string::npos);
  EXPECT_NE(text.find("dir=none"), std::string::npos);
  // The rendered SVG shows the labels as written (XML-escaped by Graphviz).
  auto svg = renderDot(text, "svg", "dot");
  ASSERT_TRUE(svg.ok()) << svg.error().toString();
  EXPECT_NE(svg->find("Ahmed &quot;le Touareg&quot; \\ &lt;b&gt;&amp;amp;"), std::string::npos);
  EXPECT_NE(svg->find("تمبكتو – Tombouctou"), std::string::npos);
}

TEST_F(DiagramFormats, DotLegendListsTheFamiliesPresent) {
  DiagramFilter filter;
  filter.types = {"ATTACKS"};
  std::ostringstream dot;
  writeDot(select(filter), dot, "sfdp");
  std::string text = dot.str();
  EXPECT_NE(text.find("newsgraph: 3 articles, 2021-05-24 to 2024-02"), std::string::npos);
  EXPECT_NE(text.find("jihadist group"), std::string::npos);
  EXPECT_NE(text.find("hostile: attacks"), std::string::npos);
  EXPECT_EQ(text.find("cooperative: supports"), std::string::npos);
  EXPECT_NE(text.find("overlap=prism;"), std::string::npos);
  EXPECT_NE(text.find("xlabel=ATTACKS"), std::string::npos);
}

TEST_F(DiagramFormats, GraphmlReadsBackWithItsAttributes) {
  std::ostringstream graphml;
  writeGraphml(tricky(), graphml);
  std::string path = save("tricky.graphml", graphml.str());
  std::string script = save("read.py",
                            "import sys, xml.etree.ElementTree as E\n"
                            "ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}\n"
                            "root = E.parse(sys.argv[1]).getroot()\n"
                            "keys = {k.get('id'): k.get('attr.name') for k in "
                            "root.findall('g:key', ns)}\n"
                            "g = root.find('g:graph', ns)\n"
                            "def data(e): return {keys[d.get('key')]: d.text or '' for d in "
                            "e.findall('g:data', ns)}\n"
                            "nodes = g.findall('g:node', ns)\n"
                            "edges = g.findall('g:edge', ns)\n"
                            "print(len(nodes), len(edges))\n"
                            "ids = {n.get('id'): data(n) for n in nodes}\n"
                            "for e in edges:\n"
                            "  d = data(e)\n"
                            "  print(ids[e.get('source')]['id'], d['type'], ids[e.get('target')]"
                            "['id'], d['family'], d['status'], d['sources'], d['quote'])\n"
                            "print(sorted(ids['n6'].items()))\n");
  int status = -1;
  std::string out = runCommand("python3 " + script + " " + path + " 2>&1", status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out,
            "8 8\n"
            "csp FIGHTS fama hostile asserted 1 Phrase 4.\n"
            "fama CAPTURES kidal presence asserted 1 Phrase 2.\n"
            "jnim ATTACKS fama hostile asserted 2 Phrase 0.\n"
            "jnim CRITICIZES wagner hostile negated 1 Phrase 5.\n"
            "kidal LOCATED_IN mali structure asserted 1 \n"
            "node LEADS jnim structure asserted 1 Il a dit « \"non\" » \\N <script> &   fin.\n"
            "tinbuktu LOCATED_IN mali structure asserted 1 Phrase 7.\n"
            "wagner SUPPORTS fama cooperative claimed 1 Phrase 3.\n"
            "[('class', 'Town'), ('family', 'place'), ('id', 'tinbuktu'), ('label', 'تمبكتو – "
            "Tombouctou'), ('lat', ''), ('lon', '')]\n");
}

TEST_F(DiagramFormats, SvgIsWellFormedWithOneGroupPerNode) {
  std::ostringstream dot;
  Diagram diagram = tricky();
  writeDot(diagram, dot, "neato");
  auto svg = renderDot(dot.str(), "svg", "neato");
  ASSERT_TRUE(svg.ok()) << svg.error().toString();
  std::string path = save("tricky.svg", svg.value());
  std::string script = save("count.py",
                            "import sys, xml.etree.ElementTree as E\n"
                            "root = E.parse(sys.argv[1]).getroot()\n"
                            "groups = [g.get('class') for g in root.iter('{http://www.w3.org/"
                            "2000/svg}g')]\n"
                            "print(groups.count('node'), groups.count('edge'))\n");
  int status = -1;
  std::string out = runCommand("python3 " + script + " " + path + " 2>&1", status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out, "8 8\n");
}

TEST_F(DiagramFormats, PngHasTheSignatureAndSaneDimensions) {
  std::ostringstream dot;
  writeDot(select({}), dot, "dot");
  auto png = renderDot(dot.str(), "png", "dot");
  ASSERT_TRUE(png.ok()) << png.error().toString();
  ASSERT_GT(png->size(), 24u);
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>((*png)[at]) << 24) |
           (static_cast<unsigned char>((*png)[at + 1]) << 16) |
           (static_cast<unsigned char>((*png)[at + 2]) << 8) |
           static_cast<unsigned char>((*png)[at + 3]);
  };
  EXPECT_EQ(png->substr(12, 4), "IHDR");
  unsigned width = static_cast<unsigned>(be32(16));
  unsigned height = static_cast<unsigned>(be32(20));
  EXPECT_GT(width, 300u);
  EXPECT_LT(width, 5000u);
  EXPECT_GT(height, 100u);
  EXPECT_LT(height, 5000u);
}

TEST_F(DiagramFormats, RenderReportsGraphvizErrors) {
  auto bad = renderDot("digraph G { a -> ", "svg", "dot");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().stage, "graphviz");
  // No line number: Graphviz's scanner keeps state from one call to the next.
  EXPECT_NE(bad.error().message.find("syntax error in line"), std::string::npos)
      << bad.error().message;
  auto engine = renderDot("digraph G { a -> b }", "svg", "nosuchengine");
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(engine.error().message.find("nosuchengine"), std::string::npos)
      << engine.error().message;
}

TEST_F(DiagramFormats, TooLargeADiagramIsRefusedWithAHint) {
  Diagram diagram;
  diagram.nodes.resize(kMaxRenderedNodes + 1);
  diagram.edges.resize(3500);
  auto status = checkRenderable(diagram);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "the diagram has 1001 nodes and 3500 edges, too many to read as a picture (at most "
            "1000); narrow it with --focus ID --depth 1, --types, --classes, --from/--to or "
            "--min-sources, or write --format dot, graphml or html");
  diagram.nodes.resize(kMaxRenderedNodes);
  EXPECT_TRUE(checkRenderable(diagram).ok());
}

TEST_F(DiagramFormats, LayoutIsChosenBySize) {
  Diagram diagram;
  diagram.nodes.resize(50);
  diagram.edges.resize(kDotMaxEdges);
  EXPECT_EQ(chooseLayout(diagram), "dot");
  diagram.edges.resize(kDotMaxEdges + 1);
  EXPECT_EQ(chooseLayout(diagram), "sfdp");
}

}  // namespace
}  // namespace newsgraph::diagram

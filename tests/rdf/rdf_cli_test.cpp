// End-to-end RDF tests of the newsgraph executable on samples/: every export syntax parses with
// rapper and serdi with the statement count the exporter reports; the Turtle export imports into
// an empty store that exports the same JSON; import errors name file, line and column.
// rapper and serdi are installed by scripts/install-deps.sh; without them (outside CI) the
// checks that need them are skipped.
#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli_harness.h"

namespace newsgraph::testing {
namespace {

bool inCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

bool have(const std::string& tool) {
  return std::system(("command -v " + tool + " > /dev/null 2>&1").c_str()) == 0;
}

// Runs a shell command, returning stdout and stderr together.
CommandResult shell(const std::string& command) {
  CommandResult result;
  std::FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

// "export: 12538 statements written to FILE" -> 12538.
long reportedStatements(const std::string& out) {
  std::smatch match;
  if (!std::regex_search(out, match, std::regex("export: ([0-9]+) statements written"))) return -1;
  return std::stol(match[1].str());
}

class RdfCliTest : public CliTest {
 protected:
  void ingestSamples() {
    CommandResult ingest = run("ingest " + samples_ + "/articles --db " + path("g.db"));
    ASSERT_EQ(ingest.status, 0) << ingest.out;
  }
};

TEST_F(RdfCliTest, EveryFormatParsesWithRapperAndSerdi) {
  ingestSamples();
  if (!have("rapper") || !have("serdi")) {
    if (inCi()) FAIL() << "rapper or serdi missing: run scripts/install-deps.sh";
    GTEST_SKIP() << "rapper (raptor2-utils) or serdi not installed: run scripts/install-deps.sh";
  }
  long expected = -1;
  for (const char* format : {"turtle", "ntriples", "nquads", "trig"}) {
    std::string file = path(std::string("g.") + format);
    CommandResult exported =
        run(std::string("export --format ") + format + " --db " + path("g.db") + " -o " + file);
    ASSERT_EQ(exported.status, 0) << exported.out;
    long count = reportedStatements(exported.out);
    ASSERT_GT(count, 1000) << exported.out;
    if (expected < 0) expected = count;
    EXPECT_EQ(count, expected) << format << ": every syntax carries the same statements";

    CommandResult rapper = shell(std::string("rapper -c -i ") + format + " " + file);
    EXPECT_EQ(rapper.status, 0) << format << "\n" << rapper.out;
    EXPECT_NE(rapper.out.find("returned " + std::to_string(count) + " triples"), std::string::npos)
        << format << "\n"
        << rapper.out;

    // serdi in strict mode, re-serialised as N-Quads: one line per statement.
    CommandResult serdi =
        shell(std::string("serdi -l -i ") + format + " -o nquads " + file + " > " + file + ".nq");
    EXPECT_EQ(serdi.status, 0) << format << "\n" << serdi.out;
    CommandResult lines = shell("wc -l < " + file + ".nq");
    EXPECT_EQ(std::stol(lines.out), count) << format;
  }
  // Named graphs: N-Quads statements of articles carry the article as fourth element.
  CommandResult inGraphs =
      shell("grep -c '/statement/.* <http://example.org/newsgraph/article/' " + path("g.nquads"));
  EXPECT_GT(std::stol(inGraphs.out), 100) << inGraphs.out;
}

TEST_F(RdfCliTest, TurtleExportImportsToAnEqualGraph) {
  ingestSamples();
  ASSERT_EQ(run("export --format turtle --db " + path("g.db") + " -o " + path("g.ttl")).status, 0);
  CommandResult imported = run("import " + path("g.ttl") + " --db " + path("r.db"));
  ASSERT_EQ(imported.status, 0) << imported.out;
  EXPECT_NE(imported.out.find("14 articles"), std::string::npos) << imported.out;
  ASSERT_EQ(run("export --format json --db " + path("g.db") + " -o " + path("a.json")).status, 0);
  ASSERT_EQ(run("export --format json --db " + path("r.db") + " -o " + path("b.json")).status, 0);
  std::string original = readFile(path("a.json"));
  EXPECT_GT(original.size(), 10000U);
  EXPECT_EQ(readFile(path("b.json")), original);
  // Importing the same file again changes nothing.
  ASSERT_EQ(run("import " + path("g.ttl") + " --db " + path("r.db")).status, 0);
  ASSERT_EQ(run("export --format json --db " + path("r.db") + " -o " + path("c.json")).status, 0);
  EXPECT_EQ(readFile(path("c.json")), original);
}

TEST_F(RdfCliTest, NoProvenanceIsSmallerAndStillValid) {
  ingestSamples();
  CommandResult full =
      run("export --format ntriples --db " + path("g.db") + " -o " + path("full.nt"));
  CommandResult plain = run("export --format ntriples --no-provenance --db " + path("g.db") +
                            " -o " + path("plain.nt"));
  ASSERT_EQ(plain.status, 0) << plain.out;
  EXPECT_LT(reportedStatements(plain.out), reportedStatements(full.out) / 3);
  std::string text = readFile(path("plain.nt"));
  EXPECT_EQ(text.find("/statement/"), std::string::npos);
  EXPECT_EQ(text.find("/article/"), std::string::npos);
  EXPECT_NE(text.find("<http://example.org/newsgraph/ontology#"), std::string::npos);
}

TEST_F(RdfCliTest, BaseOptionChangesEveryIri) {
  ingestSamples();
  CommandResult exported = run("export --format ntriples --base https://kg.example/sahel/ --db " +
                               path("g.db") + " -o " + path("b.nt"));
  ASSERT_EQ(exported.status, 0) << exported.out;
  std::string text = readFile(path("b.nt"));
  EXPECT_EQ(text.find("http://example.org/newsgraph/"), std::string::npos);
  EXPECT_NE(text.find("<https://kg.example/sahel/entity/gao>"), std::string::npos);
  CommandResult bad = run("export --format turtle --base 'not an iri' --db " + path("g.db"));
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.out,
            "newsgraph: not an iri: export error: bad base IRI: it has no scheme (http:, https:, "
            "urn:...)\n");
}

TEST_F(RdfCliTest, SyntaxErrorNamesFileLineColumnAndChangesNothing) {
  ingestSamples();
  ASSERT_EQ(run("export --format json --db " + path("g.db") + " -o " + path("a.json")).status, 0);
  write("bad.ttl",
        "@prefix ng: <http://example.org/newsgraph/ontology#> .\n"
        "<http://x.example/a> a ng:Town ;\n"
        "  <http://www.w3.org/2000/01/rdf-schema#label> \"Nouvelle ville\" .\n"
        "<http://x.example/b> a ng:Town\n"
        "  <http://www.w3.org/2000/01/rdf-schema#label> \"Autre\" .\n");
  CommandResult imported = run("import " + path("bad.ttl") + " --db " + path("g.db"));
  EXPECT_EQ(imported.status, 2);
  EXPECT_TRUE(
      std::regex_search(imported.out, std::regex(path("bad.ttl") + ":5:[0-9]+: import error: ")))
      << imported.out;
  EXPECT_NE(imported.out.find("the store is unchanged"), std::string::npos);
  ASSERT_EQ(run("export --format json --db " + path("g.db") + " -o " + path("b.json")).status, 0);
  EXPECT_EQ(readFile(path("b.json")), readFile(path("a.json")));
}

TEST_F(RdfCliTest, ThirdPartyTurtleMergesIntoTheStore) {
  ingestSamples();
  write("other.ttl",
        "@prefix ng: <http://example.org/newsgraph/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<http://other.example/g> a ng:Militia ; skos:prefLabel \"Dan Na Ambassagou\"@fr ;\n"
        "  ng:attacks <http://other.example/t> .\n"
        "<http://other.example/t> a ng:Town ; skos:prefLabel \"Ogossagou\"@fr .\n"
        "<http://other.example/mali> a ng:Country ; skos:prefLabel \"Republic of Mali\"@en ;\n"
        "  owl:sameAs <http://www.wikidata.org/entity/Q912> .\n"
        "<http://other.example/g> ng:operatesIn <http://other.example/mali> .\n");
  CommandResult imported = run("import " + path("other.ttl") + " --db " + path("g.db"));
  ASSERT_EQ(imported.status, 0) << imported.out;
  CommandResult relations =
      run("relations --facts --entity dan-na-ambassagou --db " + path("g.db"));
  EXPECT_NE(relations.out.find("ATTACKS"), std::string::npos) << relations.out;
  EXPECT_NE(relations.out.find("ogossagou"), std::string::npos) << relations.out;
  // The Wikidata link finds the gazetteer's Mali.
  EXPECT_NE(relations.out.find("OPERATES_IN  mali"), std::string::npos) << relations.out;
}

TEST_F(RdfCliTest, ImportOfMissingFileFails) {
  CommandResult imported = run("import " + path("nope.ttl") + " --db " + path("g.db"));
  EXPECT_EQ(imported.status, 2);
  EXPECT_NE(imported.out.find(path("nope.ttl") + ": import error: No such file or directory"),
            std::string::npos)
      << imported.out;
}

}  // namespace
}  // namespace newsgraph::testing

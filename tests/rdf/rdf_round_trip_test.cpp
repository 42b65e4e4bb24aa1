// Randomized round trip: labels, quotes, doc ids and urls full of quotes, newlines, '>', spaces,
// backslashes, control characters and non-Latin scripts go out through Serd's writer and come
// back through Serd's reader unchanged, in every syntax. When rapper is installed, it must
// parse every file too (an independent check of the escaping).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "newsgraph/export/rdf_import.h"
#include "rdf_test_graph.h"

namespace newsgraph::testing {
namespace {

using exporter::RdfSyntax;

// Pieces that break naive escaping, plus a spread of scripts.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> kPieces = {"\"",
                                                   "\"\"\"",
                                                   "'",
                                                   "\\",
                                                   "\\n",
                                                   "\n",
                                                   "\r\n",
                                                   "\t",
                                                   ">",
                                                   "<",
                                                   " ",
                                                   "{",
                                                   "}",
                                                   "|",
                                                   "^",
                                                   "`",
                                                   "%",
                                                   "%41",
                                                   "#",
                                                   "?",
                                                   "&",
                                                   "_:",
                                                   "@fr",
                                                   "^^",
                                                   ".",
                                                   ";",
                                                   ",",
                                                   "\x01",
                                                   "\x1F",
                                                   "\x7F",
                                                   "é",
                                                   "Ç",
                                                   "œ",
                                                   "ß",
                                                   "ñ",
                                                   "ء",
                                                   "مالي",
                                                   "中文",
                                                   "日本語",
                                                   "한국",
                                                   "Ελλάδα",
                                                   "Россия",
                                                   "עברית",
                                                   "\xF0\x9F\x98\x80",  // emoji, 4 bytes
                                                   "e\xCC\x81",         // combining acute
                                                   "\xE2\x80\xA8",      // line separator
                                                   "\xEF\xBB\xBF",      // BOM
                                                   "a",
                                                   "Z",
                                                   "0",
                                                   "-",
                                                   "Tombouctou",
                                                   "FAMa"};
  return kPieces;
}

std::string randomText(std::mt19937& rng, int maxPieces) {
  std::uniform_int_distribution<int> count(1, maxPieces);
  std::uniform_int_distribution<std::size_t> pick(0, pieces().size() - 1);
  std::string out;
  for (int i = count(rng); i > 0; --i) out += pieces()[pick(rng)];
  return out;
}

// What a url becomes as an IRI: the bytes IRIs forbid, percent-encoded (docs/RDF.md).
std::string asIri(const std::string& url) {
  static const std::string kForbidden = "<>\"{}|\\^`";
  std::string out;
  for (char c : url) {
    auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b == 0x7F || kForbidden.find(c) != std::string::npos) {
      char escape[4];
      std::snprintf(escape, sizeof escape, "%%%02X", b);
      out += escape;
    } else {
      out += c;
    }
  }
  return out;
}

std::string describeText(const graph::KnowledgeGraph& g, bool urlsAsIris = false) {
  std::string out;
  for (graph::ArticleId a = 0; a < g.articleCount(); ++a) {
    const auto& article = g.article(a);
    out += "A[" + article.doc + "][" + article.title + "][" +
           (urlsAsIris ? asIri(article.url) : article.url) + "]\n";
  }
  for (graph::VertexId v = 0; v < g.entityCount(); ++v) {
    const auto& e = g.entity(v);
    out += "E[" + e.id + "][" + e.label + "][" + e.labelEn + "]";
    for (const auto& alias : e.aliases) out += "[" + alias + "]";
    out += "\n";
  }
  for (graph::EdgeId r = 0; r < g.relationCount(); ++r) {
    for (const auto& ev : g.relation(r).evidence) out += "Q[" + ev.quote + "]\n";
  }
  return out;
}

graph::KnowledgeGraph randomGraph(std::mt19937& rng) {
  graph::KnowledgeGraph g;
  std::vector<graph::ArticleId> articles;
  for (int i = 0; i < 3; ++i) {
    graph::ArticleRecord article;
    article.doc = randomText(rng, 4) + std::to_string(i);
    article.title = randomText(rng, 8);
    article.url = "https://news.example/" + randomText(rng, 4);
    articles.push_back(g.addArticle(article));
  }
  std::vector<graph::VertexId> vertices;
  for (int i = 0; i < 6; ++i) {
    graph::EntityNode node;
    node.id = randomText(rng, 3) + std::to_string(i);
    node.cls = i % 2 == 0 ? "Actor" : "Town";
    node.label = randomText(rng, 6);
    node.labelEn = i % 3 == 0 ? randomText(rng, 3) : "";
    for (int k = 0; k < i % 3; ++k) node.aliases.push_back(randomText(rng, 4) + std::to_string(k));
    vertices.push_back(g.ensureEntity(node));
  }
  for (int i = 0; i < 8; ++i) {
    graph::Evidence ev;
    ev.article = articles[static_cast<std::size_t>(i) % articles.size()];
    ev.begin = static_cast<std::uint32_t>(i * 10);
    ev.end = ev.begin + 5;
    ev.quote = randomText(rng, 12);
    g.addEvidence(vertices[static_cast<std::size_t>(i) % 3 * 2], "ATTACKS",
                  vertices[static_cast<std::size_t>(i) % 5 + 1], false, ev);
  }
  return g;
}

TEST(RdfRoundTrip, RandomTextSurvivesEverySyntax) {
  auto ontology = miniOntology();
  std::mt19937 rng(20241121);
  bool haveRapper = std::system("command -v rapper > /dev/null 2>&1") == 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("newsgraph_rdf_round_trip_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::pair<RdfSyntax, const char*> syntaxes[] = {{RdfSyntax::kTurtle, "turtle"},
                                                        {RdfSyntax::kNTriples, "ntriples"},
                                                        {RdfSyntax::kNQuads, "nquads"},
                                                        {RdfSyntax::kTriG, "trig"}};
  for (int round = 0; round < 25; ++round) {
    graph::KnowledgeGraph original = randomGraph(rng);
    for (const auto& [syntax, name] : syntaxes) {
      exporter::RdfExportOptions options;
      options.syntax = syntax;
      std::string text = exportRdf(original, ontology, options);
      graph::KnowledgeGraph copy;
      exporter::RdfImportOptions importOptions;
      importOptions.syntax = syntax;
      auto imported = exporter::importRdfText(text, name, ontology, copy, importOptions);
      ASSERT_TRUE(imported.ok()) << name << " round " << round << ": "
                                 << imported.error().toString() << "\n"
                                 << text;
      if (syntax == RdfSyntax::kTriG) continue;  // evidence order differs (grouped by article)
      ASSERT_EQ(describeText(copy), describeText(original, true)) << name << " round " << round;
      if (haveRapper && round < 5) {
        auto file = dir / (std::string("round.") + name);
        std::ofstream(file, std::ios::binary) << text;
        std::string command =
            std::string("rapper -q -c -i ") + name + " " + file.string() + " > /dev/null 2>&1";
        EXPECT_EQ(std::system(command.c_str()), 0) << name << " round " << round << "\n" << text;
      }
    }
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace newsgraph::testing

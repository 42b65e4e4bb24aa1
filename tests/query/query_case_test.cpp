// End-to-end query tests as data files (tests/query/cases/*.test, format in README.md there):
// each case is a query and the exact rows (sorted unless "ordered"), the exact error, or the
// exact plan. Datasets: `mini` (tests/query/data/mini.graph, built here) and `samples`
// (samples/articles ingested in-process with the default ontology).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "newsgraph/ingest/article_reader.h"
#include "newsgraph/ingest/pipeline.h"
#include "newsgraph/ontology/ontology_loader.h"
#include "newsgraph/query/query.h"

namespace newsgraph::query {
namespace {

namespace fs = std::filesystem;

const ontology::Ontology& defaultOntology() {
  static const ontology::Ontology ontology = [] {
    auto loaded = ontology::loadOntology(ontology::defaultOntologySources());
    if (!loaded) throw std::runtime_error(loaded.error().toString());
    return std::move(loaded).value();
  }();
  return ontology;
}

std::vector<std::string> split(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t at = text.find(separator, start);
    std::string part = text.substr(start, at == std::string::npos ? std::string::npos : at - start);
    auto first = part.find_first_not_of(' ');
    auto last = part.find_last_not_of(' ');
    parts.push_back(first == std::string::npos ? "" : part.substr(first, last - first + 1));
    if (at == std::string::npos) return parts;
    start = at + separator.size();
  }
}

// key=value fields after the positional ones.
std::map<std::string, std::string> keyValues(const std::vector<std::string>& fields,
                                             std::size_t from) {
  std::map<std::string, std::string> out;
  for (std::size_t i = from; i < fields.size(); ++i) {
    auto eq = fields[i].find('=');
    if (eq != std::string::npos) out[fields[i].substr(0, eq)] = fields[i].substr(eq + 1);
  }
  return out;
}

// Builds the hand-made graph of tests/query/data/*.graph (format in its header comment).
graph::KnowledgeGraph buildGraph(const std::string& path) {
  const ontology::Ontology& onto = defaultOntology();
  graph::KnowledgeGraph graph;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string line;
  auto article = [&](const std::string& doc) -> std::optional<graph::ArticleId> {
    if (doc.empty()) return std::nullopt;
    if (auto found = graph.findArticle(doc)) return found;
    graph::ArticleRecord record;
    record.doc = doc;
    return graph.addArticle(record);
  };
  auto vertex = [&](const std::string& id) {
    auto v = graph.findEntity(id);
    if (!v) throw std::runtime_error(path + ": unknown node " + id);
    return *v;
  };
  auto evidence = [&](const std::map<std::string, std::string>& kv) {
    graph::Evidence e;
    auto get = [&](const char* key) {
      auto found = kv.find(key);
      return found == kv.end() ? std::string() : found->second;
    };
    e.article = article(get("doc"));
    e.quote = get("quote").empty() ? "..." : get("quote");
    if (!get("date").empty()) e.date = common::PartialDate::parse(get("date"));
    if (!get("status").empty()) e.status = *graph::parseStatus(get("status"));
    e.source = get("source");
    if (!get("confidence").empty()) e.confidence = std::stod(get("confidence"));
    if (!get("sentence").empty())
      e.sentence = static_cast<std::uint32_t>(std::stoul(get("sentence")));
    return e;
  };
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto space = line.find(' ');
    std::string kind = line.substr(0, space);
    std::vector<std::string> f = split(line.substr(space + 1), " | ");
    if (kind == "node") {
      graph::EntityNode node;
      node.id = f.at(0);
      node.cls = f.at(1);
      node.label = f.at(2);
      auto kv = keyValues(f, 3);
      if (kv.count("lat")) node.lat = std::stod(kv["lat"]);
      if (kv.count("lon")) node.lon = std::stod(kv["lon"]);
      node.wikidata = kv["wikidata"];
      node.known = kv["known"] != "false";
      if (kv.count("aliases")) node.aliases = split(kv["aliases"], ";");
      graph::VertexId v = graph.ensureEntity(node);
      if (kv.count("mentions")) {
        std::uint32_t n = 0;
        for (const std::string& doc : split(kv["mentions"], ",")) {
          graph.addMention(v, graph::MentionRef{*article(doc), n, n, n + 1});
          ++n;
        }
      }
    } else if (kind == "rel") {
      const ontology::RelationType* type = onto.findRelationType(f.at(1));
      if (!type) throw std::runtime_error(path + ": unknown type " + f.at(1));
      auto kv = keyValues(f, 3);
      graph.addEvidence(vertex(f.at(0)), f.at(1), vertex(f.at(2)), type->symmetric, evidence(kv));
    } else if (kind == "event") {
      // event id | type | sub_type | key=value...: date, fatalities, actor1, actor2, place, doc
      graph::EntityNode node;
      node.id = f.at(0);
      node.cls = "Event";
      node.label = f.at(2);
      graph::VertexId v = graph.ensureEntity(node);
      auto kv = keyValues(f, 3);
      graph::EventDetails details;
      details.type = f.at(1);
      details.subType = f.at(2);
      if (kv.count("date")) details.date = common::PartialDate::parse(kv["date"]);
      if (kv.count("fatalities")) details.fatalities = std::stol(kv["fatalities"]);
      details.evidence = evidence(kv);
      details.retracted = kv["retracted"] == "true";
      graph.setEvent(v, details);
      for (const char* role : {"actor1", "actor2", "place"}) {
        if (!kv.count(role)) continue;
        std::string name = std::string(role) == "place"    ? "OCCURRED_IN"
                           : std::string(role) == "actor1" ? "ACTOR1"
                                                           : "ACTOR2";
        graph.addEvidence(v, name, vertex(kv[role]), false, evidence(kv));
      }
    } else {
      throw std::runtime_error(path + ": unknown line " + line);
    }
  }
  return graph;
}

graph::KnowledgeGraph ingestSamples() {
  ingest::Pipeline pipeline(defaultOntology(), nullptr);
  graph::KnowledgeGraph graph;
  ingest::ArticleSink sink;
  sink.onArticle = [&](ingest::Article&& article) {
    (void)pipeline.ingest(article, graph);
    return true;
  };
  ingest::readArticles(std::string(NEWSGRAPH_SOURCE_DIR) + "/samples/articles", {}, sink);
  pipeline.addBackgroundFacts(graph);
  return graph;
}

struct Dataset {
  graph::KnowledgeGraph graph;
  std::unique_ptr<GraphSnapshot> snapshot;
};

const Dataset& dataset(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Dataset>> cache;
  auto& slot = cache[name];
  if (!slot) {
    slot = std::make_unique<Dataset>();
    slot->graph = name == "samples" ? ingestSamples()
                                    : buildGraph(std::string(NEWSGRAPH_SOURCE_DIR) +
                                                 "/tests/query/data/" + name + ".graph");
    slot->snapshot = std::make_unique<GraphSnapshot>(slot->graph, defaultOntology());
  }
  return *slot;
}

struct QueryCase {
  std::string file;
  int line = 0;
  std::string kind;  // query, error, explain
  bool ordered = false;
  std::string dataset = "mini";
  std::string text;
  std::vector<std::string> expected;
  QueryOptions options;
};

std::vector<QueryCase> readCases(const fs::path& path) {
  std::vector<QueryCase> cases;
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string currentDataset = "mini";
  QueryOptions pending;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string head;
    words >> head;
    if (head == "dataset") {
      words >> currentDataset;
      continue;
    }
    if (head == "param") {
      std::string kv;
      std::getline(words, kv);
      kv = split(kv, "\n")[0];
      auto eq = kv.find('=');
      pending.parameters[kv.substr(0, eq)] = parseParameterValue(kv.substr(eq + 1));
      continue;
    }
    if (head == "limit") {
      std::string key;
      long value = 0;
      words >> key >> value;
      if (key == "max-rows") pending.maxRows = static_cast<std::size_t>(value);
      if (key == "max-depth") pending.maxDepth = static_cast<int>(value);
      if (key == "timeout") pending.timeout = std::chrono::milliseconds(value);
      continue;
    }
    QueryCase c;
    c.file = path.stem().string();
    c.line = static_cast<int>(i + 1);
    c.kind = head;
    c.dataset = currentDataset;
    std::string flag;
    while (words >> flag) {
      if (flag == "ordered") c.ordered = true;
    }
    if (c.kind != "query" && c.kind != "error" && c.kind != "explain") {
      throw std::runtime_error(path.string() + ":" + std::to_string(i + 1) + ": bad case " + line);
    }
    ++i;
    for (; i < lines.size() && lines[i] != "----"; ++i)
      c.text += (c.text.empty() ? "" : "\n") + lines[i];
    for (++i; i < lines.size() && !lines[i].empty(); ++i) c.expected.push_back(lines[i]);
    c.options = pending;
    pending = QueryOptions();
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

void runCase(const QueryCase& c) {
  const Dataset& data = dataset(c.dataset);
  auto result = runQuery(c.text, *data.snapshot, c.options);
  std::vector<std::string> actual;
  if (c.kind == "error") {
    ASSERT_FALSE(result.ok()) << "expected an error, got rows for:\n" << c.text;
    std::istringstream text(formatQueryError(result.error(), c.text));
    for (std::string line; std::getline(text, line);) actual.push_back(line);
    EXPECT_EQ(joined(c.expected), joined(actual)) << c.text;
    return;
  }
  ASSERT_TRUE(result.ok()) << formatQueryError(result.error(), c.text);
  if (c.kind == "explain") {
    std::istringstream text(result->plan);
    for (std::string line; std::getline(text, line);) actual.push_back(line);
    EXPECT_EQ(joined(c.expected), joined(actual)) << c.text;
    return;
  }
  std::string header;
  for (std::size_t i = 0; i < result->columns.size(); ++i) {
    header += (i > 0 ? " | " : "") + result->columns[i];
  }
  for (const auto& row : result->rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += (i > 0 ? " | " : "") + valueToText(row[i], *data.snapshot);
    }
    actual.push_back(line);
  }
  for (const std::string& note : result->notes) actual.push_back("note: " + note);
  std::vector<std::string> expected(c.expected.begin() + (c.expected.empty() ? 0 : 1),
                                    c.expected.end());
  if (!c.ordered) {
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
  }
  ASSERT_FALSE(c.expected.empty()) << "a query case needs at least its header line";
  EXPECT_EQ(c.expected[0], header) << c.text;
  EXPECT_EQ(joined(expected), joined(actual)) << c.text;
}

class QueryCaseTest : public ::testing::Test {
 public:
  explicit QueryCaseTest(QueryCase c) : case_(std::move(c)) {}
  void TestBody() override { runCase(case_); }

 private:
  QueryCase case_;
};

int registerCases() {
  fs::path dir = fs::path(NEWSGRAPH_SOURCE_DIR) / "tests/query/cases";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  int count = 0;
  for (const fs::path& file : files) {
    for (QueryCase& c : readCases(file)) {
      std::string name = c.file + "_line" + std::to_string(c.line);
      std::string fileName = file.string();
      int line = c.line;
      ::testing::RegisterTest(
          "QueryCase", name.c_str(), nullptr, nullptr, fileName.c_str(), line,
          [c = std::move(c)]() -> ::testing::Test* { return new QueryCaseTest(c); });
      ++count;
    }
  }
  return count;
}

const int kRegistered = registerCases();

TEST(QueryCases, AtLeastEightyCases) { EXPECT_GE(kRegistered, 80); }

}  // namespace
}  // namespace newsgraph::query

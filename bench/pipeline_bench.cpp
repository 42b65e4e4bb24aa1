// Google Benchmark of the ingest pipeline stages on one core, bytes per second:
// tokenization, sentence splitting, entity recognition, and the whole analysis.
// The text is the project's samples (written for newsgraph), repeated to about 4 MB.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsgraph/ingest/article_reader.h"
#include "newsgraph/ingest/pipeline.h"
#include "newsgraph/ingest/tokenizer.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace {

using namespace newsgraph;

struct Fixture {
  ontology::Ontology ontology;
  std::unique_ptr<ingest::GlueSplitter> glue;
  std::vector<ingest::Article> articles;
  std::size_t bytes = 0;
};

const Fixture& fixture() {
  static const Fixture kFixture = [] {
    Fixture f;
    f.ontology = std::move(ontology::loadOntologyFiles({}, true)).value();
    if (auto glue = ingest::GlueSplitter::load(ingest::GlueSplitter::kDefaultWordList)) {
      f.glue = std::make_unique<ingest::GlueSplitter>(std::move(glue).value());
    }
    std::vector<ingest::Article> samples;
    ingest::ArticleSink sink;
    sink.onArticle = [&](ingest::Article&& a) {
      samples.push_back(std::move(a));
      return true;
    };
    sink.onError = [](const common::Error&) { return true; };
    ingest::readArticles(std::string(NEWSGRAPH_SOURCE_DIR) + "/samples/articles", {}, sink);
    while (f.bytes < (4u << 20) && !samples.empty()) {
      for (const auto& a : samples) {
        f.articles.push_back(a);
        f.bytes += a.text.size();
      }
    }
    return f;
  }();
  return kFixture;
}

void BM_Tokenize(benchmark::State& state) {
  const Fixture& f = fixture();
  std::vector<ingest::Token> tokens;
  for (auto _ : state) {
    for (const auto& a : f.articles) {
      tokens.clear();
      ingest::tokenize(a.text, tokens, f.glue.get());
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// Reference in the same run: ICU's word BreakIterator (with its UTF-16 conversion) over the same
// text, the tool a tokenizer would otherwise be built on.
void BM_ReferenceIcuWordBreak(benchmark::State& state) {
  const Fixture& f = fixture();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), status));
  for (auto _ : state) {
    std::size_t count = 0;
    for (const auto& a : f.articles) {
      icu::UnicodeString text = icu::UnicodeString::fromUTF8(a.text);
      words->setText(text);
      for (int32_t p = words->first(); p != icu::BreakIterator::DONE; p = words->next()) ++count;
    }
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_ReferenceIcuWordBreak)->Unit(benchmark::kMillisecond);

// Text processing through entity recognition: tokens, sentences, mentions.
void BM_TokensSentencesEntities(benchmark::State& state) {
  const Fixture& f = fixture();
  ingest::SentenceSplitter splitter(f.ontology.lexicon("abbreviation"));
  ingest::EntityRecognizer recognizer(f.ontology);
  std::vector<ingest::Token> tokens;
  std::vector<ingest::Sentence> sentences;
  for (auto _ : state) {
    for (const auto& a : f.articles) {
      tokens.clear();
      sentences.clear();
      ingest::tokenize(a.text, tokens, f.glue.get());
      splitter.split(tokens, sentences);
      auto found = recognizer.recognize(a.text, tokens, sentences);
      benchmark::DoNotOptimize(found.mentions.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_TokensSentencesEntities)->Unit(benchmark::kMillisecond);

// The whole analysis: the above plus dates and quantities per sentence.
void BM_AnalyzeArticles(benchmark::State& state) {
  const Fixture& f = fixture();
  ingest::Pipeline pipeline(f.ontology, f.glue.get());
  for (auto _ : state) {
    for (const auto& a : f.articles) {
      auto analysis = pipeline.analyze(a);
      benchmark::DoNotOptimize(analysis.recognition.mentions.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_AnalyzeArticles)->Unit(benchmark::kMillisecond);

void BM_IngestIntoGraph(benchmark::State& state) {
  const Fixture& f = fixture();
  ingest::Pipeline pipeline(f.ontology, f.glue.get());
  for (auto _ : state) {
    graph::KnowledgeGraph graph;
    std::size_t n = 0;
    for (auto a : f.articles) {
      a.doc += "-" + std::to_string(n++);
      pipeline.ingest(a, graph);
    }
    benchmark::DoNotOptimize(graph.entityCount());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_IngestIntoGraph)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

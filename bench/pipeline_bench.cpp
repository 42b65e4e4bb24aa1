// Google Benchmark of the ingest pipeline stages on one core, bytes of article text per second:
// tokenization, sentence splitting and entity recognition, then each later stage alone on
// analyses prepared beforehand (dates and quantities, relations, events), the whole analysis,
// and the analysis merged into a graph. The text is the project's samples (written for
// newsgraph), repeated to about 4 MB.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsgraph/ingest/article_reader.h"
#include "newsgraph/ingest/event_extractor.h"
#include "newsgraph/ingest/pipeline.h"
#include "newsgraph/ingest/quantity_parser.h"
#include "newsgraph/ingest/relation_extractor.h"
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

// The analyses of the fixture's articles, complete, for the benchmarks of single later stages.
const std::vector<ingest::DocumentAnalysis>& analyses() {
  static const std::vector<ingest::DocumentAnalysis> kAnalyses = [] {
    const Fixture& f = fixture();
    ingest::Pipeline pipeline(f.ontology, f.glue.get());
    std::vector<ingest::DocumentAnalysis> all;
    all.reserve(f.articles.size());
    for (const auto& a : f.articles) all.push_back(pipeline.analyze(a));
    return all;
  }();
  return kAnalyses;
}

// Dates and quantities of every sentence (the pipeline's call), on sentences split beforehand.
void BM_DatesAndQuantities(benchmark::State& state) {
  const Fixture& f = fixture();
  const auto& all = analyses();
  std::vector<ingest::DateMention> dates;
  std::vector<ingest::Quantity> quantities;
  for (auto _ : state) {
    for (std::size_t n = 0; n < f.articles.size(); ++n) {
      const ingest::Article& a = f.articles[n];
      ingest::DateContext context;
      context.articleDate = a.date;
      for (const ingest::Sentence& sentence : all[n].sentences) {
        std::string_view text(a.text.data() + sentence.begin, sentence.end - sentence.begin);
        ingest::findDatesAndQuantities(text, context, dates, quantities);
        benchmark::DoNotOptimize(dates.data());
        benchmark::DoNotOptimize(quantities.data());
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_DatesAndQuantities)->Unit(benchmark::kMillisecond);

// Relation extraction alone, on analyses complete up to the dates.
void BM_Relations(benchmark::State& state) {
  const Fixture& f = fixture();
  const auto& all = analyses();
  ingest::RelationExtractor relations(f.ontology);
  for (auto _ : state) {
    for (std::size_t n = 0; n < f.articles.size(); ++n) {
      auto found = relations.extract(f.articles[n], all[n]);
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_Relations)->Unit(benchmark::kMillisecond);

// Event extraction alone, on analyses complete up to the relations.
void BM_Events(benchmark::State& state) {
  const Fixture& f = fixture();
  const auto& all = analyses();
  ingest::EventExtractor events(f.ontology);
  for (auto _ : state) {
    for (std::size_t n = 0; n < f.articles.size(); ++n) {
      auto found = events.extract(f.articles[n], all[n]);
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_Events)->Unit(benchmark::kMillisecond);

// The whole analysis: tokens, sentences, entities, dates and quantities, relations, events.
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

// The whole analysis merged into a graph (mentions, relations with their evidence, events).
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

// `newsgraph ingest PATH... --db FILE`: read articles, recognise entities, merge into the store.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "command_context.h"
#include "newsgraph/graph/graph_store.h"
#include "newsgraph/ingest/article_reader.h"
#include "newsgraph/ingest/pipeline.h"

namespace newsgraph::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  bool strict = false;
  bool quiet = false;
  bool entitiesOnly = false;
  std::size_t maxArticleBytes = ingest::ReadOptions{}.maxArticleBytes;
  double waitSeconds = 10;  // for another process's write lock
};

// Counts what a batch did, and draws a progress line when stderr is a terminal.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && ::isatty(2) == 1) {}

  void article(ingest::IngestOutcome outcome, std::size_t articleBytes) {
    ++articles;
    bytes += articleBytes;
    (outcome == ingest::IngestOutcome::kAdded      ? added
     : outcome == ingest::IngestOutcome::kReplaced ? replaced
                                                   : unchanged)++;
    if (!enabled_) return;
    auto now = Clock::now();
    if (now - lastDraw_ < std::chrono::milliseconds(250)) return;
    lastDraw_ = now;
    std::fprintf(stderr, "\r  %zu articles, %.1f MB, %.1f MB/s   ", articles,
                 static_cast<double>(bytes) / 1e6, megabytesPerSecond());
  }

  void finish() const {
    if (enabled_ && articles > 0) std::fprintf(stderr, "\r%60s\r", "");
  }

  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
  double megabytesPerSecond() const {
    double s = seconds();
    return s > 0 ? static_cast<double>(bytes) / 1e6 / s : 0.0;
  }

  std::size_t articles = 0, added = 0, replaced = 0, unchanged = 0, errors = 0, bytes = 0;

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point lastDraw_ = start_;
};

// Opens the store for writing, reporting failures; the write lock is held until commit.
std::optional<graph::GraphStore> openForWriting(const CommonOptions& options, double waitSeconds) {
  graph::GraphStore::Options storeOptions;
  storeOptions.access = graph::GraphStore::Access::kWrite;
  storeOptions.busyTimeoutMs = static_cast<int>(waitSeconds * 1000);
  auto store = graph::GraphStore::open(options.db, storeOptions);
  if (!store) {
    reportError(store.error().toString());
    return std::nullopt;
  }
  return std::move(store).value();
}

int runIngest(const IngestOptions& ingestOptions, const CommonOptions& options) {
  auto ontology = loadOntologyOrReport(options);
  if (!ontology) return kExitFailure;
  auto glue = loadWordListOrWarn(options);
  auto store = openForWriting(options, ingestOptions.waitSeconds);
  if (!store) return kExitFailure;
  auto loaded = store->load();
  if (!loaded) {
    reportError(loaded.error().toString());
    return kExitFailure;
  }
  graph::KnowledgeGraph& graph = loaded.value();
  // The store writes what each article changed, in the one transaction that commit() ends.
  graph.trackChanges(true);

  ingest::PipelineOptions pipelineOptions;
  pipelineOptions.relations = !ingestOptions.entitiesOnly;
  ingest::Pipeline pipeline(*ontology, glue.get(), pipelineOptions);
  Progress progress(!ingestOptions.quiet);
  bool stopped = false;
  std::optional<common::Error> storeFailure;
  ingest::ArticleSink sink;
  std::vector<graph::GraphChange> changes;  // one buffer for every article's changes
  sink.onArticle = [&](ingest::Article&& article) {
    progress.article(pipeline.ingest(article, graph), article.text.size());
    graph.takeChanges(changes);
    if (auto written = store->write(graph, changes); !written) {
      storeFailure = written.error();
      return false;
    }
    return true;
  };
  sink.onError = [&](const common::Error& error) {
    ++progress.errors;
    reportError(error.toString());
    stopped = ingestOptions.strict;
    return !ingestOptions.strict;
  };
  ingest::ReadOptions readOptions;
  readOptions.maxArticleBytes = ingestOptions.maxArticleBytes;
  for (const std::string& path : ingestOptions.paths) {
    ingest::readArticles(path, readOptions, sink);
    if (stopped || storeFailure) break;
  }
  progress.finish();
  if (storeFailure) {
    store->rollback();
    reportError(storeFailure->toString());
    reportError("the store was left as it was before this ingest");
    return kExitFailure;
  }
  if (stopped) {
    store->rollback();
    reportError("--strict: stopped at the first error; the store was left unchanged");
    return kExitInputErrors;
  }
  pipeline.addBackgroundFacts(graph);
  auto saved = store->write(graph, graph.takeChanges());
  if (saved) saved = store->commit();
  if (!saved) {
    store->rollback();
    reportError(saved.error().toString());
    return kExitFailure;
  }
  if (!ingestOptions.quiet) {
    std::size_t mentions = 0, open = 0;
    for (graph::VertexId v = 0; v < graph.entityCount(); ++v) {
      mentions += graph.entity(v).mentions.size();
      open += graph.entity(v).known ? 0 : 1;
    }
    std::printf(
        "ingested %zu articles (%zu added, %zu replaced, %zu unchanged), %zu errors, "
        "%.1f MB in %.2f s (%.1f MB/s)\n"
        "store %s: %zu entities (%zu open-world), %zu mentions, %zu relations\n",
        progress.articles, progress.added, progress.replaced, progress.unchanged, progress.errors,
        static_cast<double>(progress.bytes) / 1e6, progress.seconds(),
        progress.megabytesPerSecond(), options.db.c_str(), graph.entityCount(), open, mentions,
        graph.relationCount());
  }
  return progress.errors > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace

void registerIngest(CLI::App& app, CommonOptions& options, int& status) {
  auto ingestOptions = std::make_shared<IngestOptions>();
  CLI::App* command = app.add_subcommand(
      "ingest",
      "Read articles (.txt, .json, .jsonl, directories, - for stdin) into the graph store.\n"
      "Articles already in the store are skipped when unchanged and replaced when changed.\n"
      "The whole batch is one transaction: if it stops, the store is as it was before.\n"
      "Bad files are reported with file:line:column and skipped; the exit status is 1 if any\n"
      "input was bad, 0 otherwise.");
  command->add_option("paths", ingestOptions->paths, "Files, directories, or - for stdin")
      ->required();
  addDbOption(*command, options);
  addOntologyOptions(*command, options);
  command->add_flag("--strict", ingestOptions->strict,
                    "Stop at the first bad input and leave the store unchanged");
  command->add_flag("-q,--quiet", ingestOptions->quiet, "Print no summary or progress");
  command->add_flag(
      "--entities-only", ingestOptions->entitiesOnly,
      "Recognise entities only (no dates, relations): a fast first pass over a backlog");
  command
      ->add_option("--max-article-bytes", ingestOptions->maxArticleBytes,
                   "Reject articles (or JSON lines) larger than this")
      ->capture_default_str();
  command
      ->add_option("--wait", ingestOptions->waitSeconds,
                   "Seconds to wait while another process writes the store, then fail")
      ->capture_default_str();
  command->callback(
      [ingestOptions, &options, &status] { status = runIngest(*ingestOptions, options); });
}

}  // namespace newsgraph::cli

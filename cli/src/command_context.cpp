#include "command_context.h"

#include <cstdio>
#include <filesystem>

#include "newsgraph/graph/graph_store.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace newsgraph::cli {

void addDbOption(CLI::App& command, CommonOptions& options) {
  command.add_option("--db", options.db, "Graph store file")->capture_default_str();
}

void addOntologyOptions(CLI::App& command, CommonOptions& options) {
  command.add_option("--ontology", options.ontologyFiles,
                     "Turtle file extending the default ontology (repeatable)");
  command.add_flag("--no-default-ontology", options.noDefaultOntology,
                   "Use only the --ontology files, not the built-in Sahel ontology");
  command
      .add_option("--wordlist", options.wordList,
                  "French word list for repairing glued words (wfrench)")
      ->capture_default_str();
}

void reportError(const std::string& line) { std::fprintf(stderr, "newsgraph: %s\n", line.c_str()); }

std::optional<ontology::Ontology> loadOntologyOrReport(const CommonOptions& options) {
  if (options.noDefaultOntology && options.ontologyFiles.empty()) {
    reportError("--no-default-ontology needs at least one --ontology FILE");
    return std::nullopt;
  }
  auto loaded = ontology::loadOntologyFiles(options.ontologyFiles, !options.noDefaultOntology);
  if (!loaded) {
    reportError(loaded.error().toString());
    return std::nullopt;
  }
  return std::move(loaded).value();
}

std::unique_ptr<ingest::GlueSplitter> loadWordListOrWarn(const CommonOptions& options) {
  if (options.wordList.empty()) return nullptr;
  auto loaded = ingest::GlueSplitter::load(options.wordList);
  if (!loaded) {
    reportError(
        "warning: " + loaded.error().toString() +
        " (glued words such as 'avoirquitté' stay glued; install wfrench or pass --wordlist)");
    return nullptr;
  }
  return std::make_unique<ingest::GlueSplitter>(std::move(loaded).value());
}

std::optional<graph::KnowledgeGraph> loadGraphOrReport(const std::string& db, bool mayBeAbsent) {
  if (mayBeAbsent && !std::filesystem::exists(db)) return graph::KnowledgeGraph{};
  auto loaded = graph::loadGraph(db);
  if (!loaded) {
    reportError(loaded.error().toString());
    if (!std::filesystem::exists(db))
      reportError("hint: create it with 'newsgraph ingest PATH --db " + db + "'");
    return std::nullopt;
  }
  return std::move(loaded).value();
}

}  // namespace newsgraph::cli

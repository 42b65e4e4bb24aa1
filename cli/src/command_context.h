// Private to the CLI: options every command shares (store, ontology, word list) and the
// helpers that turn them into loaded objects, printing errors in the one project format.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/ingest/glue_splitter.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::cli {

// Exit statuses of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputErrors = 1;  // some input was bad; the rest was processed
inline constexpr int kExitFailure = 2;      // nothing useful was done (bad store, ontology, ...)

// Options shared by the commands.
struct CommonOptions {
  std::string db = "newsgraph.db";                                // --db: the graph store file
  std::vector<std::string> ontologyFiles;                         // --ontology FILE (repeatable)
  bool noDefaultOntology = false;                                 // --no-default-ontology
  std::string wordList = ingest::GlueSplitter::kDefaultWordList;  // --wordlist FILE
};

// Adds --db to a subcommand.
void addDbOption(CLI::App& command, CommonOptions& options);
// Adds --ontology, --no-default-ontology, --wordlist to a subcommand.
void addOntologyOptions(CLI::App& command, CommonOptions& options);

// Loads the ontology; prints the error and returns nullopt on failure.
std::optional<ontology::Ontology> loadOntologyOrReport(const CommonOptions& options);
// Loads the word list for glued-word repair; prints a warning and returns null when absent.
std::unique_ptr<ingest::GlueSplitter> loadWordListOrWarn(const CommonOptions& options);
// Loads the store; a missing file gives an empty graph when `mayBeAbsent`, else an error.
std::optional<graph::KnowledgeGraph> loadGraphOrReport(const std::string& db, bool mayBeAbsent);

// Prints one error line on stderr.
void reportError(const std::string& line);

// Registers each command (defined in its own file).
void registerIngest(CLI::App& app, CommonOptions& options, int& status);
void registerEntities(CLI::App& app, CommonOptions& options, int& status);
void registerRelations(CLI::App& app, CommonOptions& options, int& status);
void registerExport(CLI::App& app, CommonOptions& options, int& status);
void registerImport(CLI::App& app, CommonOptions& options, int& status);
void registerStats(CLI::App& app, CommonOptions& options, int& status);
void registerEval(CLI::App& app, CommonOptions& options, int& status);
void registerRemove(CLI::App& app, CommonOptions& options, int& status);
void registerTimeline(CLI::App& app, CommonOptions& options, int& status);
void registerQuery(CLI::App& app, CommonOptions& options, int& status);
void registerShell(CLI::App& app, CommonOptions& options, int& status);
void registerDiagram(CLI::App& app, CommonOptions& options, int& status);

}  // namespace newsgraph::cli

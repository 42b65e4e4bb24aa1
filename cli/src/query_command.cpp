// `newsgraph query`: runs one query of the Cypher subset (docs/QUERY.md) on the store and
// prints its rows as a table, JSON or CSV; EXPLAIN prints the plan, PROFILE adds figures.
// `newsgraph shell`: the same, interactively, with line editing and history (libedit when the
// build found it), multi-line input, :help, :schema, and Ctrl-C stopping the running query.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#ifdef NEWSGRAPH_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

#include "command_context.h"
#include "newsgraph/query/query.h"
#include "table.h"

namespace newsgraph::cli {
namespace {

struct QueryCommandOptions {
  std::string text;
  std::string file;
  std::string format = "table";
  std::vector<std::string> params;
  long timeoutMs = 30000;
  std::size_t maxRows = 1000000;
  int maxDepth = 10;
};

// Runs one query and prints its result (or its error on stderr); false on an error.
bool runAndPrint(const std::string& text, const query::GraphSnapshot& snapshot,
                 const query::QueryOptions& queryOptions, const std::string& format) {
  auto result = query::runQuery(text, snapshot, queryOptions);
  if (!result) {
    std::fprintf(stderr, "%s\n", query::formatQueryError(result.error(), text).c_str());
    return false;
  }
  for (const std::string& note : result->notes) std::fprintf(stderr, "note: %s\n", note.c_str());
  if (!result->plan.empty() && result->columns.empty()) {
    std::fputs(result->plan.c_str(), stdout);
    return true;
  }
  if (format == "json") {
    std::fputs(query::resultToJson(*result, snapshot).c_str(), stdout);
  } else if (format == "csv") {
    std::fputs(query::resultToCsv(*result, snapshot).c_str(), stdout);
  } else {
    Table table(result->columns);
    for (const auto& row : result->rows) {
      std::vector<std::string> cells;
      for (const query::Value& value : row) cells.push_back(query::valueToText(value, snapshot));
      table.add(std::move(cells));
    }
    table.print(stdout);
    std::printf("(%zu row%s)\n", result->rows.size(), result->rows.size() == 1 ? "" : "s");
  }
  std::fflush(stdout);
  if (!result->plan.empty()) std::fprintf(stderr, "%s", result->plan.c_str());
  return true;
}

int runQueryCommand(const QueryCommandOptions& o, const CommonOptions& options) {
  std::string text = o.text;
  if (!o.file.empty()) {
    if (!text.empty()) {
      reportError("newsgraph query: give the query as an argument or with -f FILE, not both");
      return kExitFailure;
    }
    std::ifstream in(o.file, std::ios::binary);
    if (!in) {
      reportError(o.file + ": read error: cannot open the query file");
      return kExitFailure;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  if (text.empty()) {
    reportError("newsgraph query: no query (give it as an argument or with -f FILE)");
    return kExitFailure;
  }
  query::QueryOptions queryOptions;
  queryOptions.timeout = std::chrono::milliseconds(o.timeoutMs);
  queryOptions.maxRows = o.maxRows;
  queryOptions.maxDepth = o.maxDepth;
  for (const std::string& param : o.params) {
    auto eq = param.find('=');
    if (eq == std::string::npos || eq == 0) {
      reportError("newsgraph query: --param '" + param + "' is not NAME=VALUE");
      return kExitFailure;
    }
    queryOptions.parameters[param.substr(0, eq)] = query::parseParameterValue(param.substr(eq + 1));
  }
  auto ontology = loadOntologyOrReport(options);
  if (!ontology) return kExitFailure;
  auto graph = loadGraphOrReport(options.db, false);
  if (!graph) return kExitFailure;
  query::GraphSnapshot snapshot(*graph, *ontology);
  return runAndPrint(text, snapshot, queryOptions, o.format) ? kExitOk : kExitFailure;
}

// ---- newsgraph shell

std::atomic<bool> gInterrupted{false};

extern "C" void onInterrupt(int) { gInterrupted.store(true); }

const char* const kShellHelp =
    "Type a query and end it with ';' (or an empty line); it may span several lines.\n"
    "  :help               this text\n"
    "  :schema             classes and relation types in the store, with counts\n"
    "  :format F           table, json or csv\n"
    "  :param NAME=VALUE   set $NAME for the next queries (:param alone lists them)\n"
    "  :quit               leave (or Ctrl-D)\n"
    "Ctrl-C stops a running query. The language: docs/QUERY.md. Examples:\n"
    "  MATCH (a)-[:SUPPORTS]->(f {id: 'fama'}) RETURN a.label;\n"
    "  CALL algo.pagerank() YIELD node, score RETURN node.label, score\n"
    "    ORDER BY score DESC LIMIT 10;\n";

// Reads one line with the prompt; false at end of input. Ctrl-C at the prompt empties it.
bool readLine(const char* prompt, std::string& line, bool& interrupted) {
  interrupted = false;
#ifdef NEWSGRAPH_HAVE_LIBEDIT
  char* raw = readline(prompt);
  if (raw == nullptr) {
    if (gInterrupted.exchange(false)) {
      interrupted = true;
      std::printf("\n");
      return true;
    }
    return false;
  }
  line = raw;
  std::free(raw);
  return true;
#else
  std::fputs(prompt, stdout);
  std::fflush(stdout);
  if (!std::getline(std::cin, line)) {
    if (gInterrupted.exchange(false)) {
      std::cin.clear();
      interrupted = true;
      std::printf("\n");
      return true;
    }
    return false;
  }
  return true;
#endif
}

void printSchema(const query::GraphSnapshot& snapshot) {
  std::map<std::string, std::size_t> classes, types;
  const graph::KnowledgeGraph& g = snapshot.graph();
  for (graph::VertexId v = 0; v < g.entityCount(); ++v) ++classes[g.entity(v).cls];
  for (graph::EdgeId e = 0; e < g.relationCount(); ++e) {
    if (!g.relation(e).evidence.empty()) ++types[g.relation(e).type];
  }
  Table labels({"label (class)", "parents", "nodes"});
  for (const auto& cls : snapshot.ontology().classes()) {
    std::string parents;
    for (const std::string& p : cls.parents) parents += (parents.empty() ? "" : ", ") + p;
    labels.add({cls.name, parents, std::to_string(classes[cls.name])});
  }
  labels.print(stdout);
  std::printf("\n");
  Table relations({"relation type", "symmetric", "relations"});
  for (const auto& type : snapshot.ontology().relationTypes()) {
    relations.add({type.name, type.symmetric ? "yes" : "", std::to_string(types[type.name])});
  }
  relations.print(stdout);
  std::printf(
      "\nnode properties: id, label, label_en, class, aliases, lat, lon, wikidata, mentions, "
      "docs, known;\n  events also type, sub_type, date, fatalities, quote\n"
      "relation properties: type, date, status, source, confidence, sources, docs, evidence, "
      "subject, object\n");
}

int runShell(const QueryCommandOptions& o, const CommonOptions& options) {
  auto ontology = loadOntologyOrReport(options);
  if (!ontology) return kExitFailure;
  auto graph = loadGraphOrReport(options.db, false);
  if (!graph) return kExitFailure;
  query::GraphSnapshot snapshot(*graph, *ontology);
  query::QueryOptions queryOptions;
  queryOptions.timeout = std::chrono::milliseconds(o.timeoutMs);
  queryOptions.maxRows = o.maxRows;
  queryOptions.maxDepth = o.maxDepth;
  queryOptions.cancel = &gInterrupted;
  std::string format = o.format;
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
#ifdef NEWSGRAPH_HAVE_LIBEDIT
  // History in ~/.newsgraph_history, for people at a terminal only (not for piped input).
  std::string history;
  if (isatty(STDIN_FILENO) && std::getenv("HOME")) {
    history = std::string(std::getenv("HOME")) + "/.newsgraph_history";
    read_history(history.c_str());
  }
#endif
  std::printf("newsgraph shell: %zu entities, %zu relations. :help for help, :quit to leave.\n",
              graph->entityCount(), graph->relationCount());
  std::string buffer;
  std::string line;
  bool interrupted = false;
  while (readLine(buffer.empty() ? "newsgraph> " : "      ...> ", line, interrupted)) {
    if (interrupted) {
      buffer.clear();
      continue;
    }
    std::string trimmed = line;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t\r") + 1);
    if (buffer.empty() && !trimmed.empty() && trimmed[0] == ':') {
      std::istringstream words(trimmed);
      std::string command, argument;
      words >> command >> argument;
      if (command == ":quit" || command == ":q" || command == ":exit") break;
      if (command == ":help") {
        std::fputs(kShellHelp, stdout);
      } else if (command == ":schema") {
        printSchema(snapshot);
      } else if (command == ":format" &&
                 (argument == "table" || argument == "json" || argument == "csv")) {
        format = argument;
      } else if (command == ":param" && argument.empty()) {
        for (const auto& [name, value] : queryOptions.parameters) {
          std::printf("$%s = %s\n", name.c_str(), query::valueToText(value, snapshot).c_str());
        }
      } else if (command == ":param" && argument.find('=') != std::string::npos &&
                 argument[0] != '=') {
        auto eq = argument.find('=');
        queryOptions.parameters[argument.substr(0, eq)] =
            query::parseParameterValue(argument.substr(eq + 1));
      } else {
        std::fprintf(stderr, "unknown or incomplete command '%s' (:help lists them)\n",
                     trimmed.c_str());
      }
      continue;
    }
    if (trimmed.empty() && buffer.empty()) continue;
    bool complete = trimmed.empty() || trimmed.back() == ';';
    if (!trimmed.empty()) buffer += (buffer.empty() ? "" : "\n") + line;
    if (!complete) continue;
#ifdef NEWSGRAPH_HAVE_LIBEDIT
    add_history(buffer.c_str());
#endif
    gInterrupted.store(false);
    runAndPrint(buffer, snapshot, queryOptions, format);
    gInterrupted.store(false);
    buffer.clear();
  }
#ifdef NEWSGRAPH_HAVE_LIBEDIT
  if (!history.empty()) write_history(history.c_str());
#endif
  std::printf("\n");
  return kExitOk;
}

// --format, --timeout, --max-rows and --max-depth, shared by `query` and `shell`.
void addOutputAndLimitOptions(CLI::App& command, QueryCommandOptions& o) {
  command.add_option("--format", o.format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  command.add_option("--timeout", o.timeoutMs, "Stop a query after this many milliseconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command.add_option("--max-rows", o.maxRows, "Stop when a step produces more rows than this")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command.add_option("--max-depth", o.maxDepth, "Cap on variable-length and shortest-path hops")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
}

}  // namespace

void registerQuery(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<QueryCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "query",
      "Ask the store a question in a Cypher subset (docs/QUERY.md). Examples:\n"
      "  newsgraph query \"MATCH (a)-[:SUPPORTS]->(f {id: 'fama'}) RETURN a.label\"\n"
      "  newsgraph query -f question.cypher --param place=kidal --format json\n"
      "  newsgraph query \"EXPLAIN MATCH (g:ArmedGroup)-[:ATTACKS]->(t:Town) RETURN g, t\"");
  addDbOption(*command, options);
  addOntologyOptions(*command, options);
  command->add_option("query", o->text, "The query text");
  command->add_option("-f,--file", o->file, "Read the query from FILE");
  command->add_option("--param", o->params, "A parameter $NAME: NAME=VALUE (repeatable)");
  addOutputAndLimitOptions(*command, *o);
  command->callback([o, &options, &status] { status = runQueryCommand(*o, options); });
}

void registerShell(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<QueryCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "shell",
      "Ask the store questions interactively (docs/QUERY.md): line editing and history,\n"
      "queries over several lines ending with ';', :help, :schema, Ctrl-C stops a query.");
  addDbOption(*command, options);
  addOntologyOptions(*command, options);
  addOutputAndLimitOptions(*command, *o);
  command->callback([o, &options, &status] { status = runShell(*o, options); });
}

}  // namespace newsgraph::cli

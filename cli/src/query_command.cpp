// `newsgraph query`: runs one query of the Cypher subset (docs/QUERY.md) on the store and
// prints its rows as a table, JSON or CSV; EXPLAIN prints the plan, PROFILE adds figures.
#include <cstdio>
#include <fstream>
#include <sstream>

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
  auto result = query::runQuery(text, snapshot, queryOptions);
  if (!result) {
    std::fprintf(stderr, "%s\n", query::formatQueryError(result.error(), text).c_str());
    return kExitFailure;
  }
  for (const std::string& note : result->notes) std::fprintf(stderr, "note: %s\n", note.c_str());
  if (!result->plan.empty() && result->columns.empty()) {
    std::fputs(result->plan.c_str(), stdout);
    return kExitOk;
  }
  if (o.format == "json") {
    std::fputs(query::resultToJson(*result, snapshot).c_str(), stdout);
  } else if (o.format == "csv") {
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
  if (!result->plan.empty()) std::fprintf(stderr, "%s", result->plan.c_str());
  return kExitOk;
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
  command->add_option("--format", o->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  command->add_option("--param", o->params, "A parameter $NAME: NAME=VALUE (repeatable)");
  command->add_option("--timeout", o->timeoutMs, "Stop the query after this many milliseconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--max-rows", o->maxRows, "Stop when a step produces more rows than this")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--max-depth", o->maxDepth, "Cap on variable-length and shortest-path hops")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  command->callback([o, &options, &status] { status = runQueryCommand(*o, options); });
}

}  // namespace newsgraph::cli

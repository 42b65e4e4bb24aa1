// The `export` command: writes the store in one of the formats of the table below.
#include <cstdio>

#include "command_context.h"
#include "newsgraph/export/json_export.h"

namespace newsgraph::cli {
namespace {

struct ExportOptions {
  std::string format = "json";
  std::string output = "-";
  bool compact = false;
};

int runExport(const ExportOptions& o, const CommonOptions& options) {
  auto graph = loadGraphOrReport(options.db, false);
  if (!graph) return kExitFailure;
  std::FILE* out = o.output == "-" ? stdout : std::fopen(o.output.c_str(), "wb");
  if (out == nullptr) {
    reportError(o.output + ": export error: cannot open for writing");
    return kExitFailure;
  }
  exporter::JsonExportOptions jsonOptions;
  jsonOptions.pretty = !o.compact;
  bool ok = exporter::writeJson(*graph, out, jsonOptions);
  if (out != stdout) ok = std::fclose(out) == 0 && ok;
  if (!ok) {
    reportError(o.output + ": export error: write failed");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void registerExport(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand(
      "export",
      "Write the graph: --format json gives SPEC section 7's export (entities with\n"
      "their documents, relations with evidence, events).");
  addDbOption(*command, options);
  command->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"json"}))
      ->capture_default_str();
  command->add_option("-o,--output", o->output, "Output file, - for stdout")->capture_default_str();
  command->add_flag("--compact", o->compact, "One line instead of indented JSON");
  command->callback([o, &options, &status] { status = runExport(*o, options); });
}

}  // namespace newsgraph::cli

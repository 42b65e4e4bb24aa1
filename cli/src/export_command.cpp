// The `export` command: writes the store in one of the formats of kFormats below.
#include <cstdio>

#include "command_context.h"
#include "newsgraph/export/acled_csv.h"
#include "newsgraph/export/json_export.h"
#include "newsgraph/export/rdf_export.h"
#include "newsgraph/graph/event_timeline.h"

namespace newsgraph::cli {
namespace {

struct ExportOptions {
  std::string format = "json";
  std::string output = "-";
  std::string base{exporter::kDefaultBaseIri};
  bool compact = false;
  bool noProvenance = false;
};

// What a format writer gets: the loaded store, the output stream and the command's options.
struct ExportJob {
  const graph::KnowledgeGraph& graph;
  std::FILE* out;
  const ExportOptions& options;
  const CommonOptions& common;
};

// Each writer returns an exit status and reports its own errors.
using FormatWriter = int (*)(const ExportJob& job);

int writeJsonFormat(const ExportJob& job) {
  exporter::JsonExportOptions jsonOptions;
  jsonOptions.pretty = !job.options.compact;
  if (!exporter::writeJson(job.graph, job.out, jsonOptions)) {
    reportError(job.options.output + ": export error: write failed");
    return kExitFailure;
  }
  return kExitOk;
}

template <exporter::RdfSyntax kSyntax>
int writeRdfFormat(const ExportJob& job) {
  auto ontology = loadOntologyOrReport(job.common);
  if (!ontology) return kExitFailure;
  exporter::RdfExportOptions rdfOptions;
  rdfOptions.syntax = kSyntax;
  rdfOptions.base = job.options.base;
  rdfOptions.provenance = !job.options.noProvenance;
  auto written = exporter::writeRdf(job.graph, *ontology, job.out, rdfOptions);
  if (!written) {
    common::Error error = written.error();
    if (error.source.empty()) error.source = job.options.output;
    reportError(error.toString());
    return kExitFailure;
  }
  if (written->repairedLiterals > 0) {
    reportError(job.options.output +
                ": export warning: " + std::to_string(written->repairedLiterals) +
                " literals held invalid UTF-8 or NUL bytes, written with U+FFFD");
  }
  if (job.out != stdout) {
    std::fprintf(stderr, "export: %zu statements written to %s\n", written->statements,
                 job.options.output.c_str());
  }
  return kExitOk;
}

// ACLED's CSV layout, one line per event in date order; classes map to ACLED's actor codes
// through the ontology's subclasses.
int writeAcledCsvFormat(const ExportJob& job) {
  auto ontology = loadOntologyOrReport(job.common);
  if (!ontology) return kExitFailure;
  exporter::AcledCsvOptions acledOptions;
  acledOptions.isA = [&](const std::string& cls, const std::string& ancestor) {
    return ontology->isSubclassOf(cls, ancestor);
  };
  auto events = graph::selectEvents(job.graph, graph::EventFilter{});
  if (!exporter::writeAcledCsv(job.graph, events, job.out, acledOptions)) {
    reportError(job.options.output + ": export error: write failed");
    return kExitFailure;
  }
  return kExitOk;
}

struct ExportFormat {
  const char* name;
  FormatWriter write;
};

const ExportFormat kFormats[] = {
    {"json", writeJsonFormat},
    {"turtle", writeRdfFormat<exporter::RdfSyntax::kTurtle>},
    {"ntriples", writeRdfFormat<exporter::RdfSyntax::kNTriples>},
    {"nquads", writeRdfFormat<exporter::RdfSyntax::kNQuads>},
    {"trig", writeRdfFormat<exporter::RdfSyntax::kTriG>},
    {"acled-csv", writeAcledCsvFormat},
};

int runExport(const ExportOptions& o, const CommonOptions& options) {
  const ExportFormat* format = nullptr;
  for (const ExportFormat& candidate : kFormats) {
    if (o.format == candidate.name) format = &candidate;
  }
  if (format == nullptr) {
    reportError("export error: unknown format '" + o.format + "'");
    return kExitFailure;
  }
  if (o.format != "json") {
    if (auto base = exporter::checkBaseIri(o.base); !base) {
      reportError(base.error().toString());
      return kExitFailure;
    }
  }
  auto graph = loadGraphOrReport(options.db, false);
  if (!graph) return kExitFailure;
  std::FILE* out = o.output == "-" ? stdout : std::fopen(o.output.c_str(), "wb");
  if (out == nullptr) {
    reportError(o.output + ": export error: cannot open for writing");
    return kExitFailure;
  }
  static char buffer[1 << 16];
  std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
  int status = format->write(ExportJob{*graph, out, o, options});
  if (out != stdout && std::fclose(out) != 0 && status == kExitOk) {
    reportError(o.output + ": export error: write failed");
    status = kExitFailure;
  }
  return status;
}

}  // namespace

void registerExport(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand(
      "export",
      "Write the graph: --format json gives SPEC section 7's export (entities with\n"
      "their documents, relations with evidence, events); turtle, ntriples, nquads and\n"
      "trig give RDF (docs/RDF.md), with each article's statements in a named graph of\n"
      "its own in nquads and trig; acled-csv gives the events in ACLED's CSV columns.");
  addDbOption(*command, options);
  addOntologyOptions(*command, options);
  std::vector<std::string> names;
  for (const ExportFormat& format : kFormats) names.emplace_back(format.name);
  command->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember(names))
      ->capture_default_str();
  command->add_option("-o,--output", o->output, "Output file, - for stdout")->capture_default_str();
  command->add_flag("--compact", o->compact, "JSON: one line instead of indented JSON");
  command->add_option("--base", o->base, "RDF: base IRI of entities, articles and terms")
      ->capture_default_str();
  command->add_flag("--no-provenance", o->noProvenance,
                    "RDF: direct triples and entity descriptions alone (no statement nodes,\n"
                    "articles, mentions or ontology)");
  command->callback([o, &options, &status] { status = runExport(*o, options); });
}

}  // namespace newsgraph::cli

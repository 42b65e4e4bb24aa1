// The `import` command: merges an RDF file (Turtle, N-Triples, N-Quads, TriG) into the store.
#include <cstdio>

#include "command_context.h"
#include "newsgraph/export/rdf_export.h"
#include "newsgraph/export/rdf_import.h"
#include "newsgraph/graph/graph_store.h"

namespace newsgraph::cli {
namespace {

struct ImportOptions {
  std::string file;
  std::string format;  // empty: from the extension
  std::string base{exporter::kDefaultBaseIri};
};

int runImport(const ImportOptions& o, const CommonOptions& options) {
  exporter::RdfImportOptions importOptions;
  importOptions.base = o.base;
  if (!o.format.empty()) importOptions.syntax = exporter::parseRdfSyntax(o.format);
  if (auto base = exporter::checkBaseIri(o.base); !base) {
    reportError(base.error().toString());
    return kExitFailure;
  }
  auto ontology = loadOntologyOrReport(options);
  if (!ontology) return kExitFailure;
  // One write transaction from load to commit: another writer waits, and a failure at any
  // point leaves the store as it was.
  graph::GraphStore::Options storeOptions;
  storeOptions.access = graph::GraphStore::Access::kWrite;
  auto store = graph::GraphStore::open(options.db, storeOptions);
  if (!store) {
    reportError(store.error().toString());
    return kExitFailure;
  }
  auto loaded = store->load();
  if (!loaded) {
    reportError(loaded.error().toString());
    return kExitFailure;
  }
  graph::KnowledgeGraph& graph = loaded.value();
  graph.trackChanges(true);
  auto imported = exporter::importRdf(o.file, *ontology, graph, importOptions);
  if (!imported) {
    store->rollback();
    reportError(imported.error().toString());
    reportError("nothing was imported; the store is unchanged");
    return kExitFailure;
  }
  for (const std::string& warning : imported->warnings) reportError(warning);
  auto saved = store->write(graph, graph.takeChanges());
  if (saved) saved = store->commit();
  if (!saved) {
    store->rollback();
    reportError(saved.error().toString());
    reportError("nothing was imported; the store is unchanged");
    return kExitFailure;
  }
  std::printf(
      "imported %s: %zu statements read; %zu articles, %zu entities (%zu events), %zu mentions, "
      "%zu relation evidence items; %zu skipped\n",
      o.file.c_str(), imported->triples, imported->articles, imported->entities, imported->events,
      imported->mentions, imported->evidence, imported->warnings.size());
  return imported->warnings.empty() ? kExitOk : kExitInputErrors;
}

}  // namespace

void registerImport(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* command = app.add_subcommand(
      "import",
      "Merge an RDF file into the store: newsgraph's own RDF export (docs/RDF.md), or\n"
      "any RDF that types resources with the ontology's classes and links them with its\n"
      "properties. The whole file is read before the store changes: a syntax error\n"
      "(FILE:LINE:COL) leaves the store as it was.");
  addDbOption(*command, options);
  addOntologyOptions(*command, options);
  command->add_option("file", o->file, "RDF file (.ttl, .nt, .nq, .trig)")->required();
  command
      ->add_option("--format", o->format,
                   "turtle, ntriples, nquads or trig (default: by extension)")
      ->check(CLI::IsMember({"turtle", "ntriples", "nquads", "trig"}));
  command->add_option("--base", o->base, "Base IRI the data was exported with")
      ->capture_default_str();
  command->callback([o, &options, &status] { status = runImport(*o, options); });
}

}  // namespace newsgraph::cli

// `newsgraph remove --doc ID... --db FILE`: takes articles, and what only they supported, out
// of the store, in one transaction.
#include <cstdio>
#include <filesystem>

#include "command_context.h"
#include "newsgraph/graph/graph_store.h"

namespace newsgraph::cli {
namespace {

struct RemoveOptions {
  std::vector<std::string> docs;
  double waitSeconds = 10;
  bool quiet = false;
};

int runRemove(const RemoveOptions& o, const CommonOptions& options) {
  graph::GraphStore::Options storeOptions;
  storeOptions.access = graph::GraphStore::Access::kWrite;
  storeOptions.busyTimeoutMs = static_cast<int>(o.waitSeconds * 1000);
  if (!std::filesystem::exists(options.db)) {
    reportError(options.db + ": store error: No such file or directory");
    return kExitFailure;
  }
  auto store = graph::GraphStore::open(options.db, storeOptions);
  if (!store) {
    reportError(store.error().toString());
    return kExitFailure;
  }
  int status = kExitOk;
  for (const std::string& doc : o.docs) {
    auto removed = store->removeArticle(doc);
    if (!removed) {
      store->rollback();
      reportError(removed.error().toString());
      return kExitFailure;
    }
    if (!removed.value()) {
      reportError(options.db + ": remove error: no article '" + doc + "' in the store");
      status = kExitInputErrors;
      continue;
    }
    const graph::RemovalReport& r = *removed.value();
    if (!o.quiet) {
      std::printf(
          "removed %s: %zu mentions, %zu evidence items, %zu events; dropped %zu relations, "
          "%zu entities\n",
          doc.c_str(), r.mentions, r.evidence, r.events, r.relations, r.entities);
    }
  }
  if (auto committed = store->commit(); !committed) {
    reportError(committed.error().toString());
    return kExitFailure;
  }
  return status;
}

}  // namespace

void registerRemove(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<RemoveOptions>();
  CLI::App* command = app.add_subcommand(
      "remove",
      "Take articles out of the store with their mentions, evidence and events, and what\n"
      "only they supported: relations left without evidence, entities no longer mentioned\n"
      "or related, background facts about those. One transaction for all --doc.\n"
      "Exit status 1 if a --doc is not in the store (the others are removed).");
  command->add_option("--doc", o->docs, "Document id of the article (repeatable)")->required();
  addDbOption(*command, options);
  command
      ->add_option("--wait", o->waitSeconds,
                   "Seconds to wait while another process writes the store, then fail")
      ->capture_default_str();
  command->add_flag("-q,--quiet", o->quiet, "Print nothing but errors");
  command->callback([o, &options, &status] { status = runRemove(*o, options); });
}

}  // namespace newsgraph::cli

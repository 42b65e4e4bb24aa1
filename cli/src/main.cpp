// newsgraph: French news about Mali and the Sahel in, a knowledge graph out.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>

#include "command_context.h"

#ifdef NEWSGRAPH_HAVE_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

// What --version prints: the release, and the allocator the process runs on.
std::string versionText() {
  std::string text = std::string("newsgraph ") + NEWSGRAPH_VERSION;
#ifdef NEWSGRAPH_HAVE_MIMALLOC
  int version = mi_version();  // e.g. 209 for 2.0.9
  text += " (allocator: mimalloc " + std::to_string(version / 100) + "." +
          std::to_string(version / 10 % 10) + "." + std::to_string(version % 10) + ")";
#else
  text += " (allocator: the C library's)";
#endif
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsgraph::cli;
  CLI::App app{
      "newsgraph turns French-language news about Mali and the Sahel into a knowledge graph:\n"
      "entities, typed relations and events, each traced to the sentence that says it.\n\n"
      "Typical use:\n"
      "  newsgraph ingest articles/ --db sahel.db      read articles into the graph\n"
      "  newsgraph entities --db sahel.db              list what was found\n"
      "  newsgraph timeline --place kidal --db sahel.db  events in date order\n"
      "  newsgraph export --format json --db sahel.db  write the graph as JSON\n"
      "  newsgraph diagram --db sahel.db -o sahel.svg  draw the network\n"
      "  newsgraph eval --gold gold.json articles/     score extraction against gold\n"};
  app.set_version_flag("--version", versionText());
  app.require_subcommand(1);
  CommonOptions options;
  int status = kExitOk;
  registerIngest(app, options, status);
  registerEntities(app, options, status);
  registerRelations(app, options, status);
  registerExport(app, options, status);
  registerImport(app, options, status);
  registerStats(app, options, status);
  registerEval(app, options, status);
  registerRemove(app, options, status);
  registerTimeline(app, options, status);
  registerQuery(app, options, status);
  registerShell(app, options, status);
  registerDiagram(app, options, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? kExitOk : kExitFailure;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "newsgraph: internal error: %s\n", error.what());
    return kExitFailure;
  }
  return status;
}

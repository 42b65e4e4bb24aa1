// Commands that read the store: `entities`, `relations`, `stats`.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "command_context.h"
#include "table.h"

namespace newsgraph::cli {
namespace {

// Each command ends the process: leaving its graph to the operating system spares freeing
// millions of strings one by one (0.15 s of CPU for a million relations, docs/STORE.md), as
// compilers do with their syntax trees. The graph stays reachable, so leak checkers are quiet.
void leaveGraphToExit(std::optional<graph::KnowledgeGraph>& graph) {
  static auto* const kept = new std::vector<graph::KnowledgeGraph>;  // never freed, on purpose
  kept->push_back(std::move(*graph));
  graph.reset();
}

struct EntitiesOptions {
  std::string cls;
  std::string format = "table";
  std::size_t limit = 0;
  bool all = false;
};

int runEntities(const EntitiesOptions& o, const CommonOptions& options) {
  auto graph = loadGraphOrReport(options.db, false);
  if (!graph) return kExitFailure;
  std::vector<graph::VertexId> order;
  for (graph::VertexId v = 0; v < graph->entityCount(); ++v) {
    const graph::EntityNode& e = graph->entity(v);
    if (!o.all && e.mentions.empty()) continue;
    if (!o.cls.empty() && e.cls != o.cls) continue;
    if (e.event && o.cls != e.cls) continue;  // events: `timeline`, or --class Event
    order.push_back(v);
  }
  std::sort(order.begin(), order.end(), [&](graph::VertexId a, graph::VertexId b) {
    const auto& ea = graph->entity(a);
    const auto& eb = graph->entity(b);
    if (ea.mentions.size() != eb.mentions.size()) return ea.mentions.size() > eb.mentions.size();
    return ea.id < eb.id;
  });
  if (o.limit > 0 && order.size() > o.limit) order.resize(o.limit);
  Table table({"id", "class", "label", "mentions", "documents"});
  for (graph::VertexId v : order) {
    const graph::EntityNode& e = graph->entity(v);
    std::set<graph::ArticleId> docs;
    for (const auto& m : e.mentions) docs.insert(m.article);
    table.add(
        {e.id, e.cls, e.label, std::to_string(e.mentions.size()), std::to_string(docs.size())});
  }
  if (o.format == "csv") {
    table.printCsv(stdout);
  } else {
    table.print(stdout);
  }
  leaveGraphToExit(graph);
  return kExitOk;
}

struct RelationsOptions {
  std::string type;
  std::string entity;
  std::string format = "table";
  bool withFacts = false;
};

int runRelations(const RelationsOptions& o, const CommonOptions& options) {
  auto graph = loadGraphOrReport(options.db, false);
  if (!graph) return kExitFailure;
  Table table({"subject", "type", "object", "sources", "status", "date", "first evidence"});
  // The edges to look at, in edge order: all, or with --entity those of its adjacency.
  std::vector<graph::EdgeId> edges;
  if (o.entity.empty()) {
    edges.resize(graph->relationCount());
    for (graph::EdgeId r = 0; r < edges.size(); ++r) edges[r] = r;
  } else if (auto vertex = graph->findEntity(o.entity)) {
    edges = graph->outEdges(*vertex);
    std::vector<graph::EdgeId> in = graph->inEdges(*vertex);
    edges.insert(edges.end(), in.begin(), in.end());
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  }
  for (graph::EdgeId r : edges) {
    const graph::RelationEdge& edge = graph->relation(r);
    if (edge.evidence.empty()) continue;
    const std::string& s = graph->entity(edge.subject).id;
    const std::string& obj = graph->entity(edge.object).id;
    if (!o.type.empty() && edge.type != o.type) continue;
    if (o.type.empty() && graph->entity(edge.subject).event) continue;  // event roles: timeline
    std::set<std::optional<graph::ArticleId>> sources;
    for (const auto& ev : edge.evidence) sources.insert(ev.article);
    const graph::Evidence& first = edge.evidence.front();
    if (!first.article && !o.withFacts) continue;
    std::string where = first.article ? graph->article(*first.article).doc + ": " : "ontology";
    std::string status(graph::statusName(first.status));
    if (!first.source.empty()) status += " by " + first.source;
    table.add({s, edge.type, obj, std::to_string(sources.size()), status,
               first.date ? first.date->toString() : "", where + first.quote});
  }
  if (o.format == "csv") {
    table.printCsv(stdout);
  } else {
    table.print(stdout);
  }
  leaveGraphToExit(graph);
  return kExitOk;
}

int runStats(const CommonOptions& options) {
  auto graph = loadGraphOrReport(options.db, false);
  if (!graph) return kExitFailure;
  std::size_t articles = 0, mentions = 0, mentioned = 0, open = 0, relations = 0, evidence = 0;
  std::map<std::string, std::size_t> byClass, byType;
  for (graph::ArticleId a = 0; a < graph->articleCount(); ++a)
    articles += !graph->article(a).removed;
  for (graph::VertexId v = 0; v < graph->entityCount(); ++v) {
    const auto& e = graph->entity(v);
    mentions += e.mentions.size();
    mentioned += !e.mentions.empty();
    open += !e.known;
    ++byClass[e.cls];
  }
  for (graph::EdgeId r = 0; r < graph->relationCount(); ++r) {
    const auto& edge = graph->relation(r);
    if (edge.evidence.empty()) continue;
    ++relations;
    evidence += edge.evidence.size();
    ++byType[edge.type];
  }
  std::printf(
      "store      %s\narticles   %zu\nentities   %zu (%zu mentioned, %zu open-world)\n"
      "mentions   %zu\nrelations  %zu (%zu evidence items, event roles included)\n"
      "events     %zu\n",
      options.db.c_str(), articles, graph->entityCount(), mentioned, open, mentions, relations,
      evidence, graph->events().size());
  Table classes({"class", "entities"});
  for (const auto& [cls, n] : byClass) classes.add({cls, std::to_string(n)});
  std::printf("\n");
  classes.print(stdout);
  if (!byType.empty()) {
    Table types({"relation type", "edges"});
    for (const auto& [type, n] : byType) types.add({type, std::to_string(n)});
    std::printf("\n");
    types.print(stdout);
  }
  leaveGraphToExit(graph);
  return kExitOk;
}

}  // namespace

void registerEntities(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<EntitiesOptions>();
  CLI::App* command =
      app.add_subcommand("entities",
                         "List the entities of the store: id, class, label, mentions, documents.\n"
                         "Sorted by number of mentions.");
  addDbOption(*command, options);
  command->add_option("--class", o->cls, "Only entities of this class (e.g. Town)");
  command->add_option("--limit", o->limit, "Show at most N entities (0: all)");
  command->add_option("--format", o->format, "table or csv")
      ->check(CLI::IsMember({"table", "csv"}))
      ->capture_default_str();
  command->add_flag("--all", o->all, "Include entities only present through background facts");
  command->callback([o, &options, &status] { status = runEntities(*o, options); });
}

void registerRelations(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<RelationsOptions>();
  CLI::App* command = app.add_subcommand(
      "relations",
      "List the relations of the store with their number of sources (articles) and\n"
      "their first evidence: status, date and the sentence that says it.");
  addDbOption(*command, options);
  command->add_option("--type", o->type, "Only relations of this type (e.g. ATTACKS)");
  command->add_option("--entity", o->entity, "Only relations with this entity id on either side");
  command->add_option("--format", o->format, "table or csv")
      ->check(CLI::IsMember({"table", "csv"}))
      ->capture_default_str();
  command->add_flag("--facts", o->withFacts, "Include the ontology's background facts");
  command->callback([o, &options, &status] { status = runRelations(*o, options); });
}

void registerStats(CLI::App& app, CommonOptions& options, int& status) {
  CLI::App* command = app.add_subcommand("stats",
                                         "Summarise the store: articles, entities by "
                                         "class, mentions, relations by type.");
  addDbOption(*command, options);
  command->callback([&options, &status] { status = runStats(options); });
}

}  // namespace newsgraph::cli

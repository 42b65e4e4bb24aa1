// `newsgraph timeline`: the store's events in date order, filtered by actor, place, type and
// dates.
#include <cstdio>

#include "command_context.h"
#include "newsgraph/graph/event_timeline.h"
#include "table.h"

namespace newsgraph::cli {
namespace {

struct TimelineOptions {
  std::string actor;
  std::string place;
  std::string type;
  std::string from;
  std::string to;
  std::string format = "table";
};

// Parses --from/--to; prints the error and returns false when the date is not ISO 8601.
bool parseDateOption(const char* name, const std::string& text,
                     std::optional<common::PartialDate>& out) {
  if (text.empty()) return true;
  out = common::PartialDate::parse(text);
  if (!out) {
    reportError(std::string("newsgraph timeline: ") + name + " '" + text +
                "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
  }
  return out.has_value();
}

// Reports an id given to --actor or --place that the store does not know.
bool knownEntity(const graph::KnowledgeGraph& graph, const char* name, const std::string& id) {
  if (id.empty() || graph.findEntity(id)) return true;
  reportError(std::string("newsgraph timeline: ") + name + " '" + id +
              "' is not an entity of the store (see `newsgraph entities`)");
  return false;
}

int runTimeline(const TimelineOptions& o, const CommonOptions& options) {
  graph::EventFilter filter;
  filter.actor = o.actor;
  filter.place = o.place;
  filter.type = o.type;
  if (!parseDateOption("--from", o.from, filter.from) ||
      !parseDateOption("--to", o.to, filter.to)) {
    return kExitFailure;
  }
  auto graph = loadGraphOrReport(options.db, false);
  if (!graph) return kExitFailure;
  if (!knownEntity(*graph, "--actor", o.actor) || !knownEntity(*graph, "--place", o.place)) {
    return kExitFailure;
  }
  Table table(
      {"date", "type", "sub-type", "actor 1", "actor 2", "place", "fatalities", "evidence"});
  for (graph::VertexId vertex : graph::selectEvents(*graph, filter)) {
    const graph::EventDetails& event = *graph->entity(vertex).event;
    std::string evidence = event.evidence.quote;
    if (event.evidence.article) {
      evidence = graph->article(*event.evidence.article).doc + ": " + evidence;
    }
    table.add({event.date ? event.date->toString() : "", event.type, event.subType,
               graph->eventRole(vertex, "ACTOR1"), graph->eventRole(vertex, "ACTOR2"),
               graph->eventRole(vertex, "OCCURRED_IN"),
               event.fatalities ? std::to_string(*event.fatalities) : "", evidence});
  }
  if (o.format == "csv") {
    table.printCsv(stdout);
  } else {
    table.print(stdout);
  }
  return kExitOk;
}

}  // namespace

void registerTimeline(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<TimelineOptions>();
  CLI::App* command = app.add_subcommand(
      "timeline",
      "List the store's events (ACLED types) in date order, with their actors, place,\n"
      "fatalities and the sentence that tells them. Examples:\n"
      "  newsgraph timeline --place kidal --from 2023-11 --to 2023-11\n"
      "  newsgraph timeline --actor wagner --type Battles");
  addDbOption(*command, options);
  command->add_option("--actor", o->actor, "Only events with this entity id as actor 1 or 2");
  command->add_option("--place", o->place,
                      "Only events in this place or in places located in it (entity id)");
  command->add_option("--type", o->type, "Only this ACLED event type or sub-event type");
  command->add_option("--from", o->from, "Only events on or after this date (YYYY[-MM[-DD]])");
  command->add_option("--to", o->to, "Only events on or before this date (YYYY[-MM[-DD]])");
  command->add_option("--format", o->format, "table or csv")
      ->check(CLI::IsMember({"table", "csv"}))
      ->capture_default_str();
  command->callback([o, &options, &status] { status = runTimeline(*o, options); });
}

}  // namespace newsgraph::cli

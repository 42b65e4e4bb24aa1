// `newsgraph eval --gold FILE PATH...`: ingest PATHs into a fresh in-memory graph and score it.
#include <rapidjson/filewritestream.h>
#include <rapidjson/prettywriter.h>

#include <cstdio>

#include "command_context.h"
#include "newsgraph/eval/scorer.h"
#include "newsgraph/ingest/article_reader.h"
#include "newsgraph/ingest/pipeline.h"
#include "table.h"

namespace newsgraph::cli {
namespace {

struct EvalOptions {
  std::string gold;
  std::vector<std::string> paths;
  bool perDoc = false;
  bool json = false;
  double minF1 = -1;
  double minRelationF1 = -1;
  double minEventF1 = -1;
};

std::string fixed(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

std::vector<std::string> row(const std::string& name, const eval::Counts& c) {
  return {name,
          std::to_string(c.truePositives),
          std::to_string(c.falsePositives),
          std::to_string(c.falseNegatives),
          fixed(c.precision()),
          fixed(c.recall()),
          fixed(c.f1())};
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "-" : out;
}

template <typename Writer>
void writeCounts(Writer& w, const eval::Counts& c) {
  w.StartObject();
  w.Key("tp");
  w.Uint64(c.truePositives);
  w.Key("fp");
  w.Uint64(c.falsePositives);
  w.Key("fn");
  w.Uint64(c.falseNegatives);
  w.Key("precision");
  w.Double(c.precision());
  w.Key("recall");
  w.Double(c.recall());
  w.Key("f1");
  w.Double(c.f1());
  w.EndObject();
}

template <typename Writer>
void writeList(Writer& w, const char* key, const std::vector<std::string>& items) {
  w.Key(key);
  w.StartArray();
  for (const auto& item : items) w.String(item.c_str());
  w.EndArray();
}

void printJson(const eval::Scores& s, bool perDoc) {
  char buffer[1 << 14];
  rapidjson::FileWriteStream stream(stdout, buffer, sizeof buffer);
  rapidjson::PrettyWriter<rapidjson::FileWriteStream> w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("entities");
  writeCounts(w, s.entities);
  w.Key("relations");
  writeCounts(w, s.relations);
  w.Key("events");
  writeCounts(w, s.events);
  w.Key("relations_by_type");
  w.StartObject();
  for (const auto& [type, c] : s.relationsByType) {
    w.Key(type.c_str());
    writeCounts(w, c);
  }
  w.EndObject();
  if (perDoc) {
    w.Key("documents");
    w.StartArray();
    for (const auto& d : s.documents) {
      w.StartObject();
      w.Key("doc");
      w.String(d.doc.c_str());
      w.Key("ingested");
      w.Bool(d.ingested);
      w.Key("entities");
      writeCounts(w, d.entities);
      w.Key("relations");
      writeCounts(w, d.relations);
      writeList(w, "missed_entities", d.missedEntities);
      writeList(w, "spurious_entities", d.spuriousEntities);
      writeList(w, "missed_relations", d.missedRelations);
      writeList(w, "spurious_relations", d.spuriousRelations);
      w.Key("events");
      writeCounts(w, d.events);
      writeList(w, "missed_events", d.missedEvents);
      writeList(w, "spurious_events", d.spuriousEvents);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  stream.Put('\n');
  stream.Flush();
}

void printTables(const eval::Scores& s, bool perDoc) {
  Table overall({"", "tp", "fp", "fn", "precision", "recall", "f1"});
  overall.add(row("entities", s.entities));
  overall.add(row("relations", s.relations));
  for (const auto& [type, c] : s.relationsByType) overall.add(row("  " + type, c));
  overall.add(row("events", s.events));
  overall.print(stdout);
  if (!perDoc) return;
  for (const auto& d : s.documents) {
    std::printf("\n%s%s\n", d.doc.c_str(), d.ingested ? "" : "  (not ingested: check the paths)");
    std::printf("  entities  P %s  R %s  F1 %s\n", fixed(d.entities.precision()).c_str(),
                fixed(d.entities.recall()).c_str(), fixed(d.entities.f1()).c_str());
    std::printf("    missed:   %s\n    spurious: %s\n", joined(d.missedEntities).c_str(),
                joined(d.spuriousEntities).c_str());
    std::printf("  relations P %s  R %s  F1 %s\n", fixed(d.relations.precision()).c_str(),
                fixed(d.relations.recall()).c_str(), fixed(d.relations.f1()).c_str());
    std::printf("    missed:   %s\n    spurious: %s\n", joined(d.missedRelations).c_str(),
                joined(d.spuriousRelations).c_str());
    std::printf("  events    P %s  R %s  F1 %s\n", fixed(d.events.precision()).c_str(),
                fixed(d.events.recall()).c_str(), fixed(d.events.f1()).c_str());
    std::printf("    missed:   %s\n    spurious: %s\n", joined(d.missedEvents).c_str(),
                joined(d.spuriousEvents).c_str());
  }
}

int runEval(const EvalOptions& o, const CommonOptions& options) {
  auto gold = eval::loadGold(o.gold);
  if (!gold) {
    reportError(gold.error().toString());
    return kExitFailure;
  }
  auto ontology = loadOntologyOrReport(options);
  if (!ontology) return kExitFailure;
  auto glue = loadWordListOrWarn(options);
  graph::KnowledgeGraph graph;
  ingest::Pipeline pipeline(*ontology, glue.get());
  std::size_t errors = 0;
  ingest::ArticleSink sink;
  sink.onArticle = [&](ingest::Article&& article) {
    pipeline.ingest(article, graph);
    return true;
  };
  sink.onError = [&](const common::Error& error) {
    ++errors;
    reportError(error.toString());
    return true;
  };
  for (const std::string& path : o.paths) ingest::readArticles(path, ingest::ReadOptions{}, sink);
  auto symmetric = [&](const std::string& type) {
    const ontology::RelationType* t = ontology->findRelationType(type);
    return t != nullptr && t->symmetric;
  };
  eval::Scores scores = eval::score(*gold, graph, symmetric);
  if (o.json) {
    printJson(scores, o.perDoc);
  } else {
    printTables(scores, o.perDoc);
  }
  int status = errors > 0 ? kExitInputErrors : kExitOk;
  if (o.minF1 >= 0 && scores.entities.f1() < o.minF1) {
    reportError("entity F1 " + fixed(scores.entities.f1()) + " is below --min-f1 " +
                fixed(o.minF1));
    status = kExitInputErrors;
  }
  if (o.minRelationF1 >= 0 && scores.relations.f1() < o.minRelationF1) {
    reportError("relation F1 " + fixed(scores.relations.f1()) + " is below --min-relation-f1 " +
                fixed(o.minRelationF1));
    status = kExitInputErrors;
  }
  if (o.minEventF1 >= 0 && scores.events.f1() < o.minEventF1) {
    reportError("event F1 " + fixed(scores.events.f1()) + " is below --min-event-f1 " +
                fixed(o.minEventF1));
    status = kExitInputErrors;
  }
  return status;
}

}  // namespace

void registerEval(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<EvalOptions>();
  CLI::App* command = app.add_subcommand(
      "eval",
      "Ingest PATHs into a fresh in-memory graph (the store is not touched) and score the\n"
      "entities, relations and events found against a gold file (SPEC section 8): precision,\n"
      "recall and F1 micro-averaged over documents, per relation type, and with --per-doc the\n"
      "misses and false positives of each document. An event matches when its ACLED type,\n"
      "location and date (to the gold's precision) agree.");
  command->add_option("--gold", o->gold, "Gold file (JSON)")->required();
  command->add_option("paths", o->paths, "Articles: files or directories")->required();
  addOntologyOptions(*command, options);
  command->add_flag("--per-doc", o->perDoc, "Show each document's misses and false positives");
  command->add_flag("--json", o->json, "Print the scores as JSON");
  command->add_option("--min-f1", o->minF1, "Exit with status 1 when entity F1 is below this");
  command->add_option("--min-relation-f1", o->minRelationF1,
                      "Exit with status 1 when relation F1 is below this");
  command->add_option("--min-event-f1", o->minEventF1,
                      "Exit with status 1 when event F1 is below this");
  command->callback([o, &options, &status] { status = runEval(*o, options); });
}

}  // namespace newsgraph::cli

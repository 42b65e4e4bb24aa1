// `newsgraph diagram`: draws part of the graph as DOT, GraphML, SVG, PNG or an interactive HTML
// page (docs/DIAGRAMS.md). Filters become a DiagramFilter; --query runs a query and draws what
// its rows hold.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command_context.h"
#include "newsgraph/diagram/diagram.h"
#include "newsgraph/diagram/formats.h"
#include "newsgraph/diagram/html_page.h"
#include "newsgraph/diagram/render.h"
#include "newsgraph/query/query.h"

namespace newsgraph::cli {
namespace {

constexpr const char* kFormats[] = {"dot", "graphml", "svg", "png", "html"};

struct DiagramOptions {
  std::string format;
  std::string output;
  std::string focus;
  int depth = 1;
  std::vector<std::string> types;
  std::vector<std::string> classes;
  std::string from;
  std::string to;
  std::vector<std::string> statuses;
  int minSources = 1;
  std::string query;
  std::vector<std::string> params;
  std::string layout;
};

void fail(const std::string& message) { reportError(message); }

// The format: --format, else -o's extension, else dot. "" after reporting an error.
std::string chooseFormat(const DiagramOptions& o) {
  if (!o.format.empty()) return o.format;
  if (o.output.empty() || o.output == "-") return "dot";
  std::size_t dot = o.output.rfind('.');
  std::string extension = dot == std::string::npos ? "" : o.output.substr(dot + 1);
  if (extension == "gv") extension = "dot";
  if (extension == "htm") extension = "html";
  for (const char* format : kFormats) {
    if (extension == format) return extension;
  }
  fail("cannot tell the format from '" + o.output +
       "': give --format dot, graphml, svg, png or html");
  return "";
}

bool parseDate(const char* name, const std::string& text, std::optional<common::PartialDate>& out) {
  if (text.empty()) return true;
  out = common::PartialDate::parse(text);
  if (!out) {
    fail(std::string(name) + " '" + text + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
  }
  return out.has_value();
}

bool parseStatuses(const std::vector<std::string>& names, std::set<graph::EvidenceStatus>& out) {
  if (names.empty()) return true;
  out.clear();
  for (const std::string& name : names) {
    if (name == "all") {
      out = {graph::EvidenceStatus::kAsserted, graph::EvidenceStatus::kClaimed,
             graph::EvidenceStatus::kNegated, graph::EvidenceStatus::kHypothetical};
      continue;
    }
    auto status = graph::parseStatus(name);
    if (!status) {
      fail("--status '" + name +
           "' is not a status: write asserted, claimed, negated, hypothetical or all");
      return false;
    }
    out.insert(*status);
  }
  return true;
}

// Adds every node, relation and path a value holds (inside lists and maps too).
void collect(const query::Value& value, std::set<graph::VertexId>& vertices,
             std::set<graph::EdgeId>& edges, const graph::KnowledgeGraph& graph) {
  if (const auto* node = value.asNode()) {
    vertices.insert(node->vertex);
  } else if (const auto* rel = value.asRel()) {
    edges.insert(rel->edge);
    vertices.insert(graph.relation(rel->edge).subject);
    vertices.insert(graph.relation(rel->edge).object);
  } else if (const auto* path = value.asPath()) {
    vertices.insert(path->nodes.begin(), path->nodes.end());
    edges.insert(path->edges.begin(), path->edges.end());
  } else if (const auto* list = value.asList()) {
    for (const query::Value& item : *list) collect(item, vertices, edges, graph);
  } else if (const auto* map = value.asMap()) {
    for (const auto& entry : *map) collect(entry.second, vertices, edges, graph);
  }
}

// Runs --query and narrows the filter to what its rows hold. A result with nodes but no
// relation draws the relations among its nodes.
bool applyQuery(const DiagramOptions& o, const graph::KnowledgeGraph& graph,
                const ontology::Ontology& ontology, diagram::DiagramFilter& filter) {
  query::QueryOptions queryOptions;
  for (const std::string& param : o.params) {
    auto eq = param.find('=');
    if (eq == std::string::npos || eq == 0) {
      fail("--param '" + param + "' is not NAME=VALUE");
      return false;
    }
    queryOptions.parameters[param.substr(0, eq)] = query::parseParameterValue(param.substr(eq + 1));
  }
  query::GraphSnapshot snapshot(graph, ontology);
  auto result = query::runQuery(o.query, snapshot, queryOptions);
  if (!result) {
    reportError(query::formatQueryError(result.error(), o.query));
    return false;
  }
  std::set<graph::VertexId> vertices;
  std::set<graph::EdgeId> edges;
  for (const auto& row : result->rows) {
    for (const query::Value& value : row) collect(value, vertices, edges, graph);
  }
  if (vertices.empty()) {
    fail("the query returned no node, relation or path to draw (RETURN nodes, relations or paths)");
    return false;
  }
  filter.vertices = std::move(vertices);
  if (!edges.empty()) filter.edges = std::move(edges);
  return true;
}

bool writeOutput(const std::string& path, const std::string& bytes) {
  if (path.empty() || path == "-") {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  out.close();
  if (!out) {
    fail("cannot write '" + path + "': " + std::strerror(errno));
    return false;
  }
  return true;
}

int runDiagram(const DiagramOptions& o, const CommonOptions& options) {
  std::string format = chooseFormat(o);
  if (format.empty()) return kExitFailure;
  bool binary = format == "png" || format == "svg";
  if (binary && (o.output.empty() || o.output == "-") && ::isatty(STDOUT_FILENO) != 0) {
    fail("will not write " + format + " to a terminal: give -o FILE or redirect the output");
    return kExitFailure;
  }
  diagram::DiagramFilter filter;
  filter.focus = o.focus;
  filter.depth = o.depth;
  filter.types = o.types;
  filter.classes = o.classes;
  filter.minSources = o.minSources;
  // A query already chose its relations: draw them whatever their status unless --status says.
  std::vector<std::string> statuses = o.statuses;
  if (statuses.empty() && !o.query.empty()) statuses = {"all"};
  if (!parseDate("--from", o.from, filter.from) || !parseDate("--to", o.to, filter.to) ||
      !parseStatuses(statuses, filter.statuses)) {
    return kExitFailure;
  }
  auto ontology = loadOntologyOrReport(options);
  if (!ontology) return kExitFailure;
  auto graph = loadGraphOrReport(options.db, false);
  if (!graph) return kExitFailure;
  if (!o.query.empty() && !applyQuery(o, *graph, *ontology, filter)) return kExitFailure;
  auto selected = diagram::selectDiagram(*graph, *ontology, filter);
  if (!selected) {
    fail(selected.error().message);
    return kExitFailure;
  }
  const diagram::Diagram& drawing = selected.value();
  std::string layout = o.layout.empty() ? diagram::chooseLayout(drawing) : o.layout;
  std::ostringstream text;
  if (format == "graphml") {
    diagram::writeGraphml(drawing, text);
  } else if (format == "html") {
    diagram::writeHtml(drawing, *graph, text);
  } else {
    if (binary) {
      if (auto status = diagram::checkRenderable(drawing); !status) {
        fail(status.error().message);
        return kExitFailure;
      }
    }
    diagram::writeDot(drawing, text, layout);
    if (binary) {
      auto picture = diagram::renderDot(text.str(), format, layout);
      if (!picture) {
        fail(picture.error().toString());
        return kExitFailure;
      }
      return writeOutput(o.output, picture.value()) ? kExitOk : kExitFailure;
    }
  }
  return writeOutput(o.output, text.str()) ? kExitOk : kExitFailure;
}

}  // namespace

void registerDiagram(CLI::App& app, CommonOptions& options, int& status) {
  auto o = std::make_shared<DiagramOptions>();
  CLI::App* command = app.add_subcommand(
      "diagram",
      "Draw the network of who fights, supports and leaves whom (docs/DIAGRAMS.md).\n"
      "Nodes are coloured and shaped by class family (state, jihadist, rebel, place...),\n"
      "edges by relation family (hostile, cooperative, presence, structure); wider edges\n"
      "have more sources; claimed, hypothetical and negated relations are dashed or dotted.\n\n"
      "Examples:\n"
      "  newsgraph diagram --db sahel.db -o sahel.svg\n"
      "  newsgraph diagram --db sahel.db --focus jnim --depth 2 -o jnim.png\n"
      "  newsgraph diagram --db sahel.db --types ATTACKS,FIGHTS --from 2023 -o war.svg\n"
      "  newsgraph diagram --db sahel.db --classes ArmedGroup,ArmedForces --status all -o x.dot\n"
      "  newsgraph diagram --db sahel.db --min-sources 2 --format graphml -o sahel.graphml\n"
      "  newsgraph diagram --db sahel.db -o support.svg \\\n"
      "      --query \"MATCH p = (a)-[:SUPPORTS]->(b {id: \\$id}) RETURN p\" --param id=fama\n"
      "  newsgraph diagram --db sahel.db -o sahel.html   (interactive page, offline)");
  addDbOption(*command, options);
  addOntologyOptions(*command, options);
  std::vector<std::string> formats(std::begin(kFormats), std::end(kFormats));
  command
      ->add_option("--format", o->format,
                   "dot, graphml, svg, png or html (default: from -o's "
                   "extension, else dot)")
      ->check(CLI::IsMember(formats));
  command->add_option("-o,--output", o->output,
                      "Output file (default stdout; svg and png go to stdout only when it is not "
                      "a terminal)");
  command->add_option("--focus", o->focus, "Draw the network around this entity id");
  command->add_option("--depth", o->depth, "With --focus: hops from the focus, either direction")
      ->capture_default_str();
  command->add_option("--types", o->types, "Relation types to draw: ATTACKS,FIGHTS,...")
      ->delimiter(',');
  command
      ->add_option("--classes", o->classes,
                   "Node classes to draw, subclasses included: ArmedGroup,Country,...")
      ->delimiter(',');
  command->add_option("--from", o->from, "Evidence dated on or after: YYYY, YYYY-MM, YYYY-MM-DD");
  command->add_option("--to", o->to, "Evidence dated on or before");
  command
      ->add_option("--status", o->statuses,
                   "Statuses drawn: asserted (default), claimed, negated, hypothetical, all")
      ->delimiter(',');
  command
      ->add_option("--min-sources", o->minSources,
                   "Draw an edge only with this many distinct articles")
      ->capture_default_str();
  command->add_option("--query", o->query,
                      "Draw the nodes, relations and paths a query returns (docs/QUERY.md)");
  command->add_option("--param", o->params, "With --query: $NAME value, NAME=VALUE (repeatable)");
  std::vector<std::string> engines(std::begin(diagram::kLayoutEngines),
                                   std::end(diagram::kLayoutEngines));
  command
      ->add_option("--layout", o->layout,
                   "Graphviz engine for svg/png/dot (default: dot up to 100 edges, else "
                   "sfdp)")
      ->check(CLI::IsMember(engines));
  command->callback([o, &options, &status] { status = runDiagram(*o, options); });
}

}  // namespace newsgraph::cli

// What a network diagram shows: the part of the knowledge graph a user asked for (filters), with
// each node's and edge's look decided once (class family, relation family, width by sources), so
// that every output format (DOT, GraphML, SVG/PNG, the HTML page) draws the same picture.
// Depends on graph and ontology only; the CLI runs a --query and passes its vertices and edges.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "newsgraph/common/error.h"
#include "newsgraph/common/partial_date.h"
#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::diagram {

// Which part of the graph to draw. Every field narrows the selection; the defaults draw every
// asserted relation between entities (events and their role edges included).
struct DiagramFilter {
  std::string focus;  // --focus ID: an ego network around this entity ("" = whole graph)
  int depth = 1;      // --depth N: hops from the focus, edges in either direction
  std::vector<std::string> types;           // --types: relation types kept (empty = all)
  std::vector<std::string> classes;         // --classes: node classes kept, subclasses included
  std::optional<common::PartialDate> from;  // --from: evidence dated on or after (by day range)
  std::optional<common::PartialDate> to;    // --to: evidence dated on or before
  // --status: the statuses drawn; asserted only by default. Others are drawn differently.
  std::set<graph::EvidenceStatus> statuses{graph::EvidenceStatus::kAsserted};
  int minSources = 1;  // --min-sources: distinct articles an edge needs after the filters above
  // --query: when set, only these vertices and edges (a query's result) are candidates.
  std::optional<std::set<graph::VertexId>> vertices;
  std::optional<std::set<graph::EdgeId>> edges;
};

// A node as drawn.
struct DiagramNode {
  graph::VertexId vertex = 0;
  std::string id;      // SPEC 1 slug
  std::string label;   // French label
  std::string cls;     // ontology class
  std::string family;  // class family: state, armed-forces, jihadist, rebel, armed-group, pmc,
                       // organization, person, place, event, other (ontology data, diagram.ttl;
                       // look in style.h)
  std::optional<double> lat;
  std::optional<double> lon;
};

// An edge as drawn: one (subject, type, object) relation, with the evidence the filters kept.
struct DiagramEdge {
  graph::EdgeId edge = 0;
  std::size_t from = 0;  // index into Diagram::nodes
  std::size_t to = 0;    // index into Diagram::nodes
  std::string type;      // relation type, "ATTACKS"
  std::string family;    // hostile, cooperative, presence, structure, event-role, other
  bool symmetric = false;
  graph::EvidenceStatus status = graph::EvidenceStatus::kAsserted;  // the strongest kept status
  int sources = 0;  // distinct articles among the kept evidence (background facts count 1)
  std::vector<const graph::Evidence*> evidence;  // kept evidence, into the graph
};

// The selection, ready to draw. Nodes in id order, edges in (from, type, to) order, so output is
// deterministic.
struct Diagram {
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  std::string title;  // "newsgraph: 14 articles, 2021-05-24 to 2024-02-01"
  std::string scope;  // what the filters kept: "around jnim, 1 hop; asserted; 12 nodes, 20 edges"
};

// Selects and styles what `filter` asks for. Evidence passes when its status is asked for and,
// under --from/--to, when its date (else its article's date) overlaps the range; background facts
// pass any date range, but only between entities the corpus mentions (the ontology knows facts
// about hundreds of places no article names). An edge is drawn when evidence passes, both ends pass
// --classes and the query sets, and it has --min-sources sources; without --focus or --query, a
// node is drawn only with an edge. Retracted events are never drawn. Fails (stage "diagram",
// message ready for "newsgraph diagram: ") when the focus entity or a type or class is unknown
// (with a "did you mean" hint), depth < 0 or minSources < 1. The returned evidence pointers live as
// long as `graph` is not changed.
common::Result<Diagram> selectDiagram(const graph::KnowledgeGraph& graph,
                                      const ontology::Ontology& ontology,
                                      const DiagramFilter& filter);

}  // namespace newsgraph::diagram

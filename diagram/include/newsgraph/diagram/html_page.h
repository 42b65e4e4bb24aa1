// The interactive diagram: one self-contained HTML page (Cytoscape.js and the page's own script
// inlined at build time, see diagram/html/) that works offline and makes no network request.
// Pan and zoom, search, relation type and evidence date filters, a map layout, and a panel with
// a node's labels or an edge's evidence sentences. docs/DIAGRAMS.md describes the page.
#pragma once

#include <ostream>

#include "newsgraph/diagram/diagram.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::diagram {

// Writes `diagram` as the HTML page to `out`. `graph` is the graph the diagram was selected from
// (REQUIRES: unchanged since): it gives each node's English label, aliases and Wikidata id, and
// each evidence's article (doc id, title, date, address) and speaker. The data is embedded as JSON
// escaped for a <script> element (no "</script", "<!--", U+2028 or U+2029 survives), and the
// title is HTML-escaped. Node positions are computed here (a force-directed layout with no
// overlapping labels; class families in disks for the largest diagrams), so that the browser
// runs no quadratic layout. Never fails; stream errors are the caller's to check.
void writeHtml(const Diagram& diagram, const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace newsgraph::diagram

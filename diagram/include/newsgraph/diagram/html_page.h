// The interactive diagram: one self-contained HTML page (Cytoscape.js and the page's own script
// inlined at build time, see diagram/html/) that works offline and makes no network request.
// Pan and zoom, search, relation type and evidence date filters, a map layout, and a panel with
// a node's labels or an edge's evidence sentences. docs/DIAGRAMS.md describes the page.
#pragma once

#include <cstddef>
#include <ostream>

#include "newsgraph/diagram/diagram.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::diagram {

// Above this many nodes the page gets positions computed by writeHtml (node families in disks,
// the most connected nodes in the middle) and draws without arrows or edge curves; up to it the
// browser lays the diagram out itself (Cytoscape.js cose, a few seconds at this size).
inline constexpr std::size_t kHtmlPresetNodes = 400;

// Writes `diagram` as the HTML page to `out`. `graph` is the graph the diagram was selected from
// (REQUIRES: unchanged since): it gives each node's English label, aliases and Wikidata id, and
// each evidence's article (doc id, title, date, source) and speaker. The data is embedded as JSON
// escaped for a <script> element (no "</script", "<!--", U+2028 or U+2029 survives), and the
// title is HTML-escaped. Large diagrams (above kHtmlPresetNodes nodes) come with positions
// computed here, so that the browser does not run a quadratic layout. Never fails; stream errors
// are the caller's to check.
void writeHtml(const Diagram& diagram, const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace newsgraph::diagram

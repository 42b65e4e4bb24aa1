// SVG and PNG made in-process with Graphviz's library (libgvc): the DOT text of formats.h is read
// back with agmemread, laid out by the chosen engine and rendered to memory. Nothing is written
// to stderr: Graphviz's messages come back in the Error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "newsgraph/common/error.h"
#include "newsgraph/diagram/diagram.h"

namespace newsgraph::diagram {

// Past this many nodes a picture is unreadable, and sfdp with its label placement takes from
// 5 s (1000 nodes) to 20-40 s (2000): SVG and PNG refuse it and ask for a filter. DOT, GraphML
// and HTML have no limit.
inline constexpr std::size_t kMaxRenderedNodes = 1000;

// Fails (stage "diagram") when the diagram has more than kMaxRenderedNodes nodes, saying how
// many and which filters narrow it.
common::Status checkRenderable(const Diagram& diagram);

// Lays out and renders DOT text. `format` is "svg" or "png"; `layout` one of kLayoutEngines
// (formats.h). Fails (stage "graphviz") on DOT Graphviz cannot read, an unknown engine or format,
// or a failed render, with Graphviz's own message.
common::Result<std::string> renderDot(std::string_view dot, std::string_view format,
                                      std::string_view layout);

}  // namespace newsgraph::diagram

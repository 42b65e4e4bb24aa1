// Private: text clean-up shared by the DOT, GraphML and HTML writers.
#pragma once

#include <string>
#include <string_view>

namespace newsgraph::diagram {

// `text` without control characters (each becomes a space) and cut to at most `maxBytes` bytes
// at a UTF-8 character boundary, with "…" when cut.
std::string cleanText(std::string_view text, std::size_t maxBytes = std::string::npos);

// `text` for a DOT quoted string that Boost quotes afterwards: cleanText, then every backslash
// doubled so Graphviz reads no escape sequence (\N, \l, \") in user text, and every '&' written
// "&amp;" since Graphviz reads HTML entities (&eacute;) in labels.
std::string dotString(std::string_view text, std::size_t maxBytes = std::string::npos);

// `text` escaped for an HTML-like Graphviz label, XML or HTML text: & < > " '.
std::string htmlEscape(std::string_view text);

}  // namespace newsgraph::diagram

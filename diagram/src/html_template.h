// Private to the diagram module: the HTML page as the build made it (diagram/html/page.cmake
// generates its definition from page.html, page.css, page.js and Cytoscape.js).
#pragma once

#include <string>

namespace newsgraph::diagram {

// The page around the two things writeHtml fills in: the <title> text (HTML-escaped) between
// `beforeTitle` and `beforeData`, and the JSON data between `beforeData` and `afterData`.
struct PageTemplate {
  std::string beforeTitle;
  std::string beforeData;
  std::string afterData;
};

// The page template, built once; lives for the whole process.
const PageTemplate& pageTemplate();

}  // namespace newsgraph::diagram

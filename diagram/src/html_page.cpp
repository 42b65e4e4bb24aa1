// Placeholder until the interactive page lands (diagram/src/html_*.cpp): fails clearly.
#include "newsgraph/diagram/html_page.h"

#include <stdexcept>

namespace newsgraph::diagram {

void writeHtml(const Diagram&, const graph::KnowledgeGraph&, std::ostream&) {
  throw std::runtime_error("the HTML diagram page is not part of this build yet");
}

}  // namespace newsgraph::diagram

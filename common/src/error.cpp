#include "newsgraph/common/error.h"

namespace newsgraph::common {

std::string Error::toString() const {
  std::string out = source.empty() ? std::string("<input>") : source;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += ": ";
  out += stage.empty() ? "error" : stage + " error";
  out += ": ";
  out += message;
  return out;
}

}  // namespace newsgraph::common

#include "newsgraph/ingest/glue_splitter.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "newsgraph/common/text.h"

namespace newsgraph::ingest {

common::Result<GlueSplitter> GlueSplitter::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return common::Error{path, 0, 0, "read", std::strerror(errno)};
  GlueSplitter splitter;
  std::string line;
  splitter.words_.reserve(400000);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || common::findInvalidUtf8(line)) continue;
    splitter.words_.insert(common::matchKey(line));
  }
  return splitter;
}

GlueSplitter::GlueSplitter(const std::vector<std::string>& words) {
  for (const std::string& word : words) words_.insert(common::matchKey(word));
}

bool GlueSplitter::isWord(std::string_view key) const { return words_.find(key) != words_.end(); }

std::size_t GlueSplitter::splitPoint(std::string_view key) const {
  std::size_t found = 0;
  for (std::size_t cut = 2; cut + 1 <= key.size(); ++cut) {
    std::string_view right = key.substr(cut);
    bool rightOk = right.size() >= 2 || right == "a";
    if (!rightOk) continue;
    // Cut only between whole code points: a UTF-8 continuation byte cannot start the right part.
    if ((static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) continue;
    if (isWord(key.substr(0, cut)) && isWord(right)) {
      if (found != 0) return 0;  // two readings: not certain
      found = cut;
    }
  }
  return found;
}

}  // namespace newsgraph::ingest

#include "newsgraph/ingest/name_index.h"

#include "newsgraph/ingest/tokenizer.h"

namespace newsgraph::ingest {
namespace {

constexpr std::uint8_t kCaseMask = kTitleCase | kAllUpper;

}  // namespace

NameIndex::NameIndex() { nodes_.emplace_back(); }

void NameIndex::add(const std::vector<Token>& tokens, std::uint32_t value, bool exactCase) {
  if (tokens.empty()) return;
  firstKeys_.add(tokens.front().key);
  std::uint32_t node = 0;
  for (const Token& token : tokens) {
    auto found = nodes_[node].children.find(token.key);
    if (found == nodes_[node].children.end()) {
      auto next = static_cast<std::uint32_t>(nodes_.size());
      nodes_[node].children.emplace(token.key, next);
      nodes_.emplace_back();
      node = next;
    } else {
      node = found->second;
    }
  }
  Node& end = nodes_[node];
  if (end.value >= 0) return;
  end.value = value;
  end.exactCase = exactCase;
  if (exactCase) {
    for (const Token& token : tokens) {
      end.caseFlags.push_back(static_cast<std::uint8_t>(token.flags & kCaseMask));
    }
  }
}

void NameIndex::addName(std::string_view name, std::uint32_t value, bool exactCase) {
  std::vector<Token> tokens;
  tokenize(name, tokens);
  add(tokens, value, exactCase);
}

bool NameIndex::longestAt(const std::vector<Token>& tokens, std::uint32_t first,
                          std::uint32_t limit, NameMatch& match) const {
  if (first >= limit || !firstKeys_.mayContain(tokens[first].key)) return false;
  std::uint32_t node = 0;
  bool found = false;
  for (std::uint32_t i = first; i < limit; ++i) {
    const auto& children = nodes_[node].children;
    auto next = children.find(std::string_view(tokens[i].key));
    if (next == children.end()) break;
    node = next->second;
    const Node& here = nodes_[node];
    if (here.value < 0) continue;
    if (here.exactCase) {
      bool same = true;
      for (std::uint32_t k = 0; k < here.caseFlags.size() && same; ++k) {
        same = (tokens[first + k].flags & kCaseMask) == here.caseFlags[k];
      }
      if (!same) continue;
    }
    match = NameMatch{first, i + 1, static_cast<std::uint32_t>(here.value)};
    found = true;
  }
  return found;
}

}  // namespace newsgraph::ingest

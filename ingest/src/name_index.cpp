#include "newsgraph/ingest/name_index.h"

#include <cstring>

#include "newsgraph/ingest/tokenizer.h"

namespace newsgraph::ingest {
namespace {

constexpr std::uint8_t kCaseMask = kTitleCase | kAllUpper;

}  // namespace

NameIndex::NameIndex() : edges_(16) { nodes_.emplace_back(); }

inline std::uint32_t NameIndex::child(std::uint32_t parent, std::string_view key,
                                      std::uint64_t keyHash) const {
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t slot = slotOf(keyHash, parent) & mask; edges_[slot].child != 0;
       slot = (slot + 1) & mask) {
    const Edge& edge = edges_[slot];
    if (edge.keyHash == keyHash && edge.parent == parent && edge.keyLength == key.size() &&
        std::memcmp(keys_.data() + edge.keyOffset, key.data(), key.size()) == 0) {
      return edge.child;
    }
  }
  return 0;
}

void NameIndex::growIfFull() {
  if ((edgeCount_ + 1) * 2 <= edges_.size()) return;
  std::vector<Edge> old(edges_.size() * 2);
  old.swap(edges_);
  const std::size_t mask = edges_.size() - 1;
  for (const Edge& edge : old) {
    if (edge.child == 0) continue;
    std::size_t slot = slotOf(edge.keyHash, edge.parent) & mask;
    while (edges_[slot].child != 0) slot = (slot + 1) & mask;
    edges_[slot] = edge;
  }
}

void NameIndex::add(const std::vector<Token>& tokens, std::uint32_t value, bool exactCase) {
  if (tokens.empty()) return;
  std::uint32_t node = 0;
  for (const Token& token : tokens) {
    const std::uint64_t keyHash = common::hashKey(token.key);
    if (std::uint32_t next = child(node, token.key, keyHash); next != 0) {
      node = next;
      continue;
    }
    if (node == 0) {
      firstKeys_.push_back(token.key);
      firstKeyFilter_.add(token.key);
    }
    growIfFull();
    auto next = static_cast<std::uint32_t>(nodes_.size());
    nodes_.emplace_back();
    const std::size_t mask = edges_.size() - 1;
    std::size_t slot = slotOf(keyHash, node) & mask;
    while (edges_[slot].child != 0) slot = (slot + 1) & mask;
    edges_[slot] = Edge{keyHash, node, next, static_cast<std::uint32_t>(keys_.size()),
                        static_cast<std::uint32_t>(token.key.size())};
    keys_ += token.key;
    ++edgeCount_;
    node = next;
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

template <typename HashOf>
bool NameIndex::longestAtWith(const std::vector<Token>& tokens, std::uint32_t first,
                              std::uint32_t limit, NameMatch& match, HashOf hashOf) const {
  if (first >= limit) return false;
  std::uint64_t keyHash = hashOf(first);
  if (!firstKeyFilter_.mayContainHash(keyHash)) return false;
  std::uint32_t node = 0;
  bool found = false;
  for (std::uint32_t i = first; i < limit; ++i) {
    if (i > first) keyHash = hashOf(i);
    node = child(node, tokens[i].key, keyHash);
    if (node == 0) break;
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

bool NameIndex::longestAt(const std::vector<Token>& tokens, std::uint32_t first,
                          std::uint32_t limit, NameMatch& match) const {
  return longestAtWith(tokens, first, limit, match,
                       [&](std::uint32_t i) { return common::hashKey(tokens[i].key); });
}

bool NameIndex::longestAt(const std::vector<Token>& tokens,
                          const std::vector<std::uint64_t>& keyHashes, std::uint32_t first,
                          std::uint32_t limit, NameMatch& match) const {
  return longestAtWith(tokens, first, limit, match, [&](std::uint32_t i) { return keyHashes[i]; });
}

}  // namespace newsgraph::ingest

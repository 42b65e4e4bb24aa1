#include "families.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <set>

namespace newsgraph::diagram {

const std::string& FamilyResolver::classFamily(const std::string& cls) {
  auto found = classes_.find(cls);
  if (found != classes_.end()) return found->second;
  std::string family = "other";
  std::deque<std::string> queue{cls};
  std::set<std::string> seen{cls};
  while (!queue.empty()) {
    const ontology::EntityClass* entry = ontology_.findClass(queue.front());
    queue.pop_front();
    if (entry == nullptr) continue;
    if (!entry->diagramFamily.empty()) {
      family = entry->diagramFamily;
      break;
    }
    for (const std::string& parent : entry->parents) {
      if (seen.insert(parent).second) queue.push_back(parent);
    }
  }
  return classes_.emplace(cls, std::move(family)).first->second;
}

const std::string& FamilyResolver::relationFamily(const std::string& type) {
  auto found = relations_.find(type);
  if (found != relations_.end()) return found->second;
  std::string family = "other";
  if (const ontology::RelationType* entry = ontology_.findRelationType(type)) {
    if (!entry->diagramFamily.empty()) {
      family = entry->diagramFamily;
    } else if (entry->eventRole) {
      family = "event-role";
    }
  }
  return relations_.emplace(type, std::move(family)).first->second;
}

namespace {

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::size_t best = limit + 1;
  const std::string* found = nullptr;
  for (const std::string& candidate : candidates) {
    // Lengths bound the distance from below: skip what cannot win.
    std::size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                     : word.size() - candidate.size();
    if (gap >= best) continue;
    std::size_t distance = editDistance(word, candidate);
    if (distance < best) {
      best = distance;
      found = &candidate;
    }
  }
  return found == nullptr ? std::string() : "; did you mean '" + *found + "'?";
}

}  // namespace newsgraph::diagram

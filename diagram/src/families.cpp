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

}  // namespace newsgraph::diagram

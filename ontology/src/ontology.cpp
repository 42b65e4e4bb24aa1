#include "newsgraph/ontology/ontology.h"

#include <utility>

namespace newsgraph::ontology {
namespace {

template <typename T, typename Index>
void upsert(std::vector<T>& items, Index& index, const std::string& key, T item) {
  auto found = index.find(key);
  if (found != index.end()) {
    items[found->second] = std::move(item);
    return;
  }
  index.emplace(key, items.size());
  items.push_back(std::move(item));
}

template <typename T, typename Index>
const T* lookup(const std::vector<T>& items, const Index& index, std::string_view key) {
  auto found = index.find(key);
  return found == index.end() ? nullptr : &items[found->second];
}

}  // namespace

void Ontology::addClass(EntityClass cls) {
  std::string key = cls.name;
  upsert(classes_, classIndex_, key, std::move(cls));
}

void Ontology::addRelationType(RelationType type) {
  std::string key = type.name;
  upsert(relationTypes_, relationIndex_, key, std::move(type));
}

void Ontology::addEntity(EntityRecord entity) {
  std::string key = entity.id;
  upsert(entities_, entityIndex_, key, std::move(entity));
}

void Ontology::addEventType(EventType type) {
  for (EventType& existing : eventTypes_) {
    if (existing.name == type.name) {
      existing = std::move(type);
      return;
    }
  }
  eventTypes_.push_back(std::move(type));
}

void Ontology::addFact(BackgroundFact fact) { facts_.push_back(std::move(fact)); }

void Ontology::addLexiconEntry(std::string_view lexicon, std::string entry) {
  auto found = lexicons_.find(lexicon);
  if (found == lexicons_.end())
    found = lexicons_.emplace(std::string(lexicon), std::vector<std::string>{}).first;
  found->second.push_back(std::move(entry));
}

const EntityClass* Ontology::findClass(std::string_view name) const {
  return lookup(classes_, classIndex_, name);
}

const RelationType* Ontology::findRelationType(std::string_view name) const {
  return lookup(relationTypes_, relationIndex_, name);
}

const EntityRecord* Ontology::findEntity(std::string_view id) const {
  return lookup(entities_, entityIndex_, id);
}

bool Ontology::isSubclassOf(std::string_view cls, std::string_view ancestor) const {
  if (cls == ancestor) return true;
  const EntityClass* found = findClass(cls);
  if (found == nullptr) return false;
  for (const std::string& parent : found->parents) {
    if (parent != cls && isSubclassOf(parent, ancestor)) return true;
  }
  return false;
}

const std::vector<std::string>& Ontology::lexicon(std::string_view name) const {
  static const std::vector<std::string> kEmpty;
  auto found = lexicons_.find(name);
  return found == lexicons_.end() ? kEmpty : found->second;
}

}  // namespace newsgraph::ontology

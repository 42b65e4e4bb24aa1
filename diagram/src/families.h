// Private: which legend family a class or a relation type belongs to, read from the ontology's
// ng:diagramFamily (ontology/data/diagram.ttl), and a "did you mean" hint for unknown names.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/common/spelling.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::diagram {

// Answers family questions for one ontology, remembering answers. Keeps a reference to the
// ontology, which must outlive it.
class FamilyResolver {
 public:
  explicit FamilyResolver(const ontology::Ontology& ontology) : ontology_(ontology) {}

  // The class's own family, else its nearest ancestor's (breadth first, parents in order), else
  // "other" (also for a class the ontology does not know).
  const std::string& classFamily(const std::string& cls);
  // The relation type's family; an event role without one is "event-role"; else "other".
  const std::string& relationFamily(const std::string& type);

 private:
  const ontology::Ontology& ontology_;
  std::map<std::string, std::string, std::less<>> classes_;
  std::map<std::string, std::string, std::less<>> relations_;
};

// "Did you mean" hints (common/spelling.h).
using common::didYouMean;

}  // namespace newsgraph::diagram

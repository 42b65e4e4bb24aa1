#include "newsgraph/ingest/statement_status.h"

namespace newsgraph::ingest {

std::string StatementStatus::toString() const {
  std::string out(graph::statusName(status));
  if (status == graph::EvidenceStatus::kClaimed && !source.empty()) out += " by " + source;
  return out;
}

StatusClassifier::StatusClassifier(const ontology::Ontology& ontology) : ontology_(ontology) {}

StatementStatus StatusClassifier::classify(std::string_view, const std::vector<Token>&,
                                           const std::vector<Sentence>&, std::uint32_t,
                                           std::uint32_t, std::uint32_t,
                                           const std::vector<Mention>&) const {
  return StatementStatus{};  // placeholder until the status classifier lands
}

}  // namespace newsgraph::ingest

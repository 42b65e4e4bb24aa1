// Subjects shared across clauses and partners of an action: coordinated verbs ("X condamnent
// ... et accusent Y"), a main clause before a long relative clause, co-agents after "avec".
#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

std::vector<const Argument*> SentenceReader::coAgents(
    std::uint32_t end, const Argument* object, const std::vector<std::string>& classes) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t limit = clauseEnd(end, kObjectWindow);
  for (std::uint32_t k = end; k < limit; ++k) {
    if (tokens[k].key != "avec") continue;
    std::uint32_t from = k + 1;
    while (from < limit && lexicons_.isDeterminer(tokens[from].key)) ++from;
    const Argument* partner = firstIn(from, from + 1, classes);
    if (partner == nullptr || partner == object ||
        partner->mention->firstToken <= object->mention->firstToken) {
      return {};
    }
    return coordinated(partner, false, classes);
  }
  return {};
}

}  // namespace newsgraph::ingest

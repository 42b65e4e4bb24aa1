// Private: light coreference for the relation stage. A definite description with no complement
// ("le camp", "les assaillants", "l'organisation", "ses troupes") or the locative pronoun "y"
// stands for the last entity of its class named before it in the article; the resolver turns
// each into an argument of its sentence, so that every pattern reads it like a name.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "newsgraph/ingest/document_analysis.h"
#include "newsgraph/ontology/ontology.h"
#include "recognizer_tables.h"
#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

class AnaphorResolver {
 public:
  // Reads its word lists from the ontology's lexicons (definiteDeterminer, armedGroupAnaphor,
  // fighterAnaphor, organizationAnaphor, bodyAnaphor, armedForcesAnaphor, placeAnaphor, forcesNoun,
  // possessiveDeterminer, distanceNoun, divisionNoun). `ontology` must outlive the resolver.
  explicit AnaphorResolver(const ontology::Ontology& ontology);

  // Adds to `arguments` (the mentions of sentence `s`, in text order, kept in text order) one
  // argument for each anaphor of the sentence that has an antecedent: the closest fitting
  // argument before it in the sentence, else in `previous` (the earlier sentences' arguments,
  // latest sentence first). The new mentions are stored in `store`, which must outlive the
  // arguments (a deque: its elements never move).
  void resolve(const DocumentAnalysis& analysis, std::uint32_t s, std::vector<Argument>& arguments,
               const std::vector<Argument>& previous, std::deque<Mention>& store) const;

 private:
  // The classes an anaphor at token `k` may stand for; empty when the token is no anaphor.
  // `possessive` is set for "ses troupes" (any actor but a person).
  std::vector<std::string> anaphorClasses(const std::vector<Token>& tokens,
                                          const Sentence& sentence, std::uint32_t k,
                                          const std::vector<Argument>& arguments,
                                          bool& possessive) const;
  // Whether the argument is a landmark of a distance phrase ("à 50 km au nord de Gao") or the
  // holder of a division ("la région de Ménaka").
  bool isLandmark(const std::vector<Token>& tokens, const Sentence& sentence,
                  const Argument& a) const;
  // Whether the argument's name follows `noun` and "de" ("la ville de Konna") or has it in
  // apposition ("Inékar, une localité de ...").
  bool introducedBy(const std::vector<Token>& tokens, const Argument& a,
                    const std::string& noun) const;
  bool fits(const Argument& a, const std::vector<std::string>& classes, bool possessive) const;

  const ontology::Ontology& ontology_;
  // A state's armed forces, from the background facts (fama PART_OF mali): "l'état-major
  // malien ... ses troupes" stands for them. A state with several forces has none here.
  std::map<std::string, std::string, std::less<>> forcesOf_;
  KeySet definite_;
  KeySet possessives_;
  KeySet groupNouns_;
  KeySet fighterNouns_;
  KeySet organizationNouns_;
  KeySet bodyNouns_;
  KeySet forcesNouns_;
  KeySet placeNouns_;
  KeySet possessedNouns_;
  KeySet distanceNouns_;
  KeySet divisionNouns_;
  KeySet leaderTitles_;
  KeySet headedNouns_;
};

}  // namespace newsgraph::ingest

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
#include "relation_classes.h"
#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

class AnaphorResolver {
 public:
  // Its word lists are RelationLexicons' (definiteDeterminer, armedGroupAnaphor, fighterAnaphor,
  // organizationAnaphor, bodyAnaphor, armedForcesAnaphor, placeAnaphor, forcesNoun,
  // possessiveDeterminer, distanceNoun, divisionNoun), read through TokenFeatures.
  // `ontology` and `classes` must outlive the resolver.
  AnaphorResolver(const ontology::Ontology& ontology, RelationClasses& classes);

  // Adds to `arguments` (the mentions of sentence `s`, in text order, kept in text order) one
  // argument for each anaphor of the sentence that has an antecedent: the closest fitting
  // argument before it in the sentence, else in `previous` (the earlier sentences' arguments,
  // latest sentence first). The new mentions are stored in `store`, which must outlive the
  // arguments (a deque: its elements never move). `words` are the features of the analysis's
  // tokens.
  void resolve(const DocumentAnalysis& analysis, const TokenFeatures& words, std::uint32_t s,
               std::vector<Argument>& arguments, const std::vector<Argument>& previous,
               std::deque<Mention>& store) const;

 private:
  // What an anaphor may stand for.
  struct Target {
    ClassSet named;           // the classes of an antecedent named by its name
    ClassSet other;           // of a demonym or metonym: those of `named` that are no places
    bool person = false;      // a person, and only a person
    bool possessive = false;  // "ses troupes": any actor but a person, or a state's forces
    bool place = false;       // a town: an antecedent introduced by the same noun comes first
  };
  // The target of an anaphor at token `k`; null when the token is no anaphor.
  const Target* anaphorAt(const std::vector<Token>& tokens, const TokenFeatures& words,
                          const Sentence& sentence, std::uint32_t k,
                          const std::vector<Argument>& arguments) const;
  // The target of an anaphor of the listed classes.
  Target target(RelationClasses& classes, const std::vector<std::string>& names, bool place) const;
  // Whether the argument is a landmark of a distance phrase ("à 50 km au nord de Gao") or the
  // holder of a division ("la région de Ménaka").
  bool isLandmark(const std::vector<Token>& tokens, const TokenFeatures& words,
                  const Sentence& sentence, const Argument& a) const;
  // Whether the argument's name follows `noun` and "de" ("la ville de Konna") or has it in
  // apposition ("Inékar, une localité de ...").
  bool introducedBy(const std::vector<Token>& tokens, const TokenFeatures& words, const Argument& a,
                    const std::string& noun) const;
  bool fits(const Argument& a, const Target& target) const;

  const ontology::Ontology& ontology_;
  const RelationClasses& classes_;
  Target pronoun_, person_, possessed_, group_, fighters_, organization_, body_, forces_, town_;
  // A state's armed forces, from the background facts (fama PART_OF mali): "l'état-major
  // malien ... ses troupes" stands for them. A state with several forces has none here.
  std::map<std::string, std::string, std::less<>> forcesOf_;
};

}  // namespace newsgraph::ingest

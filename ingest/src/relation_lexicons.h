// Private: the word lists of the relation stage, read from the ontology's lexicons
// (ontology/data/lexicon.ttl), as matching keys.
#pragma once

#include <string_view>

#include "newsgraph/common/text.h"
#include "newsgraph/ontology/ontology.h"
#include "recognizer_tables.h"

namespace newsgraph::ingest {

// Word lists of the relation stage, from the ontology's lexicons.
struct RelationLexicons {
  KeySet clauseOpeners;
  KeySet governmentNouns;
  KeySet fronted;
  KeySet determiners;
  KeySet leaderTitles;
  KeySet memberTitles;
  KeySet passiveAuxiliaries;
  KeySet motionVerbs;
  KeySet auxiliaries;

  explicit RelationLexicons(const ontology::Ontology& ontology) {
    for (const auto& [set, name] :
         {std::pair{&clauseOpeners, "clauseOpener"}, std::pair{&governmentNouns, "governmentNoun"},
          std::pair{&fronted, "frontedPreposition"}, std::pair{&determiners, "determiner"},
          std::pair{&leaderTitles, "leaderTitle"}, std::pair{&memberTitles, "memberTitle"},
          std::pair{&passiveAuxiliaries, "passiveAuxiliary"},
          std::pair{&motionVerbs, "motionVerbCue"}, std::pair{&auxiliaries, "auxiliary"}}) {
      for (const std::string& entry : ontology.lexicon(name)) set->insert(common::matchKey(entry));
    }
  }
  bool isClauseOpener(std::string_view key) const { return clauseOpeners.count(key) != 0; }
  bool isGovernment(std::string_view key) const { return governmentNouns.count(key) != 0; }
  bool isFronted(std::string_view key) const { return fronted.count(key) != 0; }
  bool isDeterminer(std::string_view key) const { return determiners.count(key) != 0; }
};

}  // namespace newsgraph::ingest

// Private: the indexes the entity recognizer builds once from the ontology.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "key_set.h"
#include "newsgraph/common/key_hash.h"
#include "newsgraph/ingest/entity_recognizer.h"
#include "newsgraph/ingest/name_index.h"

namespace newsgraph::ingest {

using KeyHash = common::KeyHash;
template <typename V>
using KeyMap = std::unordered_map<std::string, V, KeyHash, std::equal_to<>>;

struct RecognizerTables {
  NameIndex names;                 // gazetteer labels and aliases -> entity index
  KeyMap<std::uint32_t> demonyms;  // demonym key -> entity index
  NameIndex cues;                  // cue phrase -> index into cueClasses
  std::vector<std::string> cueClasses;
  KeyMap<std::string> headClasses;  // first word of a long form -> class ("front" -> ArmedGroup)
  KeySet notAName;
  KeySet actorHeads;  // last word of each actor head noun
  KeySet locatives;
  KeySet subjectVerbs;
  KeySet particles;
  KeySet determiners;
  KeySet actorPrepositions;
  std::size_t nameCount = 0;
  // First token keys of names, cues and demonyms, so that most tokens cost one lookup.
  enum StartFlag : std::uint8_t { kStartsName = 1, kStartsCue = 2, kIsDemonym = 4 };
  KeyMap<std::uint8_t> starts;
  common::KeyFilter startFilter;  // the keys of `starts`
  // The StartFlag set of a token key whose common::hashKey is `keyHash`.
  std::uint8_t startsAt(std::string_view key, std::uint64_t keyHash) const {
    if (!startFilter.mayContainHash(keyHash)) return 0;
    auto found = starts.find(key);
    return found == starts.end() ? 0 : found->second;
  }

  bool contains(const KeySet& set, std::string_view key) const {
    return set.find(key) != set.end();
  }
};

}  // namespace newsgraph::ingest

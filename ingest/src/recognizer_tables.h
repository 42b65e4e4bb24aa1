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
  RecognizerTables() = default;
  // Not copyable: startSlots points into `starts`.
  RecognizerTables(const RecognizerTables&) = delete;
  RecognizerTables& operator=(const RecognizerTables&) = delete;

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
  // `starts` again, in an open-addressing table probed by the key's hash (which the scanner has
  // computed once per token): no second hash, no bucket division. Built by indexStarts().
  struct StartSlot {
    std::uint64_t keyHash = 0;
    const std::string* key = nullptr;  // into `starts`; nullptr: a free slot
    std::uint8_t flags = 0;
  };
  std::vector<StartSlot> startSlots;

  // Fills startFilter and startSlots from `starts`. Call once `starts` is complete.
  void indexStarts() {
    std::size_t size = 16;
    while (size < starts.size() * 2) size *= 2;
    startSlots.assign(size, StartSlot{});
    for (const auto& [key, flags] : starts) {
      startFilter.add(key);
      const std::uint64_t keyHash = common::hashKey(key);
      std::size_t slot = keyHash & (size - 1);
      while (startSlots[slot].key != nullptr) slot = (slot + 1) & (size - 1);
      startSlots[slot] = StartSlot{keyHash, &key, flags};
    }
  }

  // The StartFlag set of a token key whose common::hashKey is `keyHash`.
  std::uint8_t startsAt(std::string_view key, std::uint64_t keyHash) const {
    if (!startFilter.mayContainHash(keyHash)) return 0;
    const std::size_t mask = startSlots.size() - 1;
    for (std::size_t slot = keyHash & mask; startSlots[slot].key != nullptr;
         slot = (slot + 1) & mask) {
      if (startSlots[slot].keyHash == keyHash && *startSlots[slot].key == key) {
        return startSlots[slot].flags;
      }
    }
    return 0;
  }

  bool contains(const KeySet& set, std::string_view key) const {
    return set.find(key) != set.end();
  }
};

}  // namespace newsgraph::ingest

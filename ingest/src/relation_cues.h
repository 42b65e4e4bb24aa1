// Private: the relation cues of the ontology as a trie over Snowball French stems.
#pragma once

#include <libstemmer.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "key_set.h"
#include "newsgraph/common/key_hash.h"
#include "newsgraph/ingest/name_index.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ingest {

// Snowball French stems of matching keys, cached (news vocabulary repeats).
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  // The stem of a token key. Contractions fold first (du, des, d' -> de; au, aux -> a), so
  // "départ des Français" matches the cue "départ de". The view lives as long as the Stemmer.
  std::string_view stem(std::string_view key);

 private:
  sb_stemmer* stemmer_;
  std::unordered_map<std::string, std::string, common::KeyHash, std::equal_to<>> cache_;
};

// What a cue means: the relation type, how arguments attach, the preposition that ends it.
struct CueInfo {
  const ontology::RelationType* type = nullptr;
  ontology::CueKind kind = ontology::CueKind::kVerb;
  std::string marker;  // stem of a final preposition ("de", "a", "contre", "par"), or empty
};

struct RelationCueIndex {
  NameIndex stems;    // stem sequences -> index into infos
  KeySet vocabulary;  // every stem of every cue (and so of every cue head)
  std::vector<CueInfo> infos;
  // The cues that end with a preposition, without it ("appui" for "appui de"): words may come
  // between the head and its preposition ("l'appui unanime du Conseil"). Maps the head's stems
  // to an index into headInfos, which lists the indexes into infos of that head's cues.
  NameIndex heads;
  std::vector<std::vector<std::uint32_t>> headInfos;
  Stemmer stemmer;

  explicit RelationCueIndex(const ontology::Ontology& ontology);
  // Copies `tokens[first, end)` with each key replaced by its stem, into `out` (cleared).
  void stemRange(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end,
                 std::vector<Token>& out);
};

}  // namespace newsgraph::ingest

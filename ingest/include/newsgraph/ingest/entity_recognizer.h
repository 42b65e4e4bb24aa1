// Entity recognition: gazetteer names in one pass over the tokens (longest first, accent- and
// case-insensitive), aliases learned from the text ("Forces armées maliennes (FAMa)"), demonyms
// and metonyms resolved to the actor when the context says so, and unknown names typed by cues
// ("le village de X", "le ministre X"). All word lists come from the ontology's lexicons.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/ingest/token.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ingest {

// How a mention was recognised.
enum class MentionKind : std::uint8_t {
  kName,          // a gazetteer label or alias
  kLearnedAlias,  // an alias the article defines: "(GSIM, ou JNIM)"
  kDemonym,       // "soldats ivoiriens", "les Français"
  kMetonym,       // a capital standing for its state: "Bamako a refusé"
  kOpenWorld      // a name the ontology does not know
};

// "name", "learned-alias", "demonym", "metonym" or "open-world".
std::string_view mentionKindName(MentionKind kind);

// One mention of an entity in an article.
struct Mention {
  std::string entity;            // entity id
  std::uint32_t sentence = 0;    // index into the article's sentences
  std::uint32_t firstToken = 0;  // tokens [firstToken, endToken)
  std::uint32_t endToken = 0;
  std::uint32_t begin = 0;  // bytes [begin, end) of the article text
  std::uint32_t end = 0;
  MentionKind kind = MentionKind::kName;
};

// An entity the ontology does not know, found in an article.
struct DiscoveredEntity {
  std::string id;                    // slug of label (SPEC 1)
  std::string cls;                   // class from the cue that introduced it
  std::string label;                 // surface form, as first seen
  std::vector<std::string> aliases;  // other forms the article uses
};

// The entities of one article.
struct Recognition {
  std::vector<Mention> mentions;  // in text order
  std::vector<DiscoveredEntity> discovered;
  // Aliases of known entities that the article defined: (entity id, alias).
  std::vector<std::pair<std::string, std::string>> learnedAliases;
};

struct RecognizerTables;  // private to the implementation

class EntityRecognizer {
 public:
  // Builds the name indexes from `ontology`, which must outlive the recognizer.
  explicit EntityRecognizer(const ontology::Ontology& ontology);
  ~EntityRecognizer();
  EntityRecognizer(const EntityRecognizer&) = delete;
  EntityRecognizer& operator=(const EntityRecognizer&) = delete;

  // Finds the mentions in one article. `tokens` and `sentences` come from tokenize() and
  // SentenceSplitter on `text`. Thread-safe: the recognizer is read-only after construction.
  Recognition recognize(std::string_view text, const std::vector<Token>& tokens,
                        const std::vector<Sentence>& sentences) const;

  // Number of names (labels, aliases, demonyms) indexed.
  std::size_t nameCount() const;

 private:
  std::unique_ptr<RecognizerTables> tables_;
  const ontology::Ontology& ontology_;
};

}  // namespace newsgraph::ingest

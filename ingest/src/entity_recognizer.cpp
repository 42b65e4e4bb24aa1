#include "newsgraph/ingest/entity_recognizer.h"

#include <algorithm>

#include "mention_scanner.h"
#include "newsgraph/common/text.h"
#include "newsgraph/ingest/tokenizer.h"
#include "recognizer_tables.h"

namespace newsgraph::ingest {
namespace {

void fillSet(KeySet& set, const std::vector<std::string>& entries, bool lastWordOnly = false) {
  for (const std::string& entry : entries) {
    if (!lastWordOnly) {
      set.insert(common::matchKey(entry));
      continue;
    }
    std::vector<Token> tokens;
    tokenize(entry, tokens);
    if (!tokens.empty()) set.insert(tokens.back().key);
  }
}

}  // namespace

std::string_view mentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName:
      return "name";
    case MentionKind::kLearnedAlias:
      return "learned-alias";
    case MentionKind::kDemonym:
      return "demonym";
    case MentionKind::kMetonym:
      return "metonym";
    case MentionKind::kOpenWorld:
      return "open-world";
  }
  return "name";
}

EntityRecognizer::EntityRecognizer(const ontology::Ontology& ontology)
    : tables_(std::make_unique<RecognizerTables>()), ontology_(ontology) {
  RecognizerTables& t = *tables_;
  const auto& entities = ontology.entities();
  for (std::uint32_t i = 0; i < entities.size(); ++i) {
    const ontology::EntityRecord& e = entities[i];
    // A name listed as exact ("Diré", not the verb "dire") is never matched loosely.
    KeySet exact;
    for (const std::string& alias : e.exactAliases) {
      t.names.addName(alias, i, true);
      exact.insert(common::matchKey(alias));
    }
    auto addLoose = [&](const std::string& name) {
      if (!name.empty() && exact.count(common::matchKey(name)) == 0)
        t.names.addName(name, i, false);
    };
    addLoose(e.labelFr);
    addLoose(e.labelEn);
    for (const std::string& alias : e.aliases) addLoose(alias);
    for (const std::string& demonym : e.demonyms) t.demonyms.emplace(common::matchKey(demonym), i);
    t.nameCount += 2 + e.aliases.size() + e.exactAliases.size() + e.demonyms.size();
  }
  for (const auto& [name, entries] : ontology.lexicons()) {
    if (name.rfind("cue", 0) != 0 || name.size() <= 3) continue;
    std::string cls = name.substr(3);
    if (ontology.findClass(cls) == nullptr) continue;
    auto classIndex = static_cast<std::uint32_t>(t.cueClasses.size());
    t.cueClasses.push_back(cls);
    for (const std::string& entry : entries) {
      t.cues.addName(entry, classIndex, false);
      std::vector<Token> tokens;
      tokenize(entry, tokens);
      // A one-word cue that is a noun also heads names of its class: "Front de libération".
      if (tokens.size() == 1 && tokens[0].key.size() > 2) t.headClasses.emplace(tokens[0].key, cls);
    }
  }
  t.names.forEachFirstKey(
      [&](const std::string& key) { t.starts[key] |= RecognizerTables::kStartsName; });
  t.cues.forEachFirstKey(
      [&](const std::string& key) { t.starts[key] |= RecognizerTables::kStartsCue; });
  for (const auto& [key, entity] : t.demonyms) t.starts[key] |= RecognizerTables::kIsDemonym;
  t.indexStarts();
  fillSet(t.notAName, ontology.lexicon("notAName"));
  fillSet(t.actorHeads, ontology.lexicon("actorHeadNoun"), true);
  fillSet(t.locatives, ontology.lexicon("locativePreposition"));
  fillSet(t.subjectVerbs, ontology.lexicon("subjectVerb"));
  fillSet(t.particles, ontology.lexicon("nameParticle"));
  fillSet(t.determiners, ontology.lexicon("determiner"));
  fillSet(t.actorPrepositions, ontology.lexicon("actorPreposition"));
}

EntityRecognizer::~EntityRecognizer() = default;

std::size_t EntityRecognizer::nameCount() const { return tables_->nameCount; }

Recognition EntityRecognizer::recognize(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<Sentence>& sentences) const {
  MentionScanner scanner(*tables_, ontology_, text, tokens, sentences);
  return scanner.run();
}

}  // namespace newsgraph::ingest

// Private: recognition of the mentions of one article (see entity_recognizer.h for the rules).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/ingest/entity_recognizer.h"
#include "newsgraph/ingest/name_index.h"
#include "recognizer_tables.h"

namespace newsgraph::ingest {

class MentionScanner {
 public:
  MentionScanner(const RecognizerTables& tables, const ontology::Ontology& ontology,
                 std::string_view text, const std::vector<Token>& tokens,
                 const std::vector<Sentence>& sentences);

  Recognition run();

 private:
  // Pass 1, one sentence: gazetteer names, metonyms, demonyms, cued and uncued unknown names.
  void scanSentence(std::uint32_t sentence);
  // Aliases defined in parentheses within one sentence.
  void learnAliases(std::uint32_t sentence);
  // Pass 2: names the article itself taught (learned aliases, discovered entities).
  void scanDocumentNames();

  bool isActorContext(std::uint32_t first, std::uint32_t end, std::uint32_t sentenceFirst,
                      std::uint32_t sentenceEnd) const;
  bool isDemonymActor(std::uint32_t i, std::uint32_t sentenceFirst) const;
  // Tokens [i, result) forming a capitalised name, or i when there is none.
  std::uint32_t nameEnd(std::uint32_t i, std::uint32_t limit) const;
  bool isSentenceInitial(std::uint32_t i, std::uint32_t sentenceFirst) const;
  bool tryCue(std::uint32_t i, std::uint32_t sentence, std::uint32_t sentenceEnd);
  bool tryUncuedName(std::uint32_t i, std::uint32_t sentence, std::uint32_t sentenceFirst,
                     std::uint32_t sentenceEnd);

  // Frees tokens [first, end) of sentence `s` for a longer name when only demonym mentions lie
  // there (removing them). Returns false when another kind of mention is in the way.
  bool claimFromDemonyms(std::uint32_t s, std::uint32_t first, std::uint32_t end);
  void addMention(const std::string& entity, std::uint32_t sentence, std::uint32_t first,
                  std::uint32_t end, MentionKind kind);
  // Registers an unknown entity named by tokens [first, end) and returns its id.
  std::string discover(std::uint32_t first, std::uint32_t end, const std::string& cls);
  void teach(const std::string& surface, const std::string& entity);
  std::string surface(std::uint32_t first, std::uint32_t end) const;

  const RecognizerTables& tables_;
  const ontology::Ontology& ontology_;
  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<Sentence>& sentences_;
  std::vector<bool> covered_;  // per token: inside a mention
  // common::hashKey of each token's key, computed once: the scans probe the same tokens in
  // several indexes, most of them only to learn that no name starts there.
  std::vector<std::uint64_t> keyHashes_;
  Recognition result_;
  std::unordered_map<std::string, std::size_t> discoveredIndex_;
  NameIndex documentNames_;  // value: index into documentEntities_
  std::vector<std::string> documentEntities_;
};

}  // namespace newsgraph::ingest

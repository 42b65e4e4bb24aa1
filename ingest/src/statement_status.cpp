#include "newsgraph/ingest/statement_status.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "newsgraph/common/text.h"
#include "newsgraph/ingest/tokenizer.h"
#include "recognizer_tables.h"
#include "statement_status_reader.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

std::string StatementStatus::toString() const {
  std::string out(graph::statusName(status));
  if (status == graph::EvidenceStatus::kClaimed && !source.empty()) out += " by " + source;
  return out;
}

StatusClassifier::StatusClassifier(const ontology::Ontology& ontology) : ontology_(ontology) {
  auto lexicons = std::make_shared<Lexicons>();
  std::vector<Token> tokens;
  for (const auto& [word, name] : kLexiconNames) {
    for (const std::string& entry : ontology.lexicon(name)) {
      tokens.clear();
      tokenize(entry, tokens);
      // An entry ending in an elision ("n'", "menace d'") has no word after its apostrophe, so
      // the tokenizer reads the apostrophe apart; in an article it sticks to its word.
      if (tokens.size() >= 2 && tokens.back().key == "'"sv &&
          tokens[tokens.size() - 2].end == tokens.back().begin) {
        tokens[tokens.size() - 2].key += '\'';
        tokens.pop_back();
      }
      if (tokens.empty()) continue;
      Lexicons::Start& start = lexicons->starts[tokens[0].key];
      if (tokens.size() == 1) {
        start.words |= word;
        continue;
      }
      Lexicons::Phrase phrase;
      phrase.word = word;
      for (std::size_t i = 1; i < tokens.size(); ++i) phrase.rest.push_back(tokens[i].key);
      start.phrases.push_back(std::move(phrase));
    }
  }
  for (const auto& [key, start] : lexicons->starts) {
    lexicons->startFilter.add(key);
    std::uint32_t words = start.words;
    for (const Lexicons::Phrase& p : start.phrases) words |= p.word;
    if ((words & (kOpeningQuote | kClosingQuote)) == 0) continue;
    lexicons->quoteStarts.push_back(key);
    if (!key.empty()) lexicons->quoteFirstBytes[static_cast<unsigned char>(key[0])] = true;
  }
  for (const std::string& ending : ontology.lexicon("conditionalEnding")) {
    lexicons->conditionalEndings.push_back(common::matchKey(ending));
  }
  lexicons_ = std::move(lexicons);
}

StatementStatus StatusClassifier::Reader::status() const {
  StatementStatus out;
  Governor governor = findGovernor();
  if (governor.kind == Governor::kDenial || negatedAt(cueFirst_, cueEnd_)) {
    out.status = graph::EvidenceStatus::kNegated;
    return out;
  }
  bool conditional = hasConditionalVerb();
  if (isHypothetical(conditional)) {
    out.status = graph::EvidenceStatus::kHypothetical;
    return out;
  }
  // Claims, innermost first; the first that names its speaker gives the source, and the
  // conditional of hearsay, which names nobody, comes last.
  bool claimed = governor.kind != Governor::kNone;
  const Mention* speaker = governor.speaker;
  using Rule = bool (Reader::*)(const Mention*&) const;
  for (Rule rule : {&Reader::quotedSpeaker, &Reader::inciseAfterCue, &Reader::attributionMarker}) {
    if (speaker != nullptr) break;
    const Mention* who = nullptr;
    if ((this->*rule)(who)) {
      claimed = true;
      speaker = who;
    }
  }
  claimed = claimed || conditional;
  if (claimed) {
    out.status = graph::EvidenceStatus::kClaimed;
    if (speaker != nullptr) out.source = speaker->entity;
  }
  return out;
}

StatementStatus StatusClassifier::classify(std::string_view, const std::vector<Token>& tokens,
                                           const std::vector<Sentence>& sentences,
                                           std::uint32_t sentence, std::uint32_t cueFirst,
                                           std::uint32_t cueEnd,
                                           const std::vector<Mention>& mentions) const {
  if (!isStatement(tokens, sentences, sentence, cueFirst, cueEnd)) return StatementStatus{};
  // One statement: only its sentence's bits are kept.
  const Sentence& s = sentences[sentence];
  ArticleWords words(*lexicons_, tokens, 0, s.firstToken, s.endToken, false);
  return Reader(ontology_, *lexicons_, words, tokens, sentences, sentence, cueFirst, cueEnd,
                mentions)
      .status();
}

ArticleStatuses::ArticleStatuses(const StatusClassifier& classifier,
                                 const std::vector<Token>& tokens,
                                 const std::vector<Sentence>& sentences,
                                 const std::vector<Mention>& mentions)
    : classifier_(classifier), tokens_(tokens), sentences_(sentences), mentions_(mentions) {}

ArticleStatuses::~ArticleStatuses() = default;

StatementStatus ArticleStatuses::classify(std::uint32_t sentence, std::uint32_t cueFirst,
                                          std::uint32_t cueEnd) {
  if (!isStatement(tokens_, sentences_, sentence, cueFirst, cueEnd)) return StatementStatus{};
  // (lastEnd_ is 0 until a first statement is classified: no statement ends there.)
  if (sentence == lastSentence_ && cueFirst == lastFirst_ && cueEnd == lastEnd_) return last_;
  if (words_ == nullptr) {
    words_ = std::make_unique<StatusClassifier::ArticleWords>(
        *classifier_.lexicons_, tokens_, sentences_.size(), 0,
        static_cast<std::uint32_t>(tokens_.size()), true);
  }
  StatusClassifier::Reader reader(classifier_.ontology_, *classifier_.lexicons_, *words_, tokens_,
                                  sentences_, sentence, cueFirst, cueEnd, mentions_);
  last_ = reader.status();
  lastSentence_ = sentence;
  lastFirst_ = cueFirst;
  lastEnd_ = cueEnd;
  return last_;
}

}  // namespace newsgraph::ingest

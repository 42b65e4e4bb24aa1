#include "newsgraph/ingest/sentence_splitter.h"

#include "newsgraph/common/text.h"

namespace newsgraph::ingest {
namespace {

bool isTerminal(const Token& token) {
  if (token.kind != TokenKind::kPunct) return false;
  const std::string& k = token.key;
  return k == "." || k == "!" || k == "?" || k == "\xE2\x80\xA6";  // … U+2026
}

bool isClosing(const Token& token) {
  if (token.kind != TokenKind::kPunct) return false;
  const std::string& k = token.key;
  return k == "\xC2\xBB" || k == "\"" || k == ")" || k == "\xE2\x80\x9D" || k == "'";  // » ” '
}

bool isOpeningQuoteOrDash(const Token& token) {
  if (token.kind != TokenKind::kPunct) return false;
  const std::string& k = token.key;
  return k == "\xC2\xAB" || k == "\"" || k == "\xE2\x80\x9C" || k == "-" || k == "(" ||
         k == "[";  // « “
}

// A token that can start a sentence: a capitalised word, a number, or an opening quote or dash.
bool canStart(const Token& token) {
  if (token.kind == TokenKind::kNumber) return true;
  if (token.kind == TokenKind::kWord) return token.has(kTitleCase);
  return isOpeningQuoteOrDash(token);
}

// Words after which a line break does not end the sentence ("les soldats de\nWagner").
bool continuesPhrase(const Token& token) {
  static const char* const kWords[] = {
      "de", "d'",  "la",   "le",   "les", "l'",   "du", "des", "a",   "au",  "aux",   "et",  "ou",
      "en", "par", "avec", "pour", "sur", "dans", "un", "une", "que", "qu'", "entre", "vers"};
  if (token.kind != TokenKind::kWord) return false;
  for (const char* word : kWords) {
    if (token.key == word) return true;
  }
  return false;
}

}  // namespace

SentenceSplitter::SentenceSplitter(const std::vector<std::string>& abbreviations) {
  for (const std::string& abbreviation : abbreviations) {
    abbreviations_.insert(common::matchKey(abbreviation));
  }
}

bool SentenceSplitter::isAbbreviation(const Token& token) const {
  if (token.kind != TokenKind::kWord) return false;
  // A single capital letter is an initial ("John F. Kennedy").
  if (token.has(kTitleCase) && token.end - token.begin == 1) return true;
  return abbreviations_.count(token.key) != 0;
}

void SentenceSplitter::split(const std::vector<Token>& tokens, std::vector<Sentence>& out) const {
  const auto count = static_cast<std::uint32_t>(tokens.size());
  std::uint32_t first = 0;
  auto close = [&](std::uint32_t end) {
    if (end <= first) return;
    out.push_back(Sentence{first, end, tokens[first].begin, tokens[end - 1].end});
    first = end;
  };
  for (std::uint32_t i = 0; i < count; ++i) {
    const Token& token = tokens[i];
    if (i > first && token.has(kBlankLineBefore)) {
      close(i);
    } else if (i > first && token.has(kNewlineBefore) && canStart(token) &&
               !continuesPhrase(tokens[i - 1])) {
      close(i);
    }
    if (!isTerminal(token)) continue;
    // "2.000", "3.5": a point between digits is part of a number.
    if (i > 0 && i + 1 < count && tokens[i - 1].kind == TokenKind::kNumber &&
        tokens[i + 1].kind == TokenKind::kNumber && tokens[i - 1].end == token.begin &&
        token.end == tokens[i + 1].begin) {
      continue;
    }
    std::uint32_t end = i + 1;
    while (end < count && (isTerminal(tokens[end]) || isClosing(tokens[end])) &&
           !tokens[end].has(kNewlineBefore)) {
      ++end;  // "?!", "... »"
    }
    if (end >= count) {
      i = end - 1;
      continue;
    }
    if (token.key == "." && i > first && isAbbreviation(tokens[i - 1]) && end == i + 1) continue;
    if (!canStart(tokens[end]) && !tokens[end].has(kBlankLineBefore)) continue;
    close(end);
    i = end - 1;
  }
  close(count);
}

}  // namespace newsgraph::ingest

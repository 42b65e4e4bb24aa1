#include "mention_scanner.h"

#include <algorithm>

#include "newsgraph/common/text.h"
#include "newsgraph/ingest/tokenizer.h"

namespace newsgraph::ingest {
namespace {

constexpr std::uint32_t kMaxNameTokens = 5;
constexpr std::uint32_t kMaxComplementTokens = 6;  // "le ministre des Affaires étrangères, X"
constexpr std::uint32_t kDemonymWindow = 4;        // "autorités de transition maliennes"
constexpr std::uint32_t kLongFormWindow = 10;      // words before "(ACRONYM)"

bool isWord(const Token& token) { return token.kind == TokenKind::kWord; }
// The token is the one character `c` (a test made for every token: no string comparison).
bool isSymbol(const Token& token, char c) { return token.key.size() == 1 && token.key[0] == c; }
bool isCapitalised(const Token& token) { return isWord(token) && token.has(kTitleCase); }

bool isOpeningPunct(const Token& token) {
  if (token.kind != TokenKind::kPunct) return false;
  const std::string& k = token.key;
  return k == "\xC2\xAB" || k == "\xE2\x80\x9C" || k == ":" || k == "\xE2\x80\x94" || k == "-" ||
         k == "\"";  // « “ : — - "
}

// Upper-case letters in an acronym: "FAMa" has three, "Mali" one.
bool looksLikeAcronym(const Token& token) {
  return isWord(token) && (token.has(kAllUpper) || token.has(kTitleCase));
}

// Schwartz & Hearst (2003): the acronym's letters appear in order in the long form, the first
// one at the start of a word. Works on matching keys.
bool acronymFits(std::string_view acronym, std::string_view longForm) {
  std::string letters;
  for (char c : acronym) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letters += c;
  }
  if (letters.size() < 2) return false;
  auto s = static_cast<std::ptrdiff_t>(letters.size()) - 1;
  auto l = static_cast<std::ptrdiff_t>(longForm.size()) - 1;
  for (; s >= 0; --s) {
    char c = letters[static_cast<std::size_t>(s)];
    while (l >= 0 && (longForm[static_cast<std::size_t>(l)] != c ||
                      (s == 0 && l > 0 && longForm[static_cast<std::size_t>(l - 1)] != ' ' &&
                       longForm[static_cast<std::size_t>(l - 1)] != '\''))) {
      --l;
    }
    if (l < 0) return false;
    --l;
  }
  return true;
}

}  // namespace

MentionScanner::MentionScanner(const RecognizerTables& tables, const ontology::Ontology& ontology,
                               std::string_view text, const std::vector<Token>& tokens,
                               const std::vector<Sentence>& sentences)
    : tables_(tables),
      ontology_(ontology),
      text_(text),
      tokens_(tokens),
      sentences_(sentences),
      covered_(tokens.size(), false) {
  keyHashes_.reserve(tokens.size());
  for (const Token& token : tokens) keyHashes_.push_back(common::hashKey(token.key));
}

Recognition MentionScanner::run() {
  for (std::uint32_t s = 0; s < sentences_.size(); ++s) {
    scanSentence(s);
    learnAliases(s);
  }
  if (!documentNames_.empty()) scanDocumentNames();
  std::sort(result_.mentions.begin(), result_.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return std::move(result_);
}

void MentionScanner::scanSentence(std::uint32_t s) {
  const std::uint32_t first = sentences_[s].firstToken;
  const std::uint32_t end = sentences_[s].endToken;
  const auto& entities = ontology_.entities();
  for (std::uint32_t i = first; i < end; ++i) {
    if (covered_[i] || tokens_[i].kind == TokenKind::kPunct) continue;
    const std::uint8_t starts = tables_.startsAt(tokens_[i].key, keyHashes_[i]);
    // Most words start nothing and are not capitalised: one lookup and move on.
    if (starts == 0 && !tokens_[i].has(kTitleCase)) continue;
    NameMatch match;
    if ((starts & RecognizerTables::kStartsName) != 0 &&
        tables_.names.longestAt(tokens_, keyHashes_, i, end, match)) {
      const ontology::EntityRecord& entity = entities[match.value];
      if (!entity.metonymFor.empty() && ontology_.findEntity(entity.metonymFor) != nullptr &&
          isActorContext(i, match.endToken, first, end)) {
        addMention(entity.metonymFor, s, i, match.endToken, MentionKind::kMetonym);
      } else {
        addMention(entity.id, s, i, match.endToken, MentionKind::kName);
      }
      i = match.endToken - 1;
      continue;
    }
    if (!isWord(tokens_[i])) continue;
    auto demonym = (starts & RecognizerTables::kIsDemonym) != 0
                       ? tables_.demonyms.find(std::string_view(tokens_[i].key))
                       : tables_.demonyms.end();
    if (demonym != tables_.demonyms.end()) {
      if (isDemonymActor(i, first)) {
        addMention(entities[demonym->second].id, s, i, i + 1, MentionKind::kDemonym);
      }
      continue;
    }
    if ((starts & RecognizerTables::kStartsCue) != 0 && tryCue(i, s, end)) continue;
    tryUncuedName(i, s, first, end);
  }
}

bool MentionScanner::isActorContext(std::uint32_t first, std::uint32_t end,
                                    std::uint32_t sentenceFirst, std::uint32_t sentenceEnd) const {
  if (first > sentenceFirst) {
    const std::string& previous = tokens_[first - 1].key;
    if (tables_.contains(tables_.locatives, previous)) return false;
    if (tables_.contains(tables_.actorPrepositions, previous)) return true;
    // "Paris et Bamako ont signé": the second capital follows a state mention.
    if (previous == "et" && first >= sentenceFirst + 2 && !result_.mentions.empty() &&
        result_.mentions.back().endToken == first - 1 &&
        result_.mentions.back().kind == MentionKind::kMetonym) {
      return true;
    }
  }
  if (end >= sentenceEnd) return false;
  const std::string& next = tokens_[end].key;
  if (tables_.contains(tables_.subjectVerbs, next)) return true;
  if (next == "et" && end + 1 < sentenceEnd) {
    NameMatch other;
    if (tables_.names.longestAt(tokens_, keyHashes_, end + 1, sentenceEnd, other) &&
        other.endToken < sentenceEnd &&
        tables_.contains(tables_.subjectVerbs, tokens_[other.endToken].key)) {
      return true;
    }
  }
  return false;
}

bool MentionScanner::isDemonymActor(std::uint32_t i, std::uint32_t sentenceFirst) const {
  const Token& token = tokens_[i];
  if (token.has(kTitleCase)) {  // "les Français", "des Russes"
    return i > sentenceFirst && tables_.contains(tables_.determiners, tokens_[i - 1].key);
  }
  std::uint32_t stop = i > sentenceFirst + kDemonymWindow ? i - kDemonymWindow : sentenceFirst;
  for (std::uint32_t k = i; k-- > stop;) {
    const Token& before = tokens_[k];
    if (before.kind == TokenKind::kPunct && before.key != ",") return false;
    if (tables_.contains(tables_.actorHeads, before.key)) return true;
  }
  return false;
}

bool MentionScanner::isSentenceInitial(std::uint32_t i, std::uint32_t sentenceFirst) const {
  if (i > sentenceFirst && isOpeningPunct(tokens_[i - 1])) return true;
  for (std::uint32_t k = sentenceFirst; k < i; ++k) {
    if (tokens_[k].kind != TokenKind::kPunct) return false;
  }
  return true;
}

std::uint32_t MentionScanner::nameEnd(std::uint32_t i, std::uint32_t limit) const {
  std::uint32_t j = i;
  std::uint32_t names = 0;
  std::uint32_t lastName = i;
  while (j < limit && names < kMaxNameTokens && !covered_[j]) {
    const Token& token = tokens_[j];
    if (isCapitalised(token) && !tables_.contains(tables_.notAName, token.key)) {
      NameMatch known;
      if (names > 0 && tables_.names.longestAt(tokens_, keyHashes_, j, limit, known)) break;
      ++names;
      lastName = ++j;
      continue;
    }
    if (names > 0 && isWord(token) && tables_.contains(tables_.particles, token.key)) {
      ++j;  // kept only if a capitalised word follows
      continue;
    }
    break;
  }
  return names == 0 ? i : lastName;
}

bool MentionScanner::tryCue(std::uint32_t i, std::uint32_t s, std::uint32_t sentenceEnd) {
  NameMatch cue;
  if (!tables_.cues.longestAt(tokens_, keyHashes_, i, sentenceEnd, cue)) return false;
  const std::string& cls = tables_.cueClasses[cue.value];
  std::uint32_t j = cue.endToken;
  const std::uint32_t afterCue = j;
  if (cls == "Person") {
    while (j < sentenceEnd && j - afterCue < kMaxComplementTokens) {
      const Token& token = tokens_[j];
      if (isCapitalised(token) && !tables_.contains(tables_.notAName, token.key)) break;
      if (token.kind == TokenKind::kPunct && token.key != ",") return false;
      ++j;
    }
  }
  if (j >= sentenceEnd || covered_[j]) return false;
  NameMatch known;
  if (tables_.names.longestAt(tokens_, keyHashes_, j, sentenceEnd, known)) return false;
  if (tables_.demonyms.count(std::string_view(tokens_[j].key)) != 0) return false;
  std::uint32_t end = nameEnd(j, sentenceEnd);
  if (end == j) return false;
  if (j > afterCue && end - j < 2) return false;  // after a complement, want a full name
  std::string id = discover(j, end, cls);
  if (id.empty()) return false;
  addMention(id, s, j, end, MentionKind::kOpenWorld);
  return true;
}

bool MentionScanner::tryUncuedName(std::uint32_t i, std::uint32_t s, std::uint32_t sentenceFirst,
                                   std::uint32_t sentenceEnd) {
  const Token& token = tokens_[i];
  if (!isCapitalised(token) || isSentenceInitial(i, sentenceFirst)) return false;
  if (tables_.contains(tables_.notAName, token.key)) return false;
  // Inside a longer capitalised phrase ("Mission Multidimensionnelle Intégrée ..."), the words
  // after its head are not a name of their own.
  if (i > sentenceFirst && isCapitalised(tokens_[i - 1])) return false;
  std::uint32_t end = nameEnd(i, sentenceEnd);
  std::uint32_t capitals = 0;
  bool allUpper = true;
  for (std::uint32_t k = i; k < end; ++k) {
    if (isCapitalised(tokens_[k])) ++capitals;
    allUpper = allUpper && tokens_[k].has(kAllUpper);
  }
  if (capitals < 2 || allUpper) return false;
  auto head = tables_.headClasses.find(std::string_view(token.key));
  std::string cls = head != tables_.headClasses.end() ? head->second : "Person";
  std::string id = discover(i, end, cls);
  if (id.empty()) return false;
  addMention(id, s, i, end, MentionKind::kOpenWorld);
  return true;
}

void MentionScanner::learnAliases(std::uint32_t s) {
  const std::uint32_t first = sentences_[s].firstToken;
  const std::uint32_t end = sentences_[s].endToken;
  for (std::uint32_t p = first + 1; p < end; ++p) {
    if (!isSymbol(tokens_[p], '(')) continue;
    std::uint32_t close = p + 1;
    while (close < end && close < p + 10 && !isSymbol(tokens_[close], ')')) ++close;
    if (close >= end || !isSymbol(tokens_[close], ')')) continue;
    // The acronyms inside: "(FAMa)", "(GSIM, ou JNIM)", "(CSP-PSD)".
    std::vector<std::pair<std::uint32_t, std::uint32_t>> acronyms;
    bool fits = true;
    for (std::uint32_t k = p + 1; k < close && fits;) {
      const Token& token = tokens_[k];
      if (token.key == "," || token.key == "ou" || token.key == "en" || token.key == "anglais" ||
          token.key == "dit" || token.key == "encore") {
        ++k;
        continue;
      }
      if (!looksLikeAcronym(token)) {
        fits = false;
        break;
      }
      std::uint32_t start = k++;
      while (k < close && tokens_[k].has(kJoined) && tokens_[k].kind != TokenKind::kPunct) ++k;
      std::string key;
      for (std::uint32_t a = start; a < k; ++a) key += tokens_[a].key;
      bool upperEnough = tokens_[start].has(kAllUpper) || k - start > 1;
      if (!upperEnough) {  // "FAMa": count capitals in the surface
        int capitals = 0;
        for (std::uint32_t b = tokens_[start].begin; b < tokens_[k - 1].end; ++b) {
          if (text_[b] >= 'A' && text_[b] <= 'Z') ++capitals;
        }
        upperEnough = capitals >= 2;
      }
      if (!upperEnough) fits = false;
      acronyms.emplace_back(start, k);
    }
    if (!fits || acronyms.empty()) continue;

    // The long form: a mention ending right before "(", else the capitalised phrase there.
    std::string longEntity;
    std::uint32_t longFirst = p;
    for (auto it = result_.mentions.rbegin(); it != result_.mentions.rend(); ++it) {
      if (it->sentence != s) break;
      // A demonym or metonym is a single word of the phrase, not the long form itself.
      if (it->endToken == p && it->kind != MentionKind::kDemonym &&
          it->kind != MentionKind::kMetonym) {
        longEntity = it->entity;
        longFirst = it->firstToken;
        break;
      }
    }
    if (longEntity.empty()) {
      for (std::uint32_t k = p; k-- > first && p - k <= kLongFormWindow;) {
        if (tokens_[k].kind == TokenKind::kPunct) break;
        // "Les Forces de ...": a capitalised determiner opens the phrase but is not part of it.
        if (isCapitalised(tokens_[k]) && !tables_.contains(tables_.determiners, tokens_[k].key)) {
          longFirst = k;
        }
      }
    }
    for (const auto& [aFirst, aEnd] : acronyms) {
      std::string acronymEntity;
      for (const Mention& m : result_.mentions) {
        if (m.firstToken == aFirst && m.sentence == s) acronymEntity = m.entity;
      }
      if (!longEntity.empty() && acronymEntity.empty()) {
        teach(surface(aFirst, aEnd), longEntity);
        result_.learnedAliases.emplace_back(longEntity, surface(aFirst, aEnd));
        addMention(longEntity, s, aFirst, aEnd, MentionKind::kLearnedAlias);
        continue;
      }
      if (longFirst >= p || !longEntity.empty()) continue;
      std::string longSurface = surface(longFirst, p);
      auto dropInside = [&]() {
        auto& mentions = result_.mentions;
        mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                      [&](const Mention& m) {
                                        bool inside = m.sentence == s &&
                                                      m.firstToken >= longFirst && m.endToken <= p;
                                        if (inside) {
                                          for (auto t = m.firstToken; t < m.endToken; ++t) {
                                            covered_[t] = false;
                                          }
                                        }
                                        return inside;
                                      }),
                       mentions.end());
      };
      if (!acronymEntity.empty()) {
        dropInside();
        teach(longSurface, acronymEntity);
        result_.learnedAliases.emplace_back(acronymEntity, longSurface);
        addMention(acronymEntity, s, longFirst, p, MentionKind::kLearnedAlias);
        longEntity = acronymEntity;
        continue;
      }
      std::string longKey;
      for (std::uint32_t k = longFirst; k < p; ++k) {
        if (!longKey.empty() && !tokens_[k].has(kJoined)) longKey += ' ';
        longKey += tokens_[k].key;
      }
      std::string acronymKey;
      for (std::uint32_t k = aFirst; k < aEnd; ++k) acronymKey += tokens_[k].key;
      if (!acronymFits(acronymKey, longKey)) continue;
      auto head = tables_.headClasses.find(std::string_view(tokens_[longFirst].key));
      std::string cls = head != tables_.headClasses.end() ? head->second : "Organization";
      dropInside();
      std::string id = discover(aFirst, aEnd, cls);
      if (id.empty()) continue;
      teach(longSurface, id);
      result_.discovered[discoveredIndex_.at(id)].aliases.push_back(longSurface);
      addMention(id, s, longFirst, p, MentionKind::kOpenWorld);
      addMention(id, s, aFirst, aEnd, MentionKind::kOpenWorld);
      longEntity = id;
    }
  }
}

void MentionScanner::scanDocumentNames() {
  for (std::uint32_t s = 0; s < sentences_.size(); ++s) {
    const std::uint32_t end = sentences_[s].endToken;
    for (std::uint32_t i = sentences_[s].firstToken; i < end; ++i) {
      if (covered_[i]) continue;
      NameMatch match;
      if (!documentNames_.longestAt(tokens_, keyHashes_, i, end, match)) continue;
      if (!claimFromDemonyms(s, i, match.endToken)) continue;
      const std::string& entity = documentEntities_[match.value];
      MentionKind kind = discoveredIndex_.count(entity) != 0 ? MentionKind::kOpenWorld
                                                             : MentionKind::kLearnedAlias;
      addMention(entity, s, i, match.endToken, kind);
      i = match.endToken - 1;
    }
  }
}

bool MentionScanner::claimFromDemonyms(std::uint32_t s, std::uint32_t first, std::uint32_t end) {
  // A demonym inside a name the article defined ("Forces de défense malienne") belongs to it.
  auto& mentions = result_.mentions;
  for (const Mention& m : mentions) {
    bool overlaps = m.sentence == s && m.firstToken < end && first < m.endToken;
    if (!overlaps) continue;
    bool inside = m.firstToken >= first && m.endToken <= end;
    if (!inside || m.kind != MentionKind::kDemonym) return false;
  }
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                [&](const Mention& m) {
                                  return m.sentence == s && m.firstToken >= first &&
                                         m.endToken <= end;
                                }),
                 mentions.end());
  for (std::uint32_t k = first; k < end; ++k) covered_[k] = false;
  return true;
}

void MentionScanner::addMention(const std::string& entity, std::uint32_t sentence,
                                std::uint32_t first, std::uint32_t end, MentionKind kind) {
  result_.mentions.push_back(
      Mention{entity, sentence, first, end, tokens_[first].begin, tokens_[end - 1].end, kind});
  for (std::uint32_t k = first; k < end; ++k) covered_[k] = true;
}

std::string MentionScanner::discover(std::uint32_t first, std::uint32_t end,
                                     const std::string& cls) {
  std::string label = surface(first, end);
  std::string id = common::slugify(label);
  if (id.empty() || ontology_.findEntity(id) != nullptr) return id;
  auto found = discoveredIndex_.find(id);
  if (found != discoveredIndex_.end()) return id;
  discoveredIndex_.emplace(id, result_.discovered.size());
  result_.discovered.push_back(DiscoveredEntity{id, cls, label, {}});
  teach(label, id);
  if (cls == "Person" && end - first >= 2) {
    const Token& last = tokens_[end - 1];
    NameMatch known;
    std::vector<Token> alone{last};
    if (isCapitalised(last) && last.key.size() >= 3 &&
        !tables_.contains(tables_.notAName, last.key) &&
        !tables_.names.longestAt(alone, 0, 1, known)) {
      teach(surface(end - 1, end), id);
    }
  }
  return id;
}

void MentionScanner::teach(const std::string& name, const std::string& entity) {
  std::vector<Token> tokens;
  tokenize(name, tokens);
  auto index = static_cast<std::uint32_t>(documentEntities_.size());
  documentEntities_.push_back(entity);
  documentNames_.add(tokens, index, false);
}

std::string MentionScanner::surface(std::uint32_t first, std::uint32_t end) const {
  std::uint32_t begin = tokens_[first].begin;
  return common::toNfc(text_.substr(begin, tokens_[end - 1].end - begin));
}

}  // namespace newsgraph::ingest

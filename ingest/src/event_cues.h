// Private to event_extractor.cpp: the event cues and word lists of the ontology
// (ontology/data/events.ttl) as a trie over Snowball French stems (event_stems.h).
// Header-only because it has a single user.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "event_stems.h"
#include "newsgraph/common/key_hash.h"
#include "newsgraph/common/text.h"
#include "newsgraph/ingest/token.h"
#include "newsgraph/ingest/tokenizer.h"
#include "newsgraph/ontology/ontology.h"

namespace newsgraph::ingest::event_cues {

// Word lists matched like cues (on stems, anywhere in a sentence): one bit each.
enum WordBit : std::uint32_t {
  kDeathNoun = 1u << 0,        // 12 morts
  kDeathWord = 1u << 1,        // 12 soldats ont été tués
  kNoFatality = 1u << 2,       // aucune victime
  kCivilian = 1u << 3,         // civils, villageois
  kCombatant = 1u << 4,        // soldats, militaires
  kNonEvent = 1u << 5,         // anniversaire, crainte
  kSubset = 1u << 6,           // dont
  kCoordinator = 1u << 7,      // et
  kPlaceNoun = 1u << 8,        // la localité de
  kCountryNoun = 1u << 9,      // au nord du pays
  kCrossReference = 1u << 10,  // LIRE AUSSI : (a link to another article)
  kCommentVerb = 1u << 11,     // condamne, accuse, annonce
  kCapitalNoun = 1u << 12,     // dans la capitale
};

// Word lists matched on one exact token key, at given places: one bit each.
enum MarkerBit : std::uint32_t {
  kSource = 1u << 0,            // selon
  kAgent = 1u << 1,             // par
  kTarget = 1u << 2,            // contre
  kSide = 1u << 3,              // de, entre
  kPlacePreposition = 1u << 4,  // au, en
  kPassiveAuxiliary = 1u << 5,  // été
  kFutureAuxiliary = 1u << 6,   // va, sera
  kClauseOpener = 1u << 7,      // que
  kDemonstrative = 1u << 8,     // cette
  kDatePreposition = 1u << 9,   // le (31 octobre)
  kBackReference = 1u << 10,    // après (les combats)
  kInfinitive = 1u << 11,       // avoir (mené), être (entré)
};

inline constexpr std::pair<WordBit, const char*> kWordLexicons[] = {
    {kDeathNoun, "eventDeathNoun"},           {kDeathWord, "eventDeathWord"},
    {kNoFatality, "eventNoFatality"},         {kCivilian, "eventCivilianNoun"},
    {kCombatant, "eventCombatantNoun"},       {kNonEvent, "eventNonEventMarker"},
    {kSubset, "eventSubsetMarker"},           {kCoordinator, "eventCoordinator"},
    {kPlaceNoun, "eventPlaceNoun"},           {kCountryNoun, "eventCountryNoun"},
    {kCrossReference, "eventCrossReference"}, {kCommentVerb, "eventCommentVerb"},
    {kCapitalNoun, "eventCapitalNoun"},
};

inline constexpr std::pair<MarkerBit, const char*> kMarkerLexicons[] = {
    {kSource, "eventSourceMarker"},
    {kAgent, "eventAgentMarker"},
    {kTarget, "eventTargetMarker"},
    {kSide, "eventSideMarker"},
    {kPlacePreposition, "eventPlacePreposition"},
    {kPassiveAuxiliary, "eventPassiveAuxiliary"},
    {kFutureAuxiliary, "eventFutureAuxiliary"},
    {kClauseOpener, "eventClauseOpener"},
    {kDemonstrative, "eventDemonstrative"},
    {kDatePreposition, "eventDatePreposition"},
    {kBackReference, "eventBackReference"},
    {kInfinitive, "eventInfinitiveAuxiliary"},
};

// Punctuation that ends a clause.
inline bool isBreak(const Token& t) {
  if (t.kind != TokenKind::kPunct || t.key.size() > 3) return false;
  static constexpr std::string_view kBreaks[] = {",", ";", ":", ".", "!", "?", "(", ")", "—", "–"};
  for (std::string_view b : kBreaks) {
    if (t.key == b) return true;
  }
  return false;
}

// A cue or word-list phrase found in a sentence: tokens [first, end).
struct Match {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  int eventType = -1;       // index into Ontology::eventTypes(), or -1 for a word-list entry
  std::uint32_t words = 0;  // WordBit set
};

// The cues and word lists, built once from the ontology; read-only afterwards.
class CueIndex {
 public:
  explicit CueIndex(const ontology::Ontology& ontology) {
    const auto& types = ontology.eventTypes();
    for (std::size_t t = 0; t < types.size(); ++t) {
      for (const std::string& cue : types[t].cues) {
        Node& node = nodes_[add(cue)];
        if (node.eventType < 0 ||
            types[static_cast<std::size_t>(node.eventType)].priority < types[t].priority) {
          node.eventType = static_cast<int>(t);
        }
      }
    }
    for (const auto& [bit, name] : kWordLexicons) {
      for (const std::string& entry : ontology.lexicon(name)) nodes_[add(entry)].words |= bit;
    }
    for (const auto& [bit, name] : kMarkerLexicons) {
      for (const std::string& entry : ontology.lexicon(name)) {
        markers_[common::matchKey(entry)] |= bit;
      }
    }
    for (const std::string& entry : ontology.lexicon("eventFutureEnding")) {
      futureEndings_.push_back(common::matchKey(entry));
    }
  }

  // Token ranges [first, second) that a phrase steps over: the dates inserted in it ("a quitté
  // mardi 31 octobre son camp").
  using Gaps = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

  // Appends every phrase that starts in tokens [first, end) to `out`, in start order.
  void scan(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t end,
            const Gaps& gaps, StemCache& stems, std::vector<Match>& out) const {
    Walk walk{tokens, gaps, stems, out, 0, end};
    for (std::uint32_t i = first; i < end; ++i) {
      if (tokens[i].kind != TokenKind::kWord) continue;
      const RootChildren root = rootChildren(tokens[i].key, i, stems);
      if (root.count == 0) continue;
      walk.start = i;
      reach(root.children, root.count, i, walk);
    }
  }

  // The MarkerBit set of one token key.
  std::uint32_t markerBits(std::string_view key) const {
    auto found = markers_.find(key);
    return found == markers_.end() ? 0 : found->second;
  }

  // "attaquera": a key with a future ending and at least three letters before it.
  bool hasFutureEnding(std::string_view key) const {
    for (const std::string& ending : futureEndings_) {
      if (key.size() >= ending.size() + 3 &&
          key.compare(key.size() - ending.size(), ending.size(), ending) == 0) {
        return true;
      }
    }
    return false;
  }

 private:
  struct Node {
    StringMap<std::uint32_t> byStem;  // child node by stem
    StringMap<std::uint32_t> byKey;   // child node by exact key ("=form" words)
    int eventType = -1;
    std::uint32_t words = 0;
  };

  // Adds a phrase and returns its last node (the root for an empty phrase). A word right after
  // "=" is kept exact; the others are stemmed like article tokens.
  std::uint32_t add(std::string_view phrase) {
    std::vector<Token> tokens;
    tokenize(phrase, tokens);
    std::uint32_t node = 0;
    bool first = true;
    std::string stem;
    for (const Token& token : tokens) {
      if (token.kind == TokenKind::kPunct) continue;  // the "=" marks
      bool exact = token.begin > 0 && phrase[token.begin - 1] == '=';
      stem.clear();
      if (exact) {
        stem = token.key;
      } else if (std::string_view fixed = shortStem(token.key); !fixed.empty()) {
        stem = fixed;
      } else {
        appendLongStem(token.key, stem);
      }
      if (first) setFirstWord(token.key, stem, exact);
      first = false;
      auto& children = exact ? nodes_[node].byKey : nodes_[node].byStem;
      auto found = children.find(stem);
      if (found != children.end()) {
        node = found->second;
        continue;
      }
      auto next = static_cast<std::uint32_t>(nodes_.size());
      children.emplace(stem, next);
      nodes_.emplace_back();
      node = next;
    }
    return node;
  }

  struct Walk {
    const std::vector<Token>& tokens;
    const Gaps& gaps;
    StemCache& stems;
    std::vector<Match>& out;
    std::uint32_t start;  // first token of the phrase being followed
    std::uint32_t end;    // end of the sentence
  };

  // Follows tokens[j] from `node` (not the root) through its exact and its stem child.
  void follow(std::uint32_t node, std::uint32_t j, Walk& walk) const {
    for (const auto& [gapFirst, gapEnd] : walk.gaps) {
      if (gapFirst == j) j = gapEnd;
    }
    const std::vector<Token>& tokens = walk.tokens;
    if (j >= walk.end || tokens[j].kind != TokenKind::kWord) return;
    const Node& current = nodes_[node];
    std::uint32_t children[2];
    std::size_t count = 0;
    if (!current.byKey.empty()) {
      if (auto found = current.byKey.find(std::string_view(tokens[j].key));
          found != current.byKey.end()) {
        children[count++] = found->second;
      }
    }
    if (!current.byStem.empty()) {
      if (auto found = current.byStem.find(walk.stems.stem(j)); found != current.byStem.end()) {
        children[count++] = found->second;
      }
    }
    reach(children, count, j, walk);
  }

  // Records the phrases that end at the nodes tokens[j] reached and follows each further.
  void reach(const std::uint32_t* children, std::size_t count, std::uint32_t j, Walk& walk) const {
    for (std::size_t c = 0; c < count; ++c) {
      const Node& reached = nodes_[children[c]];
      if (reached.eventType >= 0 || reached.words != 0) {
        walk.out.push_back({walk.start, j + 1, reached.eventType, reached.words});
      }
      follow(children[c], j + 1, walk);
    }
  }

  // The root's children by a first word: by its exact key, then by its stem.
  struct RootChildren {
    std::uint32_t children[2] = {0, 0};
    std::uint32_t count = 0;
  };
  RootChildren findRootChildren(std::string_view key, std::uint32_t i, StemCache& stems) const {
    RootChildren root;
    const Node& node = nodes_[0];
    if (!node.byKey.empty() && mayStartExact(key)) {
      if (auto found = node.byKey.find(key); found != node.byKey.end()) {
        root.children[root.count++] = found->second;
      }
    }
    if (!node.byStem.empty() && mayStartStemmed(key)) {
      if (auto found = node.byStem.find(stems.stem(i)); found != node.byStem.end()) {
        root.children[root.count++] = found->second;
      }
    }
    return root;
  }
  // findRootChildren for tokens[i], whose key is `key`, remembered in a small per-thread cache
  // (news vocabulary repeats): a word seen before costs one hash and one comparison, with no
  // first-word filter, stemming or root lookup. Keys longer than an entry holds are not cached.
  RootChildren rootChildren(std::string_view key, std::uint32_t i, StemCache& stems) const {
    // Direct-mapped, one cache line per entry.
    struct Entry {
      std::uint64_t owner = 0;
      std::uint64_t hash = 0;
      RootChildren root;
      std::uint8_t length = 0;
      char key[35] = {};
    };
    static_assert(sizeof(Entry) == 64);
    constexpr std::size_t kEntries = 4096;
    if (key.size() > sizeof(Entry::key)) return findRootChildren(key, i, stems);
    thread_local std::vector<Entry> cache(kEntries);
    const std::uint64_t hash = common::hashKey(key);
    Entry& entry = cache[hash & (kEntries - 1)];
    if (entry.owner == id_ && entry.hash == hash && entry.length == key.size() &&
        std::memcmp(entry.key, key.data(), key.size()) == 0) {
      return entry.root;
    }
    entry.owner = id_;
    entry.hash = hash;
    entry.root = findRootChildren(key, i, stems);
    entry.length = static_cast<std::uint8_t>(key.size());
    std::memcpy(entry.key, key.data(), key.size());
    return entry.root;
  }

  // The phrases' first words, so that most tokens are passed over with no lookup and no
  // stemming. A word Snowball leaves alone (short words, elisions) is kept by its whole key in a
  // bit set. A longer word is kept by its stem, without the last letter, in a letter trie: a
  // key can only have that stem when the key starts with it (Snowball cuts endings, and rewrites
  // at most the stem's last letter: "généraux" -> "général").
  static std::size_t shortHash(std::string_view text) {
    std::uint64_t packed = 0;
    if (text.size() >= 8) {  // the first seven bytes at once
      std::memcpy(&packed, text.data(), 8);
      packed &= 0x00FFFFFFFFFFFFFFull;
    } else {
      for (std::size_t i = 0; i < text.size(); ++i) {
        packed |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i])) << (8 * i);
      }
    }
    packed |= static_cast<std::uint64_t>(text.size()) << 56;
    return static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> 48);
  }
  void setFirstWord(std::string_view key, std::string_view matched, bool exact) {
    if (exact) {
      std::size_t h = shortHash(key);
      exactFirst_[h >> 6] |= std::uint64_t{1} << (h & 63);
      return;
    }
    if (!shortStem(key).empty() || key.size() <= 3) {
      std::size_t h = shortHash(matched);
      shortFirst_[h >> 6] |= std::uint64_t{1} << (h & 63);
      return;
    }
    std::string_view prefix = matched.substr(
        0, std::max<std::size_t>(std::min<std::size_t>(matched.size(), 3), matched.size() - 1));
    if (prefix.size() == 2) setBit(twoLetterPrefixes_, pairIndex(prefix));
    if (prefix.size() >= 3) setBit(threeLetterStarts_, tripleHash(prefix));
    std::uint32_t node = 0;
    for (char c : prefix) {
      std::uint32_t next = letterChild(node, c);
      if (next == 0) {
        next = static_cast<std::uint32_t>(letters_.size());
        if (node == 0) {
          rootLetters_[static_cast<unsigned char>(c)] = next;
        } else {
          letters_[node].children.emplace_back(c, next);
        }
        letters_.emplace_back();
      }
      node = next;
    }
    letters_[node].terminal = true;
  }
  std::uint32_t letterChild(std::uint32_t node, char c) const {
    if (node == 0) return rootLetters_[static_cast<unsigned char>(c)];
    for (const auto& [letter, child] : letters_[node].children) {
      if (letter == c) return child;
    }
    return 0;
  }
  bool mayStartExact(std::string_view key) const {
    std::size_t h = shortHash(key);
    return ((exactFirst_[h >> 6] >> (h & 63)) & 1) != 0;
  }
  bool mayStartStemmed(std::string_view key) const {
    if (std::string_view fixed = shortStem(key); !fixed.empty()) {
      std::size_t h = shortHash(fixed);
      return ((shortFirst_[h >> 6] >> (h & 63)) & 1) != 0;
    }
    // Two filters before the walk, which most keys would leave after two or three letters:
    // a prefix of one letter is a terminal child of the root, of two letters a bit of
    // twoLetterPrefixes_, and a longer one must share its first three letters with the key.
    const std::uint32_t first = rootLetters_[static_cast<unsigned char>(key[0])];
    if (first == 0) return false;
    if (letters_[first].terminal || testBit(twoLetterPrefixes_, pairIndex(key))) return true;
    if (!testBit(threeLetterStarts_, tripleHash(key))) return false;
    std::uint32_t node = 0;
    for (char c : key) {
      node = letterChild(node, c);
      if (node == 0) return false;
      if (letters_[node].terminal) return true;
    }
    return false;
  }

  // A key's first two bytes, and a hash of its first three. REQUIRES: key.size() >= 2, >= 3.
  static std::size_t pairIndex(std::string_view key) {
    return static_cast<std::size_t>(static_cast<unsigned char>(key[0])) << 8 |
           static_cast<unsigned char>(key[1]);
  }
  static std::size_t tripleHash(std::string_view key) {
    std::uint64_t packed = static_cast<std::uint64_t>(static_cast<unsigned char>(key[0])) |
                           static_cast<std::uint64_t>(static_cast<unsigned char>(key[1])) << 8 |
                           static_cast<std::uint64_t>(static_cast<unsigned char>(key[2])) << 16;
    return static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> 48);
  }
  using BitSet = std::array<std::uint64_t, 1024>;  // 65,536 bits
  static void setBit(BitSet& bits, std::size_t i) { bits[i >> 6] |= std::uint64_t{1} << (i & 63); }
  static bool testBit(const BitSet& bits, std::size_t i) {
    return ((bits[i >> 6] >> (i & 63)) & 1) != 0;
  }

  struct Letter {
    std::vector<std::pair<char, std::uint32_t>> children;
    bool terminal = false;
  };

  // Distinct per index built, so that rootChildren's cache never mixes two indexes.
  std::uint64_t id_ = nextId();
  static std::uint64_t nextId() {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }
  std::vector<Node> nodes_{1};
  std::array<std::uint64_t, 1024> shortFirst_{};  // short stemmed first words
  std::array<std::uint64_t, 1024> exactFirst_{};  // exact first words, by key
  std::vector<Letter> letters_{1};                // node 0 is the root,
  std::array<std::uint32_t, 256> rootLetters_{};  // whose children are indexed by byte
  BitSet twoLetterPrefixes_{};                    // by pairIndex
  BitSet threeLetterStarts_{};                    // tripleHash of the longer prefixes
  StringMap<std::uint32_t> markers_;              // key -> MarkerBit set
  std::vector<std::string> futureEndings_;        // matching keys: "era", "eront"
};

}  // namespace newsgraph::ingest::event_cues

#include "relation_cues.h"

#include "newsgraph/ingest/tokenizer.h"

namespace newsgraph::ingest {
namespace {

bool isPreposition(std::string_view stem) {
  // Words and their Snowball stems ("contre" -> "contr", "vers" -> "ver", "dans" -> "dan").
  static const char* const kPrepositions[] = {"de",    "a",    "par", "avec", "contre",
                                              "contr", "vers", "ver", "dan",  "entre",
                                              "dans",  "sur",  "en"};
  for (const char* p : kPrepositions) {
    if (stem == p) return true;
  }
  return false;
}

}  // namespace

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("french", "UTF_8")) {}
Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string_view Stemmer::stem(std::string_view key) {
  if (key == "du" || key == "des" || key == "d'") return "de";
  if (key == "au" || key == "aux") return "a";
  auto found = cache_.find(key);
  if (found != cache_.end()) return found->second;
  std::string stemmed(key);
  // Keys have no accents: the feminine participle "dirigée" reads "dirigee", which Snowball
  // stems apart from "dirigé"; fold "-ee" and "-ees" onto "-e" first.
  if (stemmed.size() > 5 && stemmed.compare(stemmed.size() - 2, 2, "ee") == 0) {
    stemmed.pop_back();
  } else if (stemmed.size() > 6 && stemmed.compare(stemmed.size() - 3, 3, "ees") == 0) {
    stemmed.resize(stemmed.size() - 2);
  }
  if (stemmer_ != nullptr && key.size() > 3 && key.back() != '\'') {
    const sb_symbol* out =
        sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(stemmed.data()),
                        static_cast<int>(stemmed.size()));
    if (out != nullptr) {
      stemmed.assign(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
    }
    // Snowball keeps the third person plural ("déplorent", "refusent"); fold it onto the
    // singular's stem so that one cue form covers both.
    if (stemmed.size() >= 7 && stemmed.compare(stemmed.size() - 3, 3, "ent") == 0) {
      stemmed.resize(stemmed.size() - 3);
    }
  }
  if (cache_.size() > 200000) cache_.clear();  // bound memory on huge vocabularies
  return cache_.emplace(std::string(key), std::move(stemmed)).first->second;
}

RelationCueIndex::RelationCueIndex(const ontology::Ontology& ontology) {
  std::unordered_map<std::string, std::uint32_t> headSlots;  // head stems -> headInfos index
  for (const ontology::RelationType& type : ontology.relationTypes()) {
    for (const ontology::Cue& cue : type.cues) {
      std::vector<Token> tokens;
      tokenize(cue.text, tokens);
      if (tokens.empty()) continue;
      std::vector<Token> stemmed;
      stemRange(tokens, 0, static_cast<std::uint32_t>(tokens.size()), stemmed);
      CueInfo info{&type, cue.kind, {}};
      if (stemmed.size() > 1 && isPreposition(stemmed.back().key)) info.marker = stemmed.back().key;
      auto index = static_cast<std::uint32_t>(infos.size());
      bool headed = !info.marker.empty() && cue.kind != ontology::CueKind::kBetween;
      infos.push_back(std::move(info));
      stems.add(stemmed, index, false);
      for (const Token& t : stemmed) vocabulary.insert(t.key);
      if (!headed) continue;
      stemmed.pop_back();
      std::string headKey;
      for (const Token& t : stemmed) headKey += t.key + " ";
      auto [slot, added] =
          headSlots.try_emplace(headKey, static_cast<std::uint32_t>(headInfos.size()));
      if (added) {
        headInfos.emplace_back();
        heads.add(stemmed, slot->second, false);
      }
      headInfos[slot->second].push_back(index);
    }
  }
}

void RelationCueIndex::stemRange(const std::vector<Token>& tokens, std::uint32_t first,
                                 std::uint32_t end, std::vector<Token>& out) {
  // Reuses `out`'s strings: no allocation per token once the buffer has grown.
  out.resize(end - first);
  for (std::uint32_t i = first; i < end; ++i) {
    Token& copy = out[i - first];
    copy.begin = tokens[i].begin;
    copy.end = tokens[i].end;
    copy.kind = tokens[i].kind;
    copy.flags = tokens[i].flags;
    if (tokens[i].kind == TokenKind::kWord) {
      copy.key.assign(stemmer.stem(tokens[i].key));
    } else {
      copy.key.assign(tokens[i].key);
    }
  }
}

}  // namespace newsgraph::ingest

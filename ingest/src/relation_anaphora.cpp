// Light coreference: definite descriptions and "y" resolved to the last entity of their class.
#include "relation_anaphora.h"

#include <algorithm>

#include "newsgraph/common/text.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

namespace {

bool isDe(const std::string& key) { return key == "de"sv || key == "d'"sv; }

bool startsAt(const std::vector<Argument>& arguments, std::uint32_t token) {
  for (const Argument& a : arguments) {
    if (a.mention->firstToken == token) return true;
  }
  return false;
}

bool inside(const std::vector<Argument>& arguments, std::uint32_t token) {
  for (const Argument& a : arguments) {
    if (token >= a.mention->firstToken && token < a.mention->endToken) return true;
  }
  return false;
}

}  // namespace

AnaphorResolver::AnaphorResolver(const ontology::Ontology& ontology, RelationClasses& classes)
    : ontology_(ontology), classes_(classes) {
  pronoun_ = target(classes, {"Town", "Region"}, true);
  person_ = target(classes, {"Person"}, false);
  person_.person = true;
  possessed_ = target(classes, {"Actor"}, false);
  possessed_.possessive = true;
  group_ = target(classes, {"ArmedGroup"}, false);
  fighters_ = target(classes, {"ArmedGroup", "PrivateMilitaryCompany"}, false);
  organization_ = target(classes, {"InternationalOrganization"}, false);
  body_ = target(classes, {"Organization"}, false);
  forces_ = target(classes, {"ArmedForces"}, false);
  town_ = target(classes, {"Town"}, true);
  std::map<std::string, int, std::less<>> count;
  for (const ontology::BackgroundFact& f : ontology.facts()) {
    const ontology::EntityRecord* forces = ontology.findEntity(f.subject);
    const ontology::EntityRecord* state = ontology.findEntity(f.object);
    if (f.predicate != "PART_OF"sv || forces == nullptr || state == nullptr ||
        !ontology.isSubclassOf(forces->cls, "ArmedForces") ||
        !ontology.isSubclassOf(state->cls, "Country")) {
      continue;
    }
    if (++count[f.object] == 1) forcesOf_[f.object] = f.subject;
  }
  for (const auto& [state, n] : count) {
    if (n > 1) forcesOf_.erase(state);
  }
}

AnaphorResolver::Target AnaphorResolver::target(RelationClasses& classes,
                                                const std::vector<std::string>& names,
                                                bool place) const {
  Target out;
  out.place = place;
  out.named = classes.table.constraint(names).any;
  std::vector<std::string> nonPlaces;
  for (const std::string& name : names) {
    if (!classes.place.any.contains(classes.table.id(name))) nonPlaces.push_back(name);
  }
  out.other = classes.table.constraint(nonPlaces).any;
  return out;
}

const AnaphorResolver::Target* AnaphorResolver::anaphorAt(
    const std::vector<Token>& tokens, const TokenFeatures& words, const Sentence& sentence,
    std::uint32_t k, const std::vector<Argument>& arguments) const {
  const Token& t = tokens[k];
  if (t.kind != TokenKind::kWord || t.has(kTitleCase)) return nullptr;
  // Every anaphor is "y" or one of these nouns: most tokens stop here.
  if (!words.is(k, kAnaphorNoun | kPronounY)) return nullptr;
  if (inside(arguments, k)) return nullptr;
  // "y sont entrés": the pronoun before a verb, not "il y a".
  if (t.key == "y"sv) {
    std::uint32_t before = k;
    if (before > sentence.firstToken && tokens[before - 1].key == "n'"sv) --before;
    bool existential = before > sentence.firstToken && tokens[before - 1].key == "il"sv;
    bool verbAfter = k + 1 < sentence.endToken && tokens[k + 1].kind == TokenKind::kWord;
    if (existential || !verbAfter) return nullptr;
    return &pronoun_;
  }
  if (k <= sentence.firstToken) return nullptr;
  // "Le chef de la junte avait fait arrêter ...": a leader title over the state, with no name
  // after it, stands for the person named last.
  if (words.is(k - 1, kDefiniteDeterminer) && words.is(k, kLeaderTitle)) {
    std::uint32_t j = k + 1;
    if (j >= sentence.endToken || !(isDe(tokens[j].key) || tokens[j].key == "du"sv)) return nullptr;
    ++j;
    while (j < sentence.endToken && words.is(j, kDefiniteDeterminer)) ++j;
    if (j >= sentence.endToken || !words.is(j, kHeadedNoun)) return nullptr;
    // A name in apposition makes it a title ("le chef de l'État, X"), not an anaphor.
    for (std::uint32_t n = j + 1; n < sentence.endToken && n < j + 3; ++n) {
      bool comma = tokens[n].key == ","sv;
      if (startsAt(arguments, n) || (comma && startsAt(arguments, n + 1))) return nullptr;
      if (comma || tokens[n].kind != TokenKind::kWord) break;
    }
    return &person_;
  }
  const Target* target = nullptr;
  if (words.is(k - 1, kPossessive) && words.is(k, kForcesNoun)) {
    target = &possessed_;
  } else if (words.is(k - 1, kDefiniteDeterminer)) {
    if (words.is(k, kArmedGroupAnaphor)) target = &group_;
    if (words.is(k, kFighterNoun)) target = &fighters_;
    if (words.is(k, kOrganizationAnaphor)) target = &organization_;
    if (words.is(k, kBodyNoun)) target = &body_;
    if (words.is(k, kArmedForcesNoun)) target = &forces_;
    if (words.is(k, kPlaceNoun)) target = &town_;
  }
  if (target == nullptr) return nullptr;
  // A name or a demonym right after the noun is the argument ("le groupe Wagner", "les soldats
  // maliens"); a complement makes it a new referent ("les combattants du CSP", "la ville de
  // Sévaré"), one adjective allowed before it ("la base aérienne de Niamey").
  if (k + 1 < sentence.endToken && startsAt(arguments, k + 1)) return nullptr;
  std::uint32_t j = k + 1;
  if (j < sentence.endToken && tokens[j].kind == TokenKind::kWord && !tokens[j].has(kTitleCase) &&
      !isDe(tokens[j].key) && tokens[j].key != "du"sv && tokens[j].key != "des"sv) {
    ++j;
  }
  // "cette localité du cercle de Djenné": a division places the town, it names no other.
  std::uint32_t d = j + 1;
  while (d < sentence.endToken && words.is(d, kDefiniteDeterminer)) ++d;
  bool placed = target == &town_ && d < sentence.endToken && words.is(d, kDivisionNoun);
  if (j < sentence.endToken && !placed) {
    const std::string& key = tokens[j].key;
    if (key == "du"sv || key == "des"sv) return nullptr;
    if (isDe(key) && !(j + 1 < sentence.endToken && isInfinitive(tokens[j + 1]))) return nullptr;
  }
  return target;
}

bool AnaphorResolver::isLandmark(const std::vector<Token>& tokens, const TokenFeatures& words,
                                 const Sentence& sentence, const Argument& a) const {
  std::uint32_t k = a.mention->firstToken;
  while (k > sentence.firstToken && words.is(k - 1, kDefiniteDeterminer)) --k;
  if (k < sentence.firstToken + 2) return false;
  const std::string& de = tokens[k - 1].key;
  if (!isDe(de) && de != "du"sv && de != "des"sv) return false;
  // "à 50 km au nord de Gao"; "une localité de la région de Ménaka" (a holder, not the topic).
  return words.is(k - 2, kDistanceNoun) || words.is(k - 2, kDivisionNoun);
}

bool AnaphorResolver::introducedBy(const std::vector<Token>& tokens, const TokenFeatures& words,
                                   const Argument& a, const std::string& noun) const {
  // "Inékar, une localité de la région de Ménaka": the apposition names the noun.
  std::uint32_t e = a.mention->endToken;
  if (e + 2 < tokens.size() && tokens[e].key == ","sv &&
      (tokens[e + 1].key == "une"sv || tokens[e + 1].key == "un"sv ||
       words.is(e + 1, kDefiniteDeterminer)) &&
      tokens[e + 2].key == noun) {
    return true;
  }
  std::uint32_t k = a.mention->firstToken;
  if (k < 2) return false;
  const std::string& de = tokens[k - 1].key;
  if (!isDe(de) && de != "du"sv && de != "des"sv) return false;
  // "la ville de Konna", "du camp militaire d'Aguelhok": the noun, perhaps one adjective.
  return tokens[k - 2].key == noun || (k >= 3 && tokens[k - 3].key == noun);
}

bool AnaphorResolver::fits(const Argument& a, const Target& target) const {
  if (a.townClass != kNoClass) return false;
  bool person = classes_.person.any.contains(a.cls);
  if (target.person) return person;
  if (person) return false;
  // A demonym names a state as an actor, never a town ("les forces maliennes").
  return (a.mention->kind == MentionKind::kName ? target.named : target.other).contains(a.cls);
}

void AnaphorResolver::resolve(const DocumentAnalysis& analysis, const TokenFeatures& words,
                              std::uint32_t s, std::vector<Argument>& arguments,
                              const std::vector<Argument>& previous,
                              std::deque<Mention>& store) const {
  const auto& tokens = analysis.tokens;
  const Sentence& sentence = analysis.sentences[s];
  std::vector<Argument> found;
  for (std::uint32_t k = sentence.firstToken; k < sentence.endToken; ++k) {
    if (!words.is(k, kAnaphorNoun | kPronounY)) continue;  // most tokens
    const Target* target = anaphorAt(tokens, words, sentence, k, arguments);
    if (target == nullptr) continue;
    bool place = target->place;
    auto usable = [&](const Argument& a) {
      if (!fits(a, *target)) return false;
      const Sentence& own = analysis.sentences[a.mention->sentence];
      return !place || !isLandmark(tokens, words, own, a);
    };
    // The closest one before the anaphor in its sentence, then in the sentences before; for a
    // place, one introduced by the same noun first ("la chute du camp d'Aguelhok ... le camp").
    const Argument* antecedent = nullptr;
    for (int pass = place ? 0 : 1; pass < 2 && antecedent == nullptr; ++pass) {
      auto accept = [&](const Argument& a) {
        return usable(a) && (pass == 1 || introducedBy(tokens, words, a, tokens[k].key));
      };
      for (auto it = arguments.rbegin(); it != arguments.rend() && antecedent == nullptr; ++it) {
        if (it->mention->endToken <= k && accept(*it)) antecedent = &*it;
      }
      for (std::size_t i = 0; i < previous.size() && antecedent == nullptr;) {
        std::size_t end = i;
        while (end < previous.size() &&
               previous[end].mention->sentence == previous[i].mention->sentence) {
          ++end;
        }
        for (std::size_t j = end; j-- > i && antecedent == nullptr;) {
          if (accept(previous[j])) antecedent = &previous[j];
        }
        i = end;
      }
    }
    if (antecedent == nullptr) continue;
    Mention m = *antecedent->mention;
    ClassId cls = antecedent->cls;
    if (target->possessive && classes_.country.any.contains(cls)) {
      auto forces = forcesOf_.find(m.entity);
      if (forces != forcesOf_.end()) {
        m.entity = forces->second;
        m.kind = MentionKind::kName;
        cls = classes_.table.classOf(*ontology_.findEntity(forces->second));
      }
    }
    m.sentence = s;
    m.firstToken = k;
    m.endToken = k + 1;
    m.begin = tokens[k].begin;
    m.end = tokens[k].end;
    store.push_back(m);
    found.push_back(Argument{&store.back(), cls, kNoClass, false, true});
  }
  if (found.empty()) return;
  arguments.insert(arguments.end(), found.begin(), found.end());
  std::stable_sort(arguments.begin(), arguments.end(), [](const Argument& a, const Argument& b) {
    return a.mention->firstToken < b.mention->firstToken;
  });
}

}  // namespace newsgraph::ingest

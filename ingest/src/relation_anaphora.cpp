// Light coreference: definite descriptions and "y" resolved to the last entity of their class.
#include "relation_anaphora.h"

#include <algorithm>

#include "newsgraph/common/text.h"

namespace newsgraph::ingest {

namespace {

bool isDe(const std::string& key) { return key == "de" || key == "d'"; }

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

AnaphorResolver::AnaphorResolver(const ontology::Ontology& ontology) : ontology_(ontology) {
  for (const auto& [set, name] :
       {std::pair{&definite_, "definiteDeterminer"},
        std::pair{&possessives_, "possessiveDeterminer"},
        std::pair{&groupNouns_, "armedGroupAnaphor"}, std::pair{&fighterNouns_, "fighterAnaphor"},
        std::pair{&organizationNouns_, "organizationAnaphor"},
        std::pair{&bodyNouns_, "bodyAnaphor"}, std::pair{&forcesNouns_, "armedForcesAnaphor"},
        std::pair{&placeNouns_, "placeAnaphor"}, std::pair{&possessedNouns_, "forcesNoun"},
        std::pair{&distanceNouns_, "distanceNoun"}, std::pair{&divisionNouns_, "divisionNoun"},
        std::pair{&leaderTitles_, "leaderTitle"}, std::pair{&headedNouns_, "headedNoun"}}) {
    for (const std::string& entry : ontology.lexicon(name)) set->insert(common::matchKey(entry));
  }
  std::map<std::string, int, std::less<>> count;
  for (const ontology::BackgroundFact& f : ontology.facts()) {
    const ontology::EntityRecord* forces = ontology.findEntity(f.subject);
    const ontology::EntityRecord* state = ontology.findEntity(f.object);
    if (f.predicate != "PART_OF" || forces == nullptr || state == nullptr ||
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

std::vector<std::string> AnaphorResolver::anaphorClasses(const std::vector<Token>& tokens,
                                                         const Sentence& sentence, std::uint32_t k,
                                                         const std::vector<Argument>& arguments,
                                                         bool& possessive) const {
  possessive = false;
  const Token& t = tokens[k];
  if (t.kind != TokenKind::kWord || t.has(kTitleCase) || inside(arguments, k)) return {};
  // "y sont entrés": the pronoun before a verb, not "il y a".
  if (t.key == "y") {
    std::uint32_t before = k;
    if (before > sentence.firstToken && tokens[before - 1].key == "n'") --before;
    bool existential = before > sentence.firstToken && tokens[before - 1].key == "il";
    bool verbAfter = k + 1 < sentence.endToken && tokens[k + 1].kind == TokenKind::kWord;
    if (existential || !verbAfter) return {};
    return {"Town", "Region"};
  }
  if (k <= sentence.firstToken) return {};
  const std::string& determiner = tokens[k - 1].key;
  // "Le chef de la junte avait fait arrêter ...": a leader title over the state, with no name
  // after it, stands for the person named last.
  if (definite_.count(determiner) != 0 && leaderTitles_.count(t.key) != 0) {
    std::uint32_t j = k + 1;
    if (j >= sentence.endToken || !(isDe(tokens[j].key) || tokens[j].key == "du")) return {};
    ++j;
    while (j < sentence.endToken && definite_.count(tokens[j].key) != 0) ++j;
    if (j >= sentence.endToken || headedNouns_.count(tokens[j].key) == 0) return {};
    // A name in apposition makes it a title ("le chef de l'État, X"), not an anaphor.
    for (std::uint32_t n = j + 1; n < sentence.endToken && n < j + 3; ++n) {
      bool comma = tokens[n].key == ",";
      if (startsAt(arguments, n) || (comma && startsAt(arguments, n + 1))) return {};
      if (comma || tokens[n].kind != TokenKind::kWord) break;
    }
    return {"Person"};
  }
  std::vector<std::string> classes;
  if (possessives_.count(determiner) != 0 && possessedNouns_.count(t.key) != 0) {
    possessive = true;
    classes = {"Actor"};
  } else if (definite_.count(determiner) != 0) {
    if (groupNouns_.count(t.key) != 0) classes = {"ArmedGroup"};
    if (fighterNouns_.count(t.key) != 0) classes = {"ArmedGroup", "PrivateMilitaryCompany"};
    if (organizationNouns_.count(t.key) != 0) classes = {"InternationalOrganization"};
    if (bodyNouns_.count(t.key) != 0) classes = {"Organization"};
    if (forcesNouns_.count(t.key) != 0) classes = {"ArmedForces"};
    if (placeNouns_.count(t.key) != 0) classes = {"Town"};
  }
  if (classes.empty()) return {};
  // A name or a demonym right after the noun is the argument ("le groupe Wagner", "les soldats
  // maliens"); a complement makes it a new referent ("les combattants du CSP", "la ville de
  // Sévaré"), one adjective allowed before it ("la base aérienne de Niamey").
  if (k + 1 < sentence.endToken && startsAt(arguments, k + 1)) return {};
  std::uint32_t j = k + 1;
  if (j < sentence.endToken && tokens[j].kind == TokenKind::kWord && !tokens[j].has(kTitleCase) &&
      !isDe(tokens[j].key) && tokens[j].key != "du" && tokens[j].key != "des") {
    ++j;
  }
  // "cette localité du cercle de Djenné": a division places the town, it names no other.
  std::uint32_t d = j + 1;
  while (d < sentence.endToken && definite_.count(tokens[d].key) != 0) ++d;
  bool placed = !classes.empty() && classes[0] == "Town" && d < sentence.endToken &&
                divisionNouns_.count(tokens[d].key) != 0;
  if (j < sentence.endToken && !placed) {
    const std::string& key = tokens[j].key;
    if (key == "du" || key == "des") return {};
    if (isDe(key) && !(j + 1 < sentence.endToken && isInfinitive(tokens[j + 1]))) return {};
  }
  return classes;
}

bool AnaphorResolver::isLandmark(const std::vector<Token>& tokens, const Sentence& sentence,
                                 const Argument& a) const {
  std::uint32_t k = a.mention->firstToken;
  while (k > sentence.firstToken && definite_.count(tokens[k - 1].key) != 0) --k;
  if (k < sentence.firstToken + 2) return false;
  const std::string& de = tokens[k - 1].key;
  if (!isDe(de) && de != "du" && de != "des") return false;
  // "à 50 km au nord de Gao"; "une localité de la région de Ménaka" (a holder, not the topic).
  return distanceNouns_.count(tokens[k - 2].key) != 0 ||
         divisionNouns_.count(tokens[k - 2].key) != 0;
}

bool AnaphorResolver::introducedBy(const std::vector<Token>& tokens, const Argument& a,
                                   const std::string& noun) const {
  // "Inékar, une localité de la région de Ménaka": the apposition names the noun.
  std::uint32_t e = a.mention->endToken;
  if (e + 2 < tokens.size() && tokens[e].key == "," &&
      (tokens[e + 1].key == "une" || tokens[e + 1].key == "un" ||
       definite_.count(tokens[e + 1].key) != 0) &&
      tokens[e + 2].key == noun) {
    return true;
  }
  std::uint32_t k = a.mention->firstToken;
  if (k < 2) return false;
  const std::string& de = tokens[k - 1].key;
  if (!isDe(de) && de != "du" && de != "des") return false;
  // "la ville de Konna", "du camp militaire d'Aguelhok": the noun, perhaps one adjective.
  return tokens[k - 2].key == noun || (k >= 3 && tokens[k - 3].key == noun);
}

bool AnaphorResolver::fits(const Argument& a, const std::vector<std::string>& classes,
                           bool possessive) const {
  if (!a.townClass.empty()) return false;
  bool person = ontology_.isSubclassOf(a.cls, "Person");
  if (classes.size() == 1 && classes[0] == "Person") return person;
  if (person) return false;
  if (possessive) return ontology_.isSubclassOf(a.cls, "Actor");
  for (const std::string& c : classes) {
    if (!ontology_.isSubclassOf(a.cls, c)) continue;
    // A demonym names a state as an actor, never a town ("les forces maliennes").
    if (ontology_.isSubclassOf(c, "Place") && a.mention->kind != MentionKind::kName) continue;
    return true;
  }
  return false;
}

void AnaphorResolver::resolve(const DocumentAnalysis& analysis, std::uint32_t s,
                              std::vector<Argument>& arguments,
                              const std::vector<Argument>& previous,
                              std::deque<Mention>& store) const {
  const auto& tokens = analysis.tokens;
  const Sentence& sentence = analysis.sentences[s];
  std::vector<Argument> found;
  for (std::uint32_t k = sentence.firstToken; k < sentence.endToken; ++k) {
    bool possessive = false;
    std::vector<std::string> classes = anaphorClasses(tokens, sentence, k, arguments, possessive);
    if (classes.empty()) continue;
    bool place = classes[0] == "Town";
    auto usable = [&](const Argument& a) {
      if (!fits(a, classes, possessive)) return false;
      const Sentence& own = analysis.sentences[a.mention->sentence];
      return !place || !isLandmark(tokens, own, a);
    };
    // The closest one before the anaphor in its sentence, then in the sentences before; for a
    // place, one introduced by the same noun first ("la chute du camp d'Aguelhok ... le camp").
    const Argument* antecedent = nullptr;
    for (int pass = place ? 0 : 1; pass < 2 && antecedent == nullptr; ++pass) {
      auto accept = [&](const Argument& a) {
        return usable(a) && (pass == 1 || introducedBy(tokens, a, tokens[k].key));
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
    std::string cls = antecedent->cls;
    if (possessive && ontology_.isSubclassOf(cls, "Country")) {
      auto forces = forcesOf_.find(m.entity);
      if (forces != forcesOf_.end()) {
        m.entity = forces->second;
        m.kind = MentionKind::kName;
        cls = ontology_.findEntity(forces->second)->cls;
      }
    }
    m.sentence = s;
    m.firstToken = k;
    m.endToken = k + 1;
    m.begin = tokens[k].begin;
    m.end = tokens[k].end;
    store.push_back(m);
    found.push_back(Argument{&store.back(), cls, {}, false, true});
  }
  if (found.empty()) return;
  arguments.insert(arguments.end(), found.begin(), found.end());
  std::stable_sort(arguments.begin(), arguments.end(), [](const Argument& a, const Argument& b) {
    return a.mention->firstToken < b.mention->firstToken;
  });
}

}  // namespace newsgraph::ingest

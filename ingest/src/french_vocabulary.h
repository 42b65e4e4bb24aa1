// Private to the ingest module: the French words the date and quantity parsers react to
// (months, weekdays, number words, vague amounts, function words), by matching key
// (common::matchKey), with their values, in an open-addressing hash table built at compile time.
// The lexer that classifies words with it is french_numbers.h.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/common/text.h"

namespace newsgraph::ingest::french {

// The words the parsers react to, by matching key. Plural and feminine forms share an entry.
// clang-format off
enum class Word : std::uint8_t {
  kNone,  // not in the vocabulary (or longer than kMaxWordBytes)
  // Months, in calendar order (monthOf depends on it).
  kJanvier, kFevrier, kMars, kAvril, kMai, kJuin, kJuillet, kAout, kSeptembre, kOctobre,
  kNovembre, kDecembre,
  // Weekdays, Monday first (weekdayOf depends on it).
  kLundi, kMardi, kMercredi, kJeudi, kVendredi, kSamedi, kDimanche,
  // Date words.
  kHier, kDemain, kAujourd, kHui, kVeille, kAnnee, kAn, kMois, kSemaine, kDernier, kPasse,
  kProchain, kCette, kFin, kDebut, kMi, kCourant, kDepuis, kDes /* des, dès */, kIci, kJusqu,
  kPartir, kCompter, kAvant, kApres, kEntre, kVers, kPremier,
  // Articles, prepositions, connectors.
  kEt, kOu, kDu, kDe, kDElided, kLe, kLa, kLElided, kLes, kAu, kAux, kA /* a, à */, kEn, kCes,
  kPour, kSur,
  // Glued to digits: "1er", "21e", "2nd", "14h".
  kEr, kOrdinalSuffix, kHeure,
  // Cardinal numbers (cardinalValue depends on the order).
  kUn, kUne, kDeux, kTrois, kQuatre, kCinq, kSix, kSept, kHuit, kNeuf, kDix, kOnze, kDouze,
  kTreize, kQuatorze, kQuinze, kSeize, kVingt, kTrente, kQuarante, kCinquante, kSoixante, kCent,
  kMille, kMillion, kMilliard,
  // Approximate amounts (approximateValue depends on the order).
  kDizaine, kDouzaine, kQuinzaine, kVingtaine, kTrentaine, kQuarantaine, kCinquantaine,
  kSoixantaine, kCentaine, kMillier,
  // Words that qualify a number.
  kEnviron, kPres, kPresque, kQuasiment, kPratiquement, kApproximativement, kQuelque, kQuelques,
  kPlusieurs, kPlus, kMoins, kPas, kMinimum, kMaximum, kAutour, kAlentours, kOrdre, kPeu,
  kAutres,
  kFunction,  // any other function word (pronoun, auxiliary, preposition...): never a noun
};
// clang-format on

// 1-12 for a month word, else 0.
constexpr int monthOf(Word w) {
  return w >= Word::kJanvier && w <= Word::kDecembre
             ? static_cast<int>(w) - static_cast<int>(Word::kJanvier) + 1
             : 0;
}

// 0 (Monday) to 6 (Sunday) for a weekday word, else -1, as common::dayOfWeek counts.
constexpr int weekdayOf(Word w) {
  return w >= Word::kLundi && w <= Word::kDimanche
             ? static_cast<int>(w) - static_cast<int>(Word::kLundi)
             : -1;
}

// Value of a cardinal word below one hundred ("un" 1 ... "soixante" 60), else 0.
// (The value tables live at namespace scope: a table local to a function is built on the stack
// at every call.)
inline constexpr int kCardinalValues[] = {1,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10,
                                          11, 12, 13, 14, 15, 16, 20, 30, 40, 50, 60};
constexpr int cardinalValue(Word w) {
  return w >= Word::kUn && w <= Word::kSoixante
             ? kCardinalValues[static_cast<int>(w) - static_cast<int>(Word::kUn)]
             : 0;
}

// Value of "cent", "mille", "million", "milliard", else 0.
constexpr double scaleValue(Word w) {
  switch (w) {
    case Word::kCent:
      return 1e2;
    case Word::kMille:
      return 1e3;
    case Word::kMillion:
      return 1e6;
    case Word::kMilliard:
      return 1e9;
    default:
      return 0;
  }
}

// Value of an approximate amount ("dizaine" 10 ... "millier" 1000), else 0.
inline constexpr double kApproximateValues[] = {10, 12, 15, 20, 30, 40, 50, 60, 100, 1000};
constexpr double approximateValue(Word w) {
  return w >= Word::kDizaine && w <= Word::kMillier
             ? kApproximateValues[static_cast<int>(w) - static_cast<int>(Word::kDizaine)]
             : 0;
}

// True for a word that can name what a number counts or follow a year in running text:
// words outside the vocabulary, and the few vocabulary words that are nouns of duration.
constexpr bool isNounWord(Word w) {
  return w == Word::kNone || w == Word::kAnnee || w == Word::kAn || w == Word::kMois ||
         w == Word::kSemaine;
}

// Words longer than this (in bytes, before folding) are never looked up.
inline constexpr std::size_t kMaxWordBytes = 24;

// The vocabulary, as an open-addressing hash table built at compile time.
class Vocabulary {
 public:
  constexpr Vocabulary() {
    for (const Entry& entry : kEntries) {
      std::size_t slot = hash(entry.key, [](char c) { return c; }) & kMask;
      while (!slots_[slot].key.empty()) slot = (slot + 1) & kMask;
      slots_[slot] = entry;
    }
  }

  // One vocabulary word: its matching key and its entry.
  struct Entry {
    std::string_view key;
    Word word = Word::kNone;
  };

  // Every word of the vocabulary.
  static constexpr std::span<const Entry> entries() { return kEntries; }

  // The word whose matching key is `key`, or kNone.
  constexpr Word find(std::string_view key) const {
    return findFolded(key, [](char c) { return c; });
  }

  // The word whose matching key is `word` in lower case, without copying it: the key of an
  // ASCII word. REQUIRES: `word` is ASCII.
  constexpr Word findAscii(std::string_view word) const {
    return findFolded(word,
                      [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  }

 private:
  static constexpr std::size_t kSlots = 512;
  static constexpr std::size_t kMask = kSlots - 1;

  // The word whose matching key is `text` with each byte mapped by `fold`, or kNone.
  template <typename Fold>
  constexpr Word findFolded(std::string_view text, Fold fold) const {
    std::size_t slot = hash(text, fold) & kMask;
    while (!slots_[slot].key.empty()) {
      if (equalFolded(slots_[slot].key, text, fold)) return slots_[slot].word;
      slot = (slot + 1) & kMask;
    }
    return Word::kNone;
  }

  template <typename Fold>
  static constexpr bool equalFolded(std::string_view key, std::string_view text, Fold fold) {
    if (key.size() != text.size()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (key[i] != fold(text[i])) return false;
    }
    return true;
  }

  // FNV-1a over the length, the first four bytes and the last two of `text` mapped by `fold`:
  // enough to spread the vocabulary, and a fixed cost per word whatever its length.
  // REQUIRES: !text.empty().
  template <typename Fold>
  static constexpr std::size_t hash(std::string_view text, Fold fold) {
    auto mix = [](std::uint32_t h, char c) {
      return (h ^ static_cast<unsigned char>(c)) * 16777619u;
    };
    std::uint32_t h = (2166136261u ^ static_cast<std::uint32_t>(text.size())) * 16777619u;
    const std::size_t head = text.size() < 4 ? text.size() : 4;
    for (std::size_t i = 0; i < head; ++i) h = mix(h, fold(text[i]));
    if (text.size() > 4) {
      h = mix(h, fold(text[text.size() - 2]));
      h = mix(h, fold(text[text.size() - 1]));
    }
    return h;
  }

  // clang-format off
  static constexpr Entry kEntries[] = {
      {"janvier", Word::kJanvier}, {"fevrier", Word::kFevrier}, {"mars", Word::kMars},
      {"avril", Word::kAvril}, {"mai", Word::kMai}, {"juin", Word::kJuin},
      {"juillet", Word::kJuillet}, {"aout", Word::kAout}, {"septembre", Word::kSeptembre},
      {"octobre", Word::kOctobre}, {"novembre", Word::kNovembre}, {"decembre", Word::kDecembre},
      {"lundi", Word::kLundi}, {"mardi", Word::kMardi}, {"mercredi", Word::kMercredi},
      {"jeudi", Word::kJeudi}, {"vendredi", Word::kVendredi}, {"samedi", Word::kSamedi},
      {"dimanche", Word::kDimanche},
      {"hier", Word::kHier}, {"demain", Word::kDemain}, {"aujourd'", Word::kAujourd},
      {"hui", Word::kHui}, {"veille", Word::kVeille}, {"annee", Word::kAnnee},
      {"an", Word::kAn}, {"mois", Word::kMois}, {"semaine", Word::kSemaine},
      {"dernier", Word::kDernier}, {"derniere", Word::kDernier},
      {"passe", Word::kPasse}, {"passee", Word::kPasse},
      {"prochain", Word::kProchain}, {"prochaine", Word::kProchain},
      {"cette", Word::kCette}, {"cet", Word::kCette}, {"fin", Word::kFin},
      {"debut", Word::kDebut}, {"mi", Word::kMi}, {"courant", Word::kCourant},
      {"depuis", Word::kDepuis}, {"des", Word::kDes}, {"ici", Word::kIci},
      {"jusqu'", Word::kJusqu}, {"partir", Word::kPartir}, {"compter", Word::kCompter},
      {"avant", Word::kAvant}, {"apres", Word::kApres}, {"entre", Word::kEntre},
      {"vers", Word::kVers}, {"premier", Word::kPremier},
      {"et", Word::kEt}, {"ou", Word::kOu}, {"du", Word::kDu}, {"de", Word::kDe},
      {"d'", Word::kDElided}, {"le", Word::kLe}, {"la", Word::kLa}, {"l'", Word::kLElided},
      {"les", Word::kLes}, {"au", Word::kAu}, {"aux", Word::kAux}, {"a", Word::kA},
      {"en", Word::kEn}, {"ces", Word::kCes}, {"pour", Word::kPour}, {"sur", Word::kSur},
      {"er", Word::kEr}, {"re", Word::kOrdinalSuffix}, {"ere", Word::kOrdinalSuffix},
      {"e", Word::kOrdinalSuffix}, {"eme", Word::kOrdinalSuffix},
      {"ieme", Word::kOrdinalSuffix}, {"nd", Word::kOrdinalSuffix},
      {"nde", Word::kOrdinalSuffix}, {"h", Word::kHeure},
      {"un", Word::kUn}, {"une", Word::kUne}, {"deux", Word::kDeux}, {"trois", Word::kTrois},
      {"quatre", Word::kQuatre}, {"cinq", Word::kCinq}, {"six", Word::kSix},
      {"sept", Word::kSept}, {"huit", Word::kHuit}, {"neuf", Word::kNeuf}, {"dix", Word::kDix},
      {"onze", Word::kOnze}, {"douze", Word::kDouze}, {"treize", Word::kTreize},
      {"quatorze", Word::kQuatorze}, {"quinze", Word::kQuinze}, {"seize", Word::kSeize},
      {"vingt", Word::kVingt}, {"vingts", Word::kVingt}, {"trente", Word::kTrente},
      {"quarante", Word::kQuarante}, {"cinquante", Word::kCinquante},
      {"soixante", Word::kSoixante}, {"cent", Word::kCent}, {"cents", Word::kCent},
      {"mille", Word::kMille}, {"million", Word::kMillion}, {"millions", Word::kMillion},
      {"milliard", Word::kMilliard}, {"milliards", Word::kMilliard},
      {"dizaine", Word::kDizaine}, {"dizaines", Word::kDizaine},
      {"douzaine", Word::kDouzaine}, {"douzaines", Word::kDouzaine},
      {"quinzaine", Word::kQuinzaine}, {"quinzaines", Word::kQuinzaine},
      {"vingtaine", Word::kVingtaine}, {"vingtaines", Word::kVingtaine},
      {"trentaine", Word::kTrentaine}, {"trentaines", Word::kTrentaine},
      {"quarantaine", Word::kQuarantaine}, {"quarantaines", Word::kQuarantaine},
      {"cinquantaine", Word::kCinquantaine}, {"cinquantaines", Word::kCinquantaine},
      {"soixantaine", Word::kSoixantaine}, {"soixantaines", Word::kSoixantaine},
      {"centaine", Word::kCentaine}, {"centaines", Word::kCentaine},
      {"millier", Word::kMillier}, {"milliers", Word::kMillier},
      {"environ", Word::kEnviron}, {"pres", Word::kPres}, {"presque", Word::kPresque},
      {"quasiment", Word::kQuasiment}, {"pratiquement", Word::kPratiquement},
      {"approximativement", Word::kApproximativement}, {"quelque", Word::kQuelque},
      {"quelques", Word::kQuelques}, {"plusieurs", Word::kPlusieurs}, {"plus", Word::kPlus},
      {"moins", Word::kMoins}, {"pas", Word::kPas}, {"minimum", Word::kMinimum},
      {"maximum", Word::kMaximum}, {"autour", Word::kAutour}, {"alentours", Word::kAlentours},
      {"ordre", Word::kOrdre}, {"peu", Word::kPeu}, {"autres", Word::kAutres},
      // Function words: they never name what a number counts.
      {"il", Word::kFunction}, {"ils", Word::kFunction}, {"elle", Word::kFunction},
      {"elles", Word::kFunction}, {"on", Word::kFunction}, {"nous", Word::kFunction},
      {"vous", Word::kFunction}, {"je", Word::kFunction}, {"se", Word::kFunction},
      {"s'", Word::kFunction}, {"ce", Word::kFunction}, {"c'", Word::kFunction},
      {"qui", Word::kFunction}, {"que", Word::kFunction}, {"qu'", Word::kFunction},
      {"dont", Word::kFunction}, {"ne", Word::kFunction}, {"n'", Word::kFunction},
      {"y", Word::kFunction}, {"sa", Word::kFunction}, {"son", Word::kFunction},
      {"ses", Word::kFunction}, {"leur", Word::kFunction}, {"leurs", Word::kFunction},
      {"notre", Word::kFunction}, {"nos", Word::kFunction}, {"votre", Word::kFunction},
      {"vos", Word::kFunction}, {"est", Word::kFunction}, {"sont", Word::kFunction},
      {"ont", Word::kFunction}, {"ai", Word::kFunction}, {"avait", Word::kFunction},
      {"avaient", Word::kFunction}, {"etait", Word::kFunction}, {"etaient", Word::kFunction},
      {"sera", Word::kFunction}, {"seront", Word::kFunction}, {"serait", Word::kFunction},
      {"fut", Word::kFunction}, {"ete", Word::kFunction}, {"etre", Word::kFunction},
      {"avoir", Word::kFunction}, {"dans", Word::kFunction}, {"par", Word::kFunction},
      {"sous", Word::kFunction}, {"avec", Word::kFunction}, {"sans", Word::kFunction},
      {"contre", Word::kFunction}, {"chez", Word::kFunction}, {"selon", Word::kFunction},
      {"pendant", Word::kFunction}, {"durant", Word::kFunction}, {"lors", Word::kFunction},
      {"parmi", Word::kFunction}, {"comme", Word::kFunction}, {"mais", Word::kFunction},
      {"donc", Word::kFunction}, {"ni", Word::kFunction}, {"car", Word::kFunction},
      {"puis", Word::kFunction}, {"alors", Word::kFunction}, {"ainsi", Word::kFunction},
      {"aussi", Word::kFunction}, {"encore", Word::kFunction}, {"deja", Word::kFunction},
      {"tres", Word::kFunction}, {"trop", Word::kFunction}, {"bien", Word::kFunction},
      {"tout", Word::kFunction}, {"tous", Word::kFunction}, {"toute", Word::kFunction},
      {"toutes", Word::kFunction}, {"meme", Word::kFunction}, {"chaque", Word::kFunction},
      {"si", Word::kFunction}, {"lorsque", Word::kFunction}, {"lorsqu'", Word::kFunction},
      {"quand", Word::kFunction}, {"puisque", Word::kFunction}, {"tandis", Word::kFunction},
      {"jusque", Word::kFunction}, {"hors", Word::kFunction}, {"lui", Word::kFunction},
      {"soit", Word::kFunction}, {"cela", Word::kFunction}, {"ceux", Word::kFunction},
  };
  // clang-format on

  static_assert(sizeof(kEntries) / sizeof(kEntries[0]) < kSlots / 2, "keep the table sparse");

  std::array<Entry, kSlots> slots_{};
};

inline constexpr Vocabulary kVocabulary{};

}  // namespace newsgraph::ingest::french

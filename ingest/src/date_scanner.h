// Private to the ingest module: the scanner behind findDates, shared by the date parser
// (date_parser.cpp: date expressions, lists and ranges, and the words before them) and the
// date elements (date_elements.cpp: one date as the words give it), and used on tokens lexed
// once for both dates and quantities (findDatesAndQuantities, quantity_parser.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "date_resolution.h"
#include "french_numbers.h"
#include "newsgraph/ingest/date_parser.h"

namespace newsgraph::ingest::date_scan {

using french::LexToken;
using french::LexTokenReader;
using french::TokenKind;
using french::Word;

inline constexpr std::size_t kMaxGroup = 6;  // dates in one list or range ("les 7, 8 et 9 mai")
inline constexpr std::size_t kNoToken = std::numeric_limits<std::size_t>::max();

// Words that can carry a date in a sentence without digits.
constexpr bool isDateWord(Word w) {
  return french::monthOf(w) > 0 || french::weekdayOf(w) >= 0 || w == Word::kHier ||
         w == Word::kDemain || w == Word::kAujourd || w == Word::kVeille || w == Word::kAnnee ||
         w == Word::kAn || w == Word::kMois || w == Word::kSemaine;
}

// Key prefixes of the words isDateWord accepts, for french::hasDigitOrWord.
inline constexpr french::KeyPrefixes kDatePrefixes(isDateWord);

// Words that make the number after them a count rather than a year ("plus de 2000", "les 2000").
inline bool isQuantityCue(Word w) {
  switch (w) {
    case Word::kEnviron:
    case Word::kQuelque:
    case Word::kQuelques:
    case Word::kPlus:
    case Word::kMoins:
    case Word::kPres:
    case Word::kPresque:
    case Word::kQuasiment:
    case Word::kPratiquement:
    case Word::kApproximativement:
    case Word::kAutour:
    case Word::kAlentours:
    case Word::kOrdre:
    case Word::kLes:
    case Word::kCes:
    case Word::kAux:
    case Word::kA:
    case Word::kSur:
    case Word::kPlusieurs:
    case Word::kMinimum:
    case Word::kMaximum:
    case Word::kPeu:
      return true;
    default:
      return false;
  }
}

// How strongly the words before a date make it one.
enum class Cue : std::uint8_t {
  kNone,      // nothing
  kWeak,      // "de", "du", "dès"/"des", "au", "pour": a year only if no count follows
  kStrong,    // "en", "depuis", "d'ici", "entre", "l'année"...: always a year
  kQuantity,  // "plus de", "environ", "les"...: a bare number is a count
};

struct Introducer {
  DateRole role = DateRole::kPoint;
  Cue cue = Cue::kNone;
  bool between = false;  // "entre": needs "et" and a second date
};

// How two dates of one expression are joined.
enum class Link : std::uint8_t { kComma, kList, kAnd, kRange, kDash };

// Reads the dates of one lexed sentence. Holds references: lives within one findDates call.
class DateScanner : private LexTokenReader {
 public:
  DateScanner(std::string_view text, const std::vector<LexToken>& tokens,
              const DateContext& context)
      : LexTokenReader(tokens), text_(text), context_(context) {}

  void run(std::vector<DateMention>& out) const {
    std::size_t i = 0;
    while (i < tokens_.size()) {
      std::size_t next = canStart(i) ? scanGroup(i, out) : i + 1;
      i = next > i ? next : i + 1;
    }
  }

 private:
  int direction(std::size_t i) const {
    Word w = word(i);
    return w == Word::kDernier || w == Word::kPasse ? -1 : w == Word::kProchain ? 1 : 0;
  }

  bool canStart(std::size_t i) const {
    const LexToken& t = tokens_[i];
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind != TokenKind::kWord) return false;
    switch (t.word) {
      case Word::kPremier:
      case Word::kFin:
      case Word::kDebut:
      case Word::kMi:
      case Word::kCourant:
      case Word::kAvant:
      case Word::kApres:
      case Word::kCette:
        return true;
      default:
        return isDateWord(t.word);
    }
  }

  // A plausible year at token i: 4 digits, 1900-2100, not the start of "2023,5" or "2023e".
  int yearAt(std::size_t i) const;

  // A day number at token i ("6", "07", "1er", "premier"); sets the token after it.
  bool dayAt(std::size_t i, int& day, std::size_t& next) const;

  // Year or "dernier"/"prochain" after a month at token j.
  void readTail(DateElement& e, std::size_t j) const;

  // A day at token i, then a month if one follows; a bare day otherwise.
  bool parseDay(std::size_t i, DateElement& e) const;

  // "14/11/2023", "14.11.2023", "14-11-2023", "2023-11-14", "11/2023", "2023-11".
  bool parseNumeric(std::size_t i, DateElement& e) const;

  // "fin octobre", "mi-juillet", "début 2020", "fin de l'année (dernière|2023)", "fin d'année".
  bool parseModified(std::size_t i, DateElement& e) const;

  bool relativeTo(DateElement& e, RelativeUnit relative, int offset, std::size_t next) const;

  // "hier", "avant-hier", "aujourd'hui", "demain", "après-demain", "la veille", "cette année",
  // "l'an dernier", "l'année prochaine", "le mois dernier", "la semaine dernière".
  bool parseRelative(std::size_t i, DateElement& e) const;

  // One date starting at token i. `inGroup`: it follows a connector of an earlier date.
  std::optional<DateElement> parseElement(std::size_t i, bool inGroup) const;

  // The role and strength given by the words before token i (an article is skipped).
  Introducer introducerBefore(std::size_t i) const;

  // True when what follows token j makes a number before it a count: a number, or a plural
  // noun ("2000 soldats"). A singular word leaves it a year ("l'accord de 2015 signé").
  bool followedByCount(std::size_t j) const;

  // True when word i is capitalised inside a sentence: a month name so written is a name
  // ("la sonde vers Mars").
  bool capitalizedInside(std::size_t i) const;

  // The connector at token j, and the index of the date after it (past an article), or
  // kNoToken.
  std::size_t connectorAt(std::size_t j, Link& link) const;

  // Reads the date expression starting at token i (one date, or a list or range of them) and
  // appends its mentions. Returns the index of the token after what it consumed.
  std::size_t scanGroup(std::size_t i, std::vector<DateMention>& out) const;

  std::string_view text_;
  const DateContext& context_;
};

}  // namespace newsgraph::ingest::date_scan

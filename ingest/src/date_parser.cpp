#include "newsgraph/ingest/date_parser.h"

#include <array>
#include <cstdint>
#include <limits>

#include "french_numbers.h"

namespace newsgraph::ingest {
namespace {

using common::DatePrecision;
using common::PartialDate;
using french::LexToken;
using french::TokenKind;
using french::Word;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
constexpr std::size_t kMaxGroup = 6;  // dates in one list or range ("les 7, 8 et 9 mai")
constexpr std::size_t kNoToken = std::numeric_limits<std::size_t>::max();

// Days since 1970-01-01 (H. Hinnant's days_from_civil). REQUIRES: a valid date.
long long daysFromCivil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yearOfEra = year - era * 400;
  const int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return static_cast<long long>(era) * 146097 + dayOfEra - 719468;
}

// The day-precision date `days` after 1970-01-01 (civil_from_days).
PartialDate dateFromDays(long long days) {
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const int dayOfEra = static_cast<int>(days - era * 146097);
  const int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const int shifted = (5 * dayOfYear + 2) / 153;
  PartialDate date;
  date.day = dayOfYear - (153 * shifted + 2) / 5 + 1;
  date.month = shifted < 10 ? shifted + 3 : shifted - 9;
  date.year = static_cast<int>(era * 400) + yearOfEra + (date.month <= 2 ? 1 : 0);
  date.precision = DatePrecision::kDay;
  return date;
}

long long daysOf(const PartialDate& date) { return daysFromCivil(date.year, date.month, date.day); }

// Words that can carry a date in a sentence without digits.
bool isDateWord(Word w) {
  return french::monthOf(w) > 0 || french::weekdayOf(w) >= 0 || w == Word::kHier ||
         w == Word::kDemain || w == Word::kAujourd || w == Word::kVeille || w == Word::kAnnee ||
         w == Word::kAn || w == Word::kMois || w == Word::kSemaine;
}

// Words that make the number after them a count rather than a year ("plus de 2000", "les 2000").
bool isQuantityCue(Word w) {
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

// Dates relative to the article date.
enum class Relative : std::uint8_t {
  kNone,     // a calendar date (day, month and year, each possibly missing)
  kDay,      // "hier": offset days
  kWeekday,  // "samedi dernier": the weekday before (offset -1) or after (+1)
  kWeek,     // "la semaine dernière": offset weeks
  kMonth,    // "le mois dernier": offset months
  kYear,     // "l'an dernier", "cette année", "fin de l'année": offset years
};

// One date of an expression, as read from the tokens, before resolution.
struct Element {
  std::size_t first = 0;  // index of its first token
  std::size_t next = 0;   // index of the token after it
  int day = 0;            // 0 when not given
  int month = 0;
  int year = 0;
  int weekday = -1;
  int direction = 0;  // "dernier" -1, "prochain" +1 after a year-less calendar date
  int offset = 0;     // for relative dates
  Relative relative = Relative::kNone;
  bool modified = false;  // "fin", "début", "mi-", "courant" before it
  bool bareYear = false;  // a 4-digit number alone: a year only if its context says so
  bool invalid = false;   // shaped like a date but impossible ("le 45 mars")

  bool bareDay() const { return day > 0 && month == 0 && relative == Relative::kNone; }
  bool monthOnly() const {
    return relative == Relative::kNone && day == 0 && month > 0 && year == 0 && !modified &&
           direction == 0;
  }
};

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

struct Resolved {
  PartialDate date;
  bool inferred = false;
  bool monthBorrowed = false;  // "du 25 au 27 juillet": 25 takes July from 27
  bool yearBorrowed = false;
};

bool isValid(const PartialDate& date) {
  if (date.precision == DatePrecision::kYear) return true;
  if (date.month < 1 || date.month > 12) return false;
  if (date.precision == DatePrecision::kMonth) return true;
  return date.day >= 1 && date.day <= common::daysInMonth(date.year, date.month);
}

bool isAfter(const PartialDate& a, const PartialDate& b) {
  if (a.year != b.year) return a.year > b.year;
  if (a.month != b.month) return a.month > b.month;
  return a.day > b.day;
}

// Reads the dates of one lexed sentence. Holds references: lives within one findDates call.
class DateScanner {
 public:
  DateScanner(std::string_view text, const std::vector<LexToken>& tokens,
              const DateContext& context)
      : text_(text), tokens_(tokens), context_(context) {}

  void run(std::vector<DateMention>& out) const {
    std::size_t i = 0;
    while (i < tokens_.size()) {
      std::size_t next = canStart(i) ? scanGroup(i, out) : i + 1;
      i = next > i ? next : i + 1;
    }
  }

 private:
  Word word(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kWord ? tokens_[i].word
                                                                     : Word::kNone;
  }
  bool isWord(std::size_t i, Word w) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kWord && tokens_[i].word == w;
  }
  bool isPunct(std::size_t i, char c) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kPunct && tokens_[i].punct == c;
  }
  bool isNumber(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::kNumber;
  }
  bool glued(std::size_t i) const { return i < tokens_.size() && tokens_[i].gap == 0; }
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
  int yearAt(std::size_t i) const {
    if (!isNumber(i) || tokens_[i].digits != 4) return 0;
    const auto value = static_cast<int>(tokens_[i].number);
    if (value < kMinYear || value > kMaxYear) return 0;
    if (glued(i + 1)) {
      const LexToken& after = tokens_[i + 1];
      if (after.kind != TokenKind::kPunct) return 0;
      if ((after.punct == ',' || after.punct == '.') && glued(i + 2) && isNumber(i + 2)) return 0;
    }
    return value;
  }

  // A day number at token i ("6", "07", "1er", "premier"); sets the token after it.
  bool dayAt(std::size_t i, int& day, std::size_t& next) const {
    if (isWord(i, Word::kPremier)) {
      day = 1;
      next = i + 1;
      return true;
    }
    if (!isNumber(i) || tokens_[i].digits > 2) return false;
    if (glued(i + 1)) {
      const LexToken& after = tokens_[i + 1];
      // "2,5", "14:30", "14h": not a day.
      if (after.kind == TokenKind::kPunct && after.punct != 0 && glued(i + 2) && isNumber(i + 2) &&
          (after.punct == ',' || after.punct == '.' || after.punct == ':')) {
        return false;
      }
      if (isWord(i + 1, Word::kHeure)) return false;
    }
    day = static_cast<int>(tokens_[i].number);
    next = i + 1;
    if (glued(next) && isWord(next, Word::kEr)) ++next;
    return true;
  }

  // Year or "dernier"/"prochain" after a month at token j.
  void readTail(Element& e, std::size_t j) const {
    if (int year = yearAt(j); year > 0) {
      e.year = year;
      ++j;
    } else if (int dir = direction(j); dir != 0) {
      e.direction = dir;
      ++j;
    }
    e.next = j;
  }

  // A day at token i, then a month if one follows; a bare day otherwise.
  bool parseDay(std::size_t i, Element& e) const {
    int day = 0;
    std::size_t j = 0;
    if (!dayAt(i, day, j)) return false;
    e.day = day;
    if (int month = french::monthOf(word(j)); month > 0) {
      e.month = month;
      readTail(e, j + 1);
      e.invalid = day < 1 || day > 31;
      return true;
    }
    e.next = j;
    return day >= 1 && day <= 31;
  }

  // "14/11/2023", "14.11.2023", "14-11-2023", "2023-11-14", "11/2023", "2023-11".
  bool parseNumeric(std::size_t i, Element& e) const {
    auto numberAt = [&](std::size_t k, int minDigits, int maxDigits) {
      return isNumber(k) && glued(k) && tokens_[k].digits >= minDigits &&
             tokens_[k].digits <= maxDigits;
    };
    auto value = [&](std::size_t k) { return static_cast<int>(tokens_[k].number); };
    const LexToken& t = tokens_[i];
    if (i + 1 >= tokens_.size() || !glued(i + 1) || tokens_[i + 1].kind != TokenKind::kPunct) {
      return false;
    }
    const char separator = tokens_[i + 1].punct;
    if (separator != '/' && separator != '.' && separator != '-') return false;
    const bool threeParts = isPunct(i + 3, separator) && glued(i + 3);
    if (t.digits <= 2 && threeParts && numberAt(i + 2, 1, 2) && numberAt(i + 4, 4, 4)) {
      e.day = value(i);
      e.month = value(i + 2);
      e.year = value(i + 4);
      e.next = i + 5;
    } else if (t.digits == 4 && separator != '.' && threeParts && numberAt(i + 2, 1, 2) &&
               numberAt(i + 4, 1, 2)) {
      e.year = value(i);
      e.month = value(i + 2);
      e.day = value(i + 4);
      e.next = i + 5;
    } else if (t.digits <= 2 && separator == '/' && !threeParts && numberAt(i + 2, 4, 4)) {
      e.month = value(i);
      e.year = value(i + 2);
      e.next = i + 3;
    } else if (t.digits == 4 && separator == '-' && !threeParts && numberAt(i + 2, 2, 2)) {
      e.year = value(i);
      e.month = value(i + 2);
      e.next = i + 3;
    } else {
      return false;
    }
    e.invalid = e.year < kMinYear || e.year > kMaxYear || e.month < 1 || e.month > 12 ||
                (e.day > 0 && e.day > common::daysInMonth(e.year, e.month));
    return true;
  }

  // "fin octobre", "mi-juillet", "début 2020", "fin de l'année (dernière|2023)", "fin d'année".
  bool parseModified(std::size_t i, Element& e) const {
    const Word w = word(i);
    std::size_t j = i + 1;
    if (w == Word::kMi && isPunct(j, '-') && glued(j)) ++j;
    e.modified = true;
    if (int month = french::monthOf(word(j)); month > 0) {
      e.month = month;
      readTail(e, j + 1);
      return true;
    }
    if (int year = yearAt(j); year > 0) {
      e.year = year;
      e.next = j + 1;
      return true;
    }
    if (w == Word::kMi) return false;
    std::size_t k = 0;
    if (isWord(j, Word::kDe) && isWord(j + 1, Word::kLElided) && isWord(j + 2, Word::kAnnee)) {
      k = j + 3;
    } else if (isWord(j, Word::kDElided) && isWord(j + 1, Word::kAnnee)) {
      k = j + 2;
    } else {
      return false;
    }
    if (int year = yearAt(k); year > 0) {
      e.year = year;
      e.next = k + 1;
      return true;
    }
    e.relative = Relative::kYear;
    e.offset = direction(k);
    e.next = e.offset != 0 ? k + 1 : k;
    return true;
  }

  bool relativeTo(Element& e, Relative relative, int offset, std::size_t next) const {
    e.relative = relative;
    e.offset = offset;
    e.next = next;
    return true;
  }

  // "hier", "avant-hier", "aujourd'hui", "demain", "après-demain", "la veille", "cette année",
  // "l'an dernier", "l'année prochaine", "le mois dernier", "la semaine dernière".
  bool parseRelative(std::size_t i, Element& e) const {
    // "l'allié d'hier", "le Mali d'aujourd'hui": of the past, of the present, not a day.
    const bool figurative = i > 0 && isWord(i - 1, Word::kDElided);
    switch (word(i)) {
      case Word::kHier:
        return !figurative && relativeTo(e, Relative::kDay, -1, i + 1);
      case Word::kDemain:
        return relativeTo(e, Relative::kDay, 1, i + 1);
      case Word::kAujourd:
        return !figurative && isWord(i + 1, Word::kHui) && glued(i + 1) &&
               relativeTo(e, Relative::kDay, 0, i + 2);
      case Word::kAvant:
      case Word::kApres: {
        const bool before = word(i) == Word::kAvant;
        return isPunct(i + 1, '-') && glued(i + 1) && glued(i + 2) &&
               isWord(i + 2, before ? Word::kHier : Word::kDemain) &&
               relativeTo(e, Relative::kDay, before ? -2 : 2, i + 3);
      }
      case Word::kVeille:
        return i > 0 && isWord(i - 1, Word::kLa) && relativeTo(e, Relative::kDay, -1, i + 1);
      case Word::kCette:
        return isWord(i + 1, Word::kAnnee) && relativeTo(e, Relative::kYear, 0, i + 2);
      case Word::kAnnee:
      case Word::kAn:
        return direction(i + 1) != 0 && relativeTo(e, Relative::kYear, direction(i + 1), i + 2);
      case Word::kMois:
        return direction(i + 1) != 0 && relativeTo(e, Relative::kMonth, direction(i + 1), i + 2);
      case Word::kSemaine:
        return direction(i + 1) != 0 && relativeTo(e, Relative::kWeek, direction(i + 1), i + 2);
      default:
        return false;
    }
  }

  // One date starting at token i. `inGroup`: it follows a connector of an earlier date.
  std::optional<Element> parseElement(std::size_t i, bool inGroup) const {
    if (i >= tokens_.size()) return std::nullopt;
    Element e;
    e.first = i;
    const LexToken& t = tokens_[i];
    if (t.kind == TokenKind::kNumber) {
      // Digits glued to a name or to another number are part of it: "G5", "F-16", "2.000".
      if (!inGroup && glued(i) && i > 0) {
        const LexToken& before = tokens_[i - 1];
        if (before.kind != TokenKind::kPunct || before.punct == '-' || before.punct == '/' ||
            before.punct == '.' || before.punct == ',' || before.punct == ':') {
          return std::nullopt;
        }
      }
      if (parseNumeric(i, e) || parseDay(i, e)) return e;
      if (int year = yearAt(i); year > 0) {
        e = Element{};
        e.first = i;
        e.year = year;
        e.bareYear = true;
        e.next = i + 1;
        return e;
      }
      return std::nullopt;
    }
    if (t.kind != TokenKind::kWord) return std::nullopt;
    const Word w = t.word;
    if (int weekday = french::weekdayOf(w); weekday >= 0) {
      e.weekday = weekday;
      if (int dir = direction(i + 1); dir != 0) {
        relativeTo(e, Relative::kWeekday, dir, i + 2);
        return e;
      }
      if (parseDay(i + 1, e)) return e;
      return std::nullopt;
    }
    if (int month = french::monthOf(w); month > 0) {
      e.month = month;
      readTail(e, i + 1);
      return e;
    }
    if (w == Word::kPremier) return parseDay(i, e) ? std::optional(e) : std::nullopt;
    if (w == Word::kFin || w == Word::kDebut || w == Word::kMi || w == Word::kCourant) {
      return parseModified(i, e) ? std::optional(e) : std::nullopt;
    }
    return parseRelative(i, e) ? std::optional(e) : std::nullopt;
  }

  // The role and strength given by the words before token i (an article is skipped).
  Introducer introducerBefore(std::size_t i) const {
    Introducer intro;
    if (i == 0) return intro;
    std::size_t k = i - 1;
    Word w = word(k);
    if ((w == Word::kLe || w == Word::kLa || w == Word::kLElided) && k > 0) w = word(--k);
    auto before = [&](std::size_t back) { return k >= back ? word(k - back) : Word::kNone; };
    auto set = [&](DateRole role, Cue cue) {
      intro.role = role;
      intro.cue = cue;
      return intro;
    };
    switch (w) {
      case Word::kDepuis:
        return set(DateRole::kSince, Cue::kStrong);
      case Word::kDes:
        return set(DateRole::kSince, Cue::kWeak);
      case Word::kAvant:
        return set(DateRole::kUntil, Cue::kStrong);
      case Word::kApres:
        return set(DateRole::kSince, Cue::kStrong);
      case Word::kVers:
      case Word::kAnnee:
      case Word::kAn:
        return set(DateRole::kPoint, Cue::kStrong);
      case Word::kPour:
        return set(DateRole::kPoint, Cue::kWeak);
      case Word::kEntre:
        intro.between = true;
        return set(DateRole::kPoint, Cue::kStrong);
      case Word::kIci:
        return before(1) == Word::kDElided ? set(DateRole::kUntil, Cue::kStrong) : intro;
      case Word::kEn:
        return before(1) == Word::kJusqu ? set(DateRole::kUntil, Cue::kStrong)
                                         : set(DateRole::kPoint, Cue::kStrong);
      case Word::kAu:
        return before(1) == Word::kJusqu ? set(DateRole::kUntil, Cue::kStrong)
                                         : set(DateRole::kPoint, Cue::kWeak);
      case Word::kA:
        if (before(1) == Word::kJusqu || (before(1) == Word::kIci && before(2) == Word::kDElided)) {
          return set(DateRole::kUntil, Cue::kStrong);
        }
        return set(DateRole::kPoint, Cue::kQuantity);
      case Word::kDu:
      case Word::kDe:
      case Word::kDElided:
        if (before(1) == Word::kPartir || before(1) == Word::kCompter) {
          return set(DateRole::kSince, Cue::kStrong);
        }
        return set(DateRole::kPoint, isQuantityCue(before(1)) ? Cue::kQuantity : Cue::kWeak);
      default:
        return isQuantityCue(w) ? set(DateRole::kPoint, Cue::kQuantity) : intro;
    }
  }

  // True when what follows token j makes a number before it a count: a number, or a plural
  // noun ("2000 soldats"). A singular word leaves it a year ("l'accord de 2015 signé").
  bool followedByCount(std::size_t j) const {
    if (j >= tokens_.size()) return false;
    const LexToken& t = tokens_[j];
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind != TokenKind::kWord) return false;
    if (t.word == Word::kAutres) return true;
    if (!french::isNounWord(t.word)) return false;
    const char last = static_cast<char>(text_[t.end - 1] | 0x20);
    return last == 's' || last == 'x';
  }

  // True when word i is capitalised inside a sentence: a month name so written is a name
  // ("la sonde vers Mars").
  bool capitalizedInside(std::size_t i) const {
    const char c = text_[tokens_[i].begin];
    if (c < 'A' || c > 'Z' || i == 0) return false;
    const LexToken& before = tokens_[i - 1];
    return before.kind != TokenKind::kPunct ||
           (before.punct != '.' && before.punct != '!' && before.punct != '?' &&
            before.punct != ':' && before.punct != '"' && before.punct != 0);
  }

  // The connector at token j, and the index of the date after it (past an article), or
  // kNoToken.
  std::size_t connectorAt(std::size_t j, Link& link) const {
    if (j >= tokens_.size()) return kNoToken;
    std::size_t k = j + 1;
    const Word w = word(j);
    if (w == Word::kEt) {
      link = Link::kAnd;
    } else if (w == Word::kOu) {
      link = Link::kList;
    } else if (w == Word::kAu || w == Word::kA) {
      link = Link::kRange;
    } else if (isPunct(j, ',')) {
      link = Link::kComma;
      if (isWord(k, Word::kEt) || isWord(k, Word::kOu)) {
        link = isWord(k, Word::kEt) ? Link::kAnd : Link::kList;
        ++k;
      }
    } else if ((isPunct(j, '-') || isPunct(j, '/')) && glued(j) && glued(k)) {
      link = Link::kDash;
    } else {
      return kNoToken;
    }
    const Word article = word(k);
    if (article == Word::kLe || article == Word::kLa || article == Word::kLElided ||
        article == Word::kEn) {
      ++k;
    }
    return k;
  }

  // The year of a year-less calendar date, from the article date or else the weekday.
  bool inferYear(Element& e) const {
    if (const auto& article = context_.articleDate) {
      const int year = article->year;
      if (article->precision == DatePrecision::kYear) {
        e.year = year;
        return e.direction == 0;
      }
      const int month = article->month;
      const bool dayKnown = article->precision == DatePrecision::kDay;
      const bool sameMonthBefore = dayKnown ? e.day < article->day : true;
      const bool sameMonthAfter = dayKnown ? e.day > article->day : true;
      if (e.direction < 0) {
        const bool thisYear = e.month < month || (e.month == month && e.day > 0 && sameMonthBefore);
        e.year = thisYear ? year : year - 1;
      } else if (e.direction > 0) {
        const bool thisYear = e.month > month || (e.month == month && e.day > 0 && sameMonthAfter);
        e.year = thisYear ? year : year + 1;
      } else {
        e.year = e.month > month ? year - 1 : year;
      }
      return true;
    }
    if (e.weekday < 0 || e.day < 1 || e.day > 31 || e.month < 1) return false;
    for (int year = context_.currentYear; year >= kMinYear; --year) {
      if (e.day <= common::daysInMonth(year, e.month) &&
          common::dayOfWeek(year, e.month, e.day) == e.weekday) {
        e.year = year;
        return true;
      }
    }
    return false;
  }

  // A date relative to the article date.
  bool resolveRelative(const Element& e, Resolved& r) const {
    if (!context_.articleDate) return false;
    const PartialDate& article = *context_.articleDate;
    const bool dayKnown = article.precision == DatePrecision::kDay;
    r.inferred = true;
    switch (e.relative) {
      case Relative::kDay:
        if (!dayKnown) return false;
        r.date = dateFromDays(daysOf(article) + e.offset);
        return true;
      case Relative::kWeekday: {
        if (!dayKnown) return false;
        const int today = common::dayOfWeek(article.year, article.month, article.day);
        int delta = e.offset < 0 ? (today - e.weekday + 7) % 7 : (e.weekday - today + 7) % 7;
        if (delta == 0) delta = 7;
        r.date = dateFromDays(daysOf(article) + e.offset * delta);
        return true;
      }
      case Relative::kWeek: {
        if (!dayKnown) return false;
        const long long monday = daysOf(article) -
                                 common::dayOfWeek(article.year, article.month, article.day) +
                                 7LL * e.offset;
        const PartialDate first = dateFromDays(monday);
        const PartialDate last = dateFromDays(monday + 6);
        if (first.month != last.month) return false;
        r.date = PartialDate{first.year, first.month, 0, DatePrecision::kMonth};
        return true;
      }
      case Relative::kMonth: {
        if (article.precision == DatePrecision::kYear) return false;
        const int index = article.year * 12 + article.month - 1 + e.offset;
        r.date = PartialDate{index / 12, index % 12 + 1, 0, DatePrecision::kMonth};
        return true;
      }
      case Relative::kYear:
        r.date = PartialDate{article.year + e.offset, 0, 0, DatePrecision::kYear};
        return true;
      case Relative::kNone:
        break;
    }
    return false;
  }

  static PartialDate calendarDate(const Element& e) {
    PartialDate date{e.year, 0, 0, DatePrecision::kYear};
    if (e.month > 0) {
      date.month = e.month;
      date.precision = DatePrecision::kMonth;
      if (e.day > 0) {
        date.day = e.day;
        date.precision = DatePrecision::kDay;
      }
    }
    return date;
  }

  // The last date of an expression: it has or infers everything the others may borrow.
  bool resolveLast(const Element& e, Resolved& r) const {
    if (e.relative != Relative::kNone) return resolveRelative(e, r);
    Element copy = e;
    if (copy.year == 0) {
      if (!inferYear(copy)) return false;
      r.inferred = true;
    }
    r.date = calendarDate(copy);
    return true;
  }

  // Reads the date expression starting at token i (one date, or a list or range of them) and
  // appends its mentions. Returns the index of the token after what it consumed.
  std::size_t scanGroup(std::size_t i, std::vector<DateMention>& out) const {
    const std::optional<Element> head = parseElement(i, false);
    if (!head) return i + 1;
    if (head->invalid) return head->next;
    const Introducer intro = introducerBefore(i);

    std::array<Element, kMaxGroup> members;
    members[0] = *head;
    std::size_t count = 1;
    bool range = false;
    bool countFollows = false;  // a connector leads to a number that is no date ("2000 à 3000")
    for (std::size_t j = head->next; head->relative == Relative::kNone && count < kMaxGroup;) {
      Link link = Link::kList;
      const std::size_t k = connectorAt(j, link);
      if (k == kNoToken || (intro.between && link != Link::kAnd)) break;
      // A comma joins dates that share a month or year ("les 7, 8 et 9 mai", "en 2014, 2015"),
      // not complete dates: "le 15 août, le 3 février 2022" are two separate dates.
      const Element& last = members[count - 1];
      if (link == Link::kComma && !last.bareDay() && !last.bareYear && !last.monthOnly()) break;
      const std::optional<Element> next = parseElement(k, true);
      if (!next || next->invalid || next->relative != Relative::kNone ||
          (next->bareYear && followedByCount(next->next)) ||
          (members[count - 1].bareDay() && next->month == 0 && !next->bareDay())) {
        countFollows = isNumber(k);
        break;
      }
      members[count++] = *next;
      j = next->next;
      if (link == Link::kRange || link == Link::kDash) range = true;
      if (range || intro.between) break;
    }
    const std::size_t end = members[count - 1].next;

    if (intro.between && count != 2) return i + 1;
    if (members[count - 1].bareDay()) return i + 1;
    if (head->bareYear && intro.cue != Cue::kStrong &&
        (intro.cue == Cue::kQuantity || followedByCount(head->next) ||
         (count == 1 && countFollows))) {
      return i + 1;
    }
    if (count == 1 && head->monthOnly() &&
        (intro.cue == Cue::kNone || intro.cue == Cue::kQuantity || capitalizedInside(i))) {
      return i + 1;
    }

    std::array<Resolved, kMaxGroup> dates;
    if (!resolveLast(members[count - 1], dates[count - 1])) return end;
    for (std::size_t k = count - 1; k-- > 0;) {
      Element m = members[k];
      const Resolved& after = dates[k + 1];
      Resolved& r = dates[k];
      r.inferred = after.inferred && m.year == 0;
      if (m.month == 0 && m.day > 0) {
        if (after.date.month == 0) return end;
        m.month = after.date.month;
        r.monthBorrowed = true;
      }
      if (m.year == 0) {
        m.year = after.date.year;
        r.yearBorrowed = true;
      }
      r.date = calendarDate(m);
    }
    const bool pair = count == 2 && (range || intro.between);
    if (pair && isAfter(dates[0].date, dates[1].date)) {
      // "du 30 au 2 août": the first end is in the month before; "du 28 décembre au 3 janvier
      // 2024": in the year before.
      PartialDate& start = dates[0].date;
      if (dates[0].monthBorrowed) {
        start.month -= 1;
        if (start.month == 0) {
          start.month = 12;
          start.year -= 1;
        }
      } else if (dates[0].yearBorrowed) {
        start.year -= 1;
      }
    }
    for (std::size_t k = 0; k < count; ++k) {
      if (!isValid(dates[k].date)) return end;
    }
    for (std::size_t k = 0; k < count; ++k) {
      DateMention mention;
      mention.begin = tokens_[members[k].first].begin;
      mention.end = tokens_[members[k].next - 1].end;
      mention.date = dates[k].date;
      mention.role = pair ? (k == 0 ? DateRole::kRangeStart : DateRole::kRangeEnd) : intro.role;
      mention.yearInferred = dates[k].inferred;
      out.push_back(mention);
    }
    return end;
  }

  std::string_view text_;
  const std::vector<LexToken>& tokens_;
  const DateContext& context_;
};

// Reused between calls so that a sentence costs no allocation once the buffer has grown.
std::vector<LexToken>& tokenBuffer() {
  thread_local std::vector<LexToken> buffer;
  return buffer;
}

}  // namespace

std::string_view dateRoleName(DateRole role) {
  switch (role) {
    case DateRole::kPoint:
      return "point";
    case DateRole::kRangeStart:
      return "range-start";
    case DateRole::kRangeEnd:
      return "range-end";
    case DateRole::kSince:
      return "since";
    case DateRole::kUntil:
      return "until";
  }
  return "point";
}

std::string DateMention::toString() const {
  std::string out = date.toString();
  out += ' ';
  out += dateRoleName(role);
  out += " [" + std::to_string(begin) + "," + std::to_string(end) + ")";
  if (yearInferred) out += " inferred";
  return out;
}

std::vector<DateMention> findDates(std::string_view sentence, const DateContext& context) {
  std::vector<DateMention> out;
  if (sentence.size() >= std::numeric_limits<std::uint32_t>::max()) return out;
  // Most sentences have no digit and no date word: skip them without lexing.
  static constexpr std::uint32_t kInitials = french::initialsMask("adfhjlmnosv");
  if (!french::hasDigitOrWord(sentence, kInitials, isDateWord)) return out;
  std::vector<LexToken>& tokens = tokenBuffer();
  french::lex(sentence, tokens);
  DateScanner(sentence, tokens, context).run(out);
  return out;
}

}  // namespace newsgraph::ingest

#include "newsgraph/ingest/date_parser.h"

#include <array>
#include <cstdint>
#include <limits>
#include <span>

#include "date_resolution.h"
#include "french_numbers.h"

namespace newsgraph::ingest {
namespace {

using french::LexToken;
using french::TokenKind;
using french::Word;

constexpr std::size_t kMaxGroup = 6;  // dates in one list or range ("les 7, 8 et 9 mai")
constexpr std::size_t kNoToken = std::numeric_limits<std::size_t>::max();

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
  void readTail(DateElement& e, std::size_t j) const {
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
  bool parseDay(std::size_t i, DateElement& e) const {
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
  bool parseNumeric(std::size_t i, DateElement& e) const {
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
  bool parseModified(std::size_t i, DateElement& e) const {
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
    e.relative = RelativeUnit::kYear;
    e.offset = direction(k);
    e.next = e.offset != 0 ? k + 1 : k;
    return true;
  }

  bool relativeTo(DateElement& e, RelativeUnit relative, int offset, std::size_t next) const {
    e.relative = relative;
    e.offset = offset;
    e.next = next;
    return true;
  }

  // "hier", "avant-hier", "aujourd'hui", "demain", "après-demain", "la veille", "cette année",
  // "l'an dernier", "l'année prochaine", "le mois dernier", "la semaine dernière".
  bool parseRelative(std::size_t i, DateElement& e) const {
    // "l'allié d'hier", "le Mali d'aujourd'hui": of the past, of the present, not a day.
    const bool figurative = i > 0 && isWord(i - 1, Word::kDElided);
    switch (word(i)) {
      case Word::kHier:
        return !figurative && relativeTo(e, RelativeUnit::kDay, -1, i + 1);
      case Word::kDemain:
        return relativeTo(e, RelativeUnit::kDay, 1, i + 1);
      case Word::kAujourd:
        return !figurative && isWord(i + 1, Word::kHui) && glued(i + 1) &&
               relativeTo(e, RelativeUnit::kDay, 0, i + 2);
      case Word::kAvant:
      case Word::kApres: {
        const bool before = word(i) == Word::kAvant;
        return isPunct(i + 1, '-') && glued(i + 1) && glued(i + 2) &&
               isWord(i + 2, before ? Word::kHier : Word::kDemain) &&
               relativeTo(e, RelativeUnit::kDay, before ? -2 : 2, i + 3);
      }
      case Word::kVeille:
        return i > 0 && isWord(i - 1, Word::kLa) && relativeTo(e, RelativeUnit::kDay, -1, i + 1);
      case Word::kCette:
        return isWord(i + 1, Word::kAnnee) && relativeTo(e, RelativeUnit::kYear, 0, i + 2);
      case Word::kAnnee:
      case Word::kAn:
        return direction(i + 1) != 0 && relativeTo(e, RelativeUnit::kYear, direction(i + 1), i + 2);
      case Word::kMois:
        return direction(i + 1) != 0 &&
               relativeTo(e, RelativeUnit::kMonth, direction(i + 1), i + 2);
      case Word::kSemaine:
        return direction(i + 1) != 0 && relativeTo(e, RelativeUnit::kWeek, direction(i + 1), i + 2);
      default:
        return false;
    }
  }

  // One date starting at token i. `inGroup`: it follows a connector of an earlier date.
  std::optional<DateElement> parseElement(std::size_t i, bool inGroup) const {
    if (i >= tokens_.size()) return std::nullopt;
    DateElement e;
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
        e = DateElement{};
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
        relativeTo(e, RelativeUnit::kWeekday, dir, i + 2);
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

  // Reads the date expression starting at token i (one date, or a list or range of them) and
  // appends its mentions. Returns the index of the token after what it consumed.
  std::size_t scanGroup(std::size_t i, std::vector<DateMention>& out) const {
    const std::optional<DateElement> head = parseElement(i, false);
    if (!head) return i + 1;
    if (head->invalid) return head->next;
    const Introducer intro = introducerBefore(i);

    std::array<DateElement, kMaxGroup> members;
    members[0] = *head;
    std::size_t count = 1;
    bool range = false;
    bool countFollows = false;  // a connector leads to a number that is no date ("2000 à 3000")
    for (std::size_t j = head->next; head->relative == RelativeUnit::kNone && count < kMaxGroup;) {
      Link link = Link::kList;
      const std::size_t k = connectorAt(j, link);
      if (k == kNoToken || (intro.between && link != Link::kAnd)) break;
      // A comma joins dates that share a month or year ("les 7, 8 et 9 mai", "en 2014, 2015"),
      // not complete dates: "le 15 août, le 3 février 2022" are two separate dates.
      const DateElement& last = members[count - 1];
      if (link == Link::kComma && !last.bareDay() && !last.bareYear && !last.monthOnly()) break;
      const std::optional<DateElement> next = parseElement(k, true);
      if (!next || next->invalid || next->relative != RelativeUnit::kNone ||
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

    const bool pair = count == 2 && (range || intro.between);
    std::array<ResolvedDate, kMaxGroup> dates;
    const std::span<const DateElement> group = std::span<const DateElement>(members).first(count);
    if (!resolveDates(group, pair, context_, std::span(dates).first(count))) return end;
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

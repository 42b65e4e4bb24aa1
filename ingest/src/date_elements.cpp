// One date of a sentence as its words give it: "6 août 2022", "14/11/2023", "fin octobre",
// "hier" (DateScanner::parseElement and the parsers it tries).
#include "date_scanner.h"

namespace newsgraph::ingest::date_scan {

int DateScanner::yearAt(std::size_t i) const {
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

bool DateScanner::dayAt(std::size_t i, int& day, std::size_t& next) const {
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

void DateScanner::readTail(DateElement& e, std::size_t j) const {
  if (int year = yearAt(j); year > 0) {
    e.year = year;
    ++j;
  } else if (int dir = direction(j); dir != 0) {
    e.direction = dir;
    ++j;
  }
  e.next = j;
}

bool DateScanner::parseDay(std::size_t i, DateElement& e) const {
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

bool DateScanner::parseNumeric(std::size_t i, DateElement& e) const {
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

bool DateScanner::parseModified(std::size_t i, DateElement& e) const {
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

bool DateScanner::relativeTo(DateElement& e, RelativeUnit relative, int offset,
                             std::size_t next) const {
  e.relative = relative;
  e.offset = offset;
  e.next = next;
  return true;
}

bool DateScanner::parseRelative(std::size_t i, DateElement& e) const {
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
      return direction(i + 1) != 0 && relativeTo(e, RelativeUnit::kMonth, direction(i + 1), i + 2);
    case Word::kSemaine:
      return direction(i + 1) != 0 && relativeTo(e, RelativeUnit::kWeek, direction(i + 1), i + 2);
    default:
      return false;
  }
}

std::optional<DateElement> DateScanner::parseElement(std::size_t i, bool inGroup) const {
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

}  // namespace newsgraph::ingest::date_scan

// Private to the ingest module: the second half of findDates. The scanner (date_parser.cpp)
// reads a date expression of a sentence into DateElements, each a date as the words give it,
// possibly without year, without month, or relative to the article ("hier", "l'an dernier");
// resolveDates then turns them into calendar dates: years from the article date or the weekday,
// relative dates from the article date, and the months and years that the first dates of a list
// or range borrow from the last ("du 25 au 27 juillet 2024").
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "newsgraph/common/partial_date.h"
#include "newsgraph/ingest/date_parser.h"

namespace newsgraph::ingest {

// The years a 4-digit number or a numeric date may name; year inference from a weekday goes no
// further back than kMinYear.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2100;

// What a date relative to the article date counts in.
enum class RelativeUnit : std::uint8_t {
  kNone,     // a calendar date (day, month and year, each possibly missing)
  kDay,      // "hier": offset days
  kWeekday,  // "samedi dernier": the weekday before (offset -1) or after (+1)
  kWeek,     // "la semaine dernière": offset weeks
  kMonth,    // "le mois dernier": offset months
  kYear,     // "l'an dernier", "cette année", "fin de l'année": offset years
};

// One date of an expression, as read from the tokens, before resolution. Token indices refer to
// the scanner's lexed sentence; resolveDates does not read them.
struct DateElement {
  std::size_t first = 0;  // index of its first token
  std::size_t next = 0;   // index of the token after it
  int day = 0;            // 0 when not given
  int month = 0;
  int year = 0;
  int weekday = -1;   // 0 = Monday ... 6 = Sunday, -1 when not given
  int direction = 0;  // "dernier" -1, "prochain" +1 after a year-less calendar date
  int offset = 0;     // for relative dates
  RelativeUnit relative = RelativeUnit::kNone;
  bool modified = false;  // "fin", "début", "mi-", "courant" before it
  bool bareYear = false;  // a 4-digit number alone: a year only if its context says so
  bool invalid = false;   // shaped like a date but impossible ("le 45 mars")

  bool bareDay() const { return day > 0 && month == 0 && relative == RelativeUnit::kNone; }
  bool monthOnly() const {
    return relative == RelativeUnit::kNone && day == 0 && month > 0 && year == 0 && !modified &&
           direction == 0;
  }
};

// One date of an expression after resolution.
struct ResolvedDate {
  common::PartialDate date;
  bool inferred = false;       // the year came from the article date or the weekday
  bool monthBorrowed = false;  // "du 25 au 27 juillet": 25 takes July from 27
  bool yearBorrowed = false;   // "du 25 juillet au 3 août 2024": 25 juillet takes 2024
};

// Resolves the dates of one expression, `members` in text order, into `dates` (one for each
// member, same order). The last member resolves on its own (its year may be inferred); each one
// before it borrows the month and year it lacks from the date after it. `pair`: the members
// are the two ends of a range ("du 30 au 2 août", "entre 2014 et 2015"), so a first end that
// would fall after the second moves back a month or a year, whichever it borrowed.
//
// Returns false, leaving `dates` unspecified, when the expression gives no date: a year-less
// date with neither article date nor weekday to infer it from, a relative date whose article
// date is missing or too coarse, or a resolved date that does not exist ("31 février 2023").
// REQUIRES: !members.empty(), dates.size() >= members.size(), no member is `invalid`, and only
// the last member may be relative.
bool resolveDates(std::span<const DateElement> members, bool pair, const DateContext& context,
                  std::span<ResolvedDate> dates);

}  // namespace newsgraph::ingest

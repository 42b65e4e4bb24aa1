#include "date_resolution.h"

namespace newsgraph::ingest {
namespace {

using common::DatePrecision;
using common::PartialDate;

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

// The year of a year-less calendar date, from the article date or else the weekday.
bool inferYear(DateElement& e, const DateContext& context) {
  if (const auto& article = context.articleDate) {
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
  for (int year = context.currentYear; year >= kMinYear; --year) {
    if (e.day <= common::daysInMonth(year, e.month) &&
        common::dayOfWeek(year, e.month, e.day) == e.weekday) {
      e.year = year;
      return true;
    }
  }
  return false;
}

// A date relative to the article date.
bool resolveRelative(const DateElement& e, const DateContext& context, ResolvedDate& r) {
  if (!context.articleDate) return false;
  const PartialDate& article = *context.articleDate;
  const bool dayKnown = article.precision == DatePrecision::kDay;
  r.inferred = true;
  switch (e.relative) {
    case RelativeUnit::kDay:
      if (!dayKnown) return false;
      r.date = dateFromDays(daysOf(article) + e.offset);
      return true;
    case RelativeUnit::kWeekday: {
      if (!dayKnown) return false;
      const int today = common::dayOfWeek(article.year, article.month, article.day);
      int delta = e.offset < 0 ? (today - e.weekday + 7) % 7 : (e.weekday - today + 7) % 7;
      if (delta == 0) delta = 7;
      r.date = dateFromDays(daysOf(article) + e.offset * delta);
      return true;
    }
    case RelativeUnit::kWeek: {
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
    case RelativeUnit::kMonth: {
      if (article.precision == DatePrecision::kYear) return false;
      const int index = article.year * 12 + article.month - 1 + e.offset;
      r.date = PartialDate{index / 12, index % 12 + 1, 0, DatePrecision::kMonth};
      return true;
    }
    case RelativeUnit::kYear:
      r.date = PartialDate{article.year + e.offset, 0, 0, DatePrecision::kYear};
      return true;
    case RelativeUnit::kNone:
      break;
  }
  return false;
}

PartialDate calendarDate(const DateElement& e) {
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
bool resolveLast(const DateElement& e, const DateContext& context, ResolvedDate& r) {
  if (e.relative != RelativeUnit::kNone) return resolveRelative(e, context, r);
  DateElement copy = e;
  if (copy.year == 0) {
    if (!inferYear(copy, context)) return false;
    r.inferred = true;
  }
  r.date = calendarDate(copy);
  return true;
}

}  // namespace

bool resolveDates(std::span<const DateElement> members, bool pair, const DateContext& context,
                  std::span<ResolvedDate> dates) {
  const std::size_t count = members.size();
  for (std::size_t k = 0; k < count; ++k) dates[k] = ResolvedDate{};
  if (!resolveLast(members[count - 1], context, dates[count - 1])) return false;
  for (std::size_t k = count - 1; k-- > 0;) {
    DateElement m = members[k];
    const ResolvedDate& after = dates[k + 1];
    ResolvedDate& r = dates[k];
    r.inferred = after.inferred && m.year == 0;
    if (m.month == 0 && m.day > 0) {
      if (after.date.month == 0) return false;
      m.month = after.date.month;
      r.monthBorrowed = true;
    }
    if (m.year == 0) {
      m.year = after.date.year;
      r.yearBorrowed = true;
    }
    r.date = calendarDate(m);
  }
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
    if (!isValid(dates[k].date)) return false;
  }
  return true;
}

}  // namespace newsgraph::ingest

// A calendar date known to a precision of a year, a month or a day, as news text gives it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsgraph::common {

enum class DatePrecision { kYear, kMonth, kDay };

// An ISO 8601 date with its precision. month and day are 0 when not known.
struct PartialDate {
  int year = 0;
  int month = 0;  // 1-12, or 0 below month precision
  int day = 0;    // 1-31, or 0 below day precision
  DatePrecision precision = DatePrecision::kYear;

  // "2023", "2023-11" or "2023-11-14" according to precision.
  [[nodiscard]] std::string toString() const;
  // "year", "month" or "day".
  [[nodiscard]] std::string_view precisionName() const;

  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (checked: month 1-12, day valid for the month).
  // Returns nullopt for any other form.
  static std::optional<PartialDate> parse(std::string_view iso);

  // True when `other` agrees with this date to this date's precision.
  [[nodiscard]] bool agreesTo(const PartialDate& other) const;

  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// Number of days in a month of a year (Gregorian). REQUIRES: 1 <= month <= 12.
int daysInMonth(int year, int month);

// Day of the week, 0 = Monday ... 6 = Sunday. REQUIRES: a valid date.
int dayOfWeek(int year, int month, int day);

}  // namespace newsgraph::common

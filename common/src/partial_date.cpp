#include "newsgraph/common/partial_date.h"

#include <cstdio>

namespace newsgraph::common {
namespace {

bool readDigits(std::string_view text, std::size_t count, int& out) {
  if (text.size() != count) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

// "%04d", "%04d-%02d" or "%04d-%02d-%02d" by precision; printf pads or widens fields that do
// not fit (negative or five-digit years).
std::string printed(const PartialDate& date) {
  char buffer[16];  // as before: longer forms are cut
  switch (date.precision) {
    case DatePrecision::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", date.year);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
      break;
    case DatePrecision::kDay:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
      break;
  }
  return buffer;
}

}  // namespace

int daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int dayOfWeek(int year, int month, int day) {
  // Sakamoto's method gives 0 = Sunday; shift to 0 = Monday.
  static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 3) year -= 1;
  int sunday0 = (year + year / 4 - year / 100 + year / 400 + kOffsets[month - 1] + day) % 7;
  return (sunday0 + 6) % 7;
}

std::string PartialDate::toString() const {
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    return printed(*this);
  }
  // Digit by digit: a store writes dates by the thousand, and printf costs ten times more.
  const char text[10] = {static_cast<char>('0' + year / 1000),
                         static_cast<char>('0' + year / 100 % 10),
                         static_cast<char>('0' + year / 10 % 10),
                         static_cast<char>('0' + year % 10),
                         '-',
                         static_cast<char>('0' + month / 10),
                         static_cast<char>('0' + month % 10),
                         '-',
                         static_cast<char>('0' + day / 10),
                         static_cast<char>('0' + day % 10)};
  switch (precision) {
    case DatePrecision::kYear:
      return std::string(text, 4);
    case DatePrecision::kMonth:
      return std::string(text, 7);
    case DatePrecision::kDay:
      break;
  }
  return std::string(text, 10);
}

std::string_view PartialDate::precisionName() const {
  switch (precision) {
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kDay:
      return "day";
  }
  return "year";
}

std::optional<PartialDate> PartialDate::parse(std::string_view iso) {
  PartialDate date;
  if (!readDigits(iso.substr(0, 4), 4, date.year)) return std::nullopt;
  if (iso.size() == 4) return date;
  if (iso.size() < 7 || iso[4] != '-' || !readDigits(iso.substr(5, 2), 2, date.month) ||
      date.month < 1 || date.month > 12) {
    return std::nullopt;
  }
  date.precision = DatePrecision::kMonth;
  if (iso.size() == 7) return date;
  if (iso.size() != 10 || iso[7] != '-' || !readDigits(iso.substr(8, 2), 2, date.day) ||
      date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    return std::nullopt;
  }
  date.precision = DatePrecision::kDay;
  return date;
}

bool PartialDate::agreesTo(const PartialDate& other) const {
  if (year != other.year) return false;
  if (precision == DatePrecision::kYear) return true;
  if (other.precision == DatePrecision::kYear || month != other.month) return false;
  if (precision == DatePrecision::kMonth) return true;
  return other.precision == DatePrecision::kDay && day == other.day;
}

}  // namespace newsgraph::common

// Dates in French news sentences. Ingest reads the dates of a sentence with findDates after the
// sentence splitter and before relation and event extraction, which date what they extract with
// the mentions found here (SPEC sections 3 and 4: ISO 8601 with a precision of year, month or
// day). Year-less dates take their year from the article's publication date or, without one,
// from the weekday named with them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/common/partial_date.h"

namespace newsgraph::ingest {

// How a date expression relates to what the sentence says.
enum class DateRole {
  kPoint,       // "le 6 août 2022", "en 2014", "fin octobre", "hier"
  kRangeStart,  // the first end of "du 25 au 27 juillet", "entre 2014 et 2015", "2014-2015"
  kRangeEnd,    // the second end of the same
  kSince,       // "depuis ...", "dès ...", "à partir de ...", "à compter de ...", "après ..."
  kUntil,       // "d'ici ...", "d'ici à ...", "jusqu'à/au/en ...", "avant ..."
};

// "point", "range-start", "range-end", "since" or "until". The view is static storage.
std::string_view dateRoleName(DateRole role);

// One date expression of a sentence.
//
// [begin, end) covers the words that say the date: weekday, day, month, year, and the words that
// change it ("fin", "début", "mi-", "courant", "dernier", "prochain", "cette", "hier"...), but
// never the preposition or article before them ("le", "l'", "en", "depuis", "du", "entre",
// "d'ici"...): "le samedi 6 août 2022" gives "samedi 6 août 2022", "depuis le 10 juillet 2022"
// gives "10 juillet 2022", "d'ici à la fin de l'année" gives "fin de l'année", "la veille" gives
// "veille". The first end of a range covers only its own words: "du 25 au 27 juillet 2024" gives
// "25" and "27 juillet 2024".
struct DateMention {
  std::size_t begin = 0;  // UTF-8 byte offsets into the sentence given to findDates
  std::size_t end = 0;
  common::PartialDate date;
  DateRole role = DateRole::kPoint;
  bool yearInferred = false;  // the year came from the article date or the weekday (always true
                              // for dates relative to the article: "hier", "l'an dernier")

  // "<date> <role> [<begin>,<end>)", then " inferred" when yearInferred:
  // "2022-08-06 point [3,25)", "2022-11-21 point [0,17) inferred".
  [[nodiscard]] std::string toString() const;
};

// What findDates knows beyond the sentence.
struct DateContext {
  // The article's publication date, any precision; default none. Year-less dates take their
  // year from it: the article's year, or the year before when the month named is later than the
  // article's month ("le 14 décembre" in an article of 2023-03 is 2022-12-14). "hier",
  // "aujourd'hui", "demain", "la veille", "samedi dernier" and "la semaine dernière" need day
  // precision; "le mois dernier" and "en août dernier" need month precision.
  std::optional<common::PartialDate> articleDate;
  // Upper bound for the year inferred from a weekday when there is no article date; default
  // 2026. "lundi 21 novembre" is then the latest 21 November before it that is a Monday.
  int currentYear = 2026;
};

// Finds the date expressions of one sentence, in text order, resolved to ISO dates.
//
// Reads: "6 août 2022", "1er août", weekdays ("samedi 6 août 2022"), "14/11/2023", "14.11.2023",
// "2023-11-14", "11/2023", "2023-11", months with or without year ("en juin 2023", "juin2023",
// "en août dernier", "en mars prochain"), years after a cue ("en", "depuis", "dès", "d'ici",
// "jusqu'en", "avant", "après", "vers", "entre", "l'année", a month, "fin", "début", "mi-",
// "courant") or standing alone, "fin octobre", "mi-juillet", "début 2020", ranges and lists
// ("du 25 au 27 juillet 2024", "entre le mardi 07 et le mercredi 08 novembre 2023", "de juin à
// août 2023", "en 2014 et 2015", "2014-2015"), and dates relative to the article ("hier",
// "avant-hier", "aujourd'hui", "demain", "la veille", "samedi dernier", "le mois dernier", "l'an
// dernier", "l'année prochaine", "cette année", "fin de l'année", "la semaine dernière" (month
// precision when that whole week lies in one month, else nothing)); "d'hier" and
// "d'aujourd'hui" ("l'allié d'hier") are figurative and give nothing. Case and accents do not
// matter.
//
// A 4-digit number is a year only between 1900 and 2100, and, without one of the cues above,
// only when no plural noun or number follows it and no quantity word ("plus de", "environ",
// "à"...) precedes it: "plus de 2000 soldats" has no date, "la crise de 2012" has one.
//
// Gives nothing (never fails) for expressions that cannot be resolved: impossible dates ("31
// février 2023", "le 45 mars"), a year-less date without article date or weekday, a relative
// date when the article date is missing or too coarse. Offsets are valid for `sentence` only.
std::vector<DateMention> findDates(std::string_view sentence, const DateContext& context);

}  // namespace newsgraph::ingest

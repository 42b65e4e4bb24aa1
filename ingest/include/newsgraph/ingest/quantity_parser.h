// Cardinal quantities in French news sentences: "60 000 déplacés", "plus de 15 mille hommes",
// "des dizaines de morts". Ingest reads them after the dates of the same sentence (a number that
// is part of a date is no quantity); event extraction takes fatalities from them (SPEC section 4).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/ingest/date_parser.h"

namespace newsgraph::ingest {

// One quantity of a sentence.
//
// [begin, end) covers the number and its multiplier words, with the determiner of an
// approximate amount, but not the words that qualify it nor the noun: "plus de 15 mille hommes"
// gives "15 mille", "des dizaines de morts" gives "des dizaines", "près d'une centaine de
// soldats" gives "une centaine", "1,5 million de dollars" gives "1,5 million".
struct Quantity {
  std::size_t begin = 0;  // UTF-8 byte offsets into the sentence given to findQuantities
  std::size_t end = 0;
  double value = 0;          // "60 000" 60000, "413 millions" 413e6, "des dizaines" 10
  bool vague = false;        // an approximate amount: "des dizaines", "une vingtaine",
                             // "des centaines", "un millier", "des millions"
  bool approximate = false;  // vague, or qualified: "environ", "près de", "presque", "quelque",
                             // "plus de", "moins de", "au moins", "au plus", "jusqu'à"...
  bool lowerBound = false;   // "plus de", "au moins", "pas moins de", "au minimum"
  std::string noun;          // matchKey of the word it counts, past "de", "d'", "des" and
                             // "autres" ("soldats", "kilometres"); "%" for "%" and "pour cent";
                             // "" when no noun follows

  // "<value> <noun or -> [<begin>,<end>)", then " vague", " approximate", " lower-bound" as they
  // hold. Whole values print without decimals: "15000 hommes [8,16) approximate lower-bound",
  // "1.5 - [0,3)".
  [[nodiscard]] std::string toString() const;
};

// Finds the cardinal quantities of one sentence, in text order.
//
// Reads digits with thousands separated by a space, U+00A0 or U+202F ("60 000") or a dot
// ("15.000"), decimal commas ("1,5"), multipliers ("413 millions", "15 mille", "2 milliards"),
// number words ("onze", "vingt-deux", "soixante-dix", "quatre-vingt-dix-neuf", "deux cents",
// "vingt et un", "trois mille", "un million"), and approximate amounts ("une dizaine" 10,
// "une douzaine" 12, "une vingtaine" 20, "des centaines" 100, "des milliers" 1000, "des
// dizaines de milliers" 10000, "des millions" 1e6). "de 30 à 40 morts" gives both numbers the
// noun "morts".
//
// Skips what is not a count: numbers inside `dates` ("6 août 2022" yields nothing), numbers
// next to a month or weekday even in impossible dates ("le 45 mars"), ordinals ("1er", "21e",
// "2nd"), times ("14h30", "14:30"), fractions and ratios ("3/4"), digits glued to a name ("G5",
// "F-16", "Covid-19"), symbols such as "¼", and the articles "un", "une" alone.
// Never fails. Offsets are valid for `sentence` only. REQUIRES: `dates` are the dates of
// `sentence` (findDates), any order.
std::vector<Quantity> findQuantities(std::string_view sentence,
                                     const std::vector<DateMention>& dates);

// The dates and quantities of one sentence, as the pipeline asks for them: replaces `dates` with
// findDates(sentence, context) and `quantities` with findQuantities(sentence, dates), with the
// same results, lexing the sentence once instead of twice and skipping it in one pass when it
// has neither digit nor date or number word. Never fails.
void findDatesAndQuantities(std::string_view sentence, const DateContext& context,
                            std::vector<DateMention>& dates, std::vector<Quantity>& quantities);

// Convenience form that finds the dates itself (with a fixed article date, so that year-less
// dates are found too). Pipelines that already called findDates should pass its result to the
// form above, which saves lexing the sentence a second time.
std::vector<Quantity> findQuantities(std::string_view sentence);

}  // namespace newsgraph::ingest

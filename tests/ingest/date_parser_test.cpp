#include "newsgraph/ingest/date_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace newsgraph::ingest {
namespace {

using common::DatePrecision;
using common::PartialDate;

// A context with the article published on `iso` ("2023", "2023-11" or "2023-11-20").
DateContext publishedOn(std::string_view iso) {
  DateContext context;
  context.articleDate = PartialDate::parse(iso);
  return context;
}

// Each mention as "<toString> '<text it covers>'", joined by " | ".
std::string describe(std::string_view sentence, const DateContext& context = {}) {
  std::string out;
  for (const DateMention& mention : findDates(sentence, context)) {
    if (!out.empty()) out += " | ";
    out += mention.toString() + " '" +
           std::string(sentence.substr(mention.begin, mention.end - mention.begin)) + "'";
  }
  return out;
}

TEST(DateParser, ToStringGivesDateRoleAndOffsets) {
  DateMention mention;
  mention.begin = 3;
  mention.end = 25;
  mention.date = PartialDate{2022, 8, 6, DatePrecision::kDay};
  EXPECT_EQ(mention.toString(), "2022-08-06 point [3,25)");
  mention.role = DateRole::kRangeEnd;
  mention.yearInferred = true;
  EXPECT_EQ(mention.toString(), "2022-08-06 range-end [3,25) inferred");
  EXPECT_EQ(dateRoleName(DateRole::kRangeStart), "range-start");
  EXPECT_EQ(dateRoleName(DateRole::kSince), "since");
  EXPECT_EQ(dateRoleName(DateRole::kUntil), "until");
}

TEST(DateParser, ReadsWeekdayDayMonthYear) {
  const std::string sentence = "Les combats ont repris le samedi 6 août 2022 près de Ménaka.";
  auto dates = findDates(sentence, {});
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].date.precision, DatePrecision::kDay);
  EXPECT_FALSE(dates[0].yearInferred);
  // The span starts at the weekday, not at the article "le".
  EXPECT_EQ(sentence.substr(dates[0].begin, dates[0].end - dates[0].begin), "samedi 6 août 2022");
  EXPECT_EQ(describe(sentence), "2022-08-06 point [26,45) 'samedi 6 août 2022'");
}

TEST(DateParser, InfersYearFromArticleDate) {
  EXPECT_EQ(describe("Lundi 21 novembre, des hommes armés ont attaqué un camp de déplacés.",
                     publishedOn("2022-11")),
            "2022-11-21 point [0,17) inferred 'Lundi 21 novembre'");
}

TEST(DateParser, InfersYearFromWeekday) {
  const std::string sentence = "Lundi 21 novembre, des hommes armés ont attaqué un camp.";
  // The latest 21 November up to 2026 that is a Monday.
  EXPECT_EQ(describe(sentence), "2022-11-21 point [0,17) inferred 'Lundi 21 novembre'");
  DateContext earlier;
  earlier.currentYear = 2021;
  EXPECT_EQ(describe(sentence, earlier), "2016-11-21 point [0,17) inferred 'Lundi 21 novembre'");
}

TEST(DateParser, TakesAnEarlierMonthFromTheArticleYear) {
  EXPECT_EQ(
      describe("Le mardi 31 octobre, l'armée est entrée dans Anéfis.", publishedOn("2023-11")),
      "2023-10-31 point [3,19) inferred 'mardi 31 octobre'");
}

TEST(DateParser, TakesALaterMonthFromThePreviousYear) {
  EXPECT_EQ(describe("Il avait été arrêté le 14 décembre à Gao.", publishedOn("2023-03")),
            "2022-12-14 point [27,39) inferred '14 décembre'");
  // A year-precision article cannot order months: its year is taken.
  EXPECT_EQ(describe("Il avait été arrêté le 14 décembre à Gao.", publishedOn("2023")),
            "2023-12-14 point [27,39) inferred '14 décembre'");
}

TEST(DateParser, SkipsYearlessDatesWithoutArticleDateOrWeekday) {
  EXPECT_EQ(describe("Il avait été arrêté le 14 décembre, fin octobre ou en juin."), "");
}

TEST(DateParser, ReadsLateEarlyAndMidMonthAsMonths) {
  EXPECT_EQ(describe("Fin octobre, le convoi a quitté Gao ; à la mi-juillet il était à Kidal.",
                     publishedOn("2023-11-20")),
            "2023-10 point [0,11) inferred 'Fin octobre' | "
            "2023-07 point [45,55) inferred 'mi-juillet'");
}

TEST(DateParser, ReadsLateAndEarlyYearsAsYears) {
  EXPECT_EQ(describe("Début 2020, les renforts sont arrivés, mais fin 2019 tout avait basculé."),
            "2020 point [0,11) 'Début 2020' | 2019 point [46,54) 'fin 2019'");
}

TEST(DateParser, ReadsMonthGluedToItsYear) {
  EXPECT_EQ(describe("La mission a été prolongée en juin2023."),
            "2023-06 point [33,41) 'juin2023'");
  EXPECT_EQ(describe("La mission a été prolongée en juin 2023."),
            "2023-06 point [33,42) 'juin 2023'");
}

TEST(DateParser, ReadsBetweenRangeSharingMonthAndYear) {
  EXPECT_EQ(
      describe("Des affrontements ont eu lieu entre le mardi 07 et le mercredi 08 novembre 2023."),
      "2023-11-07 range-start [39,47) 'mardi 07' | "
      "2023-11-08 range-end [54,79) 'mercredi 08 novembre 2023'");
}

TEST(DateParser, ReadsFromToRange) {
  EXPECT_EQ(describe("Le sommet se tiendra du 25 au 27 juillet 2024 à Niamey."),
            "2024-07-25 range-start [24,26) '25' | 2024-07-27 range-end [30,45) '27 juillet 2024'");
}

TEST(DateParser, MovesARangeStartBackAcrossMonthAndYear) {
  EXPECT_EQ(describe("Du 30 au 2 août 2024 puis du 28 décembre au 3 janvier 2024."),
            "2024-07-30 range-start [3,5) '30' | 2024-08-02 range-end [9,21) '2 août 2024' | "
            "2023-12-28 range-start [30,42) '28 décembre' | "
            "2024-01-03 range-end [46,60) '3 janvier 2024'");
}

TEST(DateParser, ReadsMonthAndYearRanges) {
  EXPECT_EQ(describe("La saison des pluies de juin à août 2023 ; le plan 2014-2015."),
            "2023-06 range-start [24,28) 'juin' | 2023-08 range-end [32,42) 'août 2023' | "
            "2014 range-start [53,57) '2014' | 2015 range-end [58,62) '2015'");
}

TEST(DateParser, ReadsSince) {
  EXPECT_EQ(describe("Les frappes se poursuivent depuis le 10 juillet 2022 dans la région."),
            "2022-07-10 since [37,52) '10 juillet 2022'");
  EXPECT_EQ(describe("Dès 2020 et à partir du 3 mai 2023."),
            "2020 since [5,9) '2020' | 2023-05-03 since [26,36) '3 mai 2023'");
}

TEST(DateParser, ReadsUntil) {
  EXPECT_EQ(describe("Les contingents partiront d'ici 2023."), "2023 until [32,36) '2023'");
  EXPECT_EQ(describe("Le retrait sera achevé d’ici à la fin de l’année.", publishedOn("2023-11")),
            "2023 until [38,55) inferred 'fin de l’année'");
  EXPECT_EQ(describe("La trêve court jusqu'au 10 juillet 2024."),
            "2024-07-10 until [25,40) '10 juillet 2024'");
}

TEST(DateParser, ReadsLastNamedMonthBeforeTheArticle) {
  const std::string sentence = "Depuis le départ des soldats en aout dernier, la ville est isolée.";
  EXPECT_EQ(describe(sentence, publishedOn("2022-11")),
            "2022-08 point [33,45) inferred 'aout dernier'");
  // In August itself, "août dernier" is the August of the year before.
  EXPECT_EQ(describe("Depuis leur départ en août dernier.", publishedOn("2022-08-15")),
            "2021-08 point [23,36) inferred 'août dernier'");
  EXPECT_EQ(describe("Depuis leur départ en août dernier.", publishedOn("2022-03")),
            "2021-08 point [23,36) inferred 'août dernier'");
  // A year-precision article cannot say which August.
  EXPECT_EQ(describe("Depuis leur départ en août dernier.", publishedOn("2022")), "");
}

TEST(DateParser, ReadsFirstAndLastDaysOfMonths) {
  EXPECT_EQ(describe("Le cessez-le-feu signé le 1er août 2022 a expiré le 31 décembre 2023."),
            "2022-08-01 point [27,41) '1er août 2022' | "
            "2023-12-31 point [55,72) '31 décembre 2023'");
}

TEST(DateParser, ReadsListsOfYears) {
  EXPECT_EQ(describe("Des élections ont été organisées en 2014 et 2015."),
            "2014 point [40,44) '2014' | 2015 point [48,52) '2015'");
  EXPECT_EQ(describe("Les scrutins de 2014, 2015 et 2016."),
            "2014 point [16,20) '2014' | 2015 point [22,26) '2015' | 2016 point [30,34) '2016'");
}

TEST(DateParser, ListedDaysShareMonthAndYear) {
  EXPECT_EQ(describe("Les 7, 8 et 9 novembre 2023."),
            "2023-11-07 point [4,5) '7' | 2023-11-08 point [7,8) '8' | "
            "2023-11-09 point [12,27) '9 novembre 2023'");
}

TEST(DateParser, CommaDoesNotShareAYearBetweenCompleteDates) {
  EXPECT_EQ(
      describe("Le 15 Aout, le 3 fevrier 2022 et en DÉCEMBRE 2021.", publishedOn("2023-11-20")),
      "2023-08-15 point [3,10) inferred '15 Aout' | "
      "2022-02-03 point [15,29) '3 fevrier 2022' | 2021-12 point [36,50) 'DÉCEMBRE 2021'");
}

TEST(DateParser, ReadsNumericDates) {
  EXPECT_EQ(describe("La réunion du 14/11/2023 a confirmé l'accord du 2023-11-14."),
            "2023-11-14 point [15,25) '14/11/2023' | 2023-11-14 point [50,60) '2023-11-14'");
  EXPECT_EQ(describe("Rapport 14.11.2023, bilan 11/2023, version 2023-10."),
            "2023-11-14 point [8,18) '14.11.2023' | 2023-11 point [26,33) '11/2023' | "
            "2023-10 point [43,50) '2023-10'");
  EXPECT_EQ(describe("Le 31/02/2023 et le 2023-13."), "");
}

TEST(DateParser, ReadsDaysRelativeToADayPrecisionArticle) {
  const std::string sentence = "Il est arrivé hier, repart aujourd'hui et avait prévenu la veille.";
  EXPECT_EQ(describe(sentence, publishedOn("2023-03-01")),
            "2023-02-28 point [15,19) inferred 'hier' | "
            "2023-03-01 point [28,39) inferred 'aujourd'hui' | "
            "2023-02-28 point [61,67) inferred 'veille'");
  EXPECT_EQ(describe(sentence, publishedOn("2023-03")), "");
  EXPECT_EQ(describe(sentence), "");
  EXPECT_EQ(describe("Parti avant-hier, il revient demain.", publishedOn("2024-01-01")),
            "2023-12-30 point [6,16) inferred 'avant-hier' | "
            "2024-01-02 point [29,35) inferred 'demain'");
}

TEST(DateParser, SkipsFigurativeYesterdayAndToday) {
  EXPECT_EQ(describe("Bamako se méfie de l'allié d'hier et du Sahel d'aujourd'hui.",
                     publishedOn("2023-03-01")),
            "");
}

TEST(DateParser, ReadsLastWeekAsAMonthOnlyWhenItLiesInOne) {
  const std::string sentence = "Le convoi a été attaqué la semaine dernière.";
  EXPECT_EQ(describe(sentence, publishedOn("2023-11-20")),
            "2023-11 point [30,47) inferred 'semaine dernière'");
  // 2023-11-08 is a Wednesday: last week ran from 30 October to 5 November.
  EXPECT_EQ(describe(sentence, publishedOn("2023-11-08")), "");
}

TEST(DateParser, ReadsPeriodsRelativeToTheArticle) {
  EXPECT_EQ(describe("L'an dernier, le mois dernier, samedi dernier et cette année.",
                     publishedOn("2023-01-04")),
            "2022 point [2,12) inferred 'an dernier' | "
            "2022-12 point [17,29) inferred 'mois dernier' | "
            "2022-12-31 point [31,45) inferred 'samedi dernier' | "
            "2023 point [49,61) inferred 'cette année'");
  EXPECT_EQ(
      describe("Le vote aura lieu l'année prochaine, en mars prochain.", publishedOn("2023-05")),
      "2024 point [20,36) inferred 'année prochaine' | "
      "2024-03 point [41,54) inferred 'mars prochain'");
}

TEST(DateParser, IgnoresCaseAndAccents) {
  EXPECT_EQ(describe("Le 15 AOUT 2021, le 3 fevrier 2022 et en DÉCEMBRE 2021."),
            "2021-08-15 point [3,15) '15 AOUT 2021' | 2022-02-03 point [20,34) '3 fevrier 2022' | "
            "2021-12 point [41,55) 'DÉCEMBRE 2021'");
}

TEST(DateParser, GivesNothingForImpossibleDates) {
  EXPECT_EQ(describe("Le 31 février 2023, les combats ont cessé ; le 45 mars aussi."), "");
  // 2023 is not a leap year; the month and year are not reported instead.
  EXPECT_EQ(describe("Le 29 février, rien.", publishedOn("2023-11")), "");
  EXPECT_EQ(describe("Le 29 février, rien.", publishedOn("2024-11")),
            "2024-02-29 point [3,14) inferred '29 février'");
}

TEST(DateParser, KeepsCountsOutOfYears) {
  EXPECT_EQ(describe("Plus de 2000 soldats sont arrivés en 2014."), "2014 point [38,42) '2014'");
  EXPECT_EQ(describe("La crise de 2012 a changé le pays."), "2012 point [12,16) '2012'");
  EXPECT_EQ(describe("Un bataillon de 2000 hommes, 2023 soldats, environ 2000."), "");
  EXPECT_EQ(describe("Ils étaient de 2000 à 3000 soldats, et entre 1950 et 2000 soldats."), "");
  EXPECT_EQ(describe("En 1850 et en 2150, rien."), "");
  // A cue such as "en" makes a year even before a noun.
  EXPECT_EQ(describe("En 2014 2000 soldats."), "2014 point [3,7) '2014'");
}

TEST(DateParser, ReadsTypographicApostrophes) {
  EXPECT_EQ(describe("Ils partiront d’ici 2025, dit-il aujourd’hui.", publishedOn("2024-05-02")),
            "2025 until [22,26) '2025' | 2024-05-02 point [35,48) inferred 'aujourd’hui'");
}

TEST(DateParser, SkipsSentencesWithoutDates) {
  EXPECT_EQ(describe("Les Casques bleus ont quitté la ville.", publishedOn("2023-11-20")), "");
  // "Mars" capitalised inside a sentence is a name, and a lone weekday says no date.
  EXPECT_EQ(describe("La sonde vers Mars a été lancée lundi.", publishedOn("2023-11-20")), "");
  EXPECT_EQ(describe(""), "");
}

TEST(DateParser, OffsetsAreBytesIntoTheSentence) {
  // U+00A0 and U+202F spaces, accents and a typographic apostrophe before the dates.
  const std::string sentence =
      "À l’aube, l’armée a annoncé\xC2\xA0: le 6\xE2\x80\xAF"
      "août 2022 puis fin décembre 2023.";
  auto dates = findDates(sentence, {});
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(sentence.substr(dates[0].begin, dates[0].end - dates[0].begin),
            "6\xE2\x80\xAF"
            "août 2022");
  EXPECT_EQ(sentence.substr(dates[1].begin, dates[1].end - dates[1].begin), "fin décembre 2023");
  EXPECT_EQ(dates[1].date.toString(), "2023-12");
}

}  // namespace
}  // namespace newsgraph::ingest

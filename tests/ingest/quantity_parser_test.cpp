#include "newsgraph/ingest/quantity_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::ingest {
namespace {

// Each quantity as "<toString> '<text it covers>'", joined by " | ".
std::string describe(std::string_view sentence) {
  std::string out;
  for (const Quantity& quantity : findQuantities(sentence)) {
    if (!out.empty()) out += " | ";
    out += quantity.toString() + " '" +
           std::string(sentence.substr(quantity.begin, quantity.end - quantity.begin)) + "'";
  }
  return out;
}

TEST(QuantityParser, ToStringGivesValueNounOffsetsAndFlags) {
  Quantity quantity;
  quantity.begin = 8;
  quantity.end = 16;
  quantity.value = 15000;
  quantity.noun = "hommes";
  quantity.approximate = true;
  quantity.lowerBound = true;
  EXPECT_EQ(quantity.toString(), "15000 hommes [8,16) approximate lower-bound");
  Quantity fraction;
  fraction.end = 3;
  fraction.value = 1.5;
  fraction.vague = true;
  EXPECT_EQ(fraction.toString(), "1.5 - [0,3) vague");
}

TEST(QuantityParser, ReadsThousandsSeparatedBySpaces) {
  // Plain space, U+00A0 no-break space, U+202F narrow no-break space.
  EXPECT_EQ(describe("On compte 60 000 déplacés, 60\xC2\xA0"
                     "000 réfugiés et 60\xE2\x80\xAF"
                     "000 blessés."),
            "60000 deplaces [10,16) '60 000' | 60000 refugies [29,36) '60\xC2\xA0"
            "000' | "
            "60000 blesses [51,59) '60\xE2\x80\xAF"
            "000'");
  EXPECT_EQ(describe("3 500 Casques bleus et 6000 véhicules."),
            "3500 casques [0,5) '3 500' | 6000 vehicules [23,27) '6000'");
}

TEST(QuantityParser, ReadsThousandsSeparatedByDots) {
  EXPECT_EQ(describe("Avec 2.000 hommes, 15.000 soldats et 1.500.000 habitants."),
            "2000 hommes [5,10) '2.000' | 15000 soldats [19,25) '15.000' | "
            "1500000 habitants [37,46) '1.500.000'");
}

TEST(QuantityParser, ReadsCountsAndTheirNouns) {
  EXPECT_EQ(describe("L'attaque a fait 11 morts et 42 soldats ont disparu à 100 kilomètres."),
            "11 morts [17,19) '11' | 42 soldats [29,31) '42' | "
            "100 kilometres [55,58) '100'");
  EXPECT_EQ(describe("Les renforts comptent 700, puis 6000 de plus."),
            "700 - [22,25) '700' | 6000 - [32,36) '6000'");
}

TEST(QuantityParser, ReadsMultipliersAndDecimalCommas) {
  EXPECT_EQ(describe("Un budget de 413 millions d'euros et de 1,5 million de dollars."),
            "413000000 euros [13,25) '413 millions' | 1500000 dollars [40,51) '1,5 million'");
  EXPECT_EQ(describe("Ils sont 15 mille, soit 2 milliards de francs, et 12,5 % des voix."),
            "15000 - [9,17) '15 mille' | 2000000000 francs [24,35) '2 milliards' | "
            "12.5 % [50,54) '12,5'");
}

TEST(QuantityParser, ReadsQualifiers) {
  EXPECT_EQ(describe("Plus de 15 mille hommes, environ 6000 des militaires."),
            "15000 hommes [8,16) approximate lower-bound '15 mille' | "
            "6000 militaires [33,37) approximate '6000'");
  EXPECT_EQ(describe("Au moins 30 morts, près de 50 blessés, pas moins de 200 otages."),
            "30 morts [9,11) approximate lower-bound '30' | 50 blesses [28,30) approximate '50' | "
            "200 otages [54,57) approximate lower-bound '200'");
  EXPECT_EQ(describe("Moins de 5 morts, jusqu'à 400 soldats, quelque 300 civils, 12 otages."),
            "5 morts [9,10) approximate '5' | 400 soldats [27,30) approximate '400' | "
            "300 civils [48,51) approximate '300' | 12 otages [60,62) '12'");
}

TEST(QuantityParser, ReadsVagueAmounts) {
  EXPECT_EQ(
      describe("Des dizaines de morts, une dizaine, une vingtaine, des centaines, des milliers."),
      "10 morts [0,12) vague approximate 'Des dizaines' | "
      "10 - [23,34) vague approximate 'une dizaine' | "
      "20 - [36,49) vague approximate 'une vingtaine' | "
      "100 - [51,64) vague approximate 'des centaines' | "
      "1000 - [66,78) vague approximate 'des milliers'");
  EXPECT_EQ(describe("Des dizaines de milliers de personnes et près d'une centaine de soldats."),
            "10000 personnes [0,24) vague approximate 'Des dizaines de milliers' | "
            "100 soldats [49,61) vague approximate 'une centaine'");
  // "en quarantaine" is a quarantine.
  EXPECT_EQ(describe("Mis en quarantaine, une quarantaine de soldats."),
            "40 soldats [20,35) vague approximate 'une quarantaine'");
}

TEST(QuantityParser, ReadsNumberWords) {
  EXPECT_EQ(describe("Onze soldats, vingt-deux morts, trois blessés et deux cents civils."),
            "11 soldats [0,4) 'Onze' | 22 morts [14,24) 'vingt-deux' | "
            "3 blesses [32,37) 'trois' | 200 civils [50,60) 'deux cents'");
  EXPECT_EQ(describe("Soixante et onze otages, quatre-vingt-dix-neuf morts, mille hommes."),
            "71 otages [0,16) 'Soixante et onze' | 99 morts [25,46) 'quatre-vingt-dix-neuf' | "
            "1000 hommes [54,59) 'mille'");
  EXPECT_EQ(describe("Un million de personnes et deux millions trois cent mille euros."),
            "1000000 personnes [0,10) 'Un million' | "
            "2300000 euros [27,57) 'deux millions trois cent mille'");
}

TEST(QuantityParser, IgnoresArticlesOrdinalsAndAdjectives) {
  EXPECT_EQ(describe("Un soldat et une femme du 1er bataillon et du 21e régiment."), "");
  EXPECT_EQ(describe("La vingt-deuxième division a reçu un véhicule neuf."), "");
  EXPECT_EQ(describe("Neuf soldats ont reçu un véhicule neuf."), "9 soldats [0,4) 'Neuf'");
}

TEST(QuantityParser, SkipsNumbersInsideDates) {
  EXPECT_EQ(describe("Le 31 décembre 2023 la ville est tombée."), "");
  EXPECT_EQ(describe("Le samedi 6 août 2022, 42 soldats ont été tués."), "42 soldats [24,26) '42'");
  EXPECT_EQ(describe("Du 25 au 27 juillet, le 14/11/2023, en 2014 et 2015, mi-2023."), "");
  EXPECT_EQ(describe("Le 45 mars et le 31 février 2023, version 2023-11."), "");
}

TEST(QuantityParser, CountsFourDigitNumbersThatAreNotYears) {
  EXPECT_EQ(describe("Plus de 2000 soldats sont arrivés en 2014."),
            "2000 soldats [8,12) approximate lower-bound '2000'");
  EXPECT_EQ(describe("En 2014, 2000 soldats ; en 2150, rien."),
            "2000 soldats [9,13) '2000' | 2150 - [27,31) '2150'");
}

TEST(QuantityParser, UsesTheDatesItIsGiven) {
  const std::string sentence = "En 2014, 42 soldats.";
  EXPECT_EQ(findQuantities(sentence, {}).size(), 2u);
  auto quantities = findQuantities(sentence, findDates(sentence, {}));
  ASSERT_EQ(quantities.size(), 1u);
  EXPECT_EQ(quantities[0].toString(), "42 soldats [9,11)");
}

TEST(QuantityParser, SkipsCodesTimesFractionsAndSymbols) {
  EXPECT_EQ(describe("Le G5 Sahel, des F-16, le Covid-19 et des Mi-24 à 14h30 ou 14:30."), "");
  EXPECT_EQ(describe("Il a obtenu 3/4 des voix, soit ¼ de plus qu'à 14 h 30."), "");
}

TEST(QuantityParser, SharesTheNounAcrossARange) {
  EXPECT_EQ(describe("De 30 à 40 morts, entre 10 et 15 blessés, 10-15 disparus."),
            "30 morts [3,5) '30' | 40 morts [9,11) '40' | 10 blesses [25,27) '10' | "
            "15 blesses [31,33) '15' | 10 disparus [44,46) '10' | 15 disparus [47,49) '15'");
}

TEST(QuantityParser, SkipsSentencesWithoutNumbers) {
  EXPECT_EQ(describe("Les Casques bleus ont quitté la ville sans incident."), "");
  EXPECT_EQ(describe(""), "");
}

// findDatesAndQuantities lexes first and decides from the tokens whether to read dates and
// counts: it must give what findDates and findQuantities give, which scan the bytes first.
TEST(QuantityParser, DatesAndQuantitiesMatchTheSeparateCalls) {
  DateContext context;
  context.articleDate = common::PartialDate{2023, 11, 14, common::DatePrecision::kDay};
  const std::string_view sentences[] = {
      "Les élections ont eu lieu en mars, hier et la semaine dernière.",  // date words, no digit
      "Une vingtaine de soldats et des centaines de civils.",             // number words only
      "Les États-Unis et l'Élysée ont réagi à l'attaque.",  // words starting with accents
      "Àn Ésemaine ÉJanvier Émars éjanvier",                // letters after a non-ASCII one
      "Le 6 août 2022, 25 morts et le 1er mars.",
      "Rien à signaler dans la région.",
      "Une dizaine de morts.",
      "\xC3janvier \xC3"
      "5 morts \xE2\x80janvier",  // ill-formed UTF-8 hides letters, digits
      "Aujourd'hui, deux cents déplacés.",
      "",
  };
  std::vector<DateMention> dates;
  std::vector<Quantity> quantities;
  for (std::string_view sentence : sentences) {
    SCOPED_TRACE(sentence);
    findDatesAndQuantities(sentence, context, dates, quantities);
    const std::vector<DateMention> expectedDates = findDates(sentence, context);
    const std::vector<Quantity> expectedQuantities = findQuantities(sentence, expectedDates);
    ASSERT_EQ(dates.size(), expectedDates.size());
    for (std::size_t i = 0; i < dates.size(); ++i) {
      EXPECT_EQ(dates[i].toString(), expectedDates[i].toString());
    }
    ASSERT_EQ(quantities.size(), expectedQuantities.size());
    for (std::size_t i = 0; i < quantities.size(); ++i) {
      EXPECT_EQ(quantities[i].toString(), expectedQuantities[i].toString());
    }
  }
}

TEST(QuantityParser, DatesAndQuantitiesFindADateWithoutDigits) {
  DateContext context;
  context.articleDate = common::PartialDate{2023, 11, 14, common::DatePrecision::kDay};
  std::vector<DateMention> dates;
  std::vector<Quantity> quantities;
  findDatesAndQuantities("Les combats ont repris hier près de Gao.", context, dates, quantities);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].begin, 23u);
  EXPECT_TRUE(quantities.empty());
}

}  // namespace
}  // namespace newsgraph::ingest

#include "newsgraph/common/partial_date.h"

#include <gtest/gtest.h>

namespace newsgraph::common {
namespace {

TEST(PartialDate, ParsesThreePrecisions) {
  EXPECT_EQ(PartialDate::parse("2023")->toString(), "2023");
  EXPECT_EQ(PartialDate::parse("2023-11")->toString(), "2023-11");
  EXPECT_EQ(PartialDate::parse("2023-11-14")->toString(), "2023-11-14");
  EXPECT_EQ(PartialDate::parse("2023-11-14")->precisionName(), "day");
}

TEST(PartialDate, PadsAndWidensAsPrintfWould) {
  EXPECT_EQ((PartialDate{7, 3, 9, DatePrecision::kDay}.toString()), "0007-03-09");
  EXPECT_EQ((PartialDate{999, 12, 0, DatePrecision::kMonth}.toString()), "0999-12");
  EXPECT_EQ((PartialDate{12345, 1, 2, DatePrecision::kDay}.toString()), "12345-01-02");
  EXPECT_EQ((PartialDate{-44, 3, 15, DatePrecision::kYear}.toString()), "-044");
}

TEST(PartialDate, RejectsInvalidForms) {
  EXPECT_FALSE(PartialDate::parse("2023/11"));
  EXPECT_FALSE(PartialDate::parse("2023-13"));
  EXPECT_FALSE(PartialDate::parse("2023-02-29"));
  EXPECT_TRUE(PartialDate::parse("2024-02-29"));
  EXPECT_FALSE(PartialDate::parse("23-11-14"));
  EXPECT_FALSE(PartialDate::parse("2023-11-14x"));
}

TEST(PartialDate, AgreesToOwnPrecision) {
  auto month = *PartialDate::parse("2023-11");
  EXPECT_TRUE(month.agreesTo(*PartialDate::parse("2023-11-14")));
  EXPECT_FALSE(month.agreesTo(*PartialDate::parse("2023-10-14")));
  EXPECT_FALSE(month.agreesTo(*PartialDate::parse("2023")));
}

TEST(DayOfWeek, KnowsMondays) {
  EXPECT_EQ(dayOfWeek(2022, 11, 21), 0);  // a Monday
  EXPECT_EQ(dayOfWeek(2022, 8, 6), 5);    // a Saturday
}

}  // namespace
}  // namespace newsgraph::common

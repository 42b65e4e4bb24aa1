// End-to-end tests of events: `timeline`, the events of the JSON export, event scores in `eval`.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <sstream>

#include "cli_harness.h"

namespace {

using newsgraph::testing::CliTest;
using newsgraph::testing::CommandResult;
using newsgraph::testing::run;

// Splits RFC 4180 CSV text into rows of fields (quoted fields may hold commas, quotes, newlines).
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else if (c != '\r') {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

class EventCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    CommandResult ingest = run("ingest " + samples_ + "/articles -q --db " + path("g.db"));
    ASSERT_EQ(ingest.status, 0) << ingest.out;
  }
};

TEST_F(EventCliTest, TimelineListsEventsInDateOrder) {
  CommandResult timeline = run("timeline --format csv --db " + path("g.db"));
  ASSERT_EQ(timeline.status, 0) << timeline.out;
  auto rows = parseCsv(timeline.out);
  ASSERT_GT(rows.size(), 10u) << timeline.out;
  EXPECT_EQ(rows[0][0], "date");
  std::string previous;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), rows[0].size()) << "row " << i;
    if (rows[i][0].empty()) continue;  // undated events come last
    EXPECT_LE(previous.substr(0, 4), rows[i][0].substr(0, 4)) << "row " << i;
    previous = rows[i][0];
    EXPECT_NE(rows[i][7].find(": "), std::string::npos) << "evidence names its article";
  }
}

TEST_F(EventCliTest, TimelineFiltersByPlaceAndDates) {
  CommandResult kidal =
      run("timeline --place kidal --from 2023-11 --to 2023-11 --format csv --db " + path("g.db"));
  ASSERT_EQ(kidal.status, 0) << kidal.out;
  auto rows = parseCsv(kidal.out);
  ASSERT_GT(rows.size(), 1u) << "samples/ tell of the taking of Kidal in November 2023";
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][0].substr(0, 4), "2023") << kidal.out;
    EXPECT_EQ(rows[i][5], "kidal") << kidal.out;  // no town of the samples lies in Kidal's
  }
  CommandResult mali = run("timeline --place mali --format csv --db " + path("g.db"));
  CommandResult all = run("timeline --format csv --db " + path("g.db"));
  EXPECT_GE(parseCsv(mali.out).size(), rows.size());
  EXPECT_LE(parseCsv(mali.out).size(), parseCsv(all.out).size());
}

TEST_F(EventCliTest, TimelineExplainsBadOptions) {
  CommandResult date = run("timeline --from 2023-13 --db " + path("g.db"));
  EXPECT_EQ(date.status, 2);
  EXPECT_NE(date.out.find("--from '2023-13' is not a date"), std::string::npos) << date.out;
  CommandResult actor = run("timeline --actor wagnerr --db " + path("g.db"));
  EXPECT_EQ(actor.status, 2);
  EXPECT_NE(actor.out.find("--actor 'wagnerr' is not an entity of the store"), std::string::npos)
      << actor.out;
}

TEST_F(EventCliTest, JsonExportCarriesEventsWithTheirEvidence) {
  CommandResult exported = run("export --format json --compact --db " + path("g.db"));
  ASSERT_EQ(exported.status, 0) << exported.out;
  rapidjson::Document doc;
  doc.Parse(exported.out.c_str());
  ASSERT_FALSE(doc.HasParseError());
  ASSERT_GT(doc["events"].Size(), 10u);
  for (const auto& e : doc["events"].GetArray()) {
    for (const char* key : {"id", "type", "sub_type", "actor1", "actor2", "location", "date",
                            "fatalities", "evidence"}) {
      ASSERT_TRUE(e.HasMember(key)) << key;
    }
    ASSERT_EQ(e["evidence"].Size(), 1u);
    EXPECT_TRUE(e["evidence"][0]["doc"].IsString());
  }
  for (const auto& e : doc["entities"].GetArray()) {
    EXPECT_STRNE(e["type"].GetString(), "Event") << "events are listed under \"events\"";
  }
  for (const auto& r : doc["relations"].GetArray()) {
    EXPECT_STRNE(r["predicate"].GetString(), "OCCURRED_IN");
  }
}

TEST_F(EventCliTest, AcledCsvHasAcledColumnsAndCodes) {
  CommandResult csv = run("export --format acled-csv --db " + path("g.db"));
  ASSERT_EQ(csv.status, 0) << csv.out;
  auto rows = parseCsv(csv.out);
  ASSERT_GT(rows.size(), 10u);
  const std::vector<std::string>& header = rows[0];
  ASSERT_EQ(header.size(), 31u);
  auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  EXPECT_EQ(header[column("event_id_cnty")], "event_id_cnty");
  bool sawKidal = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), 31u) << "row " << i;
    EXPECT_FALSE(row[column("event_type")].empty());
    EXPECT_FALSE(row[column("notes")].empty()) << "the evidence sentence";
    EXPECT_NO_THROW((void)std::stol(row[column("fatalities")]));
    if (!row[column("event_date")].empty()) {
      EXPECT_EQ(row[column("event_date")].size(), 10u);
    }
    if (row[column("location")] == "Kidal") {
      sawKidal = true;
      EXPECT_EQ(row[column("country")], "Mali");
      EXPECT_EQ(row[column("geo_precision")], "1");
      EXPECT_FALSE(row[column("latitude")].empty());
    }
    if (row[column("actor1")] == "Forces armées maliennes") {
      EXPECT_EQ(row[column("inter1")], "1");
    }
  }
  EXPECT_TRUE(sawKidal);
}

TEST_F(EventCliTest, EvalScoresEvents) {
  CommandResult eval = run("eval --json --gold " + samples_ + "/gold.json " + samples_ +
                           "/articles --min-event-f1 0.3");
  ASSERT_EQ(eval.status, 0) << eval.out;
  rapidjson::Document doc;
  doc.Parse(eval.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << eval.out;
  EXPECT_GT(doc["events"]["tp"].GetUint(), 10u);
  CommandResult strict =
      run("eval --gold " + samples_ + "/gold.json " + samples_ + "/articles --min-event-f1 0.99");
  EXPECT_EQ(strict.status, 1);
  EXPECT_NE(strict.out.find("is below --min-event-f1"), std::string::npos) << strict.out;
}

}  // namespace

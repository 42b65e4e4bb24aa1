// The store's multi-row inserter (graph/src, private to the store), on an in-memory database.
#include "sqlite_batch_insert.h"

#include <gtest/gtest.h>

#include <string>

namespace newsgraph::graph::sqlite {
namespace {

class BatchInsertTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &raw), SQLITE_OK);
    db_.reset(raw);
    exec(db_.get(), "CREATE TABLE t(n INTEGER, word TEXT UNIQUE, x REAL)");
  }

  // The table's rows in rowid order, one "rowid n word x" line each.
  std::string rows() {
    Statement select(db_.get(), "SELECT rowid, n, word, x FROM t ORDER BY rowid");
    std::string out;
    while (select.step()) {
      out += std::to_string(select.integer(0)) + " " + std::to_string(select.integer(1)) + " " +
             (select.isNull(2) ? "NULL" : std::string(select.text(2))) + " " +
             (select.isNull(3) ? "NULL" : std::to_string(select.real(3))) + "\n";
    }
    return out;
  }

  Connection db_;
};

TEST_F(BatchInsertTest, InsertsRowsInOrderByFullStatementsThenTheRest) {
  BatchInsert batch(db_.get(), "t(n, word, x)", 3, 2);
  for (int i = 1; i <= 5; ++i) {
    batch.add(std::int64_t{i}).add(std::string_view("w" + std::to_string(i))).add(i * 0.5);
    batch.endRow();
  }
  EXPECT_EQ(batch.pendingRows(), 1u);  // two full statements ran
  const std::string four = "1 1 w1 0.500000\n2 2 w2 1.000000\n3 3 w3 1.500000\n4 4 w4 2.000000\n";
  EXPECT_EQ(rows(), four);
  batch.flush();
  EXPECT_EQ(batch.pendingRows(), 0u);
  EXPECT_EQ(rows(), four + "5 5 w5 2.500000\n");
}

TEST_F(BatchInsertTest, WritesNullsAndOptionals) {
  BatchInsert batch(db_.get(), "t(n, word, x)", 3);
  batch.add(std::int64_t{1}).addNull().add(std::optional<double>()).endRow();
  batch.add(std::int64_t{2}).add(std::optional<std::string>("two")).add(std::optional(2.0));
  batch.endRow();
  EXPECT_EQ(rows(), "");  // waiting for a full statement or flush()
  batch.flush();
  EXPECT_EQ(rows(), "1 1 NULL NULL\n2 2 two 2.000000\n");
}

TEST_F(BatchInsertTest, AFailedInsertThrowsAndEmptiesTheBuffer) {
  BatchInsert batch(db_.get(), "t(n, word, x)", 3);
  batch.add(std::int64_t{1}).add(std::string_view("same")).add(1.0).endRow();
  batch.add(std::int64_t{2}).add(std::string_view("same")).add(2.0).endRow();
  try {
    batch.flush();
    FAIL() << "expected a UNIQUE constraint failure";
  } catch (const SqliteError& failure) {
    EXPECT_EQ(failure.primary(), SQLITE_CONSTRAINT);
  }
  EXPECT_EQ(batch.pendingRows(), 0u);
}

TEST_F(BatchInsertTest, ARowWithTheWrongNumberOfValuesIsABug) {
  BatchInsert batch(db_.get(), "t(n, word, x)", 3);
  batch.add(std::int64_t{1});
  EXPECT_THROW(batch.endRow(), std::logic_error);
}

}  // namespace
}  // namespace newsgraph::graph::sqlite

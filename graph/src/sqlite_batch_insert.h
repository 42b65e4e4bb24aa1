// Private to the store: inserting many rows into one table with multi-row INSERT statements.
// SQLite spends about as much on running a statement (step, halt, reset, bindings) as on
// storing a small row; one statement per N rows pays that once per N.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sqlite_statement.h"

namespace newsgraph::graph::sqlite {

// Buffers the rows of one table and inserts them `rowsPerStatement` at a time by one prepared
// `INSERT OR FAIL INTO table(columns) VALUES (?, ...), (?, ...), ...` statement, the remainder
// by a one-row statement when flushed. Rows reach the table in the order they were added (so
// implicit rowids follow that order); a row waits in the buffer until its statement is full or
// flush() runs, so nothing reads it before then. Text values are copied into the buffer.
//
// OR FAIL: a row that breaks a constraint stops its statement without undoing the rows before
// it, so SQLite keeps no statement journal (with the default, ABORT, a multi-row statement
// saves every page it changes beforehand, to a temporary file past 64 KiB). After a failure
// the caller rolls the transaction back.
class BatchInsert {
 public:
  // Measured on the store's tables: 16 and 256 rows per statement both cost more.
  static constexpr int kDefaultRowsPerStatement = 64;

  // `table`: the table and its columns, "mentions(entity, article)"; `columns`: how many
  // values a row has. Throws SqliteError when SQLite refuses the statement.
  BatchInsert(sqlite3* db, std::string_view table, int columns,
              int rowsPerStatement = kDefaultRowsPerStatement);

  // The next value of the current row, in column order.
  BatchInsert& add(std::int64_t value);
  BatchInsert& add(double value);
  BatchInsert& add(std::string_view value);
  BatchInsert& addNull();
  template <typename T>
  BatchInsert& add(const std::optional<T>& value) {
    return value ? add(*value) : addNull();
  }

  // Ends the current row (REQUIRES: `columns` values added since the last row); inserts the
  // buffered rows when they fill a statement. Throws SqliteError (the buffer is then empty).
  void endRow();
  // Inserts every buffered row. Throws SqliteError (the buffer is then empty).
  void flush();
  // Drops the buffered rows without inserting them.
  void clear();
  // Rows waiting to be inserted.
  std::size_t pendingRows() const { return values_.size() / static_cast<std::size_t>(columns_); }

 private:
  enum class Kind : std::uint8_t { kNull, kInteger, kReal, kText };
  struct Value {
    Kind kind = Kind::kNull;
    std::int64_t integer = 0;  // kInteger; for kText, the offset of the text in text_
    double real = 0;           // kReal
    std::size_t size = 0;      // kText: its length
  };

  // Binds `rows` buffered rows from row `first` on to `statement` and runs it.
  void insert(Statement& statement, std::size_t first, std::size_t rows);

  sqlite3* db_;
  std::string table_;
  int columns_;
  int rowsPerStatement_;
  Statement full_;    // rowsPerStatement_ rows
  Statement single_;  // one row, prepared when first needed
  std::vector<Value> values_;
  std::string text_;
};

}  // namespace newsgraph::graph::sqlite

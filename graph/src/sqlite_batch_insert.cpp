#include "sqlite_batch_insert.h"

#include <stdexcept>

namespace newsgraph::graph::sqlite {
namespace {

// "INSERT OR FAIL INTO table VALUES (?, ?), (?, ?)" for `rows` rows of `columns` values.
std::string insertText(std::string_view table, int columns, int rows) {
  std::string row = "(?";
  for (int c = 1; c < columns; ++c) row += ", ?";
  row += ')';
  std::string sql = "INSERT OR FAIL INTO ";
  sql += table;
  sql += " VALUES ";
  for (int r = 0; r < rows; ++r) {
    if (r > 0) sql += ", ";
    sql += row;
  }
  return sql;
}

}  // namespace

BatchInsert::BatchInsert(sqlite3* db, std::string_view table, int columns, int rowsPerStatement)
    : db_(db),
      table_(table),
      columns_(columns),
      rowsPerStatement_(rowsPerStatement),
      full_(db, insertText(table, columns, rowsPerStatement)) {
  values_.reserve(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rowsPerStatement));
}

BatchInsert& BatchInsert::add(std::int64_t value) {
  values_.push_back(Value{Kind::kInteger, value, 0, 0});
  return *this;
}

BatchInsert& BatchInsert::add(double value) {
  values_.push_back(Value{Kind::kReal, 0, value, 0});
  return *this;
}

BatchInsert& BatchInsert::add(std::string_view value) {
  values_.push_back(Value{Kind::kText, static_cast<std::int64_t>(text_.size()), 0, value.size()});
  text_ += value;
  return *this;
}

BatchInsert& BatchInsert::addNull() {
  values_.push_back(Value{});
  return *this;
}

void BatchInsert::endRow() {
  if (values_.size() % static_cast<std::size_t>(columns_) != 0) {
    throw std::logic_error("BatchInsert: a row of " + table_ + " has the wrong number of values");
  }
  if (pendingRows() == static_cast<std::size_t>(rowsPerStatement_)) flush();
}

void BatchInsert::flush() {
  std::size_t rows = pendingRows();
  std::size_t row = 0;
  try {
    for (; row + static_cast<std::size_t>(rowsPerStatement_) <= rows; row += rowsPerStatement_) {
      insert(full_, row, static_cast<std::size_t>(rowsPerStatement_));
    }
    if (row < rows && single_.empty()) single_ = Statement(db_, insertText(table_, columns_, 1));
    for (; row < rows; ++row) insert(single_, row, 1);
  } catch (...) {
    clear();
    throw;
  }
  clear();
}

void BatchInsert::clear() {
  values_.clear();
  text_.clear();
}

void BatchInsert::insert(Statement& statement, std::size_t first, std::size_t rows) {
  std::size_t begin = first * static_cast<std::size_t>(columns_);
  std::size_t end = begin + rows * static_cast<std::size_t>(columns_);
  int parameter = 1;
  for (std::size_t i = begin; i < end; ++i, ++parameter) {
    const Value& v = values_[i];
    switch (v.kind) {
      case Kind::kNull:
        statement.bindNull(parameter);
        break;
      case Kind::kInteger:
        statement.bind(parameter, v.integer);
        break;
      case Kind::kReal:
        statement.bind(parameter, v.real);
        break;
      case Kind::kText:
        statement.bindUncopied(
            parameter, std::string_view(text_).substr(static_cast<std::size_t>(v.integer), v.size));
        break;
    }
  }
  statement.run();
}

}  // namespace newsgraph::graph::sqlite

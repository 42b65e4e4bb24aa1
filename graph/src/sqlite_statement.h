// Private to the store: a thin RAII layer over SQLite's C API. Failures throw SqliteError,
// which the GraphStore methods catch at their edge and turn into common::Error (the store's
// public API never throws for bad files, full disks or busy locks).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace newsgraph::graph::sqlite {

// An SQLite failure: the (extended) result code and SQLite's message.
class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }            // extended result code
  int primary() const { return code_ & 0xff; }  // SQLITE_BUSY, SQLITE_CORRUPT, ...

 private:
  int code_;
};

// Throws the connection's current error.
[[noreturn]] void fail(sqlite3* db);
// Throws when `rc` is not SQLITE_OK.
void check(sqlite3* db, int rc);
// Runs SQL text with no results (one or more statements).
void exec(sqlite3* db, const char* sql);

struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

// One prepared statement. Columns and parameters are 0-based / 1-based as in SQLite. A text
// column's view lives until the next step() or reset().
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);  // copied by SQLite
  // Not copied: REQUIRES `value` stays valid until the parameter is bound again or reset()
  // clears it (run() does), every step() in between reading it.
  Statement& bindUncopied(int index, std::string_view value);
  Statement& bindNull(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  // Advances: true when a row is ready, false when done.
  bool step();
  // Steps to completion, then resets for the next use.
  void run();
  // Resets to run again and clears the bindings.
  void reset();

  // True for a default-constructed or moved-from statement.
  bool empty() const { return stmt_ == nullptr; }

  bool isNull(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string_view text(int column) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace newsgraph::graph::sqlite

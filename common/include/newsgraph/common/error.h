// The error value every module returns for bad input (files, JSON, Turtle, query text).
// Bad input is expected, not exceptional: functions fed by users return Result<T>.
// Exceptions are kept for bugs and resource exhaustion; the CLI's main has the one catch-all.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace newsgraph::common {

// One diagnostic: where it happened and what went wrong.
// toString() gives the project-wide format `<source>:<line>:<col>: <stage> error: <text>`;
// line and column are 1-based, 0 means unknown and is omitted.
struct Error {
  std::string source;  // file name, "<stdin>", "<query>", ...
  std::size_t line = 0;
  std::size_t column = 0;
  std::string stage;  // "read", "json", "ontology", "date", ...
  std::string message;

  [[nodiscard]] std::string toString() const;
};

// Either a value or an Error. [[nodiscard]] so no failure is dropped silently.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit on purpose
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

  // REQUIRES: !ok().
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result for operations that produce nothing but may fail.
struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Unit{}; }

}  // namespace newsgraph::common

// Private: the syntax tree the parser builds. The binder annotates it in place (variable slots,
// allowed classes and types), which is why some fields are "set by the binder".
// Closed node sets are std::variant.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "newsgraph/query/value.h"
#include "query_error.h"

namespace newsgraph::query {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// What a variable holds (set by the binder).
enum class VarKind { kNode, kRel, kRelList, kPath, kValue };

struct Literal {
  Value value;
};
struct Parameter {
  std::string name;
};
struct Variable {
  std::string name;
  int slot = -1;                   // set by the binder
  VarKind kind = VarKind::kValue;  // set by the binder
};
struct PropertyAccess {
  ExprPtr object;
  std::string key;
};
struct ListLiteral {
  std::vector<ExprPtr> items;
};
struct MapLiteral {
  std::vector<std::pair<std::string, ExprPtr>> items;
};
struct FunctionCall {
  std::string name;  // lower case
  bool distinct = false;
  bool star = false;  // count(*)
  std::vector<ExprPtr> args;
  int aggregate = -1;  // set by the binder: index of the aggregate in its projection
};
struct UnaryOp {
  std::string op;  // "NOT", "-"
  ExprPtr operand;
};
struct BinaryOp {
  // "OR", "XOR", "AND", "=", "<>", "<", "<=", ">", ">=", "IN", "STARTS WITH", "ENDS WITH",
  // "CONTAINS", "+", "-", "*", "/", "%"
  std::string op;
  ExprPtr left;
  ExprPtr right;
};
struct IsNullOp {
  ExprPtr operand;
  bool negated = false;  // IS NOT NULL
};
struct IndexOp {
  ExprPtr object;
  ExprPtr index;
};
// `[x IN list WHERE x > 1 | x * 2]`: where and projection are optional.
struct ListComprehension {
  std::string var;
  ExprPtr list;
  ExprPtr where;
  ExprPtr projection;
  int slot = -1;  // set by the binder: the variable's slot
};
// `n:Town`: true when the node's class is the label or below it.
struct LabelCheck {
  ExprPtr object;
  std::vector<std::string> labels;
  std::vector<bool> classMask;  // set by the binder
};

struct Expr {
  std::variant<Literal, Parameter, Variable, PropertyAccess, ListLiteral, MapLiteral, FunctionCall,
               UnaryOp, BinaryOp, IsNullOp, IndexOp, LabelCheck, ListComprehension>
      node;
  SourcePos pos;
};

// Cypher-like text of an expression: what a RETURN column is named after.
std::string toString(const Expr& expr);

using PropertyMap = std::vector<std::pair<std::string, ExprPtr>>;

struct NodePattern {
  std::string var;  // may be empty
  std::vector<std::string> labels;
  std::vector<SourcePos> labelPos;
  PropertyMap properties;
  SourcePos pos;
  int slot = -1;                // set by the binder (anonymous nodes get a hidden slot)
  bool boundBefore = false;     // set by the binder: the variable comes from an earlier clause
  std::vector<bool> classMask;  // set by the binder, by snapshot class id; empty: any class
};

enum class Direction { kOut, kIn, kBoth };

struct RelPattern {
  std::string var;
  std::vector<std::string> types;  // alternatives; empty: any type
  std::vector<SourcePos> typePos;
  Direction direction = Direction::kBoth;
  bool variableLength = false;
  int minHops = 1;
  std::optional<int> maxHops;
  PropertyMap properties;
  SourcePos pos;
  int slot = -1;               // set by the binder
  std::vector<bool> typeMask;  // set by the binder, by snapshot type id; empty: any type
};

enum class PathKind { kPlain, kShortest, kAllShortest };

// n0 r0 n1 r1 n2 ...: nodes.size() == rels.size() + 1.
struct PatternPath {
  std::string pathVar;
  PathKind kind = PathKind::kPlain;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
  SourcePos pos;
  int pathSlot = -1;  // set by the binder when pathVar is given
};

struct MatchClause {
  bool optional = false;
  std::vector<PatternPath> patterns;
  ExprPtr where;
  SourcePos pos;
};

struct YieldItem {
  std::string name;
  std::string alias;
  SourcePos pos;
  int slot = -1;  // set by the binder
};

struct CallClause {
  std::string procedure;  // "algo.pagerank"
  std::vector<ExprPtr> args;
  std::vector<YieldItem> yields;
  ExprPtr where;
  SourcePos pos;
};

struct UnwindClause {
  ExprPtr list;
  std::string var;
  SourcePos pos;
  int slot = -1;  // set by the binder
};

struct ReturnItem {
  ExprPtr expr;
  std::string alias;   // empty: the column is named after the expression
  std::string column;  // the output name (set by the parser)
  int slot = -1;       // set by the binder
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

// RETURN and WITH.
struct ProjectionClause {
  bool isWith = false;
  bool distinct = false;
  std::vector<ReturnItem> items;
  std::vector<SortItem> orderBy;
  ExprPtr skip;
  ExprPtr limit;
  ExprPtr where;  // WITH ... WHERE
  SourcePos pos;
  // Set by the binder: the aggregate calls inside the items, in order.
  std::vector<const FunctionCall*> aggregates;
};

using Clause = std::variant<MatchClause, CallClause, UnwindClause, ProjectionClause>;

enum class QueryMode { kRun, kExplain, kProfile };

struct Ast {
  QueryMode mode = QueryMode::kRun;
  std::vector<Clause> clauses;
};

// One clause a line, Cypher-like: what parser tests compare.
std::string toString(const Ast& ast);
std::string toString(const PatternPath& pattern);

}  // namespace newsgraph::query

#include "binder.h"

#include <algorithm>
#include <map>

namespace newsgraph::query {
namespace {

const std::vector<std::string>& nodeProperties() {
  static const std::vector<std::string> kProperties = {
      "id",       "label", "label_en", "class", "aliases",  "lat",  "lon",        "wikidata",
      "mentions", "docs",  "known",    "type",  "sub_type", "date", "fatalities", "quote"};
  return kProperties;
}

const std::vector<std::string>& relProperties() {
  static const std::vector<std::string> kProperties = {
      "type",    "date",     "status", "source",  "confidence",
      "sources", "evidence", "docs",   "subject", "object"};
  return kProperties;
}

const std::vector<std::string>& aggregateFunctions() {
  static const std::vector<std::string> kNames = {"count", "collect", "min", "max", "sum", "avg"};
  return kNames;
}

// Scalar functions with their argument counts (min, max).
const std::map<std::string, std::pair<std::size_t, std::size_t>>& scalarFunctions() {
  static const std::map<std::string, std::pair<std::size_t, std::size_t>> kFunctions = {
      {"id", {1, 1}},      {"labels", {1, 1}},        {"type", {1, 1}},      {"length", {1, 1}},
      {"nodes", {1, 1}},   {"relationships", {1, 1}}, {"rels", {1, 1}},      {"size", {1, 1}},
      {"tolower", {1, 1}}, {"toupper", {1, 1}},       {"tostring", {1, 1}},  {"tointeger", {1, 1}},
      {"tofloat", {1, 1}}, {"coalesce", {1, 64}},     {"startnode", {1, 1}}, {"endnode", {1, 1}},
      {"head", {1, 1}},    {"last", {1, 1}},          {"abs", {1, 1}},       {"trim", {1, 1}},
      {"date", {1, 1}},    {"round", {1, 1}},         {"degree", {1, 1}},    {"precision", {1, 1}}};
  return kFunctions;
}

std::vector<std::string> functionNames() {
  std::vector<std::string> names = aggregateFunctions();
  for (const auto& [name, arity] : scalarFunctions()) names.push_back(name);
  return names;
}

bool isAggregate(const std::string& name) {
  const auto& names = aggregateFunctions();
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Where an expression starts in the text (a.b + 1 starts at a).
SourcePos startPos(const Expr& expr) {
  if (const auto* e = std::get_if<PropertyAccess>(&expr.node)) return startPos(*e->object);
  if (const auto* e = std::get_if<BinaryOp>(&expr.node)) return startPos(*e->left);
  if (const auto* e = std::get_if<IndexOp>(&expr.node)) return startPos(*e->object);
  if (const auto* e = std::get_if<IsNullOp>(&expr.node)) return startPos(*e->operand);
  if (const auto* e = std::get_if<LabelCheck>(&expr.node)) return startPos(*e->object);
  return expr.pos;
}

struct VarInfo {
  int slot = -1;
  VarKind kind = VarKind::kValue;
};

const char* kindName(VarKind kind) {
  switch (kind) {
    case VarKind::kNode:
      return "a node";
    case VarKind::kRel:
      return "a relationship";
    case VarKind::kRelList:
      return "a list of relationships";
    case VarKind::kPath:
      return "a path";
    case VarKind::kValue:
      return "a value";
  }
  return "a value";
}

class Binder {
 public:
  Binder(const SnapshotData& snapshot, const QueryOptions& options)
      : snapshot_(snapshot), options_(options) {}

  BoundQuery run(Ast ast) {
    BoundQuery bound;
    query_ = &bound;
    for (std::size_t i = 0; i < ast.clauses.size(); ++i) {
      Clause& clause = ast.clauses[i];
      bool last = i + 1 == ast.clauses.size();
      if (auto* match = std::get_if<MatchClause>(&clause)) {
        bindMatch(*match);
      } else if (auto* call = std::get_if<CallClause>(&clause)) {
        bindCall(*call, last);
      } else if (auto* unwind = std::get_if<UnwindClause>(&clause)) {
        bindExpr(*unwind->list, false);
        if (scope_.count(unwind->var)) redefined(unwind->var, unwind->pos);
        unwind->slot = define(unwind->var, VarKind::kValue);
      } else {
        auto& projection = std::get<ProjectionClause>(clause);
        if (!projection.isWith && !last) {
          fail("semantic", projection.pos, "RETURN must be the last clause");
        }
        bindProjection(projection);
      }
      if (last && !std::holds_alternative<ProjectionClause>(clause) &&
          !std::holds_alternative<CallClause>(clause)) {
        fail("semantic", clausePos(clause), "a query must end with RETURN");
      }
      if (last && std::holds_alternative<ProjectionClause>(clause) &&
          std::get<ProjectionClause>(clause).isWith) {
        fail("semantic", clausePos(clause), "a query must end with RETURN, not WITH");
      }
    }
    bound.ast = std::move(ast);
    return bound;
  }

 private:
  const SnapshotData& snapshot_;
  const QueryOptions& options_;
  BoundQuery* query_ = nullptr;
  std::map<std::string, VarInfo> scope_;
  int hidden_ = 0;

  static SourcePos clausePos(const Clause& clause) {
    return std::visit([](const auto& c) { return c.pos; }, clause);
  }

  int newSlot(const std::string& name, VarKind kind) {
    query_->slotNames.push_back(name);
    query_->slotKinds.push_back(kind);
    return static_cast<int>(query_->slotNames.size() - 1);
  }
  int define(const std::string& name, VarKind kind) {
    int slot = newSlot(name, kind);
    scope_[name] = {slot, kind};
    return slot;
  }
  [[noreturn]] void redefined(const std::string& name, SourcePos pos) {
    fail("semantic", pos, "variable '" + name + "' is already defined");
  }
  std::vector<std::string> scopeNames() const {
    std::vector<std::string> names;
    for (const auto& [name, info] : scope_) names.push_back(name);
    return names;
  }

  void bindMatch(MatchClause& match) {
    std::map<std::string, VarInfo> before = scope_;
    for (PatternPath& path : match.patterns) bindPattern(path, before);
    if (match.where) bindExpr(*match.where, false);
  }

  std::vector<bool> classMask(NodePattern& node) {
    if (node.labels.empty()) return {};
    std::vector<bool> mask(snapshot_.classNames.size(), true);
    for (std::size_t i = 0; i < node.labels.size(); ++i) {
      const std::string& label = node.labels[i];
      if (!snapshot_.ontology->findClass(label)) {
        std::vector<std::string> names;
        for (const auto& cls : snapshot_.ontology->classes()) names.push_back(cls.name);
        fail("semantic", node.labelPos[i],
             "unknown label '" + label + "': labels are ontology classes" +
                 didYouMean(label, names));
      }
      for (std::size_t c = 0; c < snapshot_.classNames.size(); ++c) {
        if (!snapshot_.ontology->isSubclassOf(snapshot_.classNames[c], label)) mask[c] = false;
      }
    }
    return mask;
  }

  void checkProperties(PropertyMap& map, const std::vector<std::string>& known, SourcePos pos,
                       const char* what) {
    for (auto& [key, value] : map) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        fail("semantic", value->pos,
             std::string("unknown ") + what + " property '" + key + "'" + didYouMean(key, known));
      }
      bindExpr(*value, false);
    }
    (void)pos;
  }

  void bindNode(NodePattern& node, const std::map<std::string, VarInfo>& before) {
    node.classMask = classMask(node);
    checkProperties(node.properties, nodeProperties(), node.pos, "node");
    if (node.var.empty()) {
      node.slot = newSlot("_n" + std::to_string(++hidden_), VarKind::kNode);
      return;
    }
    auto found = scope_.find(node.var);
    if (found != scope_.end()) {
      if (found->second.kind != VarKind::kNode) {
        fail("semantic", node.pos,
             "variable '" + node.var + "' is " + kindName(found->second.kind) + ", not a node");
      }
      node.slot = found->second.slot;
      node.boundBefore = before.count(node.var) > 0;
      return;
    }
    node.slot = define(node.var, VarKind::kNode);
  }

  void bindRel(RelPattern& rel, bool shortest) {
    if (shortest && !rel.variableLength) {
      // shortestPath((a)-[:T]-(b)) is one hop, still bound as a list of relationships.
      rel.variableLength = true;
      rel.maxHops = 1;
    }
    if (!rel.types.empty()) {
      rel.typeMask.assign(snapshot_.typeNames.size(), false);
      for (std::size_t i = 0; i < rel.types.size(); ++i) {
        const std::string& type = rel.types[i];
        if (!snapshot_.ontology->findRelationType(type)) {
          std::vector<std::string> names;
          for (const auto& t : snapshot_.ontology->relationTypes()) names.push_back(t.name);
          fail("semantic", rel.typePos[i],
               "unknown relation type '" + type + "'" + didYouMean(type, names));
        }
        rel.typeMask[snapshot_.typeIds.at(type)] = true;
      }
    }
    checkProperties(rel.properties, relProperties(), rel.pos, "relationship");
    if (rel.variableLength || shortest) {
      if (rel.maxHops && *rel.maxHops > options_.maxDepth) {
        fail("limit", rel.pos,
             "variable-length upper bound " + std::to_string(*rel.maxHops) +
                 " exceeds the depth cap " + std::to_string(options_.maxDepth) +
                 " (raise it with --max-depth)");
      }
      if (!rel.maxHops) rel.maxHops = options_.maxDepth;
      if (rel.minHops > *rel.maxHops) {
        fail("semantic", rel.pos,
             "variable-length lower bound " + std::to_string(rel.minHops) +
                 " is above its upper bound " + std::to_string(*rel.maxHops));
      }
    }
    VarKind kind = rel.variableLength ? VarKind::kRelList : VarKind::kRel;
    if (rel.var.empty()) {
      rel.slot = newSlot("_r" + std::to_string(++hidden_), kind);
      return;
    }
    if (scope_.count(rel.var)) {
      fail("semantic", rel.pos,
           "variable '" + rel.var + "' is already defined (a relationship variable binds once)");
    }
    rel.slot = define(rel.var, kind);
  }

  void bindPattern(PatternPath& path, const std::map<std::string, VarInfo>& before) {
    bool shortest = path.kind != PathKind::kPlain;
    if (shortest && path.rels.size() != 1) {
      fail("semantic", path.pos,
           "shortestPath needs exactly one relationship pattern: (a)-[*..5]-(b)");
    }
    for (std::size_t i = 0; i < path.nodes.size(); ++i) {
      bindNode(path.nodes[i], before);
      if (i < path.rels.size()) bindRel(path.rels[i], shortest);
    }
    if (shortest && path.rels[0].minHops > 1) {
      fail("semantic", path.rels[0].pos, "shortestPath takes a lower bound of 0 or 1");
    }
    if (!path.pathVar.empty()) {
      if (scope_.count(path.pathVar)) redefined(path.pathVar, path.pos);
      path.pathSlot = define(path.pathVar, VarKind::kPath);
    } else if (shortest) {
      path.pathSlot = newSlot("_p" + std::to_string(++hidden_), VarKind::kPath);
    }
  }

  void bindCall(CallClause& call, bool last) {
    const ProcedureInfo* info = nullptr;
    std::vector<std::string> names;
    for (const ProcedureInfo& p : procedures()) {
      names.push_back(p.name);
      if (p.name == call.procedure) info = &p;
    }
    if (!info) {
      fail("semantic", call.pos,
           "unknown procedure '" + call.procedure + "'" + didYouMean(call.procedure, names) +
               " (procedures: algo.pagerank, algo.degree, algo.components, algo.betweenness)");
    }
    for (ExprPtr& arg : call.args) bindExpr(*arg, false);
    if (call.yields.empty()) {
      for (const std::string& column : info->columns) call.yields.push_back({column, "", call.pos});
    }
    for (YieldItem& item : call.yields) {
      if (std::find(info->columns.begin(), info->columns.end(), item.name) == info->columns.end()) {
        fail("semantic", item.pos,
             "procedure " + info->name + " yields no column '" + item.name + "'" +
                 didYouMean(item.name, info->columns));
      }
      std::string var = item.alias.empty() ? item.name : item.alias;
      if (scope_.count(var)) redefined(var, item.pos);
      item.slot = define(var, item.name == "node" ? VarKind::kNode : VarKind::kValue);
      if (last) {
        query_->columns.push_back(var);
        query_->columnSlots.push_back(item.slot);
      }
    }
    if (call.where) bindExpr(*call.where, false);
  }

  void bindProjection(ProjectionClause& projection) {
    for (ReturnItem& item : projection.items) {
      bindExpr(*item.expr, true, &projection.aggregates);
      if (projection.isWith && item.alias.empty() &&
          !std::holds_alternative<Variable>(item.expr->node)) {
        fail("semantic", startPos(*item.expr),
             "an expression in WITH must be aliased: WITH " + item.column + " AS name");
      }
    }
    bool aggregating = !projection.aggregates.empty();
    std::map<std::string, VarInfo> oldScope = scope_;
    std::map<std::string, VarInfo> newScope;
    std::vector<std::string> columns;
    for (ReturnItem& item : projection.items) {
      if (std::find(columns.begin(), columns.end(), item.column) != columns.end()) {
        fail("semantic", item.expr->pos,
             "column '" + item.column + "' appears twice; give one an alias with AS");
      }
      columns.push_back(item.column);
      VarKind kind = VarKind::kValue;
      if (const auto* var = std::get_if<Variable>(&item.expr->node)) kind = var->kind;
      item.slot = newSlot(item.column, kind);
      newScope[item.column] = {item.slot, kind};
    }
    // ORDER BY sees the new columns, and the old variables unless the projection aggregates
    // or removes duplicates (then the old rows are gone).
    scope_ = newScope;
    if (!aggregating && !projection.distinct) {
      for (const auto& [name, info] : oldScope) scope_.emplace(name, info);
    }
    for (SortItem& sort : projection.orderBy) {
      std::string text = toString(*sort.expr);
      bool replaced = false;
      for (ReturnItem& item : projection.items) {
        if (toString(*item.expr) == text) {
          SourcePos pos = sort.expr->pos;
          sort.expr = std::make_unique<Expr>();
          sort.expr->node = Variable{item.column, item.slot, VarKind::kValue};
          sort.expr->pos = pos;
          replaced = true;
          break;
        }
      }
      if (!replaced) bindExpr(*sort.expr, false);
    }
    scope_ = newScope;
    for (ExprPtr* e : {&projection.skip, &projection.limit}) {
      if (!*e) continue;
      bindExpr(**e, false);
      if (!std::holds_alternative<Literal>((*e)->node) &&
          !std::holds_alternative<Parameter>((*e)->node)) {
        fail("semantic", (*e)->pos, "SKIP and LIMIT take a non-negative integer or a parameter");
      }
    }
    if (projection.where) bindExpr(*projection.where, false);
    if (!projection.isWith) {
      query_->columns = columns;
      for (const ReturnItem& item : projection.items) query_->columnSlots.push_back(item.slot);
    }
  }

  void bindExpr(Expr& expr, bool allowAggregates,
                std::vector<const FunctionCall*>* aggregates = nullptr, bool inAggregate = false) {
    auto recurse = [&](Expr& child) { bindExpr(child, allowAggregates, aggregates, inAggregate); };
    if (auto* var = std::get_if<Variable>(&expr.node)) {
      auto found = scope_.find(var->name);
      if (found == scope_.end()) {
        fail("semantic", expr.pos,
             "unknown variable '" + var->name + "'" + didYouMean(var->name, scopeNames()));
      }
      var->slot = found->second.slot;
      var->kind = found->second.kind;
    } else if (auto* param = std::get_if<Parameter>(&expr.node)) {
      if (!options_.parameters.count(param->name)) {
        fail("semantic", expr.pos,
             "parameter $" + param->name + " has no value (give it with --param " + param->name +
                 "=VALUE)");
      }
    } else if (auto* prop = std::get_if<PropertyAccess>(&expr.node)) {
      recurse(*prop->object);
      if (const auto* base = std::get_if<Variable>(&prop->object->node)) {
        if (base->kind == VarKind::kNode) {
          checkKey(prop->key, nodeProperties(), expr.pos, "node");
        } else if (base->kind == VarKind::kRel) {
          checkKey(prop->key, relProperties(), expr.pos, "relationship");
        } else if (base->kind != VarKind::kValue) {
          fail("semantic", expr.pos,
               "'" + base->name + "' is " + kindName(base->kind) + " and has no properties" +
                   (base->kind == VarKind::kRelList
                        ? " (use relationships in a list: " + base->name + "[0]." + prop->key + ")"
                        : ""));
        }
      }
    } else if (auto* list = std::get_if<ListLiteral>(&expr.node)) {
      for (ExprPtr& item : list->items) recurse(*item);
    } else if (auto* map = std::get_if<MapLiteral>(&expr.node)) {
      for (auto& item : map->items) recurse(*item.second);
    } else if (auto* call = std::get_if<FunctionCall>(&expr.node)) {
      bindCall(expr, *call, allowAggregates, aggregates, inAggregate);
    } else if (auto* unary = std::get_if<UnaryOp>(&expr.node)) {
      recurse(*unary->operand);
    } else if (auto* binary = std::get_if<BinaryOp>(&expr.node)) {
      recurse(*binary->left);
      recurse(*binary->right);
    } else if (auto* isNull = std::get_if<IsNullOp>(&expr.node)) {
      recurse(*isNull->operand);
    } else if (auto* comprehension = std::get_if<ListComprehension>(&expr.node)) {
      recurse(*comprehension->list);
      auto saved = scope_;
      VarKind kind = VarKind::kValue;
      if (const auto* base = std::get_if<Variable>(&comprehension->list->node);
          base && base->kind == VarKind::kRelList) {
        kind = VarKind::kRel;
      }
      if (const auto* source = std::get_if<FunctionCall>(&comprehension->list->node)) {
        if (source->name == "nodes") kind = VarKind::kNode;
        if (source->name == "relationships" || source->name == "rels") kind = VarKind::kRel;
      }
      comprehension->slot = define(comprehension->var, kind);
      if (comprehension->where) bindExpr(*comprehension->where, false);
      if (comprehension->projection) recurse(*comprehension->projection);
      scope_ = saved;
    } else if (auto* check = std::get_if<LabelCheck>(&expr.node)) {
      recurse(*check->object);
      NodePattern probe;
      probe.labels = check->labels;
      probe.labelPos.assign(check->labels.size(), expr.pos);
      check->classMask = classMask(probe);
    } else if (auto* index = std::get_if<IndexOp>(&expr.node)) {
      recurse(*index->object);
      recurse(*index->index);
    }
  }

  void checkKey(const std::string& key, const std::vector<std::string>& known, SourcePos pos,
                const char* what) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      fail("semantic", pos,
           std::string("unknown ") + what + " property '" + key + "'" + didYouMean(key, known));
    }
  }

  void bindCall(Expr& expr, FunctionCall& call, bool allowAggregates,
                std::vector<const FunctionCall*>* aggregates, bool inAggregate) {
    if (isAggregate(call.name)) {
      if (!allowAggregates) {
        fail("semantic", expr.pos,
             "aggregate " + call.name + "() is only allowed in RETURN and WITH items");
      }
      if (inAggregate) fail("semantic", expr.pos, "aggregates cannot be nested");
      if (call.star && call.name != "count") {
        fail("semantic", expr.pos, call.name + "(*) is not allowed; only count(*)");
      }
      if (!call.star && call.args.size() != 1) {
        fail("semantic", expr.pos, call.name + "() takes one argument");
      }
      for (ExprPtr& arg : call.args) bindExpr(*arg, allowAggregates, aggregates, true);
      call.aggregate = static_cast<int>(aggregates->size());
      aggregates->push_back(&call);
      return;
    }
    auto found = scalarFunctions().find(call.name);
    if (found == scalarFunctions().end()) {
      if (call.name.rfind("algo.", 0) == 0) {
        fail("semantic", expr.pos,
             call.name + " is a procedure: CALL " + call.name + "() YIELD node, score");
      }
      fail("semantic", expr.pos,
           "unknown function '" + call.name + "'" + didYouMean(call.name, functionNames()));
    }
    if (call.star || call.distinct) {
      fail("semantic", expr.pos, call.name + "() takes neither * nor DISTINCT");
    }
    auto [low, high] = found->second;
    if (call.args.size() < low || call.args.size() > high) {
      fail("semantic", expr.pos,
           call.name + "() takes " + std::to_string(low) + (low == high ? "" : " or more") +
               " argument" + (low == 1 && high == 1 ? "" : "s"));
    }
    for (ExprPtr& arg : call.args) bindExpr(*arg, allowAggregates, aggregates, inAggregate);
  }
};

}  // namespace

const std::vector<ProcedureInfo>& procedures() {
  static const std::vector<ProcedureInfo> kProcedures = {
      {"algo.pagerank", {"node", "score"}},
      {"algo.degree", {"node", "score"}},
      {"algo.betweenness", {"node", "score"}},
      {"algo.components", {"node", "component", "size"}},
  };
  return kProcedures;
}

std::string BoundQuery::toString() const {
  std::string out = query::toString(ast);
  for (std::size_t i = 0; i < slotNames.size(); ++i) {
    out += "$" + std::to_string(i) + " " + slotNames[i] + ": " + kindName(slotKinds[i]) + "\n";
  }
  return out;
}

BoundQuery bind(Ast ast, const SnapshotData& snapshot, const QueryOptions& options) {
  return Binder(snapshot, options).run(std::move(ast));
}

}  // namespace newsgraph::query

// Writing to a store: replaying a graph's changes as row inserts and deletes, removing
// articles, and the cleanup that drops what removed articles alone supported.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstring>
#include <stdexcept>

#include "graph_store_impl.h"
#include "newsgraph/graph/graph_store.h"

namespace newsgraph::graph {
namespace {

std::int64_t i64(std::uint64_t value) {
  std::int64_t out;
  std::memcpy(&out, &value, sizeof out);  // the hash keeps its 64 bits in SQLite's signed integer
  return out;
}

std::int64_t i64(std::uint32_t value) { return static_cast<std::int64_t>(value); }

std::string aliasesJson(const std::vector<std::string>& aliases) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const std::string& alias : aliases) {
    w.String(alias.c_str(), static_cast<rapidjson::SizeType>(alias.size()));
  }
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<std::string> dateText(const std::optional<common::PartialDate>& date) {
  if (!date) return std::nullopt;
  return date->toString();
}

// The events table and its columns, as inserted.
constexpr const char* kEventColumns =
    "events(entity, type, sub_type, date, fatalities, article, sentence, begin, end, quote, "
    "evidence_date, status, source, place, confidence)";

// Binds the evidence columns from parameter `first` on: article, sentence, begin, end, quote,
// date, status, source, place, confidence.
void bindEvidence(sqlite::Statement& s, int first, const Evidence& e,
                  std::optional<std::int64_t> article) {
  s.bind(first, article)
      .bind(first + 1, i64(e.sentence))
      .bind(first + 2, i64(e.begin))
      .bind(first + 3, i64(e.end))
      .bind(first + 4, std::string_view(e.quote))
      .bind(first + 5, dateText(e.date))
      .bind(first + 6, statusName(e.status))
      .bind(first + 7, std::string_view(e.source))
      .bind(first + 8, std::string_view(e.place))
      .bind(first + 9, e.confidence);
}

// The same columns, added to a batched row.
void addEvidence(sqlite::BatchInsert& row, const Evidence& e, std::optional<std::int64_t> article) {
  row.add(article)
      .add(i64(e.sentence))
      .add(i64(e.begin))
      .add(i64(e.end))
      .add(std::string_view(e.quote))
      .add(dateText(e.date))
      .add(statusName(e.status))
      .add(std::string_view(e.source))
      .add(std::string_view(e.place))
      .add(e.confidence);
}

template <typename T>
std::int64_t& slot(std::vector<std::int64_t>& rows, T id) {
  if (id >= rows.size()) rows.resize(static_cast<std::size_t>(id) + 1, 0);
  return rows[id];
}

// Where the ids of new rows start: past every stored one.
NextRows nextRows(sqlite3* db) {
  sqlite::Statement largest(
      db,
      "SELECT (SELECT coalesce(max(id), 0) FROM articles), "
      "max((SELECT coalesce(max(id), 0) FROM entities), (SELECT coalesce(max(entity), 0) FROM "
      "events)), (SELECT coalesce(max(id), 0) FROM relations)");
  largest.step();
  return NextRows{largest.integer(0) + 1, largest.integer(1) + 1, largest.integer(2) + 1};
}

// Writes a vertex's entity row (a new row or an update of a stored one) and its event.
void writeEntity(GraphStore::Impl& store, const KnowledgeGraph& graph, VertexId vertex,
                 bool stored) {
  WriteStatements& s = *store.statements;
  const EntityNode& e = graph.entity(vertex);
  std::int64_t row = store.vertexRow[vertex];
  std::string aliases = aliasesJson(e.aliases);
  bool located = e.lat && e.lon;  // both or neither
  if (stored) {
    sqlite::Statement& update = s.updateEntity;
    update.bind(1, std::string_view(e.id))
        .bind(2, std::string_view(e.cls))
        .bind(3, std::string_view(e.label))
        .bind(4, std::string_view(e.labelEn))
        .bind(5, std::string_view(aliases));
    if (located) {
      update.bind(6, *e.lat).bind(7, *e.lon);
    } else {
      update.bindNull(6).bindNull(7);
    }
    update.bind(8, std::string_view(e.wikidata))
        .bind(9, std::int64_t{e.known ? 1 : 0})
        .bind(10, row)
        .run();
  } else {
    sqlite::BatchInsert& insert = s.entities;
    insert.add(row)
        .add(std::string_view(e.id))
        .add(std::string_view(e.cls))
        .add(std::string_view(e.label))
        .add(std::string_view(e.labelEn))
        .add(std::string_view(aliases));
    if (located) {
      insert.add(*e.lat).add(*e.lon);
    } else {
      insert.addNull().addNull();
    }
    insert.add(std::string_view(e.wikidata)).add(std::int64_t{e.known ? 1 : 0}).endRow();
  }
  if (!e.event) return;
  const EventDetails& event = *e.event;
  if (event.retracted ||
      (event.evidence.article && slot(store.articleRow, *event.evidence.article) == 0)) {
    if (stored) s.deleteEvent.bind(1, row).run();  // a new row has no event to delete
    return;
  }
  std::optional<std::int64_t> article;
  if (event.evidence.article) article = store.articleRow[*event.evidence.article];
  std::optional<std::int64_t> fatalities;
  if (event.fatalities) fatalities = *event.fatalities;
  if (stored) {  // replaces the event row, if any
    sqlite::Statement& upsert = s.upsertEvent;
    upsert.bind(1, row)
        .bind(2, std::string_view(event.type))
        .bind(3, std::string_view(event.subType))
        .bind(4, dateText(event.date))
        .bind(5, fatalities);
    bindEvidence(upsert, 6, event.evidence, article);
    upsert.run();
  } else {
    sqlite::BatchInsert& insert = s.events;
    insert.add(row)
        .add(std::string_view(event.type))
        .add(std::string_view(event.subType))
        .add(dateText(event.date))
        .add(fatalities);
    addEvidence(insert, event.evidence, article);
    insert.endRow();
  }
}

}  // namespace

WriteStatements::WriteStatements(sqlite3* db)
    : findArticle(db, "SELECT id FROM articles WHERE doc = ?"),
      articleMentionedEntities(db, "SELECT DISTINCT entity FROM mentions WHERE article = ?"),
      articleRelations(db,
                       "SELECT DISTINCT r.id, r.subject, r.object FROM evidence e "
                       "JOIN relations r ON r.id = e.relation WHERE e.article = ?"),
      deleteArticleMentions(db, "DELETE FROM mentions WHERE article = ?"),
      deleteArticleEvidence(db, "DELETE FROM evidence WHERE article = ?"),
      deleteArticleEvents(db, "DELETE FROM events WHERE article = ? RETURNING entity"),
      deleteArticleRow(db, "DELETE FROM articles WHERE id = ?"),
      updateEntity(db,
                   "UPDATE entities SET slug = ?, class = ?, label = ?, label_en = ?, aliases = ?, "
                   "lat = ?, lon = ?, wikidata = ?, known = ? WHERE id = ?"),
      upsertEvent(db, std::string("INSERT OR REPLACE INTO ") + kEventColumns +
                          " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      deleteEvent(db, "DELETE FROM events WHERE entity = ?"),
      hasMentions(db, "SELECT 1 FROM mentions WHERE entity = ? LIMIT 1"),
      hasArticleEvidenceAsSubject(db,
                                  "SELECT 1 FROM relations r JOIN evidence e ON e.relation = r.id "
                                  "WHERE r.subject = ? AND e.article IS NOT NULL LIMIT 1"),
      hasArticleEvidenceAsObject(db,
                                 "SELECT 1 FROM relations r JOIN evidence e ON e.relation = r.id "
                                 "WHERE r.object = ? AND e.article IS NOT NULL LIMIT 1"),
      relationsOf(db,
                  "SELECT id, subject, object FROM relations WHERE subject = ?1 "
                  "UNION SELECT id, subject, object FROM relations WHERE object = ?1"),
      deleteBackgroundEvidence(db, "DELETE FROM evidence WHERE relation = ? AND article IS NULL"),
      relationHasEvidence(db, "SELECT 1 FROM evidence WHERE relation = ? LIMIT 1"),
      deleteRelation(db, "DELETE FROM relations WHERE id = ?"),
      deleteEntity(db, "DELETE FROM entities WHERE id = ?"),
      articles(db, "articles(id, doc, title, url, source, date, hash)", 7),
      entities(db, "entities(id, slug, class, label, label_en, aliases, lat, lon, wikidata, known)",
               10),
      events(db, kEventColumns, 15),
      mentions(db, "mentions(entity, article, sentence, begin, end)", 5),
      relations(db, "relations(id, subject, type, object)", 4),
      evidence(db,
               "evidence(relation, article, sentence, begin, end, quote, date, status, source, "
               "place, confidence)",
               11) {}

WriteStatements& GraphStore::Impl::write() {
  if (!writing) throw std::logic_error("GraphStore: not open for writing");
  if (!statements) {
    statements = std::make_unique<WriteStatements>(db.get());
    next = nextRows(db.get());
  }
  return *statements;
}

void GraphStore::Impl::flush() {
  WriteStatements& s = write();
  for (VertexId vertex : entitiesToWrite) {
    writeEntity(*this, *graph, vertex, entityWrite[vertex] == EntityWrite::kUpdate);
    entityWrite[vertex] = EntityWrite::kNone;
  }
  entitiesToWrite.clear();
  for (sqlite::BatchInsert* batch :
       {&s.articles, &s.entities, &s.events, &s.mentions, &s.relations, &s.evidence}) {
    batch->flush();
  }
}

namespace {

// Replays one batch of changes into the store's batches, giving new rows their ids.
class ChangeWriter {
 public:
  ChangeWriter(GraphStore::Impl& store, const KnowledgeGraph& graph)
      : store_(store), graph_(graph), s_(store.write()) {
    store.graph = &graph;
  }

  void apply(const GraphChange& change) {
    switch (change.kind) {
      case GraphChange::Kind::kArticleAdded:
        insertArticle(change.id);
        break;
      case GraphChange::Kind::kArticleRemoved:
        if (std::int64_t& row = slot(store_.articleRow, change.id); row != 0) {
          store_.deleteArticle(row);
          row = 0;
        }
        break;
      case GraphChange::Kind::kEntityChanged:
        changed_.push_back(change.id);
        break;
      case GraphChange::Kind::kMentionAdded:
        insertMention(change.id, change.mention);
        break;
      case GraphChange::Kind::kEvidenceAdded:
        insertEvidence(change.id, change.evidence);
        break;
    }
  }

  void insertArticle(ArticleId id) {
    const ArticleRecord& a = graph_.article(id);
    std::int64_t row = store_.next.article++;
    slot(store_.articleRow, id) = row;
    s_.articles.add(row)
        .add(std::string_view(a.doc))
        .add(std::string_view(a.title))
        .add(std::string_view(a.url))
        .add(std::string_view(a.source))
        .add(dateText(a.date))
        .add(i64(a.contentHash))
        .endRow();
  }

  std::int64_t articleRow(ArticleId id) {
    std::int64_t row = slot(store_.articleRow, id);
    if (row == 0) throw std::logic_error("GraphStore: an article was not written before use");
    return row;
  }

  // The vertex's row; a new one is written at the next flush.
  std::int64_t entityRow(VertexId vertex) {
    std::int64_t& row = slot(store_.vertexRow, vertex);
    if (row == 0) {
      row = store_.next.entity++;
      toWrite(vertex, GraphStore::Impl::EntityWrite::kInsert);
    }
    return row;
  }

  // Marks the entities that changed for the next flush. New ones get their rows here, after
  // those that mentions and relations needed first, in the order in which they changed.
  void finish() {
    for (VertexId vertex : changed_) {
      if (slot(store_.vertexRow, vertex) == 0) {
        entityRow(vertex);
      } else {
        toWrite(vertex, GraphStore::Impl::EntityWrite::kUpdate);
      }
    }
  }

  void insertMention(VertexId vertex, const MentionRef& m) {
    std::int64_t entity = entityRow(vertex);
    s_.mentions.add(entity)
        .add(articleRow(m.article))
        .add(i64(m.sentence))
        .add(i64(m.begin))
        .add(i64(m.end))
        .endRow();
  }

  std::int64_t relationRow(EdgeId edge) {
    std::int64_t row = slot(store_.edgeRow, edge);
    if (row != 0) return row;
    const RelationEdge& r = graph_.relation(edge);
    std::int64_t subject = entityRow(r.subject);
    std::int64_t object = entityRow(r.object);
    row = store_.next.relation++;
    s_.relations.add(row).add(subject).add(std::string_view(r.type)).add(object).endRow();
    store_.edgeRow[edge] = row;
    return row;
  }

  void insertEvidence(EdgeId edge, const Evidence& e) {
    std::optional<std::int64_t> article;
    if (e.article) article = articleRow(*e.article);
    std::int64_t relation = relationRow(edge);
    s_.evidence.add(relation);
    addEvidence(s_.evidence, e, article);
    s_.evidence.endRow();
  }

 private:
  // Marks the vertex for the next flush, unless it is marked already.
  void toWrite(VertexId vertex, GraphStore::Impl::EntityWrite how) {
    auto& marks = store_.entityWrite;
    if (vertex >= marks.size()) marks.resize(vertex + 1, GraphStore::Impl::EntityWrite::kNone);
    if (marks[vertex] != GraphStore::Impl::EntityWrite::kNone) return;
    marks[vertex] = how;
    store_.entitiesToWrite.push_back(vertex);
  }

  GraphStore::Impl& store_;
  const KnowledgeGraph& graph_;
  WriteStatements& s_;
  std::vector<VertexId> changed_;
};

// Steps a statement with one integer parameter and says whether it gave a row.
bool exists(sqlite::Statement& s, std::int64_t value) {
  s.bind(1, value);
  bool found = s.step();
  s.reset();
  return found;
}

}  // namespace

void GraphStore::Impl::deleteArticle(std::int64_t row) {
  flush();
  ensureIndexes();
  WriteStatements& s = write();
  s.articleMentionedEntities.bind(1, row);
  while (s.articleMentionedEntities.step()) {
    cleanupEntities.insert(s.articleMentionedEntities.integer(0));
  }
  s.articleMentionedEntities.reset();
  s.articleRelations.bind(1, row);
  while (s.articleRelations.step()) {
    cleanupRelations.insert(s.articleRelations.integer(0));
    cleanupEntities.insert(s.articleRelations.integer(1));
    cleanupEntities.insert(s.articleRelations.integer(2));
  }
  s.articleRelations.reset();
  s.deleteArticleEvents.bind(1, row);
  while (s.deleteArticleEvents.step()) {
    cleanupEntities.insert(s.deleteArticleEvents.integer(0));
    ++removed.events;
  }
  s.deleteArticleEvents.reset();
  s.deleteArticleMentions.bind(1, row).run();
  removed.mentions += static_cast<std::size_t>(sqlite3_changes(db.get()));
  s.deleteArticleEvidence.bind(1, row).run();
  removed.evidence += static_cast<std::size_t>(sqlite3_changes(db.get()));
  s.deleteArticleRow.bind(1, row).run();
}

void GraphStore::Impl::cleanUp() {
  if (cleanupEntities.empty() && cleanupRelations.empty()) return;
  WriteStatements& s = write();
  std::unordered_set<std::int64_t> deletedRelations, deletedEntities;
  auto dropRelation = [&](std::int64_t relation) {
    s.deleteRelation.bind(1, relation).run();
    deletedRelations.insert(relation);
    ++removed.relations;
  };
  for (std::int64_t relation : cleanupRelations) {
    if (!exists(s.relationHasEvidence, relation)) dropRelation(relation);
  }
  // An entity is supported by a mention or by evidence from an article. An unsupported entity
  // keeps a background fact only when the fact's other end is supported (as ingest would have
  // added it), and is dropped when nothing is left.
  auto supported = [&](std::int64_t entity) {
    return exists(s.hasMentions, entity) || exists(s.hasArticleEvidenceAsSubject, entity) ||
           exists(s.hasArticleEvidenceAsObject, entity);
  };
  std::vector<std::int64_t> work(cleanupEntities.begin(), cleanupEntities.end());
  while (!work.empty()) {
    std::int64_t entity = work.back();
    work.pop_back();
    if (deletedEntities.count(entity) != 0 || supported(entity)) continue;
    struct Edge {
      std::int64_t id, subject, object;
    };
    std::vector<Edge> edges;
    s.relationsOf.bind(1, entity);
    while (s.relationsOf.step()) {
      edges.push_back(
          {s.relationsOf.integer(0), s.relationsOf.integer(1), s.relationsOf.integer(2)});
    }
    s.relationsOf.reset();
    std::size_t kept = 0;
    for (const Edge& edge : edges) {
      std::int64_t other = edge.subject == entity ? edge.object : edge.subject;
      if (other != entity && supported(other)) {
        ++kept;
        continue;
      }
      s.deleteBackgroundEvidence.bind(1, edge.id).run();
      removed.evidence += static_cast<std::size_t>(sqlite3_changes(db.get()));
      if (exists(s.relationHasEvidence, edge.id)) {
        ++kept;
        continue;
      }
      dropRelation(edge.id);
      if (other != entity) work.push_back(other);
    }
    if (kept == 0) {
      s.deleteEvent.bind(1, entity).run();
      s.deleteEntity.bind(1, entity).run();
      deletedEntities.insert(entity);
      ++removed.entities;
    }
  }
  // The graph in memory keeps those vertices and edges; forget their rows so that they are
  // written again if something touches them.
  for (std::int64_t& row : vertexRow) {
    if (row != 0 && deletedEntities.count(row) != 0) row = 0;
  }
  for (std::int64_t& row : edgeRow) {
    if (row != 0 && deletedRelations.count(row) != 0) row = 0;
  }
  cleanupEntities.clear();
  cleanupRelations.clear();
}

common::Status GraphStore::write(const KnowledgeGraph& graph,
                                 const std::vector<GraphChange>& changes) {
  try {
    ChangeWriter writer(*impl_, graph);
    for (const GraphChange& change : changes) writer.apply(change);
    writer.finish();
  } catch (const sqlite::SqliteError& failure) {
    return impl_->error(failure);
  }
  return common::okStatus();
}

common::Status GraphStore::replaceAll(const KnowledgeGraph& graph) {
  try {
    impl_->flush();
    sqlite::exec(impl_->db.get(),
                 "DELETE FROM evidence; DELETE FROM relations; DELETE FROM mentions; "
                 "DELETE FROM events; DELETE FROM entities; DELETE FROM articles;");
    impl_->articleRow.clear();
    impl_->vertexRow.clear();
    impl_->edgeRow.clear();
    ChangeWriter writer(*impl_, graph);
    for (ArticleId a = 0; a < graph.articleCount(); ++a) {
      if (!graph.article(a).removed) writer.insertArticle(a);
    }
    for (VertexId v = 0; v < graph.entityCount(); ++v) {
      writer.entityRow(v);
      for (const MentionRef& m : graph.entity(v).mentions) writer.insertMention(v, m);
    }
    for (EdgeId edge = 0; edge < graph.relationCount(); ++edge) {
      for (const Evidence& e : graph.relation(edge).evidence) writer.insertEvidence(edge, e);
    }
    impl_->flush();  // `graph` need not outlive this call
  } catch (const sqlite::SqliteError& failure) {
    return impl_->error(failure);
  }
  return common::okStatus();
}

common::Result<std::optional<RemovalReport>> GraphStore::removeArticle(std::string_view doc) {
  try {
    impl_->flush();
    WriteStatements& s = impl_->write();
    s.findArticle.bind(1, doc);
    std::optional<std::int64_t> row;
    if (s.findArticle.step()) row = s.findArticle.integer(0);
    s.findArticle.reset();
    if (!row) return std::optional<RemovalReport>();
    RemovalReport before = impl_->removed;
    impl_->deleteArticle(*row);
    for (std::int64_t& r : impl_->articleRow) {
      if (r == *row) r = 0;
    }
    impl_->cleanUp();
    const RemovalReport& after = impl_->removed;
    return std::optional<RemovalReport>(
        RemovalReport{after.mentions - before.mentions, after.evidence - before.evidence,
                      after.events - before.events, after.relations - before.relations,
                      after.entities - before.entities});
  } catch (const sqlite::SqliteError& failure) {
    return impl_->error(failure);
  }
}

common::Status GraphStore::commit() {
  try {
    impl_->flush();
    impl_->ensureIndexes();
    impl_->cleanUp();
    impl_->finishTransaction(true);
  } catch (const sqlite::SqliteError& failure) {
    rollback();
    return impl_->error(failure);
  }
  impl_->switchToWal();  // a store just created under a rollback journal; else nothing to do
  return common::okStatus();
}

}  // namespace newsgraph::graph

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

// Binds evidence columns from parameter `first` on: article, sentence, begin, end, quote,
// date, status, source, place, confidence.
void bindEvidence(sqlite::Statement& s, int first, const Evidence& e,
                  std::optional<std::int64_t> articleRow) {
  s.bind(first, articleRow)
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

template <typename T>
std::int64_t& slot(std::vector<std::int64_t>& rows, T id) {
  if (id >= rows.size()) rows.resize(static_cast<std::size_t>(id) + 1, 0);
  return rows[id];
}

}  // namespace

WriteStatements::WriteStatements(sqlite3* db)
    : insertArticle(db,
                    "INSERT INTO articles(doc, title, url, source, date, hash) "
                    "VALUES(?, ?, ?, ?, ?, ?)"),
      findArticle(db, "SELECT id FROM articles WHERE doc = ?"),
      articleMentionedEntities(db, "SELECT DISTINCT entity FROM mentions WHERE article = ?"),
      articleRelations(db,
                       "SELECT DISTINCT r.id, r.subject, r.object FROM evidence e "
                       "JOIN relations r ON r.id = e.relation WHERE e.article = ?"),
      deleteArticleMentions(db, "DELETE FROM mentions WHERE article = ?"),
      deleteArticleEvidence(db, "DELETE FROM evidence WHERE article = ?"),
      deleteArticleEvents(db, "DELETE FROM events WHERE article = ? RETURNING entity"),
      deleteArticleRow(db, "DELETE FROM articles WHERE id = ?"),
      insertEntity(db,
                   "INSERT INTO entities(slug, class, label, label_en, aliases, lat, lon, "
                   "wikidata, known) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      updateEntity(db,
                   "UPDATE entities SET slug = ?, class = ?, label = ?, label_en = ?, aliases = ?, "
                   "lat = ?, lon = ?, wikidata = ?, known = ? WHERE id = ?"),
      upsertEvent(db,
                  "INSERT OR REPLACE INTO events(entity, type, sub_type, date, fatalities, "
                  "article, sentence, begin, end, quote, evidence_date, status, source, place, "
                  "confidence) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      deleteEvent(db, "DELETE FROM events WHERE entity = ?"),
      insertMention(db,
                    "INSERT INTO mentions(entity, article, sentence, begin, end) "
                    "VALUES(?, ?, ?, ?, ?)"),
      insertRelation(db, "INSERT INTO relations(subject, type, object) VALUES(?, ?, ?)"),
      insertEvidence(db,
                     "INSERT INTO evidence(relation, article, sentence, begin, end, quote, date, "
                     "status, source, place, confidence) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
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
      deleteEntity(db, "DELETE FROM entities WHERE id = ?") {}

WriteStatements& GraphStore::Impl::write() {
  if (!writing) throw std::logic_error("GraphStore: not open for writing");
  if (!statements) statements = std::make_unique<WriteStatements>(db.get());
  return *statements;
}

namespace {

// Replays one batch of changes; holds what it wrote in this batch.
class ChangeWriter {
 public:
  ChangeWriter(GraphStore::Impl& store, const KnowledgeGraph& graph)
      : store_(store), graph_(graph), s_(store.write()) {}

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

  // Writes the entities that changed, once each, as they are now.
  void finish() {
    for (VertexId vertex : changed_) {
      if (written_.insert(vertex).second) writeEntity(vertex);
    }
  }

  void insertArticle(ArticleId id) {
    const ArticleRecord& a = graph_.article(id);
    s_.insertArticle.bind(1, std::string_view(a.doc))
        .bind(2, std::string_view(a.title))
        .bind(3, std::string_view(a.url))
        .bind(4, std::string_view(a.source))
        .bind(5, dateText(a.date))
        .bind(6, i64(a.contentHash));
    s_.insertArticle.run();
    slot(store_.articleRow, id) = sqlite3_last_insert_rowid(store_.db.get());
  }

  std::int64_t articleRow(ArticleId id) {
    std::int64_t row = slot(store_.articleRow, id);
    if (row == 0) throw std::logic_error("GraphStore: an article was not written before use");
    return row;
  }

  std::int64_t entityRow(VertexId vertex) {
    std::int64_t row = slot(store_.vertexRow, vertex);
    if (row == 0) {
      writeEntity(vertex);
      written_.insert(vertex);
      row = store_.vertexRow[vertex];
    }
    return row;
  }

  void writeEntity(VertexId vertex) {
    const EntityNode& e = graph_.entity(vertex);
    std::int64_t& row = slot(store_.vertexRow, vertex);
    sqlite::Statement& s = row == 0 ? s_.insertEntity : s_.updateEntity;
    s.bind(1, std::string_view(e.id))
        .bind(2, std::string_view(e.cls))
        .bind(3, std::string_view(e.label))
        .bind(4, std::string_view(e.labelEn))
        .bind(5, std::string_view(aliasesJson(e.aliases)))
        .bind(6, e.lat && e.lon ? e.lat : std::nullopt)
        .bind(7, e.lat && e.lon ? e.lon : std::nullopt)
        .bind(8, std::string_view(e.wikidata))
        .bind(9, std::int64_t{e.known ? 1 : 0});
    if (row != 0) s.bind(10, row);
    s.run();
    if (row == 0) row = sqlite3_last_insert_rowid(store_.db.get());
    if (!e.event) return;
    const EventDetails& event = *e.event;
    std::int64_t eventRow = row;
    if (event.retracted ||
        (event.evidence.article && slot(store_.articleRow, *event.evidence.article) == 0)) {
      s_.deleteEvent.bind(1, eventRow).run();
      return;
    }
    std::optional<std::int64_t> article;
    if (event.evidence.article) article = articleRow(*event.evidence.article);
    s_.upsertEvent.bind(1, eventRow)
        .bind(2, std::string_view(event.type))
        .bind(3, std::string_view(event.subType))
        .bind(4, dateText(event.date))
        .bind(5, event.fatalities ? std::optional<std::int64_t>(*event.fatalities) : std::nullopt);
    bindEvidence(s_.upsertEvent, 6, event.evidence, article);
    s_.upsertEvent.run();
  }

  void insertMention(VertexId vertex, const MentionRef& m) {
    s_.insertMention.bind(1, entityRow(vertex))
        .bind(2, articleRow(m.article))
        .bind(3, i64(m.sentence))
        .bind(4, i64(m.begin))
        .bind(5, i64(m.end));
    s_.insertMention.run();
  }

  std::int64_t relationRow(EdgeId edge) {
    std::int64_t row = slot(store_.edgeRow, edge);
    if (row != 0) return row;
    const RelationEdge& r = graph_.relation(edge);
    std::int64_t subject = entityRow(r.subject);
    std::int64_t object = entityRow(r.object);
    s_.insertRelation.bind(1, subject).bind(2, std::string_view(r.type)).bind(3, object);
    s_.insertRelation.run();
    row = sqlite3_last_insert_rowid(store_.db.get());
    store_.edgeRow[edge] = row;
    return row;
  }

  void insertEvidence(EdgeId edge, const Evidence& e) {
    std::optional<std::int64_t> article;
    if (e.article) article = articleRow(*e.article);
    s_.insertEvidence.bind(1, relationRow(edge));
    bindEvidence(s_.insertEvidence, 2, e, article);
    s_.insertEvidence.run();
  }

 private:
  GraphStore::Impl& store_;
  const KnowledgeGraph& graph_;
  WriteStatements& s_;
  std::vector<VertexId> changed_;
  std::unordered_set<VertexId> written_;
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
  } catch (const sqlite::SqliteError& failure) {
    return impl_->error(failure);
  }
  return common::okStatus();
}

common::Result<std::optional<RemovalReport>> GraphStore::removeArticle(std::string_view doc) {
  try {
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
    impl_->ensureIndexes();
    impl_->cleanUp();
    impl_->finishTransaction(true);
  } catch (const sqlite::SqliteError& failure) {
    rollback();
    return impl_->error(failure);
  }
  return common::okStatus();
}

}  // namespace newsgraph::graph

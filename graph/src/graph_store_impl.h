// Private to the store: the state GraphStore's files share (graph_store.cpp opens and loads,
// graph_store_write.cpp writes and cleans up).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "newsgraph/graph/graph_store.h"
#include "sqlite_batch_insert.h"
#include "sqlite_statement.h"

namespace newsgraph::graph {

// PRAGMA application_id of a newsgraph store: "NGST".
inline constexpr std::int32_t kStoreApplicationId = 0x4e475354;

// The statements a writer uses, prepared on first use. Rows that only add go through the
// batches; the statements read, update and delete.
struct WriteStatements {
  explicit WriteStatements(sqlite3* db);
  sqlite::Statement findArticle, articleMentionedEntities, articleRelations;
  sqlite::Statement deleteArticleMentions, deleteArticleEvidence, deleteArticleEvents,
      deleteArticleRow;
  sqlite::Statement updateEntity, upsertEvent, deleteEvent;
  sqlite::Statement hasMentions, hasArticleEvidenceAsSubject, hasArticleEvidenceAsObject,
      relationsOf, deleteBackgroundEvidence, relationHasEvidence, deleteRelation, deleteEntity;
  // New rows (events of new entities included), in multi-row statements.
  sqlite::BatchInsert articles, entities, events, mentions, relations, evidence;
};

// The rows a writer creates get their ids from here, in creation order, rather than from
// SQLite at insert time, so that they can wait in the batches. Each starts past the largest id
// stored when writing began (ids deleted since are not reused: only the order of ids matters,
// to the loader).
struct NextRows {
  std::int64_t article = 1, entity = 1, relation = 1;
};

struct GraphStore::Impl {
  std::string path;
  Options options;
  sqlite::Connection db;
  bool created = false;  // open() created the file
  bool writing = false;  // a write transaction is open
  bool loaded = false;
  bool indexesPending = false;  // a new store: the secondary indexes wait for ensureIndexes()

  // Store rows of the graph's articles, vertices and edges, by graph id; 0: none yet. A row
  // may still wait in a batch (flush() writes it).
  std::vector<std::int64_t> articleRow, vertexRow, edgeRow;
  NextRows next;
  // Entities to write when the batches are flushed: each once, as it is then, however often it
  // changed (a new row is inserted, a stored one updated).
  enum class EntityWrite : std::uint8_t { kNone, kInsert, kUpdate };
  std::vector<EntityWrite> entityWrite;  // by vertex
  std::vector<VertexId> entitiesToWrite;
  const KnowledgeGraph* graph = nullptr;  // the graph write() was last given
  // Left by deleted articles, looked at by commit(): entities that lost mentions or evidence,
  // relations that lost evidence.
  std::unordered_set<std::int64_t> cleanupEntities, cleanupRelations;
  RemovalReport removed;  // what deleted articles and cleanup took out since open

  std::unique_ptr<WriteStatements> statements;

  common::Error error(std::string message) const;
  common::Error error(const sqlite::SqliteError& failure) const;
  // The writer's statements. Throws std::logic_error when not writing.
  WriteStatements& write();
  // Writes the pending entities and every batched row: before anything reads the tables or
  // deletes from them, and at commit. Throws.
  void flush();

  // Deletes one stored article and its rows; notes what cleanup must look at. Throws.
  void deleteArticle(std::int64_t row);
  // Drops what deleted articles alone supported (see GraphStore::removeArticle). Throws.
  void cleanUp();
  // Creates the secondary indexes of a new store, once, before anything reads through them
  // (deleting an article, cleanup, commit). Throws.
  void ensureIndexes();
  void finishTransaction(bool commit);
  // Puts the store in WAL mode if it is not (a new store, after its first commit); a failure
  // is ignored: the store stays correct in rollback mode until the next writer switches it.
  void switchToWal();
};

}  // namespace newsgraph::graph

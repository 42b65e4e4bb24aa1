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
#include "sqlite_statement.h"

namespace newsgraph::graph {

// PRAGMA application_id of a newsgraph store: "NGST".
inline constexpr std::int32_t kStoreApplicationId = 0x4e475354;

// The statements a writer uses, prepared on first use.
struct WriteStatements {
  explicit WriteStatements(sqlite3* db);
  sqlite::Statement insertArticle, findArticle, articleMentionedEntities, articleRelations;
  sqlite::Statement deleteArticleMentions, deleteArticleEvidence, deleteArticleEvents,
      deleteArticleRow;
  sqlite::Statement insertEntity, updateEntity, upsertEvent, deleteEvent, insertMention;
  sqlite::Statement insertRelation, insertEvidence;
  sqlite::Statement hasMentions, hasArticleEvidenceAsSubject, hasArticleEvidenceAsObject,
      relationsOf, deleteBackgroundEvidence, relationHasEvidence, deleteRelation, deleteEntity;
};

struct GraphStore::Impl {
  std::string path;
  Options options;
  sqlite::Connection db;
  bool created = false;  // open() created the file
  bool writing = false;  // a write transaction is open
  bool loaded = false;
  bool indexesPending = false;  // a new store: the secondary indexes wait for ensureIndexes()

  // Store rows of the graph's articles, vertices and edges, by graph id; 0: not stored.
  std::vector<std::int64_t> articleRow, vertexRow, edgeRow;
  // Left by deleted articles, looked at by commit(): entities that lost mentions or evidence,
  // relations that lost evidence.
  std::unordered_set<std::int64_t> cleanupEntities, cleanupRelations;
  RemovalReport removed;  // what deleted articles and cleanup took out since open

  std::unique_ptr<WriteStatements> statements;

  common::Error error(std::string message) const;
  common::Error error(const sqlite::SqliteError& failure) const;
  WriteStatements& write();

  // Deletes one stored article and its rows; notes what cleanup must look at. Throws.
  void deleteArticle(std::int64_t row);
  // Drops what deleted articles alone supported (see GraphStore::removeArticle). Throws.
  void cleanUp();
  // Creates the secondary indexes of a new store, once, before anything reads through them
  // (deleting an article, cleanup, commit). Throws.
  void ensureIndexes();
  void finishTransaction(bool commit);
};

}  // namespace newsgraph::graph

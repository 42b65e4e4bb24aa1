// Opening a store (checks, locks, schema) and loading its graph. See docs/STORE.md for the
// schema and why it is SQLite rebuilt into memory rather than a snapshot.
#include "newsgraph/graph/graph_store.h"

#include <rapidjson/document.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>

#include "graph_store_impl.h"

namespace newsgraph::graph {
namespace {

// Schema version 1. Ids are SQLite rowids; a graph's ids are rebuilt densely on load. Rows of
// removed articles are deleted, not kept as tombstones. Dates are ISO 8601 text whose length
// gives the precision; status is the SPEC word; aliases a JSON array of strings.
constexpr const char* kSchema = R"sql(
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  source TEXT NOT NULL,
  date TEXT,
  hash INTEGER NOT NULL);
CREATE TABLE entities(
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  class TEXT NOT NULL,
  label TEXT NOT NULL,
  label_en TEXT NOT NULL,
  aliases TEXT NOT NULL,
  lat REAL,
  lon REAL,
  wikidata TEXT NOT NULL,
  known INTEGER NOT NULL);
CREATE TABLE events(
  entity INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  sub_type TEXT NOT NULL,
  date TEXT,
  fatalities INTEGER,
  article INTEGER,
  sentence INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  evidence_date TEXT,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  place TEXT NOT NULL,
  confidence REAL NOT NULL);
CREATE TABLE mentions(
  entity INTEGER NOT NULL,
  article INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL);
CREATE TABLE relations(
  id INTEGER PRIMARY KEY,
  subject INTEGER NOT NULL,
  type TEXT NOT NULL,
  object INTEGER NOT NULL,
  UNIQUE(subject, object, type));
CREATE TABLE evidence(
  relation INTEGER NOT NULL,
  article INTEGER,
  sentence INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  date TEXT,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  place TEXT NOT NULL,
  confidence REAL NOT NULL);
)sql";

// The secondary indexes of schema version 1, in two groups for a new store. These are created
// with the schema and kept row by row: rows arrive article by article, so entries by article
// are appended at the end of their B-tree, and creating the indexes of the tables of wide rows
// (evidence and events carry their sentence) at commit would read those tables back once per
// index.
constexpr const char* kIndexesKeptByRow = R"sql(
CREATE INDEX events_by_article ON events(article);
CREATE INDEX mentions_by_article ON mentions(article);
CREATE INDEX evidence_by_relation ON evidence(relation);
CREATE INDEX evidence_by_article ON evidence(article);
)sql";

// These wait until the first batch commits (GraphStore::Impl::ensureIndexes): their keys come
// in no order, and sorting the narrow rows once is cheaper than keeping the B-trees in order
// through a whole-corpus ingest.
constexpr const char* kIndexesAtCommit = R"sql(
CREATE INDEX mentions_by_entity ON mentions(entity);
CREATE INDEX relations_by_object ON relations(object);
)sql";

// What the first page of the file says, before SQLite reads it. kUnwritten: its first bytes are
// zeros, the hole left where page 1 goes while a store is created under a rollback journal (a
// creation in progress, or a killed one whose journal SQLite rolls back when it opens the file).
enum class FileKind {
  kAbsent,
  kEmpty,
  kSqlite,
  kUnwritten,
  kTruncated,
  kSnapshot,
  kOther,
  kUnreadable
};

FileKind sniff(const std::string& path, int& savedErrno) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    savedErrno = errno;
    return errno == ENOENT ? FileKind::kAbsent : FileKind::kUnreadable;
  }
  if (info.st_size == 0) return FileKind::kEmpty;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    savedErrno = errno;
    return FileKind::kUnreadable;
  }
  char head[128] = {};
  std::size_t n = std::fread(head, 1, sizeof head, file);
  std::fclose(file);
  static constexpr char kMagic[] = "SQLite format 3";  // with its NUL: 16 bytes
  if (n >= sizeof kMagic && std::memcmp(head, kMagic, sizeof kMagic) == 0) {
    return n >= 100 ? FileKind::kSqlite : FileKind::kTruncated;  // the header is 100 bytes
  }
  if (std::all_of(head, head + n, [](char c) { return c == 0; })) return FileKind::kUnwritten;
  if (std::string_view(head, n).find("newsgraph-snapshot") != std::string_view::npos) {
    return FileKind::kSnapshot;
  }
  return FileKind::kOther;
}

// What the database says about itself.
struct Identity {
  std::int64_t applicationId = 0;
  std::int64_t version = 0;
  std::int64_t tables = 0;
  bool empty() const { return applicationId == 0 && tables == 0; }
};

Identity identify(sqlite3* db) {
  Identity id;
  sqlite::Statement app(db, "PRAGMA application_id");
  if (app.step()) id.applicationId = app.integer(0);
  sqlite::Statement version(db, "PRAGMA user_version");
  if (version.step()) id.version = version.integer(0);
  sqlite::Statement tables(db, "SELECT count(*) FROM sqlite_schema");
  if (tables.step()) id.tables = tables.integer(0);
  return id;
}

// Why the database cannot be used as a store, or "" when it can.
std::string refusal(const Identity& id) {
  if (id.empty()) return {};
  if (id.applicationId != kStoreApplicationId) {
    return "not a newsgraph store (an SQLite database of another application)";
  }
  if (id.version > kStoreSchemaVersion) {
    return "store schema version " + std::to_string(id.version) +
           " is newer than this newsgraph reads (" + std::to_string(kStoreSchemaVersion) +
           "): upgrade newsgraph";
  }
  if (id.version < 1) return "damaged store (no schema version)";
  return {};
}

std::optional<common::PartialDate> dateColumn(const sqlite::Statement& row, int column, bool& bad) {
  if (row.isNull(column)) return std::nullopt;
  auto date = common::PartialDate::parse(row.text(column));
  if (!date) bad = true;
  return date;
}

// Rebuilds the graph from the tables, mapping rows to the dense ids of the new graph.
class GraphLoader {
 public:
  GraphLoader(sqlite3* db, GraphStore::Impl& store) : db_(db), store_(store) {}

  // Returns "" or what is damaged.
  std::string load(KnowledgeGraph& graph) {
    articleOfRow_ = rowTable("articles");
    vertexOfRow_ = rowTable("entities");
    relationRows_ = rowTable("relations").size();
    graph.reserve(vertexOfRow_.size(), relationRows_, articleOfRow_.size());
    std::string problem = loadArticles(graph);
    if (problem.empty()) problem = loadEntities(graph);
    if (problem.empty()) problem = loadEvents(graph);
    if (problem.empty()) problem = loadMentions(graph);
    if (problem.empty()) problem = loadRelations(graph);
    return problem;
  }

 private:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  // A table of graph ids by row, sized by the largest row.
  std::vector<std::uint32_t> rowTable(const char* table) {
    sqlite::Statement max(db_, std::string("SELECT coalesce(max(id), 0) FROM ") + table);
    max.step();
    std::int64_t largest = max.integer(0);
    if (largest < 0 || largest > std::numeric_limits<std::int32_t>::max()) {
      throw sqlite::SqliteError(SQLITE_CORRUPT, std::string("row ids out of range in ") + table);
    }
    return std::vector<std::uint32_t>(static_cast<std::size_t>(largest) + 1, kNone);
  }

  static std::uint32_t lookup(const std::vector<std::uint32_t>& table, std::int64_t row) {
    if (row < 0 || static_cast<std::uint64_t>(row) >= table.size()) return kNone;
    return table[static_cast<std::size_t>(row)];
  }

  std::string loadArticles(KnowledgeGraph& graph) {
    articleOfRow_ = rowTable("articles");
    sqlite::Statement rows(
        db_, "SELECT id, doc, title, url, source, date, hash FROM articles ORDER BY id");
    while (rows.step()) {
      bool bad = false;
      ArticleRecord record{std::string(rows.text(1)),
                           std::string(rows.text(2)),
                           std::string(rows.text(3)),
                           std::string(rows.text(4)),
                           dateColumn(rows, 5, bad),
                           static_cast<std::uint64_t>(rows.integer(6)),
                           false};
      if (bad) return "bad date in article '" + record.doc + "'";
      ArticleId id = graph.addArticle(std::move(record));
      articleOfRow_[static_cast<std::size_t>(rows.integer(0))] = id;
      store_.articleRow.push_back(rows.integer(0));
    }
    return {};
  }

  std::string loadEntities(KnowledgeGraph& graph) {
    sqlite::Statement rows(db_,
                           "SELECT id, slug, class, label, label_en, aliases, lat, lon, wikidata, "
                           "known FROM entities ORDER BY id");
    rapidjson::Document aliases;
    while (rows.step()) {
      EntityNode node;
      node.id = rows.text(1);
      node.cls = rows.text(2);
      node.label = rows.text(3);
      node.labelEn = rows.text(4);
      std::string_view json = rows.text(5);
      aliases.Parse(json.data(), json.size());
      if (aliases.HasParseError() || !aliases.IsArray()) return "bad aliases of '" + node.id + "'";
      for (const auto& alias : aliases.GetArray()) {
        if (!alias.IsString()) return "bad aliases of '" + node.id + "'";
        node.aliases.emplace_back(alias.GetString(), alias.GetStringLength());
      }
      if (!rows.isNull(6) && !rows.isNull(7)) {
        node.lat = rows.real(6);
        node.lon = rows.real(7);
      }
      node.wikidata = rows.text(8);
      node.known = rows.integer(9) != 0;
      if (graph.findEntity(node.id)) return "entity '" + node.id + "' stored twice";
      VertexId vertex = graph.ensureEntity(node);
      vertexOfRow_[static_cast<std::size_t>(rows.integer(0))] = vertex;
      store_.vertexRow.push_back(rows.integer(0));
    }
    return {};
  }

  // Reads the evidence columns from `first` on: article, sentence, begin, end, quote, date,
  // status, source, place, confidence.
  std::string evidence(const sqlite::Statement& row, int first, Evidence& out) {
    if (!row.isNull(first)) {
      std::uint32_t article = lookup(articleOfRow_, row.integer(first));
      if (article == kNone) return "evidence from an unknown article";
      out.article = article;
    }
    out.sentence = static_cast<std::uint32_t>(row.integer(first + 1));
    out.begin = static_cast<std::uint32_t>(row.integer(first + 2));
    out.end = static_cast<std::uint32_t>(row.integer(first + 3));
    out.quote = row.text(first + 4);
    bool bad = false;
    out.date = dateColumn(row, first + 5, bad);
    if (bad) return "bad evidence date";
    auto status = parseStatus(row.text(first + 6));
    if (!status) return "unknown evidence status '" + std::string(row.text(first + 6)) + "'";
    out.status = *status;
    out.source = row.text(first + 7);
    out.place = row.text(first + 8);
    out.confidence = row.real(first + 9);
    return {};
  }

  std::string loadEvents(KnowledgeGraph& graph) {
    sqlite::Statement rows(db_,
                           "SELECT entity, type, sub_type, date, fatalities, article, sentence, "
                           "begin, end, quote, evidence_date, status, source, place, confidence "
                           "FROM events");
    while (rows.step()) {
      std::uint32_t vertex = lookup(vertexOfRow_, rows.integer(0));
      if (vertex == kNone) return "event of an unknown entity";
      EventDetails event;
      event.type = rows.text(1);
      event.subType = rows.text(2);
      bool bad = false;
      event.date = dateColumn(rows, 3, bad);
      if (bad) return "bad event date";
      if (!rows.isNull(4)) event.fatalities = rows.integer(4);
      if (auto problem = evidence(rows, 5, event.evidence); !problem.empty()) return problem;
      graph.setEvent(vertex, std::move(event));
    }
    return {};
  }

  std::string loadMentions(KnowledgeGraph& graph) {
    sqlite::Statement rows(db_, "SELECT entity, article, sentence, begin, end FROM mentions");
    while (rows.step()) {
      std::uint32_t vertex = lookup(vertexOfRow_, rows.integer(0));
      std::uint32_t article = lookup(articleOfRow_, rows.integer(1));
      if (vertex == kNone || article == kNone) return "mention of an unknown entity or article";
      graph.addMention(vertex, MentionRef{article, static_cast<std::uint32_t>(rows.integer(2)),
                                          static_cast<std::uint32_t>(rows.integer(3)),
                                          static_cast<std::uint32_t>(rows.integer(4))});
    }
    return {};
  }

  // Evidence rows come in insertion order; they are grouped by relation first, then each
  // relation is added once with all its evidence, in relation row order (the order in which
  // ingest created the edges).
  std::string loadRelations(KnowledgeGraph& graph) {
    struct Relation {
      std::uint32_t subject = kNone, object = kNone, type = 0;
      std::vector<Evidence> evidence;
    };
    std::vector<Relation> byRow(relationRows_);
    std::vector<std::string> types;
    std::map<std::string, std::uint32_t, std::less<>> typeIds;  // a few dozen: no copy to look up
    sqlite::Statement rows(db_, "SELECT id, subject, type, object FROM relations");
    while (rows.step()) {
      Relation& r = byRow[static_cast<std::size_t>(rows.integer(0))];
      r.subject = lookup(vertexOfRow_, rows.integer(1));
      r.object = lookup(vertexOfRow_, rows.integer(3));
      if (r.subject == kNone || r.object == kNone) return "relation of an unknown entity";
      std::string_view type = rows.text(2);
      auto it = typeIds.find(type);
      if (it == typeIds.end()) {
        it = typeIds.emplace(std::string(type), static_cast<std::uint32_t>(types.size())).first;
        types.push_back(it->first);
      }
      r.type = it->second;
    }
    sqlite::Statement evidenceRows(db_,
                                   "SELECT relation, article, sentence, begin, end, quote, date, "
                                   "status, source, place, confidence FROM evidence");
    while (evidenceRows.step()) {
      std::int64_t row = evidenceRows.integer(0);
      if (row < 0 || static_cast<std::uint64_t>(row) >= byRow.size() ||
          byRow[static_cast<std::size_t>(row)].subject == kNone) {
        return "evidence of an unknown relation";
      }
      Evidence e;
      if (auto problem = evidence(evidenceRows, 1, e); !problem.empty()) return problem;
      byRow[static_cast<std::size_t>(row)].evidence.push_back(std::move(e));
    }
    for (std::size_t row = 0; row < byRow.size(); ++row) {
      Relation& r = byRow[row];
      if (r.evidence.empty()) continue;
      EdgeId edge = graph.addRelation(r.subject, types[r.type], r.object, std::move(r.evidence));
      if (edge >= store_.edgeRow.size()) store_.edgeRow.resize(edge + 1, 0);
      store_.edgeRow[edge] = static_cast<std::int64_t>(row);
    }
    return {};
  }

  sqlite3* db_;
  GraphStore::Impl& store_;
  std::vector<std::uint32_t> articleOfRow_, vertexOfRow_;
  std::size_t relationRows_ = 0;
};

}  // namespace

common::Error GraphStore::Impl::error(std::string message) const {
  return common::Error{path, 0, 0, "store", std::move(message)};
}

common::Error GraphStore::Impl::error(const sqlite::SqliteError& failure) const {
  switch (failure.primary()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: {
      char waited[32];
      std::snprintf(waited, sizeof waited, "%g", options.busyTimeoutMs / 1000.0);
      return error(std::string("store is busy: another process is writing to it (waited ") +
                   waited + " s); try again when it has finished");
    }
    case SQLITE_NOTADB:
      return error("not a newsgraph store (not an SQLite database)");
    case SQLITE_CORRUPT:
      return error(std::string("damaged store (") + failure.what() + ")");
    default:
      return error(failure.what());
  }
}

void GraphStore::Impl::ensureIndexes() {
  if (!indexesPending) return;
  // SQLite sorts an index's entries in memory up to the size of the page cache, and beyond it
  // in runs written to a temporary file and merged: with the default 2 MB, five runs for the
  // mentions of a 25 MB corpus. The cache may grow to 64 MB for these sorts only.
  sqlite::Statement cacheSize(db.get(), "PRAGMA cache_size");
  cacheSize.step();
  std::string restore = "PRAGMA cache_size=" + std::to_string(cacheSize.integer(0));
  cacheSize.reset();
  sqlite::exec(db.get(), "PRAGMA cache_size=-65536");
  sqlite::exec(db.get(), kIndexesAtCommit);
  sqlite::exec(db.get(), restore.c_str());
  indexesPending = false;
}

void GraphStore::Impl::switchToWal() {
  // Outside a transaction only. A failure leaves the store correct in rollback mode: no error.
  sqlite3_exec(db.get(), "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
}

void GraphStore::Impl::finishTransaction(bool commit) {
  if (!writing) return;
  statements.reset();  // and the rows still in its batches
  entityWrite.clear();
  entitiesToWrite.clear();
  if (commit) {
    sqlite::exec(db.get(), "COMMIT");  // on failure still writing: the caller rolls back
  } else {
    sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  writing = false;
}

GraphStore::GraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphStore::GraphStore(GraphStore&&) noexcept = default;
GraphStore& GraphStore::operator=(GraphStore&&) noexcept = default;
GraphStore::~GraphStore() {
  if (impl_ && impl_->writing) rollback();
}

common::Result<GraphStore> GraphStore::open(const std::string& path, Options options) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  bool write = options.access == Access::kWrite;
  int savedErrno = 0;
  switch (sniff(path, savedErrno)) {
    case FileKind::kAbsent:
      if (!write) return impl->error(std::strerror(savedErrno));
      impl->created = true;
      break;
    case FileKind::kUnreadable:
      return impl->error(std::strerror(savedErrno));
    case FileKind::kSnapshot:
      return impl->error(
          "a JSON snapshot of an earlier newsgraph; this version reads SQLite stores only: "
          "ingest the articles again into a new --db file");
    case FileKind::kOther:
      return impl->error("not a newsgraph store (not an SQLite database)");
    case FileKind::kTruncated:
      return impl->error("damaged store (truncated inside the SQLite header)");
    case FileKind::kEmpty:
    case FileKind::kSqlite:
    case FileKind::kUnwritten:  // SQLite tells: busy, rolled back to empty, or not a database
      break;
  }
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (write ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  impl->db.reset(raw);
  if (rc != SQLITE_OK) {
    std::string message = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return impl->error(message);
  }
  try {
    sqlite3* db = impl->db.get();
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, options.busyTimeoutMs);
    Identity identity = identify(db);
    if (auto refused = refusal(identity); !refused.empty()) return impl->error(refused);
    // Opening reads every table once: mapping the file saves copying each page.
    sqlite::exec(db, "PRAGMA mmap_size=4294967296");
    if (!write) return GraphStore(std::move(impl));
    // WAL: readers keep reading the last commit while a writer works, and a commit is one
    // append to the log. FULL: the log is synced at each commit (one per batch, so cheap).
    // A store is created under SQLite's default rollback journal instead, and switched to WAL
    // at its first commit (GraphStore::commit): the pages of a new file lie past its original
    // size, so none is journaled and each is written once, where the log would write it twice
    // (once in the log, once when the checkpoint copies it). Still one atomic transaction: a
    // killed creation leaves a journal that the next open rolls back to the empty file. A
    // store left in rollback mode (its switch failed) is switched here by its next writer.
    if (!identity.empty()) impl->switchToWal();
    sqlite::exec(db, "PRAGMA synchronous=FULL");
    sqlite::exec(db, "BEGIN IMMEDIATE");
    impl->writing = true;
    identity = identify(db);  // another writer may have created it meanwhile
    if (auto refused = refusal(identity); !refused.empty()) {
      impl->finishTransaction(false);
      return impl->error(refused);
    }
    // Then that writer's commit is the store's content: a rollback of this one must not delete
    // the file.
    if (!identity.empty()) impl->created = false;
    if (identity.empty()) {
      sqlite::exec(db, kSchema);
      sqlite::exec(db, kIndexesKeptByRow);
      impl->indexesPending = true;
      sqlite::exec(db, ("PRAGMA application_id=" + std::to_string(kStoreApplicationId) +
                        "; PRAGMA user_version=" + std::to_string(kStoreSchemaVersion))
                           .c_str());
    }
  } catch (const sqlite::SqliteError& failure) {
    impl->finishTransaction(false);
    return impl->error(failure);
  }
  return GraphStore(std::move(impl));
}

common::Result<KnowledgeGraph> GraphStore::load() {
  sqlite3* db = impl_->db.get();
  bool ownTransaction = !impl_->writing;
  try {
    KnowledgeGraph graph;
    if (ownTransaction) sqlite::exec(db, "BEGIN");
    std::string problem;
    if (identify(db).tables > 0) problem = GraphLoader(db, *impl_).load(graph);
    if (ownTransaction) sqlite::exec(db, "COMMIT");
    if (!problem.empty()) return impl_->error("damaged store (" + problem + ")");
    impl_->loaded = true;
    return graph;
  } catch (const sqlite::SqliteError& failure) {
    if (ownTransaction) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return impl_->error(failure);
  }
}

void GraphStore::rollback() {
  if (!impl_->writing) return;
  impl_->finishTransaction(false);
  if (impl_->created) {
    impl_->db.reset();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      ::unlink((impl_->path + suffix).c_str());
    }
  }
}

bool GraphStore::created() const { return impl_->created; }

const std::string& GraphStore::path() const { return impl_->path; }

common::Result<KnowledgeGraph> loadGraph(const std::string& path) {
  auto store = GraphStore::open(path, GraphStore::Options{});
  if (!store) return store.error();
  return store->load();
}

common::Status saveGraph(const KnowledgeGraph& graph, const std::string& path) {
  GraphStore::Options options;
  options.access = GraphStore::Access::kWrite;
  auto store = GraphStore::open(path, options);
  if (!store) return store.error();
  if (auto written = store->replaceAll(graph); !written) return written;
  return store->commit();
}

}  // namespace newsgraph::graph

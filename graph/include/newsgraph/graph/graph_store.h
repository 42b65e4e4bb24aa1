// Keeps a knowledge graph between commands (`--db FILE`) in an embedded SQLite database: one
// table each for articles, entities (events included), events' details, mentions, relations and
// evidence; the KnowledgeGraph is rebuilt in memory on open (docs/STORE.md says why).
//
// Readers (`entities`, `relations`, `export`, ...) call loadGraph. Writers open a GraphStore for
// writing, which takes the store's write lock at once (a second writer waits, then fails with
// "store is busy"), load the graph, change it with change tracking on, write the changes
// (write), and commit: everything from open to commit is one SQLite transaction, so a process
// killed at any moment leaves the previous state intact (WAL journal, synchronous=FULL).
//
// Every failure is a common::Error `<path>: store error: <reason>`; no SQLite type appears here.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/common/error.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::graph {

// The schema version this code writes and reads (PRAGMA user_version). A newer store is refused.
inline constexpr int kStoreSchemaVersion = 1;

// What GraphStore::removeArticle took out.
struct RemovalReport {
  std::size_t mentions = 0;
  std::size_t evidence = 0;   // relation evidence and event role evidence from the article
  std::size_t events = 0;     // event details of the article
  std::size_t relations = 0;  // relations left without evidence (background facts included)
  std::size_t entities = 0;   // entities left with no mentions and no relations
};

class GraphStore {
 public:
  enum class Access {
    kRead,   // shared: many readers, and readers alongside a writer (they see the last commit)
    kWrite,  // exclusive: one writer at a time; creates the file when absent
  };
  struct Options {
    Access access = Access::kRead;
    // How long to wait for another process's write lock before failing "store is busy".
    int busyTimeoutMs = 10000;
  };

  // Opens (for kWrite: creates when absent) the store at `path`. For kWrite the write lock is
  // held from here until commit(), rollback() or destruction. Fails on a missing file (kRead),
  // a file that is not a newsgraph store (not SQLite, another application's database, a JSON
  // snapshot of newsgraph 0.x), a newer schema version, a damaged file, or a busy store.
  static common::Result<GraphStore> open(const std::string& path, Options options);

  GraphStore(GraphStore&&) noexcept;
  GraphStore& operator=(GraphStore&&) noexcept;
  ~GraphStore();  // rolls back an uncommitted write

  // Reads the whole graph (change tracking off). Fails on a damaged store. Call at most once,
  // before write(): the store maps the returned graph's ids to its rows.
  common::Result<KnowledgeGraph> load();

  // Writes `changes` (from graph.takeChanges(), in order) to the open transaction, reading what
  // they name from `graph`: the graph load() returned, or a graph built from empty. Rows are
  // inserted in batches, and a changed entity is written once, as it is at commit().
  // REQUIRES: kWrite; `graph` is the graph whose changes these are, and outlives commit().
  common::Status write(const KnowledgeGraph& graph, const std::vector<GraphChange>& changes);

  // Writes a whole graph into the store (its previous content is deleted): for tools and tests
  // that build a graph in memory. REQUIRES: kWrite, load() not called.
  common::Status replaceAll(const KnowledgeGraph& graph);

  // Takes the live article `doc` out of the store with its mentions, evidence and events, then
  // what only it supported: relations left without evidence, background facts whose endpoints
  // nothing else supports, entities left with no mention and no relation. Returns nullopt when
  // no such article is stored. REQUIRES: kWrite.
  common::Result<std::optional<RemovalReport>> removeArticle(std::string_view doc);

  // Drops what replaced or removed articles alone supported (as removeArticle), then makes the
  // transaction durable. The store is then closed for writing. REQUIRES: kWrite.
  common::Status commit();
  // Abandons every write since open. The store is then closed for writing.
  void rollback();

  // True when open() created the file (kWrite on a path that did not exist).
  bool created() const;
  const std::string& path() const;

  struct Impl;  // defined in graph/src, private to the store's implementation

 private:
  explicit GraphStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Opens the store at `path` for reading and loads its graph. Fails as GraphStore::open (a
// missing file: `<path>: store error: No such file or directory`) and GraphStore::load.
common::Result<KnowledgeGraph> loadGraph(const std::string& path);

// Writes `graph` to the store at `path` in one transaction, replacing what it held.
common::Status saveGraph(const KnowledgeGraph& graph, const std::string& path);

}  // namespace newsgraph::graph

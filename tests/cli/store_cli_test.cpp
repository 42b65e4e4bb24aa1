// The store through the newsgraph executable: incremental ingest, remove, bad store files, a
// process killed in the middle of a batch, two processes at once.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli_harness.h"

namespace {

using newsgraph::testing::CommandResult;
using newsgraph::testing::finish;
using newsgraph::testing::readFile;
using newsgraph::testing::run;
using newsgraph::testing::start;
namespace fs = std::filesystem;

class StoreCliTest : public newsgraph::testing::CliTest {
 protected:
  // `copies` articles made from the sample .txt articles, each one different.
  void writeBatch(const std::string& folder, int copies) const {
    std::vector<std::string> texts;
    for (const auto& entry : fs::directory_iterator(samples_ + "/articles")) {
      if (entry.path().extension() == ".txt") texts.push_back(readFile(entry.path().string()));
    }
    for (int i = 0; i < copies; ++i) {
      write(folder + "/copy" + std::to_string(i) + ".txt",
            texts[static_cast<std::size_t>(i) % texts.size()] + "\nCopie " + std::to_string(i) +
                ".\n");
    }
  }
  // Runs `ingest FOLDER --db g.db`, SIGKILLs it after `delayMs` and returns its wait status.
  // With `afterCreation`, the delay counts from when g.db appears (start-up takes seconds under
  // the sanitizers), or from when the ingest ends if it never does.
  int killedIngest(const std::string& folder, int delayMs, bool afterCreation = false) const {
    pid_t child = ::fork();
    if (child < 0) {
      ADD_FAILURE() << "fork failed";
      return 0;
    }
    if (child == 0) {
      std::freopen("/dev/null", "w", stdout);
      std::freopen("/dev/null", "w", stderr);
      ::execl(NEWSGRAPH_BINARY, NEWSGRAPH_BINARY, "ingest", path(folder).c_str(), "--db",
              path("g.db").c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    int raw = 0;
    while (afterCreation && !fs::exists(path("g.db"))) {
      if (::waitpid(child, &raw, WNOHANG) == child) return raw;  // it ended first
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
    ::kill(child, SIGKILL);
    ::waitpid(child, &raw, 0);
    return raw;
  }
  // Checks that g.db takes one more article after a crash.
  void expectStillWritable() const {
    write("more/b.txt", "La MINUSMA quitte Kidal.");
    CommandResult more = run("ingest " + path("more") + " --db " + path("g.db"));
    EXPECT_EQ(more.status, 0) << more.out;
    EXPECT_NE(run("entities --db " + path("g.db")).out.find("minusma"), std::string::npos);
  }
  // SQLite's journal mode of the database at `db`, as `PRAGMA journal_mode` names it.
  static std::string journalMode(const std::string& db) {
    sqlite3* handle = nullptr;
    std::string mode;
    if (sqlite3_open(db.c_str(), &handle) == SQLITE_OK) {
      sqlite3_stmt* statement = nullptr;
      sqlite3_prepare_v2(handle, "PRAGMA journal_mode", -1, &statement, nullptr);
      if (sqlite3_step(statement) == SQLITE_ROW) {
        mode = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
      }
      sqlite3_finalize(statement);
    }
    sqlite3_close(handle);
    return mode;
  }
  std::string exportJson(const std::string& db) const {
    CommandResult exported = run("export --format json --compact --db " + db);
    EXPECT_EQ(exported.status, 0) << exported.out;
    return exported.out;
  }
};

TEST_F(StoreCliTest, IngestAddsToAnExistingStore) {
  write("one/a.txt", "Les FAMa patrouillent à Gao.");
  write("two/b.txt", "La MINUSMA quitte Kidal.");
  ASSERT_EQ(run("ingest " + path("one") + " --db " + path("g.db")).status, 0);
  CommandResult second = run("ingest " + path("two") + " --db " + path("g.db"));
  ASSERT_EQ(second.status, 0) << second.out;
  EXPECT_NE(second.out.find("(1 added, 0 replaced, 0 unchanged)"), std::string::npos) << second.out;
  CommandResult entities = run("entities --db " + path("g.db"));
  EXPECT_NE(entities.out.find("fama"), std::string::npos) << entities.out;
  EXPECT_NE(entities.out.find("minusma"), std::string::npos) << entities.out;
}

TEST_F(StoreCliTest, AChangedArticleReplacesItsEvidence) {
  write("in/a.txt", "Les FAMa attaquent Kidal.");
  ASSERT_EQ(run("ingest " + path("in") + " --db " + path("g.db")).status, 0);
  ASSERT_NE(run("relations --db " + path("g.db")).out.find("ATTACKS"), std::string::npos);
  write("in/a.txt", "La MINUSMA quitte Kidal.");
  CommandResult again = run("ingest " + path("in") + " --db " + path("g.db"));
  ASSERT_EQ(again.status, 0) << again.out;
  EXPECT_NE(again.out.find("(0 added, 1 replaced, 0 unchanged)"), std::string::npos) << again.out;
  CommandResult relations = run("relations --db " + path("g.db"));
  EXPECT_EQ(relations.out.find("ATTACKS"), std::string::npos) << relations.out;
  EXPECT_NE(relations.out.find("WITHDRAWS_FROM"), std::string::npos) << relations.out;
  EXPECT_EQ(run("entities --db " + path("g.db")).out.find("fama"), std::string::npos);
}

TEST_F(StoreCliTest, RemoveTakesAnArticleOut) {
  ASSERT_EQ(run("ingest " + samples_ + "/articles --db " + path("g.db")).status, 0);
  ASSERT_NE(run("relations --db " + path("g.db")).out.find("s05_wagner_2021:"), std::string::npos);
  CommandResult removed = run("remove --doc s05_wagner_2021 --db " + path("g.db"));
  ASSERT_EQ(removed.status, 0) << removed.out;
  EXPECT_EQ(removed.out.find("removed s05_wagner_2021: "), 0u) << removed.out;
  EXPECT_EQ(run("relations --db " + path("g.db")).out.find("s05_wagner_2021:"), std::string::npos);
  EXPECT_EQ(exportJson(path("g.db")).find("\"s05_wagner_2021\""), std::string::npos);

  CommandResult unknown = run("remove --doc nope --db " + path("g.db"));
  EXPECT_EQ(unknown.status, 1);
  EXPECT_EQ(unknown.out,
            "newsgraph: " + path("g.db") + ": remove error: no article 'nope' in the store\n");
  CommandResult absent = run("remove --doc nope --db " + path("absent.db"));
  EXPECT_EQ(absent.status, 2);
  EXPECT_EQ(absent.out,
            "newsgraph: " + path("absent.db") + ": store error: No such file or directory\n");
  EXPECT_FALSE(fs::exists(path("absent.db")));
}

TEST_F(StoreCliTest, BadStoreFilesAreReported) {
  write("text.db", "mali,gao\n");
  write("in/a.txt", "Les FAMa patrouillent à Gao.");
  for (std::string command : {"entities", "relations", "stats", "export"}) {
    CommandResult read = run(command + " --db " + path("text.db"));
    EXPECT_EQ(read.status, 2) << command;
    EXPECT_EQ(read.out, "newsgraph: " + path("text.db") +
                            ": store error: not a newsgraph store (not an SQLite database)\n")
        << command;
  }
  CommandResult ingest = run("ingest " + path("in") + " --db " + path("text.db"));
  EXPECT_EQ(ingest.status, 2);
  EXPECT_NE(ingest.out.find("newsgraph: " + path("text.db") +
                            ": store error: not a newsgraph store (not an SQLite database)\n"),
            std::string::npos)
      << ingest.out;
  EXPECT_EQ(readFile(path("text.db")), "mali,gao\n");
}

TEST_F(StoreCliTest, AWriterWaitsThenSaysTheStoreIsBusy) {
  write("in/a.txt", "Les FAMa patrouillent à Gao.");
  write("more/b.txt", "La MINUSMA quitte Kidal.");
  ASSERT_EQ(run("ingest " + path("in") + " --db " + path("g.db")).status, 0);
  // This process holds the write lock, as a long ingest would.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path("g.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  const std::string busy = "newsgraph: " + path("g.db") +
                           ": store error: store is busy: another process is writing to it "
                           "(waited 0.2 s); try again when it has finished\n";
  CommandResult ingest = run("ingest " + path("more") + " --wait 0.2 --db " + path("g.db"));
  EXPECT_EQ(ingest.status, 2);
  EXPECT_EQ(ingest.out, busy);
  CommandResult remove = run("remove --doc a --wait 0.2 --db " + path("g.db"));
  EXPECT_EQ(remove.status, 2);
  EXPECT_EQ(remove.out, busy);
  // Readers go on reading the last commit.
  CommandResult entities = run("entities --db " + path("g.db"));
  EXPECT_EQ(entities.status, 0) << entities.out;
  EXPECT_NE(entities.out.find("fama"), std::string::npos);
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(run("ingest " + path("more") + " --wait 0.2 --db " + path("g.db")).status, 0);
}

TEST_F(StoreCliTest, TwoIngestsAtOnceAreSerialised) {
  writeBatch("first", 40);
  write("second/x.txt", "La MINUSMA quitte Kidal.");
  write("second/y.txt", "Les FAMa patrouillent à Gao.");
  std::FILE* one = start("ingest " + path("first") + " -q --db " + path("g.db"));
  std::FILE* two = start("ingest " + path("second") + " -q --db " + path("g.db"));
  CommandResult a = finish(one);
  CommandResult b = finish(two);
  EXPECT_EQ(a.status, 0) << a.out;
  EXPECT_EQ(b.status, 0) << b.out;
  CommandResult stats = run("stats --db " + path("g.db"));
  EXPECT_NE(stats.out.find("articles   42\n"), std::string::npos) << stats.out;
}

TEST_F(StoreCliTest, AKilledIngestLeavesThePreviousState) {
  ASSERT_EQ(run("ingest " + samples_ + "/articles -q --db " + path("g.db")).status, 0);
  const std::string before = exportJson(path("g.db"));
  writeBatch("big", 1500);
  // A kill lands before the commit (nothing of the batch is stored) or, rarely, between the
  // commit and the exit (all of it is); never anything in between.
  int interrupted = 0;
  for (int delayMs : {50, 150, 300, 600, 1000, 1500}) {
    int raw = killedIngest("big", delayMs);
    std::string after = exportJson(path("g.db"));
    if (WIFSIGNALED(raw) && after == before) {
      ++interrupted;
      continue;
    }
    // It committed before the kill, or finished first: then the whole batch is there.
    EXPECT_NE(run("stats --db " + path("g.db")).out.find("articles   1514\n"), std::string::npos)
        << "killed after " << delayMs << " ms";
    break;
  }
  EXPECT_GT(interrupted, 0);
  expectStillWritable();  // after the crashes
}

// A new store is written under a rollback journal, then switched to WAL at its first commit.
TEST_F(StoreCliTest, ANewStoreIsInWalModeAfterItsFirstIngest) {
  ASSERT_EQ(run("ingest " + samples_ + "/articles -q --db " + path("g.db")).status, 0);
  EXPECT_EQ(journalMode(path("g.db")), "wal");
  EXPECT_FALSE(fs::exists(path("g.db-journal")));
}

TEST_F(StoreCliTest, AKilledCreationLeavesNoStoreContent) {
  writeBatch("big", 1500);
  int interrupted = 0;
  for (int delayMs : {0, 50, 150, 400, 800}) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path("g.db") + suffix);
    int raw = killedIngest("big", delayMs, true);
    if (!fs::exists(path("g.db"))) continue;  // ended before it created the file
    // Readers roll the creation back (or see the whole batch if it committed first).
    CommandResult stats = run("stats --db " + path("g.db"));
    EXPECT_EQ(stats.status, 0) << stats.out;
    if (WIFSIGNALED(raw) && stats.out.find("articles   0\n") != std::string::npos) {
      ++interrupted;
      continue;
    }
    EXPECT_NE(stats.out.find("articles   1500\n"), std::string::npos)
        << "killed after " << delayMs << " ms: " << stats.out;
    break;
  }
  EXPECT_GT(interrupted, 0);
  expectStillWritable();  // which leaves the file in WAL mode
  EXPECT_EQ(journalMode(path("g.db")), "wal");
}

}  // namespace

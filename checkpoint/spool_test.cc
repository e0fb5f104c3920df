#include "checkpoint/spool.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "checkpoint/event_codec.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

class SpoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/genims-spool-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Spool> OpenSpool() {
    absl::StatusOr<std::unique_ptr<Spool>> spool = Spool::Open(dir_ + "/spool");
    EXPECT_TRUE(spool.ok()) << spool.status();
    return spool.ok() ? std::move(*spool) : nullptr;
  }

  std::string dir_;
};

ChangeEvent Boundary(EventKind kind, Lsn commit_lsn, Lsn end_lsn) {
  ChangeEvent event;
  event.kind = kind;
  Begin& boundary = event.begin;
  boundary.xid = 7;
  boundary.commit_lsn = commit_lsn;
  boundary.end_lsn = end_lsn;
  boundary.commit_time_us = 1764074322340143;
  if (kind == EventKind::kCommit) {
    event.commit = {boundary.xid, commit_lsn, end_lsn, boundary.commit_time_us};
  }
  return event;
}

ChangeEvent Insert(absl::string_view table, absl::string_view id) {
  ChangeEvent event;
  event.kind = EventKind::kChange;
  event.change.op = ChangeOp::kInsert;
  event.change.schema = "public";
  event.change.table = table;
  event.change.new_columns = {{"id", "bigint", 20, id, false, NotNullDeclared::kYes, false}};
  return event;
}

// Writes one transaction: BEGIN, `rows` inserts into `table`, COMMIT.
void WriteTransaction(SpoolWriter& writer, Lsn commit_lsn, Lsn end_lsn, int rows,
                      absl::string_view table = "t") {
  uint32_t seq = 0;
  writer.Add(commit_lsn, seq++, Boundary(EventKind::kBegin, commit_lsn, end_lsn));
  for (int i = 0; i < rows; ++i) {
    const std::string id = std::to_string(i);
    writer.Add(commit_lsn, seq++, Insert(table, id));
  }
  writer.Add(commit_lsn, seq, Boundary(EventKind::kCommit, commit_lsn, end_lsn));
  writer.CommitTransaction(commit_lsn, end_lsn, 1764074322340143);
}

std::vector<EventKey> ReadKeys(Spool& spool, std::optional<EventKey> after, Lsn below) {
  std::vector<EventKey> keys;
  std::unique_ptr<SpoolCursor> cursor = spool.Read(after, below);
  for (; cursor->Valid(); cursor->Next()) keys.push_back(cursor->key());
  EXPECT_TRUE(cursor->status().ok()) << cursor->status();
  return keys;
}

TEST_F(SpoolTest, CommittedTransactionBecomesDurableAndReadable) {
  std::unique_ptr<Spool> spool = OpenSpool();
  DatabaseId db = *spool->RegisterDatabase("genims_mes_db");
  std::unique_ptr<SpoolWriter> writer = *spool->NewWriter(db);
  WriteTransaction(*writer, Lsn::FromRaw(0x100), Lsn::FromRaw(0x130), 2);
  EXPECT_GT(writer->pending_bytes(), 0u);
  EXPECT_EQ(spool->Watermark({db}), Lsn());
  ASSERT_TRUE(writer->Flush(/*sync=*/true).ok());
  EXPECT_EQ(writer->durable().flushed, Lsn::FromRaw(0x130));
  EXPECT_EQ(writer->durable().last_commit_lsn, Lsn::FromRaw(0x100));
  EXPECT_EQ(spool->Watermark({db}), Lsn::FromRaw(0x130));

  std::unique_ptr<SpoolCursor> cursor = spool->Read(std::nullopt, spool->Watermark({db}));
  std::vector<EventKind> kinds;
  for (; cursor->Valid(); cursor->Next()) {
    ChangeEvent event;
    ASSERT_TRUE(DecodeEvent(cursor->value(), &event).ok());
    EXPECT_EQ(cursor->key().commit_lsn, Lsn::FromRaw(0x100));
    EXPECT_EQ(cursor->key().seq, kinds.size());
    kinds.push_back(event.kind);
    if (event.kind == EventKind::kChange) {
      EXPECT_EQ(event.change.table, "t");
    }
  }
  EXPECT_EQ(kinds, (std::vector<EventKind>{EventKind::kBegin, EventKind::kChange,
                                           EventKind::kChange, EventKind::kCommit}));
}

TEST_F(SpoolTest, OpenTransactionStaysBelowTheWatermark) {
  std::unique_ptr<Spool> spool = OpenSpool();
  DatabaseId db = *spool->RegisterDatabase("genims_erp_db");
  std::unique_ptr<SpoolWriter> writer = *spool->NewWriter(db);
  WriteTransaction(*writer, Lsn::FromRaw(0x100), Lsn::FromRaw(0x130), 1);
  ASSERT_TRUE(writer->Flush(true).ok());
  // A large transaction streams in without its commit: written, invisible, not confirmable.
  const Lsn big_commit = Lsn::FromRaw(0x9000);
  writer->Add(big_commit, 0, Boundary(EventKind::kBegin, big_commit, Lsn::FromRaw(0x9030)));
  for (uint32_t seq = 1; seq <= 1000; ++seq) writer->Add(big_commit, seq, Insert("big", "1"));
  ASSERT_TRUE(writer->Flush(false).ok());
  ASSERT_TRUE(writer->Flush(true).ok());
  EXPECT_EQ(writer->durable().flushed, Lsn::FromRaw(0x130));
  EXPECT_EQ(ReadKeys(*spool, std::nullopt, spool->Watermark({db})).size(), 3u);
}

TEST_F(SpoolTest, UnsyncedProgressMovesTheWatermarkAndWakesReaders) {
  std::unique_ptr<Spool> spool = OpenSpool();
  DatabaseId db = *spool->RegisterDatabase("genims_tms_db");
  std::unique_ptr<SpoolWriter> writer = *spool->NewWriter(db);
  const uint64_t seen = spool->AwaitProgress(0, absl::ZeroDuration());
  EXPECT_EQ(spool->AwaitProgress(seen, absl::Milliseconds(1)), seen);  // Nothing moved.
  writer->AdvanceTo(Lsn::FromRaw(0x700));  // An idle database's keepalive.
  ASSERT_TRUE(writer->Flush(/*sync=*/false).ok());
  EXPECT_EQ(spool->Watermark({db}), Lsn::FromRaw(0x700));
  EXPECT_EQ(writer->durable().flushed, Lsn());  // Visible, but not yet confirmable.
  EXPECT_NE(spool->AwaitProgress(seen, absl::Seconds(10)), seen);
}

TEST_F(SpoolTest, ReadsInCommitOrderAcrossDatabases) {
  std::unique_ptr<Spool> spool = OpenSpool();
  DatabaseId erp = *spool->RegisterDatabase("genims_erp_db");
  DatabaseId mes = *spool->RegisterDatabase("genims_mes_db");
  ASSERT_NE(erp, mes);
  std::unique_ptr<SpoolWriter> erp_writer = *spool->NewWriter(erp);
  std::unique_ptr<SpoolWriter> mes_writer = *spool->NewWriter(mes);
  // erp's later commit is spooled first; mes has not caught up to it yet.
  WriteTransaction(*erp_writer, Lsn::FromRaw(0x500), Lsn::FromRaw(0x530), 1);
  ASSERT_TRUE(erp_writer->Flush(true).ok());
  EXPECT_EQ(spool->Watermark({erp, mes}), Lsn());
  EXPECT_TRUE(ReadKeys(*spool, std::nullopt, spool->Watermark({erp, mes})).empty());

  WriteTransaction(*mes_writer, Lsn::FromRaw(0x300), Lsn::FromRaw(0x330), 1);
  mes_writer->AdvanceTo(Lsn::FromRaw(0x600));  // A keepalive: mes has nothing up to 0x600.
  ASSERT_TRUE(mes_writer->Flush(true).ok());
  EXPECT_EQ(spool->Watermark({erp, mes}), Lsn::FromRaw(0x530));
  std::vector<EventKey> keys = ReadKeys(*spool, std::nullopt, spool->Watermark({erp, mes}));
  ASSERT_EQ(keys.size(), 6u);
  EXPECT_EQ(keys[0].database, mes);
  EXPECT_EQ(keys[0].commit_lsn, Lsn::FromRaw(0x300));
  EXPECT_EQ(keys[3].database, erp);
  EXPECT_EQ(keys[3].commit_lsn, Lsn::FromRaw(0x500));
  // Reading on from a cursor skips what was read.
  EXPECT_EQ(ReadKeys(*spool, keys[2], Lsn::FromRaw(0x530)).size(), 3u);
}

TEST_F(SpoolTest, ProgressAndIdsSurviveReopen) {
  DatabaseId mes;
  {
    std::unique_ptr<Spool> spool = OpenSpool();
    ASSERT_TRUE(spool->RegisterDatabase("genims_master_db").ok());
    mes = *spool->RegisterDatabase("genims_mes_db");
    std::unique_ptr<SpoolWriter> writer = *spool->NewWriter(mes);
    WriteTransaction(*writer, Lsn::FromRaw(0x100), Lsn::FromRaw(0x130), 3);
    ASSERT_TRUE(writer->Flush(true).ok());
  }
  std::unique_ptr<Spool> spool = OpenSpool();
  EXPECT_EQ(*spool->RegisterDatabase("genims_mes_db"), mes);
  EXPECT_EQ(spool->RegisterDatabase("genims_erp_db")->value(), 3);
  absl::StatusOr<DatabaseProgress> progress = spool->Progress(mes);
  ASSERT_TRUE(progress.ok());
  EXPECT_EQ(progress->flushed, Lsn::FromRaw(0x130));
  EXPECT_EQ(progress->last_commit_time_us, std::optional<int64_t>(1764074322340143));
  EXPECT_EQ(spool->Watermark({mes}), Lsn::FromRaw(0x130));
  EXPECT_EQ((*spool->NewWriter(mes))->durable().flushed, Lsn::FromRaw(0x130));
  EXPECT_EQ(ReadKeys(*spool, std::nullopt, Lsn::FromRaw(0x130)).size(), 5u);
}

TEST_F(SpoolTest, TrimDeletesWhatEverySinkApplied) {
  std::unique_ptr<Spool> spool = OpenSpool();
  DatabaseId db = *spool->RegisterDatabase("genims_mes_db");
  std::unique_ptr<SpoolWriter> writer = *spool->NewWriter(db);
  WriteTransaction(*writer, Lsn::FromRaw(0x100), Lsn::FromRaw(0x130), 1);
  WriteTransaction(*writer, Lsn::FromRaw(0x200), Lsn::FromRaw(0x230), 1);
  ASSERT_TRUE(writer->Flush(true).ok());
  const Lsn below = spool->Watermark({db});

  EXPECT_EQ(*spool->Trim(), 0);  // No sink registered: nothing may go.
  EXPECT_EQ(ReadKeys(*spool, std::nullopt, below).size(), 6u);

  const EventKey first_commit{Lsn::FromRaw(0x100), db, 2};
  const EventKey second_commit{Lsn::FromRaw(0x200), db, 2};
  ASSERT_TRUE(spool->SetSinkCursor("audit", second_commit).ok());
  ASSERT_TRUE(spool->SetSinkCursor("reporting", first_commit).ok());
  EXPECT_EQ(*spool->Trim(), 2);
  std::vector<EventKey> left = ReadKeys(*spool, std::nullopt, below);
  ASSERT_EQ(left.size(), 3u);  // The slower sink still needs the second transaction.
  EXPECT_EQ(left[0].commit_lsn, Lsn::FromRaw(0x200));
  EXPECT_EQ(**spool->SinkCursor("reporting"), first_commit);
  EXPECT_FALSE(spool->SinkCursor("nobody")->has_value());

  // A sink that is no longer configured stops holding the spool back.
  ASSERT_TRUE(spool->RemoveSinkCursor("reporting").ok());
  EXPECT_FALSE(spool->SinkCursor("reporting")->has_value());
  EXPECT_EQ(*spool->Trim(), 1);
  EXPECT_TRUE(ReadKeys(*spool, std::nullopt, below).empty());
}

TEST_F(SpoolTest, SinkStateIsAtomicAndScannedByPrefix) {
  std::unique_ptr<Spool> spool = OpenSpool();
  ASSERT_TRUE(spool->WriteState({{"RFa", "1"}, {"RFb", "2"}, {"RX", "3"}, {"Q", "4"}}, true).ok());
  ASSERT_TRUE(spool->WriteState({{"RFa", std::nullopt}, {"RFc", "5"}}, false).ok());
  std::vector<std::string> seen;
  ASSERT_TRUE(spool
                  ->ScanState("RF",
                              [&seen](absl::string_view key, absl::string_view value) {
                                seen.push_back(absl::StrCat(key, "=", value));
                                return true;
                              })
                  .ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"RFb=2", "RFc=5"}));
  EXPECT_EQ(**spool->GetState("Q"), "4");
  ASSERT_TRUE(spool->DeleteStatePrefix("R").ok());
  EXPECT_FALSE(spool->GetState("RFb")->has_value());
  EXPECT_FALSE(spool->GetState("RX")->has_value());
  EXPECT_EQ(**spool->GetState("Q"), "4");
}

TEST_F(SpoolTest, ReadOnlyOpenBesideTheWriter) {
  EXPECT_EQ(Spool::OpenReadOnly(dir_ + "/spool").status().code(), absl::StatusCode::kNotFound);
  std::unique_ptr<Spool> spool = OpenSpool();
  DatabaseId mes = *spool->RegisterDatabase("genims_mes_db");
  DatabaseId erp = *spool->RegisterDatabase("genims_erp_db");
  std::unique_ptr<SpoolWriter> writer = *spool->NewWriter(mes);
  WriteTransaction(*writer, Lsn::FromRaw(0x100), Lsn::FromRaw(0x130), 1);
  ASSERT_TRUE(writer->Flush(true).ok());

  absl::StatusOr<std::unique_ptr<Spool>> reader = Spool::OpenReadOnly(dir_ + "/spool");
  ASSERT_TRUE(reader.ok()) << reader.status();
  auto databases = (*reader)->Databases();
  ASSERT_TRUE(databases.ok());
  ASSERT_EQ(databases->size(), 2u);
  EXPECT_EQ((*databases)[0], std::make_pair(std::string("genims_mes_db"), mes));
  EXPECT_EQ((*databases)[1], std::make_pair(std::string("genims_erp_db"), erp));
  EXPECT_EQ((*reader)->Progress(mes)->flushed, Lsn::FromRaw(0x130));
}

TEST_F(SpoolTest, SecondOpenOfTheSameDirectoryIsRefused) {
  std::unique_ptr<Spool> spool = OpenSpool();
  absl::StatusOr<std::unique_ptr<Spool>> second = Spool::Open(dir_ + "/spool");
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition) << second.status();
}

TEST_F(SpoolTest, UnwritableDirectoryIsAnError) {
  absl::StatusOr<std::unique_ptr<Spool>> spool = Spool::Open("/proc/genims-no-such/spool");
  EXPECT_FALSE(spool.ok());
  EXPECT_NE(spool.status().code(), absl::StatusCode::kUnknown);
}

// kill -9 at a random instant while transactions are being written and synced: after
// reopening, every transaction below the durable progress is whole (BEGIN, all its rows,
// COMMIT) and the progress is at least what the writer had reported durable.
TEST_F(SpoolTest, SurvivesKillNineAtAnyInstant) {
  std::mt19937 random(20261125);
  for (int round = 0; round < 8; ++round) {
    int report[2];
    ASSERT_EQ(pipe(report), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(report[0]);
      absl::StatusOr<std::unique_ptr<Spool>> spool = Spool::Open(dir_ + "/spool");
      if (!spool.ok()) _exit(2);
      DatabaseId db = *(*spool)->RegisterDatabase("genims_mes_db");
      std::unique_ptr<SpoolWriter> writer = *(*spool)->NewWriter(db);
      uint64_t next = writer->durable().flushed.raw() + 0x100;
      for (;;) {
        const int rows = 1 + static_cast<int>(next % 37);
        WriteTransaction(*writer, Lsn::FromRaw(next), Lsn::FromRaw(next + 0x30), rows);
        if (!writer->Flush((next / 0x100) % 3 == 0).ok()) _exit(3);
        const uint64_t durable = writer->durable().flushed.raw();
        if (write(report[1], &durable, sizeof(durable)) != sizeof(durable)) _exit(4);
        next += 0x100;
      }
    }
    close(report[1]);
    usleep(20000 + random() % 200000);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    uint64_t reported = 0;
    uint64_t value;
    while (read(report[0], &value, sizeof(value)) == sizeof(value)) reported = value;
    close(report[0]);

    std::unique_ptr<Spool> spool = OpenSpool();
    ASSERT_NE(spool, nullptr);
    DatabaseId db = *spool->RegisterDatabase("genims_mes_db");
    const Lsn flushed = spool->Progress(db)->flushed;
    EXPECT_GE(flushed.raw(), reported) << "round " << round;
    // Walk every transaction below the progress and check it is whole.
    std::unique_ptr<SpoolCursor> cursor = spool->Read(std::nullopt, flushed);
    int transactions = 0;
    while (cursor->Valid()) {
      const Lsn commit = cursor->key().commit_lsn;
      const int rows = 1 + static_cast<int>(commit.raw() % 37);
      for (int seq = 0; seq <= rows + 1; ++seq) {
        ASSERT_TRUE(cursor->Valid()) << "transaction " << commit.ToString() << " cut short";
        ASSERT_EQ(cursor->key().commit_lsn, commit);
        ASSERT_EQ(cursor->key().seq, static_cast<uint32_t>(seq));
        cursor->Next();
      }
      ++transactions;
    }
    ASSERT_TRUE(cursor->status().ok());
    EXPECT_GT(transactions, 0) << "round " << round;
  }
}

}  // namespace
}  // namespace genims

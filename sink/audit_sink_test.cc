#include "sink/audit_sink.h"

#include <filesystem>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "sink/audit_hash.h"

namespace genims {
namespace {

constexpr int64_t kCommitTime = 1795610322340143;

// An AuditStore in memory. Apply() can be made to fail before committing, or after (the
// outcome a lost connection during COMMIT leaves).
class FakeStore : public AuditStore {
 public:
  absl::StatusOr<std::map<std::string, AuditPosition>> LoadPositions() override {
    absl::MutexLock lock(&mutex_);
    if (down_) return absl::UnavailableError("fake MariaDB is down");
    return positions_;
  }

  absl::Status Apply(const AuditBatch& batch) override {
    absl::MutexLock lock(&mutex_);
    ++applies_;
    if (down_) return absl::UnavailableError("fake MariaDB is down");
    if (fail_before_commit_ > 0) {
      --fail_before_commit_;
      return absl::UnavailableError("lost connection before COMMIT");
    }
    for (const AuditRow& row : batch.changes) rows_.push_back(row);
    for (const BulkOperation& bulk : batch.bulk_operations) bulk_.push_back(bulk);
    for (const auto& [db, position] : batch.positions) positions_[db] = position;
    if (fail_after_commit_ > 0) {
      --fail_after_commit_;
      return absl::UnavailableError("lost connection during COMMIT");
    }
    return absl::OkStatus();
  }

  absl::Status RecordEvent(const SystemEvent& event) override {
    absl::MutexLock lock(&mutex_);
    if (down_) return absl::UnavailableError("fake MariaDB is down");
    events_.push_back(event.event_type);
    return absl::OkStatus();
  }

  absl::Mutex mutex_;
  bool down_ ABSL_GUARDED_BY(mutex_) = false;
  int fail_before_commit_ ABSL_GUARDED_BY(mutex_) = 0;
  int fail_after_commit_ ABSL_GUARDED_BY(mutex_) = 0;
  int applies_ ABSL_GUARDED_BY(mutex_) = 0;
  std::vector<AuditRow> rows_ ABSL_GUARDED_BY(mutex_);
  std::vector<BulkOperation> bulk_ ABSL_GUARDED_BY(mutex_);
  std::map<std::string, AuditPosition> positions_ ABSL_GUARDED_BY(mutex_);
  std::vector<std::string> events_ ABSL_GUARDED_BY(mutex_);
};

ChangeEvent Boundary(EventKind kind, Lsn commit_lsn, uint32_t xid) {
  ChangeEvent event;
  event.kind = kind;
  event.begin = {xid, commit_lsn, Lsn::FromRaw(commit_lsn.raw() + 0x10), kCommitTime};
  event.commit = {xid, commit_lsn, Lsn::FromRaw(commit_lsn.raw() + 0x10), kCommitTime};
  return event;
}

class AuditSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/genims-audit-sink-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    spool_ = std::move(*Spool::Open(dir_ + "/spool"));
    erp_ = *spool_->RegisterDatabase("genims_erp_db");
    mes_ = *spool_->RegisterDatabase("genims_mes_db");
    erp_writer_ = std::move(*spool_->NewWriter(erp_));
    mes_writer_ = std::move(*spool_->NewWriter(mes_));
  }
  void TearDown() override {
    spool_.reset();
    std::filesystem::remove_all(dir_);
  }

  // A transaction of `rows` inserts at commit LSN `lsn`; the other database moves past it.
  void Spool(DatabaseId db, uint64_t lsn, int rows) {
    SpoolWriter& writer = db == erp_ ? *erp_writer_ : *mes_writer_;
    SpoolWriter& other = db == erp_ ? *mes_writer_ : *erp_writer_;
    const Lsn commit = Lsn::FromRaw(lsn);
    uint32_t seq = 0;
    writer.Add(commit, seq++, Boundary(EventKind::kBegin, commit, static_cast<uint32_t>(lsn)));
    for (int i = 0; i < rows; ++i) {
      ChangeEvent event;
      event.kind = EventKind::kChange;
      event.change.op = ChangeOp::kInsert;
      event.change.schema = "public";
      event.change.table = "orders";
      const std::string id = std::to_string(lsn * 1000 + i);
      event.change.new_columns = {{"order_id", "", 0, id, false, NotNullDeclared::kYes, false}};
      writer.Add(commit, seq++, event);
    }
    writer.Add(commit, seq, Boundary(EventKind::kCommit, commit, static_cast<uint32_t>(lsn)));
    writer.CommitTransaction(commit, Lsn::FromRaw(lsn + 0x10), kCommitTime);
    ASSERT_TRUE(writer.Flush(true).ok());
    other.AdvanceTo(Lsn::FromRaw(lsn + 0x10));
    ASSERT_TRUE(other.Flush(true).ok());
    expected_rows_ += rows;
  }

  AuditSinkOptions Options() {
    AuditSinkOptions options;
    options.batch_size = 3;
    options.retry_delay = absl::Milliseconds(1);
    options.max_retry_delay = absl::Milliseconds(5);
    options.trim_interval = absl::ZeroDuration();
    options.policy.bulk_rows = 4;
    return options;
  }

  // Runs a sink until the store holds every expected row (or 10 s pass), then stops it.
  void RunUntilApplied(AuditSink& sink) {
    std::atomic<bool> stop{false};
    absl::Status result;
    std::thread thread([&] { result = sink.Run(stop); });
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    while (absl::Now() < deadline) {
      {
        absl::MutexLock lock(&store_.mutex_);
        if (store_.rows_.size() >= expected_rows_) break;
      }
      absl::SleepFor(absl::Milliseconds(5));
    }
    absl::SleepFor(absl::Milliseconds(50));  // Anything doubled would show up by now.
    stop.store(true);
    thread.join();
    EXPECT_TRUE(result.ok()) << result;
  }

  // Every row once, in order per database, seq 1..n per transaction, chain intact.
  void CheckExactlyOnce() {
    absl::MutexLock lock(&store_.mutex_);
    ASSERT_EQ(store_.rows_.size(), expected_rows_);
    std::map<std::string, std::string> heads;
    std::map<std::string, std::pair<Lsn, uint32_t>> last;
    for (const AuditRow& row : store_.rows_) {
      auto [head, inserted] = heads.emplace(row.source_db, kGenesisHash);
      EXPECT_EQ(row.prev_hash, head->second);
      EXPECT_EQ(row.row_hash, AuditRowHash(row));
      head->second = row.row_hash;
      auto [previous, first] = last.emplace(row.source_db, std::pair{row.commit_lsn, 0u});
      if (previous->second.first != row.commit_lsn) {
        EXPECT_LT(previous->second.first, row.commit_lsn);
        previous->second = {row.commit_lsn, 0};
      }
      EXPECT_EQ(row.event_seq, previous->second.second + 1);
      previous->second.second = row.event_seq;
    }
  }

  std::string dir_;
  std::unique_ptr<genims::Spool> spool_;
  DatabaseId erp_;
  DatabaseId mes_;
  std::unique_ptr<SpoolWriter> erp_writer_;
  std::unique_ptr<SpoolWriter> mes_writer_;
  FakeStore store_;
  size_t expected_rows_ = 0;
};

TEST_F(AuditSinkTest, AppliesEveryRowOnceInBatchesAndTrims) {
  Spool(erp_, 0x100, 2);
  Spool(mes_, 0x200, 7);  // Split over three batches of at most 3 rows.
  Spool(erp_, 0x300, 1);
  AuditSink sink(spool_.get(), {erp_, mes_}, &store_, Options());
  RunUntilApplied(sink);
  CheckExactlyOnce();
  absl::MutexLock lock(&store_.mutex_);
  EXPECT_EQ(store_.applies_, 4);  // 2+1 | 3 | 3 | 1+1: never more than batch_size.
  ASSERT_EQ(store_.bulk_.size(), 1u);
  EXPECT_EQ(store_.bulk_[0].row_count, 7u);
  EXPECT_EQ(store_.events_, (std::vector<std::string>{"start", "stop"}));
  // The cursor sits on the last transaction; everything at or below it is trimmed.
  const std::optional<EventKey> cursor = *spool_->SinkCursor("audit");
  ASSERT_TRUE(cursor.has_value());
  EXPECT_EQ(cursor->commit_lsn, Lsn::FromRaw(0x300));
  EXPECT_FALSE(spool_->Read(std::nullopt, Lsn::FromRaw(0x1000))->Valid());
  EXPECT_EQ(sink.stats().rows.load(), 10u);
  EXPECT_EQ(sink.state().applied_through, Lsn::FromRaw(0x310));
}

TEST_F(AuditSinkTest, FailedCommitsAreReplayedWithoutDoubles) {
  Spool(erp_, 0x100, 5);
  Spool(mes_, 0x200, 4);
  {
    absl::MutexLock lock(&store_.mutex_);
    store_.fail_before_commit_ = 1;
    store_.fail_after_commit_ = 2;  // Committed, but the sink was not told.
  }
  AuditSink sink(spool_.get(), {erp_, mes_}, &store_, Options());
  RunUntilApplied(sink);
  CheckExactlyOnce();
  EXPECT_EQ(sink.state().consecutive_failures, 0u);
  EXPECT_EQ(sink.state().errors_by_kind.at("UNAVAILABLE"), 3u);
}

TEST_F(AuditSinkTest, OutageKeepsCountingUntilTheServerReturns) {
  Spool(erp_, 0x100, 2);
  {
    absl::MutexLock lock(&store_.mutex_);
    store_.down_ = true;
  }
  AuditSink sink(spool_.get(), {erp_, mes_}, &store_, Options());
  std::atomic<bool> stop{false};
  std::thread thread([&] { ASSERT_TRUE(sink.Run(stop).ok()); });
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (sink.state().consecutive_failures < 5 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  EXPECT_GE(sink.state().consecutive_failures, 5u);
  EXPECT_EQ(sink.state().last_error, "fake MariaDB is down");
  Spool(mes_, 0x200, 3);  // Capture goes on meanwhile.
  {
    absl::MutexLock lock(&store_.mutex_);
    store_.down_ = false;
  }
  while (absl::Now() < deadline) {
    {
      absl::MutexLock lock(&store_.mutex_);
      if (store_.rows_.size() >= expected_rows_) break;
    }
    absl::SleepFor(absl::Milliseconds(5));
  }
  stop.store(true);
  thread.join();
  CheckExactlyOnce();
  EXPECT_EQ(sink.state().consecutive_failures, 0u);
  absl::MutexLock lock(&store_.mutex_);
  // The outage is recorded once the server is back.
  EXPECT_NE(std::find(store_.events_.begin(), store_.events_.end(), "error"), store_.events_.end());
}

TEST_F(AuditSinkTest, RestartsFromStoredPositions) {
  Spool(erp_, 0x100, 4);
  {
    AuditSink first(spool_.get(), {erp_, mes_}, &store_, Options());
    RunUntilApplied(first);
  }
  Spool(erp_, 0x200, 2);
  AuditSink second(spool_.get(), {erp_, mes_}, &store_, Options());
  RunUntilApplied(second);
  CheckExactlyOnce();
}

}  // namespace
}  // namespace genims

#include "connector/capture_session.h"

#include <deque>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checkpoint/event_codec.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

struct SentStatus {
  Lsn written;
  Lsn flushed;
};

// Plays a script of server messages; once it runs out it answers "nothing came" and, after
// a few of those, asks the session to stop.
class ScriptedSource : public ReplicationSource {
 public:
  explicit ScriptedSource(std::atomic<bool>* stop) : stop_(stop) {}

  void Data(Lsn wal_start, std::string json) {
    Item item;
    item.message.kind = StreamMessage::Kind::kXLogData;
    item.message.wal_start = wal_start;
    item.message.wal_end = wal_start;
    item.data = std::move(json);
    script_.push_back(std::move(item));
  }
  void Keepalive(Lsn wal_end, bool reply_requested) {
    Item item;
    item.message.kind = StreamMessage::Kind::kKeepalive;
    item.message.wal_end = wal_end;
    item.message.reply_requested = reply_requested;
    script_.push_back(std::move(item));
  }
  void Quiet() { script_.push_back(Item{}); }
  void Fail(absl::Status status) {
    Item item;
    item.error = status;
    script_.push_back(std::move(item));
  }

  absl::StatusOr<StreamMessage> Next(absl::Duration) override {
    if (script_.empty()) {
      if (++idle_ >= 3) stop_->store(true);
      return StreamMessage{};
    }
    current_ = std::move(script_.front());
    script_.pop_front();
    if (!current_.error.ok()) return current_.error;
    current_.message.data = current_.data;
    return current_.message;
  }

  absl::Status SendStatus(Lsn written, Lsn flushed, bool) override {
    sent.push_back({written, flushed});
    return absl::OkStatus();
  }

  std::vector<SentStatus> sent;

 private:
  struct Item {
    StreamMessage message;  // kTimeout by default.
    std::string data;
    absl::Status error;
  };
  std::atomic<bool>* stop_;
  std::deque<Item> script_;
  Item current_;
  int idle_ = 0;
};

std::string BeginOrCommit(char action, int xid, Lsn commit, Lsn end) {
  return absl::StrCat(R"({"action":")", std::string(1, action), R"(","xid":)", xid,
                      R"(,"timestamp":"2026-11-25 12:58:46.471664+00","lsn":")", commit.ToString(),
                      R"(","nextlsn":")", end.ToString(), R"("})");
}

std::string Insert(int xid, Lsn lsn, int id) {
  return absl::StrCat(
      R"({"action":"I","xid":)", xid, R"(,"lsn":")", lsn.ToString(),
      R"(","schema":"public","table":"orders","columns":[{"name":"id","type":"integer","value":)",
      id, R"(},{"name":"price","type":"numeric","value":12.50}]})");
}

// Adds BEGIN, `rows` inserts and COMMIT of a transaction committed at `commit`.
void Transaction(ScriptedSource& source, int xid, uint64_t commit, int rows) {
  const Lsn commit_lsn = Lsn::FromRaw(commit);
  const Lsn end_lsn = Lsn::FromRaw(commit + 0x30);
  source.Data(commit_lsn, BeginOrCommit('B', xid, commit_lsn, end_lsn));
  for (int i = 0; i < rows; ++i) {
    source.Data(Lsn::FromRaw(commit - 0x100 + i), Insert(xid, Lsn::FromRaw(commit - 0x100 + i), i));
  }
  source.Data(commit_lsn, BeginOrCommit('C', xid, commit_lsn, end_lsn));
}

class CaptureSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/genims-capture-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    spool_ = *Spool::Open(dir_ + "/spool");
    db_ = *spool_->RegisterDatabase("genims_mes_db");
    writer_ = *spool_->NewWriter(db_);
  }
  void TearDown() override {
    writer_.reset();
    spool_.reset();
    std::filesystem::remove_all(dir_);
  }

  absl::Status Run(ScriptedSource& source) {
    CaptureSession session(&source, writer_.get(), &stats_, CaptureOptions());
    return session.Run(stop_);
  }

  std::vector<EventKey> SpooledKeys() {
    std::vector<EventKey> keys;
    for (auto cursor = spool_->Read(std::nullopt, spool_->Watermark({db_})); cursor->Valid();
         cursor->Next()) {
      keys.push_back(cursor->key());
    }
    return keys;
  }

  std::string dir_;
  std::unique_ptr<Spool> spool_;
  DatabaseId db_;
  std::unique_ptr<SpoolWriter> writer_;
  CaptureStats stats_;
  std::atomic<bool> stop_{false};
};

TEST_F(CaptureSessionTest, SpoolsTransactionsAndConfirmsOnlyWhatIsDurable) {
  ScriptedSource source(&stop_);
  Transaction(source, 10, 0x1000, 2);
  Transaction(source, 11, 0x2000, 1);
  ASSERT_TRUE(Run(source).ok());
  EXPECT_EQ(writer_->durable().flushed, Lsn::FromRaw(0x2030));
  EXPECT_EQ(stats_.transactions.load(), 2u);
  EXPECT_EQ(stats_.row_changes.load(), 3u);
  EXPECT_EQ(SpooledKeys().size(), 7u);
  ASSERT_FALSE(source.sent.empty());
  Lsn previous;
  for (const SentStatus& status : source.sent) {
    EXPECT_GE(status.flushed, previous) << "flush LSN went backwards";
    EXPECT_LE(status.flushed, writer_->durable().flushed);
    EXPECT_GE(status.written, status.flushed);
    previous = status.flushed;
  }
  EXPECT_EQ(source.sent.back().flushed, Lsn::FromRaw(0x2030));
}

TEST_F(CaptureSessionTest, QuietStreamSyncsAtOnce) {
  ScriptedSource source(&stop_);
  Transaction(source, 10, 0x1000, 1);
  source.Quiet();
  // Had the session waited for more data, this would fail before the first sync.
  source.Fail(absl::UnavailableError("connection lost"));
  EXPECT_EQ(Run(source).code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(writer_->durable().flushed, Lsn::FromRaw(0x1030));
  EXPECT_EQ(source.sent.back().flushed, Lsn::FromRaw(0x1030));
}

TEST_F(CaptureSessionTest, TransactionTheSpoolHoldsIsSkippedWhenResent) {
  {
    ScriptedSource first(&stop_);
    Transaction(first, 10, 0x1000, 2);
    ASSERT_TRUE(Run(first).ok());
  }
  stop_ = false;
  ScriptedSource again(&stop_);
  Transaction(again, 10, 0x1000, 2);  // The server resumed from an older slot position.
  Transaction(again, 11, 0x2000, 1);
  ASSERT_TRUE(Run(again).ok());
  EXPECT_EQ(stats_.resent_transactions.load(), 1u);
  EXPECT_EQ(stats_.transactions.load(), 2u);
  EXPECT_EQ(SpooledKeys().size(), 4u + 3u);
}

TEST_F(CaptureSessionTest, KeepaliveAnsweredAndIdleDatabaseAdvances) {
  ScriptedSource source(&stop_);
  Transaction(source, 10, 0x1000, 1);
  source.Keepalive(Lsn::FromRaw(0x9000), /*reply_requested=*/true);
  ASSERT_TRUE(Run(source).ok());
  // The reply went out right after the keepalive, before the final status.
  ASSERT_GE(source.sent.size(), 2u);
  EXPECT_EQ(writer_->durable().flushed, Lsn::FromRaw(0x9000));
  EXPECT_EQ(spool_->Progress(db_)->flushed, Lsn::FromRaw(0x9000));
}

TEST_F(CaptureSessionTest, ReplyRequestedSyncsIdleProgressAtOnce) {
  ScriptedSource source(&stop_);
  source.Keepalive(Lsn::FromRaw(0x4000), /*reply_requested=*/false);  // Synced: the first.
  source.Keepalive(Lsn::FromRaw(0x8000), /*reply_requested=*/false);  // Waits for the interval.
  // The server shuts down and waits for our flush to reach its WAL end: the answer to its
  // ping must already carry it, whatever the idle sync interval says.
  source.Keepalive(Lsn::FromRaw(0x8000), /*reply_requested=*/true);
  source.Fail(absl::UnavailableError("server shut down"));
  CaptureOptions options;
  options.idle_sync_interval = absl::Hours(1);
  CaptureSession session(&source, writer_.get(), &stats_, options);
  EXPECT_EQ(session.Run(stop_).code(), absl::StatusCode::kUnavailable);
  ASSERT_FALSE(source.sent.empty());
  EXPECT_EQ(source.sent.back().flushed, Lsn::FromRaw(0x8000));
}

TEST_F(CaptureSessionTest, KeepaliveInsideTransactionDoesNotAdvance) {
  ScriptedSource source(&stop_);
  source.Data(Lsn::FromRaw(0x1000),
              BeginOrCommit('B', 10, Lsn::FromRaw(0x1000), Lsn::FromRaw(0x1030)));
  source.Keepalive(Lsn::FromRaw(0x9000), true);
  ASSERT_TRUE(Run(source).ok());
  EXPECT_EQ(writer_->durable().flushed, Lsn());
  for (const SentStatus& status : source.sent) EXPECT_EQ(status.flushed, Lsn());
}

TEST_F(CaptureSessionTest, MalformedMessageStopsWithoutConfirmingIt) {
  ScriptedSource source(&stop_);
  Transaction(source, 10, 0x1000, 1);
  source.Data(Lsn::FromRaw(0x2000),
              BeginOrCommit('B', 11, Lsn::FromRaw(0x2000), Lsn::FromRaw(0x2030)));
  source.Data(Lsn::FromRaw(0x1f00), R"({"action":"I","lsn":"0/1F00","schema":)");
  EXPECT_EQ(Run(source).code(), absl::StatusCode::kDataLoss);
  for (const SentStatus& status : source.sent) EXPECT_LE(status.flushed, Lsn::FromRaw(0x1030));
  EXPECT_LE(spool_->Progress(db_)->flushed, Lsn::FromRaw(0x1030));
}

TEST_F(CaptureSessionTest, ChangeOutsideTransactionIsDataLoss) {
  ScriptedSource source(&stop_);
  source.Data(Lsn::FromRaw(0x1000), Insert(1, Lsn::FromRaw(0x1000), 1));
  EXPECT_EQ(Run(source).code(), absl::StatusCode::kDataLoss);
}

TEST_F(CaptureSessionTest, NestedBeginIsDataLoss) {
  ScriptedSource source(&stop_);
  source.Data(Lsn::FromRaw(0x1000),
              BeginOrCommit('B', 1, Lsn::FromRaw(0x1000), Lsn::FromRaw(0x1030)));
  source.Data(Lsn::FromRaw(0x2000),
              BeginOrCommit('B', 2, Lsn::FromRaw(0x2000), Lsn::FromRaw(0x2030)));
  EXPECT_EQ(Run(source).code(), absl::StatusCode::kDataLoss);
}

TEST_F(CaptureSessionTest, ExcludedTablesAreNotSpooled) {
  ScriptedSource source(&stop_);
  Transaction(source, 10, 0x1000, 2);  // Table public.orders.
  const TableFilter filter({}, {"public.ord*"});
  CaptureOptions options;
  options.filter = &filter;
  CaptureSession session(&source, writer_.get(), &stats_, options);
  ASSERT_TRUE(session.Run(stop_).ok());
  EXPECT_EQ(stats_.filtered_changes.load(), 2u);
  EXPECT_EQ(SpooledKeys().size(), 2u);  // BEGIN and COMMIT still mark the position.
}

TEST_F(CaptureSessionTest, SpooledValuesKeepTheirText) {
  ScriptedSource source(&stop_);
  Transaction(source, 10, 0x1000, 1);
  ASSERT_TRUE(Run(source).ok());
  auto cursor = spool_->Read(std::nullopt, spool_->Watermark({db_}));
  ASSERT_TRUE(cursor->Valid());
  cursor->Next();  // BEGIN
  ASSERT_TRUE(cursor->Valid());
  ChangeEvent event;
  ASSERT_TRUE(DecodeEvent(cursor->value(), &event).ok());
  ASSERT_EQ(event.kind, EventKind::kChange);
  ASSERT_EQ(event.change.new_columns.size(), 2u);
  EXPECT_EQ(event.change.new_columns[1].value, "12.50");
}

}  // namespace
}  // namespace genims

#include "sink/audit_builder.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "sink/audit_hash.h"

namespace genims {
namespace {

constexpr int64_t kCommitTime = 1795610322340143;  // 2026-11-25 12:38:42.340143 UTC
const DatabaseId kHcm(1);
const DatabaseId kMaster(2);

ColumnValue Column(absl::string_view name, absl::string_view value,
                   NotNullDeclared not_null = NotNullDeclared::kNo) {
  return ColumnValue{name, "", 0, value, false, not_null, false};
}

ColumnValue Null(absl::string_view name, NotNullDeclared not_null = NotNullDeclared::kNo) {
  return ColumnValue{name, "", 0, "", true, not_null, not_null == NotNullDeclared::kYes};
}

ChangeEvent BeginEvent(Lsn commit_lsn, uint32_t xid = 731) {
  ChangeEvent event;
  event.kind = EventKind::kBegin;
  event.begin = {xid, commit_lsn, Lsn::FromRaw(commit_lsn.raw() + 0x30), kCommitTime};
  return event;
}

ChangeEvent CommitEvent(Lsn commit_lsn, uint32_t xid = 731) {
  ChangeEvent event;
  event.kind = EventKind::kCommit;
  event.commit = {xid, commit_lsn, Lsn::FromRaw(commit_lsn.raw() + 0x30), kCommitTime};
  return event;
}

ChangeEvent Change(ChangeOp op, absl::string_view table, std::vector<ColumnValue> new_columns,
                   std::vector<ColumnValue> old_columns) {
  ChangeEvent event;
  event.kind = EventKind::kChange;
  event.change.op = op;
  event.change.schema = "public";
  event.change.table = table;
  event.change.new_columns = std::move(new_columns);
  event.change.old_columns = std::move(old_columns);
  event.change.primary_key_sent = true;
  event.change.primary_key = {"employee_id"};
  return event;
}

ChangeEvent Message(absl::string_view prefix, absl::string_view content) {
  ChangeEvent event;
  event.kind = EventKind::kMessage;
  event.message = {true, prefix, content, Lsn()};
  return event;
}

// Feeds one transaction of `events` (between BEGIN and COMMIT) at `commit_lsn` of `db`.
class Feeder {
 public:
  explicit Feeder(AuditBuilder* builder) : builder_(builder) {}

  void Transaction(DatabaseId db, Lsn commit_lsn, const std::vector<ChangeEvent>& events,
                   AuditBatch* batch) {
    uint32_t seq = 0;
    ASSERT_TRUE(builder_->Add({commit_lsn, db, seq++}, BeginEvent(commit_lsn), batch).ok());
    for (const ChangeEvent& event : events) {
      ASSERT_TRUE(builder_->Add({commit_lsn, db, seq++}, event, batch).ok());
    }
    ASSERT_TRUE(builder_->Add({commit_lsn, db, seq}, CommitEvent(commit_lsn), batch).ok());
  }

 private:
  AuditBuilder* builder_;
};

class AuditBuilderTest : public ::testing::Test {
 protected:
  AuditBuilderTest()
      : policy_(Options()),
        builder_(&policy_, {{kHcm, "genims_hcm_db"}, {kMaster, "genims_master_db"}}),
        feeder_(&builder_) {}

  static AuditPolicyOptions Options() {
    AuditPolicyOptions options;
    options.bulk_rows = 3;
    return options;
  }

  AuditPolicy policy_;
  AuditBuilder builder_;
  Feeder feeder_;
};

TEST_F(AuditBuilderTest, InsertKeepsPostgresTextAsJsonStrings) {
  AuditBatch batch;
  feeder_.Transaction(
      kHcm, Lsn::FromRaw(0x100),
      {Change(ChangeOp::kInsert, "employees",
              {Column("employee_id", "7"), Column("note", "tab\there \"q\" \\ \x01 ü 😀"),
               Null("bonus"), Column("flags", "{a,\"b c\"}"), Column("modified_by", "hr-bot")},
              {})},
      &batch);
  ASSERT_EQ(batch.changes.size(), 1u);
  const AuditRow& row = batch.changes[0];
  EXPECT_EQ(row.source_db, "genims_hcm_db");
  EXPECT_EQ(row.operation, "INSERT");
  EXPECT_EQ(*row.new_values,
            R"({"employee_id":"7","note":"tab\there \"q\" \\ \u0001 ü 😀","bonus":null,)"
            R"("flags":"{a,\"b c\"}","modified_by":"hr-bot"})");
  EXPECT_FALSE(row.old_values);
  EXPECT_FALSE(row.changed_columns);
  EXPECT_EQ(*row.primary_key, R"({"employee_id":"7"})");
  EXPECT_EQ(row.event_seq, 1u);
  EXPECT_EQ(row.transaction_id, 731u);
  EXPECT_EQ(row.commit_time_us, kCommitTime);
  EXPECT_EQ(*row.user_id, "hr-bot");
  EXPECT_EQ(*row.user_source, "column");
  EXPECT_EQ(row.prev_hash, kGenesisHash);
  EXPECT_EQ(row.row_hash, AuditRowHash(row));
  EXPECT_EQ(batch.positions.at("genims_hcm_db").event_seq, 1u);
  EXPECT_EQ(batch.positions.at("genims_hcm_db").last_row_hash, row.row_hash);
}

TEST_F(AuditBuilderTest, UpdateFillsUnchangedToastFromTheOldRowAndListsChanges) {
  AuditBatch batch;
  const std::string big(100000, 'x');
  feeder_.Transaction(
      kHcm, Lsn::FromRaw(0x200),
      {Change(ChangeOp::kUpdate, "documents", {Column("employee_id", "7"), Column("title", "v2")},
              {Column("employee_id", "7"), Column("title", "v1"), Column("body", big)})},
      &batch);
  ASSERT_EQ(batch.changes.size(), 1u);
  const AuditRow& row = batch.changes[0];
  EXPECT_EQ(*row.new_values,
            absl::StrCat(R"({"employee_id":"7","title":"v2","body":")", big, "\"}"));
  EXPECT_EQ(*row.old_values,
            absl::StrCat(R"({"employee_id":"7","title":"v1","body":")", big, "\"}"));
  EXPECT_EQ(*row.changed_columns, R"(["title"])");
}

TEST_F(AuditBuilderTest, LostSpecialValuesAreFlaggedNeverSilent) {
  AuditBatch batch;
  feeder_.Transaction(kHcm, Lsn::FromRaw(0x300),
                      {Change(ChangeOp::kUpdate, "readings",
                              {Column("employee_id", "7"), Null("value", NotNullDeclared::kYes)},
                              {Column("employee_id", "7"), Null("value")})},
                      &batch);
  const AuditRow& row = batch.changes[0];
  EXPECT_EQ(*row.new_values, R"({"employee_id":"7","value":null})");
  EXPECT_EQ(*row.lost_values, R"({"old":["value"],"new":["value"]})");
  EXPECT_EQ(builder_.lost_values(), 2u);
}

TEST_F(AuditBuilderTest, SensitiveColumnsAreMaskedAndLogged) {
  AuditBatch batch;
  feeder_.Transaction(kHcm, Lsn::FromRaw(0x400),
                      {Change(ChangeOp::kUpdate, "employees",
                              {Column("employee_id", "7"), Column("salary", "91000.00"),
                               Column("bank_account", "DE89370400440532013000")},
                              {Column("employee_id", "7"), Column("salary", "85000.00"),
                               Column("bank_account", "DE89370400440532013000")})},
                      &batch);
  const AuditRow& row = batch.changes[0];
  EXPECT_EQ(*row.new_values, R"({"employee_id":"7","salary":"****","bank_account":"****3000"})");
  EXPECT_EQ(*row.masked_columns, R"(["salary","bank_account"])");
  EXPECT_EQ(*row.changed_columns, R"(["salary"])");  // Computed on the real values.
  ASSERT_EQ(batch.sensitive_changes.size(), 1u);     // The unchanged account is not logged.
  EXPECT_EQ(batch.sensitive_changes[0].column_name, "salary");
  EXPECT_EQ(*batch.sensitive_changes[0].old_value_masked, "****");
  EXPECT_EQ(batch.sensitive_changes[0].primary_key, R"({"employee_id":"7"})");
}

TEST_F(AuditBuilderTest, AttributionMessageStampsTheChangesAfterIt) {
  AuditBatch batch;
  const std::vector<ColumnValue> row = {Column("employee_id", "1"),
                                        Column("modified_by", "someone")};
  feeder_.Transaction(
      kHcm, Lsn::FromRaw(0x500),
      {Change(ChangeOp::kInsert, "employees", row, {}), Message("genims.heartbeat", "{}"),
       Message("genims.audit", R"({"user_id":"alice"})"),
       Change(ChangeOp::kInsert, "employees", row, {}),
       Message("genims.audit", R"({"user_id": 42})"),
       Change(ChangeOp::kDelete, "employees", {}, row), Message("genims.audit", "not json")},
      &batch);
  ASSERT_EQ(batch.changes.size(), 3u);
  EXPECT_EQ(*batch.changes[0].user_id, "someone");
  EXPECT_EQ(*batch.changes[1].user_id, "alice");
  EXPECT_EQ(*batch.changes[1].user_source, "message");
  EXPECT_EQ(*batch.changes[2].user_id, "42");
  EXPECT_EQ(builder_.malformed_attributions(), 1u);
  EXPECT_EQ(batch.changes[2].event_seq, 3u);  // Messages take no position.
}

TEST_F(AuditBuilderTest, ChainsPerDatabaseAndFlagsConfigTables) {
  AuditBatch batch;
  const std::vector<ColumnValue> row = {Column("employee_id", "1")};
  feeder_.Transaction(kHcm, Lsn::FromRaw(0x600), {Change(ChangeOp::kInsert, "t", row, {})}, &batch);
  feeder_.Transaction(kMaster, Lsn::FromRaw(0x700),
                      {Change(ChangeOp::kInsert, "system_parameters", row, {})}, &batch);
  feeder_.Transaction(kHcm, Lsn::FromRaw(0x800), {Change(ChangeOp::kInsert, "t", row, {})}, &batch);
  ASSERT_EQ(batch.changes.size(), 3u);
  EXPECT_EQ(batch.changes[1].prev_hash, kGenesisHash);  // Master's own chain.
  EXPECT_TRUE(batch.changes[1].config_table);
  EXPECT_FALSE(batch.changes[0].config_table);
  EXPECT_EQ(batch.changes[2].prev_hash, batch.changes[0].row_hash);
}

TEST_F(AuditBuilderTest, BulkOperationsForLargeTransactionsAndTruncates) {
  AuditBatch batch;
  const std::vector<ColumnValue> row = {Column("employee_id", "1")};
  ChangeEvent truncate;
  truncate.kind = EventKind::kTruncate;
  truncate.truncate = {Lsn(), "public", "staging"};
  feeder_.Transaction(
      kHcm, Lsn::FromRaw(0x900),
      {Change(ChangeOp::kInsert, "t", row, {}), Change(ChangeOp::kInsert, "t", row, {}), truncate,
       Change(ChangeOp::kDelete, "u", {}, row)},
      &batch);
  ASSERT_EQ(batch.changes.size(), 4u);
  EXPECT_EQ(batch.changes[2].operation, "TRUNCATE");
  EXPECT_FALSE(batch.changes[2].new_values);
  ASSERT_EQ(batch.bulk_operations.size(), 2u);
  EXPECT_EQ(batch.bulk_operations[0].operation_kind, "TRUNCATE");
  EXPECT_EQ(batch.bulk_operations[0].tables_affected, R"(["public.staging"])");
  EXPECT_EQ(batch.bulk_operations[0].event_seq, 3u);
  EXPECT_EQ(batch.bulk_operations[1].operation_kind, "LARGE_TRANSACTION");
  EXPECT_EQ(batch.bulk_operations[1].row_count, 3u);
  EXPECT_EQ(batch.bulk_operations[1].tables_affected,
            R"({"public.t":{"INSERT":2,"UPDATE":0,"DELETE":0},)"
            R"("public.u":{"INSERT":0,"UPDATE":0,"DELETE":1}})");
}

TEST_F(AuditBuilderTest, ResumesInsideATransactionWithTheSameRows) {
  const std::vector<ColumnValue> row = {Column("employee_id", "1")};
  const std::vector<ChangeEvent> events = {
      Message("genims.audit", R"({"user_id":"bob"})"), Change(ChangeOp::kInsert, "t", row, {}),
      Change(ChangeOp::kInsert, "t", row, {}), Change(ChangeOp::kInsert, "t", row, {}),
      Change(ChangeOp::kInsert, "t", row, {})};
  AuditBatch whole;
  feeder_.Transaction(kHcm, Lsn::FromRaw(0x1000), events, &whole);
  ASSERT_EQ(whole.changes.size(), 4u);
  ASSERT_EQ(whole.bulk_operations.size(), 1u);

  // As if the sink had committed the first two rows and crashed.
  AuditPosition stored{Lsn::FromRaw(0x1000), 2, whole.changes[1].row_hash};
  AuditBuilder resumed(&policy_, {{kHcm, "genims_hcm_db"}});
  resumed.Reset({{"genims_hcm_db", stored}});
  AuditBatch rest;
  Feeder(&resumed).Transaction(kHcm, Lsn::FromRaw(0x1000), events, &rest);
  ASSERT_EQ(rest.changes.size(), 2u);
  EXPECT_EQ(rest.changes[0].event_seq, 3u);
  EXPECT_EQ(rest.changes[0].row_hash, whole.changes[2].row_hash);
  EXPECT_EQ(*rest.changes[0].user_id, "bob");
  EXPECT_EQ(rest.changes[1].row_hash, whole.changes[3].row_hash);
  ASSERT_EQ(rest.bulk_operations.size(), 1u);
  EXPECT_EQ(rest.bulk_operations[0].row_count, 4u);

  // Fully applied: nothing again, not even the bulk row.
  AuditBuilder done(&policy_, {{kHcm, "genims_hcm_db"}});
  done.Reset({{"genims_hcm_db", {Lsn::FromRaw(0x1000), 4, whole.changes[3].row_hash}}});
  AuditBatch none;
  Feeder(&done).Transaction(kHcm, Lsn::FromRaw(0x1000), events, &none);
  EXPECT_TRUE(none.empty());
}

TEST_F(AuditBuilderTest, EventsOutOfOrderAreDataLoss) {
  AuditBatch batch;
  ChangeEvent change = Change(ChangeOp::kInsert, "t", {Column("employee_id", "1")}, {});
  EXPECT_EQ(builder_.Add({Lsn::FromRaw(0x10), kHcm, 1}, change, &batch).code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(
      builder_.Add({Lsn::FromRaw(0x10), DatabaseId(9), 0}, BeginEvent(Lsn::FromRaw(0x10)), &batch)
          .code(),
      absl::StatusCode::kDataLoss);
  ASSERT_TRUE(
      builder_.Add({Lsn::FromRaw(0x10), kHcm, 0}, BeginEvent(Lsn::FromRaw(0x10)), &batch).ok());
  EXPECT_EQ(
      builder_.Add({Lsn::FromRaw(0x20), kHcm, 1}, CommitEvent(Lsn::FromRaw(0x20)), &batch).code(),
      absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace genims

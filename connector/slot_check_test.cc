#include "connector/slot_check.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;

TableFacts Table(const char* name, char identity, bool primary_key, bool readable = true) {
  TableFacts table;
  table.schema = "public";
  table.table = name;
  table.replica_identity = identity;
  table.has_primary_key = primary_key;
  table.readable = readable;
  return table;
}

TEST(ReplicaIdentityCheckTest, FullAndKeyedDefaultPassButAreCounted) {
  const CheckLine line = ReplicaIdentityCheck(
      "genims_erp_db",
      {Table("orders", 'f', true), Table("events", 'd', true), Table("lines", 'f', false)});
  EXPECT_EQ(line.severity, CheckSeverity::kOk);
  EXPECT_EQ(line.name, "replica identity genims_erp_db");
  EXPECT_EQ(line.detail,
            "3 captured tables: 2 FULL, 1 DEFAULT with primary key (UPDATE/DELETE of that one "
            "carry only the old values of key columns)");
}

TEST(ReplicaIdentityCheckTest, NothingAndKeylessDefaultFailWithTheFix) {
  TableFacts odd = Table("\"Mixed Case\"", 'n', true);
  const CheckLine line = ReplicaIdentityCheck(
      "genims_erp_db", {Table("orders", 'f', true), odd, Table("scratch", 'd', false)});
  EXPECT_EQ(line.severity, CheckSeverity::kFail);
  EXPECT_EQ(line.detail,
            "2 of 3 captured tables lose UPDATEs and DELETEs in wal2json: "
            "public.\"Mixed Case\" (NOTHING), public.scratch (DEFAULT without primary key); fix: "
            "ALTER TABLE public.\"Mixed Case\" REPLICA IDENTITY FULL; ALTER TABLE public.scratch "
            "REPLICA IDENTITY FULL");
}

TEST(ReplicaIdentityCheckTest, IndexIdentityWithoutItsIndexFails) {
  TableFacts table = Table("orders", 'i', true);
  table.has_identity_index = false;
  EXPECT_EQ(ReplicaIdentityCheck("db", {table}).severity, CheckSeverity::kFail);
  table.has_identity_index = true;
  EXPECT_EQ(ReplicaIdentityCheck("db", {table}).severity, CheckSeverity::kOk);
}

TEST(ReplicaIdentityCheckTest, ManyTablesAreCountedNotAllNamed) {
  std::vector<TableFacts> tables;
  for (int i = 0; i < 25; ++i) {
    tables.push_back(Table(("t" + std::to_string(i)).c_str(), 'n', false));
  }
  const CheckLine line = ReplicaIdentityCheck("db", tables);
  EXPECT_EQ(line.severity, CheckSeverity::kFail);
  EXPECT_THAT(line.detail, HasSubstr("public.t9 (NOTHING) and 15 more; fix: "));
  EXPECT_THAT(line.detail, EndsWith("REPLICA IDENTITY FULL and 15 more"));
}

TEST(ReplicaIdentityCheckTest, NoCapturedTablesIsAWarning) {
  EXPECT_EQ(ReplicaIdentityCheck("db", {}).severity, CheckSeverity::kWarn);
}

TEST(SelectPrivilegeCheckTest, NamesUnreadableTablesAndTheGrants) {
  EXPECT_EQ(SelectPrivilegeCheck("db", "genims", {Table("a", 'f', true)}).severity,
            CheckSeverity::kOk);
  const CheckLine line = SelectPrivilegeCheck(
      "db", "genims", {Table("a", 'f', true), Table("b", 'f', true, /*readable=*/false)});
  EXPECT_EQ(line.severity, CheckSeverity::kFail);
  EXPECT_EQ(line.detail,
            "genims cannot read 1 of 2 captured tables: public.b; fix: GRANT USAGE ON SCHEMA "
            "public TO genims; GRANT SELECT ON ALL TABLES IN SCHEMA public TO genims");
}

TEST(CapacityCheckTest, CountsOursAndOthers) {
  const CheckLine enough = CapacityCheck("max_replication_slots", 64, 13, 2, "other slot");
  EXPECT_EQ(enough.severity, CheckSeverity::kOk);
  EXPECT_EQ(enough.detail, "64 (15 needed: 13 for genims-cdc + 2 other slots)");
  EXPECT_EQ(CapacityCheck("max_replication_slots", 64, 13, 1, "other slot").detail,
            "64 (14 needed: 13 for genims-cdc + 1 other slot)");
  const CheckLine short_by_one =
      CapacityCheck("max_wal_senders", 14, 13, 2, "other running walsender");
  EXPECT_EQ(short_by_one.severity, CheckSeverity::kFail);
  EXPECT_THAT(short_by_one.detail, HasSubstr("; fix: set max_wal_senders = 15 or more"));
}

TEST(WalKeepSizeCheckTest, UnlimitedIsAWarningWithTheFix) {
  const CheckLine unlimited = WalKeepSizeCheck("-1");
  EXPECT_EQ(unlimited.severity, CheckSeverity::kWarn);
  EXPECT_THAT(unlimited.detail, HasSubstr("fix: set max_slot_wal_keep_size"));
  const CheckLine bounded = WalKeepSizeCheck("8GB");
  EXPECT_EQ(bounded.severity, CheckSeverity::kOk);
  EXPECT_THAT(bounded.detail, HasSubstr("8GB"));
}

TEST(FormatCheckReportTest, OneAlignedLinePerCheck) {
  const std::vector<CheckLine> lines = {
      {CheckSeverity::kOk, "wal_level", "logical"},
      {CheckSeverity::kFail, "REPLICATION privilege", "x lacks it; fix: y"},
      {CheckSeverity::kWarn, "max_slot_wal_keep_size", "-1"},
  };
  EXPECT_EQ(FormatCheckReport(lines),
            "ok   wal_level               logical\n"
            "FAIL REPLICATION privilege   x lacks it; fix: y\n"
            "warn max_slot_wal_keep_size  -1\n");
  EXPECT_EQ(CountFailures(lines), 1);
}

}  // namespace
}  // namespace genims

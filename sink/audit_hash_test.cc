#include "sink/audit_hash.h"

#include "gtest/gtest.h"

namespace genims {
namespace {

TEST(AuditHashTest, FormatsCommitTimeLikeMariaDb) {
  EXPECT_EQ(FormatCommitTime(0), "1970-01-01 00:00:00.000000");
  EXPECT_EQ(FormatCommitTime(1795610322340143), "2026-11-25 12:38:42.340143");
}

TEST(AuditHashTest, HashesPrevHashAndLengthPrefixedFields) {
  CanonicalFields empty;
  // NULL and the empty string differ; so do field boundaries.
  CanonicalFields with_empty;
  with_empty[0] = "";
  EXPECT_NE(ChainHash("", empty), ChainHash("", with_empty));
  CanonicalFields ab_c;
  ab_c[0] = "ab";
  ab_c[1] = "c";
  CanonicalFields a_bc;
  a_bc[0] = "a";
  a_bc[1] = "bc";
  EXPECT_NE(ChainHash("", ab_c), ChainHash("", a_bc));
}

TEST(AuditHashTest, KnownVector) {
  // Computed independently: printf '0:---------------' | sha256sum
  CanonicalFields fields;
  fields[0] = "";
  EXPECT_EQ(ChainHash("", fields),
            "9529e55e13c70e2d6e6c251d5c9ee29bbe2fc238c8bd9b3c5b7aaea64416182c");
}

TEST(AuditHashTest, RowHashCoversEveryCanonicalField) {
  AuditRow row;
  row.source_db = "genims_hcm_db";
  row.source_schema = "public";
  row.source_table = "employees";
  row.operation = "UPDATE";
  row.new_values = R"({"salary":"****"})";
  row.transaction_id = 731;
  row.commit_lsn = Lsn::FromRaw(0x155AE08);
  row.event_seq = 2;
  row.commit_time_us = 1795610322340143;
  row.prev_hash = kGenesisHash;
  const std::string hash = AuditRowHash(row);
  AuditRow changed = row;
  changed.event_seq = 3;
  EXPECT_NE(AuditRowHash(changed), hash);
  changed = row;
  changed.user_id = "alice";
  EXPECT_NE(AuditRowHash(changed), hash);
  changed = row;
  changed.prev_hash = std::string(64, '1');
  EXPECT_NE(AuditRowHash(changed), hash);
  changed = row;
  changed.row_hash = "ignored";  // Not part of its own hash.
  EXPECT_EQ(AuditRowHash(changed), hash);
}

}  // namespace
}  // namespace genims

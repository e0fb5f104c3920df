#include "checkpoint/event_codec.h"

#include <string>

#include "gtest/gtest.h"

namespace genims {
namespace {

ChangeEvent SampleUpdate() {
  ChangeEvent event;
  event.kind = EventKind::kChange;
  RowChange& change = event.change;
  change.op = ChangeOp::kUpdate;
  change.lsn = Lsn::FromRaw(0x155AD10);
  change.schema = "public";
  change.table = "work_orders";
  change.primary_key_sent = true;
  change.primary_key = {"work_order_id"};
  change.lost_special_values = 1;
  change.new_columns = {
      {"work_order_id", "bigint", 20, "42", false, NotNullDeclared::kYes, false},
      {"price", "numeric", 1700, "", true, NotNullDeclared::kYes, true},
      {"notes", "text", 25, "caf\xc3\xa9 \"q\" \\ \n", false, NotNullDeclared::kNo, false},
      {"blob", "bytea", 17, "\\x00ff", false, NotNullDeclared::kUnknown, false},
  };
  change.old_columns = {
      {"work_order_id", "bigint", 20, "42", false, NotNullDeclared::kUnknown, false},
      {"empty", "text", 25, "", false, NotNullDeclared::kUnknown, false},
  };
  return event;
}

void ExpectColumnsEqual(const std::vector<ColumnValue>& want, const std::vector<ColumnValue>& got) {
  ASSERT_EQ(want.size(), got.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(want[i].name, got[i].name);
    EXPECT_EQ(want[i].type_name, got[i].type_name);
    EXPECT_EQ(want[i].type_oid, got[i].type_oid);
    EXPECT_EQ(want[i].is_null, got[i].is_null);
    if (!want[i].is_null) {
      EXPECT_EQ(want[i].value, got[i].value);
    }
    EXPECT_EQ(want[i].not_null_declared, got[i].not_null_declared);
    EXPECT_EQ(want[i].special_value_lost, got[i].special_value_lost);
  }
}

TEST(EventCodecTest, ChangeRoundTrips) {
  const ChangeEvent event = SampleUpdate();
  std::string encoded;
  EncodeEvent(event, &encoded);
  ChangeEvent decoded;
  ASSERT_TRUE(DecodeEvent(encoded, &decoded).ok());
  ASSERT_EQ(decoded.kind, EventKind::kChange);
  EXPECT_EQ(decoded.change.op, ChangeOp::kUpdate);
  EXPECT_EQ(decoded.change.lsn, event.change.lsn);
  EXPECT_EQ(decoded.change.schema, "public");
  EXPECT_EQ(decoded.change.table, "work_orders");
  EXPECT_TRUE(decoded.change.primary_key_sent);
  ASSERT_EQ(decoded.change.primary_key.size(), 1u);
  EXPECT_EQ(decoded.change.primary_key[0], "work_order_id");
  EXPECT_EQ(decoded.change.lost_special_values, 1);
  ExpectColumnsEqual(event.change.new_columns, decoded.change.new_columns);
  ExpectColumnsEqual(event.change.old_columns, decoded.change.old_columns);
}

TEST(EventCodecTest, BoundariesTruncatesAndMessagesRoundTrip) {
  ChangeEvent begin;
  begin.kind = EventKind::kBegin;
  begin.begin = {729, Lsn::FromRaw(0x155AE08), Lsn::FromRaw(0x155AE38), -1234567};
  ChangeEvent commit;
  commit.kind = EventKind::kCommit;
  commit.commit = {4000000000u, Lsn::FromRaw(~uint64_t{0}), Lsn::FromRaw(1), std::nullopt};
  ChangeEvent truncate;
  truncate.kind = EventKind::kTruncate;
  truncate.truncate = {Lsn::FromRaw(77), "mes", "defects"};
  ChangeEvent message;
  message.kind = EventKind::kMessage;
  message.message = {true, "genims.audit", "{\"user_id\":\"u1\"}", Lsn::FromRaw(99)};

  ChangeEvent decoded;
  std::string encoded;
  EncodeEvent(begin, &encoded);
  ASSERT_TRUE(DecodeEvent(encoded, &decoded).ok());
  EXPECT_EQ(decoded.kind, EventKind::kBegin);
  EXPECT_EQ(decoded.begin.xid, 729u);
  EXPECT_EQ(decoded.begin.commit_lsn, begin.begin.commit_lsn);
  EXPECT_EQ(decoded.begin.end_lsn, begin.begin.end_lsn);
  EXPECT_EQ(decoded.begin.commit_time_us, std::optional<int64_t>(-1234567));

  encoded.clear();
  EncodeEvent(commit, &encoded);
  ASSERT_TRUE(DecodeEvent(encoded, &decoded).ok());
  EXPECT_EQ(decoded.kind, EventKind::kCommit);
  EXPECT_EQ(decoded.commit.xid, 4000000000u);
  EXPECT_EQ(decoded.commit.commit_lsn.raw(), ~uint64_t{0});
  EXPECT_FALSE(decoded.commit.commit_time_us.has_value());

  encoded.clear();
  EncodeEvent(truncate, &encoded);
  ASSERT_TRUE(DecodeEvent(encoded, &decoded).ok());
  EXPECT_EQ(decoded.kind, EventKind::kTruncate);
  EXPECT_EQ(decoded.truncate.table, "defects");
  EXPECT_EQ(decoded.truncate.lsn, Lsn::FromRaw(77));

  encoded.clear();
  EncodeEvent(message, &encoded);
  ASSERT_TRUE(DecodeEvent(encoded, &decoded).ok());
  EXPECT_EQ(decoded.kind, EventKind::kMessage);
  EXPECT_TRUE(decoded.message.transactional);
  EXPECT_EQ(decoded.message.prefix, "genims.audit");
  EXPECT_EQ(decoded.message.content, "{\"user_id\":\"u1\"}");
}

TEST(EventCodecTest, EveryTruncationAndTrailingByteIsDataLoss) {
  std::string encoded;
  EncodeEvent(SampleUpdate(), &encoded);
  ChangeEvent decoded;
  for (size_t size = 0; size < encoded.size(); ++size) {
    EXPECT_EQ(DecodeEvent(absl::string_view(encoded.data(), size), &decoded).code(),
              absl::StatusCode::kDataLoss)
        << "prefix of " << size << " bytes";
  }
  EXPECT_EQ(DecodeEvent(encoded + "x", &decoded).code(), absl::StatusCode::kDataLoss);
  std::string wrong_version = encoded;
  wrong_version[0] = 9;
  EXPECT_EQ(DecodeEvent(wrong_version, &decoded).code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace genims

#include "decoder/wal2json_decoder.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

using Lines = std::vector<std::string>;

// The captured lines of decoder/testdata/<name> (see its README).
Lines ReadTestData(const std::string& name) {
  std::ifstream in(std::string(GENIMS_DECODER_TESTDATA_DIR) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream text;
  text << in.rdbuf();
  Lines lines;
  for (absl::string_view line : absl::StrSplit(text.str(), '\n', absl::SkipEmpty())) {
    lines.emplace_back(line);
  }
  return lines;
}

Lsn L(const char* text) { return *Lsn::Parse(text); }

int64_t UtcMicros(int year, int month, int day, int hour, int minute, int second, int micros) {
  return absl::ToUnixMicros(absl::FromCivil(
             absl::CivilSecond(year, month, day, hour, minute, second), absl::UTCTimeZone())) +
         micros;
}

// The column named `name`, or nullptr.
const ColumnValue* Find(const std::vector<ColumnValue>& columns, absl::string_view name) {
  for (const ColumnValue& column : columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

std::vector<std::string> Names(const std::vector<ColumnValue>& columns) {
  std::vector<std::string> names;
  for (const ColumnValue& column : columns) names.emplace_back(column.name);
  return names;
}

class Wal2JsonDecoderTest : public ::testing::Test {
 protected:
  // Decodes line `number` (1-based, as `sed -n Np` counts) of `lines`.
  void DecodeLine(const Lines& lines, size_t number) {
    ASSERT_LE(number, lines.size());
    absl::Status status = decoder_.Decode(lines[number - 1], Lsn::FromRaw(1), &event_);
    ASSERT_TRUE(status.ok()) << "line " << number << ": " << status;
  }

  absl::Status Decode(absl::string_view message) {
    return decoder_.Decode(message, L("0/ABC"), &event_);
  }

  // The value of the new (or old) column `name` of the decoded change.
  std::string NewValue(absl::string_view name) {
    const ColumnValue* column = Find(event_.change.new_columns, name);
    EXPECT_NE(column, nullptr) << name;
    return column == nullptr ? "<absent>" : std::string(column->value);
  }

  const Lines all_options_ = ReadTestData("wal2json_v2_all_options.jsonl");
  const Lines no_types_ = ReadTestData("wal2json_v2_no_types.jsonl");
  Wal2JsonDecoder decoder_;
  ChangeEvent event_;
};

TEST_F(Wal2JsonDecoderTest, DecodesEveryCapturedLineAndPairsBeginWithCommit) {
  for (const char* file : {"wal2json_v2_all_options.jsonl", "wal2json_v2_no_types.jsonl",
                           "wal2json_v2_time_zones.jsonl"}) {
    const Lines lines = ReadTestData(file);
    ASSERT_FALSE(lines.empty()) << file;
    bool in_transaction = false;
    Begin begin;
    for (size_t i = 0; i < lines.size(); ++i) {
      absl::Status status = decoder_.Decode(lines[i], Lsn::FromRaw(1), &event_);
      ASSERT_TRUE(status.ok()) << file << ":" << i + 1 << ": " << status;
      switch (event_.kind) {
        case EventKind::kBegin:
          EXPECT_FALSE(in_transaction) << file << ":" << i + 1;
          in_transaction = true;
          begin = event_.begin;
          EXPECT_TRUE(begin.commit_time_us.has_value());
          EXPECT_LT(begin.commit_lsn, begin.end_lsn);
          break;
        case EventKind::kCommit:
          EXPECT_TRUE(in_transaction) << file << ":" << i + 1;
          in_transaction = false;
          EXPECT_EQ(event_.commit.xid, begin.xid);
          EXPECT_EQ(event_.commit.commit_lsn, begin.commit_lsn);
          EXPECT_EQ(event_.commit.end_lsn, begin.end_lsn);
          EXPECT_EQ(event_.commit.commit_time_us, begin.commit_time_us);
          break;
        case EventKind::kChange:
        case EventKind::kTruncate:
          EXPECT_TRUE(in_transaction) << file << ":" << i + 1;
          break;
        case EventKind::kMessage:
          EXPECT_EQ(in_transaction, event_.message.transactional) << file << ":" << i + 1;
          break;
      }
    }
  }
}

TEST_F(Wal2JsonDecoderTest, BeginAndCommit) {
  DecodeLine(all_options_, 1);
  ASSERT_EQ(event_.kind, EventKind::kBegin);
  EXPECT_EQ(event_.begin.xid, 1085u);
  EXPECT_EQ(event_.begin.commit_lsn, L("0/47B4E98"));
  EXPECT_EQ(event_.begin.end_lsn, L("0/47B4EC8"));
  EXPECT_EQ(event_.begin.commit_time_us, UtcMicros(2026, 11, 25, 12, 58, 46, 471664));

  DecodeLine(all_options_, 3);
  ASSERT_EQ(event_.kind, EventKind::kCommit);
  EXPECT_EQ(event_.commit.xid, 1085u);
  EXPECT_EQ(event_.commit.commit_lsn, L("0/47B4E98"));
  EXPECT_EQ(event_.commit.end_lsn, L("0/47B4EC8"));
  EXPECT_EQ(event_.commit.commit_time_us, UtcMicros(2026, 11, 25, 12, 58, 46, 471664));

  // wal2json drops trailing zeros of the fraction: "12:58:46.4725+00".
  DecodeLine(all_options_, 10);
  EXPECT_EQ(event_.begin.commit_time_us, UtcMicros(2026, 11, 25, 12, 58, 46, 472500));
}

TEST_F(Wal2JsonDecoderTest, CommitTimeIsTheSameInstantUnderEveryTimeZone) {
  const Lines lines = ReadTestData("wal2json_v2_time_zones.jsonl");
  ASSERT_EQ(lines.size(), 8u);
  for (size_t number = 1; number <= lines.size(); ++number) {
    DecodeLine(lines, number);
    const std::optional<int64_t> time = event_.kind == EventKind::kBegin
                                            ? event_.begin.commit_time_us
                                            : event_.commit.commit_time_us;
    EXPECT_EQ(time, UtcMicros(2026, 11, 25, 12, 58, 46, 471664)) << lines[number - 1];
  }
}

TEST_F(Wal2JsonDecoderTest, InsertOfEveryTypeKeepsPostgresTextForm) {
  DecodeLine(all_options_, 2);
  ASSERT_EQ(event_.kind, EventKind::kChange);
  const RowChange& change = event_.change;
  EXPECT_EQ(change.op, ChangeOp::kInsert);
  EXPECT_EQ(change.lsn, L("0/47B4BD0"));
  EXPECT_EQ(change.schema, "public");
  EXPECT_EQ(change.table, "edge_full");
  EXPECT_TRUE(change.old_columns.empty());
  EXPECT_TRUE(change.primary_key_sent);
  ASSERT_EQ(change.primary_key.size(), 1u);
  EXPECT_EQ(change.primary_key[0], "id");
  EXPECT_EQ(change.lost_special_values, 0);
  // Column order as sent (table order).
  EXPECT_EQ(Names(change.new_columns),
            (std::vector<std::string>{
                "id", "t",  "vc", "ch", "n",  "n_nn", "n_scaled", "r",    "r_nn", "d",    "d_nn",
                "i2", "i8", "o",  "b",  "by", "j",    "js",       "arr",  "iarr", "tstz", "ts",
                "dt", "iv", "u",  "m",  "e",  "dom",  "ip",       "bits", "pt",   "x"}));

  EXPECT_EQ(NewValue("id"), "1");
  EXPECT_EQ(NewValue("t"),
            "quote \" backslash \\ newline \n tab \t cr \r bell \x07 esc \x1b unicode \xc3\xa9 "
            "\xe4\xb8\xad\xe6\x96\x87 emoji \xf0\x9f\x98\x80 \x7f");
  EXPECT_EQ(NewValue("vc"), "short");
  EXPECT_EQ(NewValue("ch"), "ab ");
  EXPECT_EQ(NewValue("n"),
            "12345678901234567890123456789012345678901234567890.12345678901234567890");
  EXPECT_EQ(NewValue("n_nn"), "12.50");
  EXPECT_EQ(NewValue("n_scaled"), "12.50");
  EXPECT_EQ(NewValue("r"), "1.5");
  EXPECT_EQ(NewValue("d"), "1e-300");
  EXPECT_EQ(NewValue("i2"), "-32768");
  EXPECT_EQ(NewValue("i8"), "9223372036854775807");
  EXPECT_EQ(NewValue("o"), "4294967295");
  EXPECT_EQ(NewValue("b"), "t");
  EXPECT_EQ(NewValue("by"), "\\x00ff10");
  EXPECT_EQ(NewValue("j"), "{\"a\": 1, \"b\": [true, null], \"s\": \"q\\\"uote\"}");
  EXPECT_EQ(NewValue("js"), "{\"keep\":   \"spacing\"}");
  EXPECT_EQ(NewValue("arr"), "{\"a b\",\"c\\\"d\",NULL,\"e\\\\f\",\"\"}");
  EXPECT_EQ(NewValue("iarr"), "{1,2,3}");
  EXPECT_EQ(NewValue("tstz"), "2026-03-03 23:36:07.000001+00");
  EXPECT_EQ(NewValue("ts"), "0044-03-15 12:00:00 BC");
  EXPECT_EQ(NewValue("dt"), "0044-03-15 BC");
  EXPECT_EQ(NewValue("iv"), "1 year 2 mons 3 days 04:05:06.7");
  EXPECT_EQ(NewValue("u"), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  EXPECT_EQ(NewValue("m"), "$1,234.56");
  EXPECT_EQ(NewValue("e"), "happy");
  EXPECT_EQ(NewValue("dom"), "7.000");
  EXPECT_EQ(NewValue("ip"), "192.168.0.1/24");
  EXPECT_EQ(NewValue("bits"), "101");
  EXPECT_EQ(NewValue("pt"), "(1.5,-2)");
  EXPECT_EQ(NewValue("x"), "<a>&amp;</a>");

  const ColumnValue* id = Find(change.new_columns, "id");
  EXPECT_EQ(id->type_name, "integer");
  EXPECT_EQ(id->type_oid, 23u);
  EXPECT_EQ(id->not_null_declared, NotNullDeclared::kYes);
  const ColumnValue* scaled = Find(change.new_columns, "n_scaled");
  EXPECT_EQ(scaled->type_name, "numeric(10,2)");
  EXPECT_EQ(scaled->type_oid, 1700u);
  EXPECT_EQ(scaled->not_null_declared, NotNullDeclared::kNo);
  EXPECT_EQ(Find(change.new_columns, "arr")->type_name, "text[]");
  EXPECT_EQ(Find(change.new_columns, "e")->type_name, "public.mood");
  for (const ColumnValue& column : change.new_columns) {
    EXPECT_FALSE(column.is_null) << column.name;
    EXPECT_FALSE(column.special_value_lost) << column.name;
  }
}

TEST_F(Wal2JsonDecoderTest, SpecialValuesInNotNullColumnsAreFlaggedNotRecordedAsNull) {
  // id 2: NaN / Infinity / -Infinity in nullable and NOT NULL numeric, real, double.
  DecodeLine(all_options_, 5);
  const RowChange& change = event_.change;
  EXPECT_EQ(change.lost_special_values, 3);
  for (const char* name : {"n_nn", "r_nn", "d_nn"}) {
    const ColumnValue* column = Find(change.new_columns, name);
    EXPECT_TRUE(column->is_null) << name;
    EXPECT_EQ(column->not_null_declared, NotNullDeclared::kYes) << name;
    EXPECT_TRUE(column->special_value_lost) << name;
  }
  // Nullable columns: NaN and NULL cannot be told apart; nothing to flag.
  for (const char* name : {"n", "r", "d", "vc"}) {
    const ColumnValue* column = Find(change.new_columns, name);
    EXPECT_TRUE(column->is_null) << name;
    EXPECT_FALSE(column->special_value_lost) << name;
  }
  EXPECT_EQ(NewValue("t"), "");
  EXPECT_FALSE(Find(change.new_columns, "t")->is_null);
  EXPECT_EQ(NewValue("b"), "f");
  EXPECT_EQ(NewValue("by"), "\\x");  // Empty bytea.
  EXPECT_EQ(NewValue("arr"), "{}");
  EXPECT_EQ(NewValue("tstz"), "infinity");
  EXPECT_EQ(NewValue("ts"), "-infinity");
  EXPECT_EQ(NewValue("dt"), "infinity");
  EXPECT_EQ(NewValue("dom"), "NaN");  // A domain over numeric is printed as a string.
}

TEST_F(Wal2JsonDecoderTest, NullsAndFloatEdges) {
  DecodeLine(all_options_, 8);  // id 3: NULL everywhere but the NOT NULL defaults.
  EXPECT_EQ(event_.change.lost_special_values, 0);
  EXPECT_TRUE(Find(event_.change.new_columns, "by")->is_null);
  EXPECT_TRUE(Find(event_.change.new_columns, "b")->is_null);
  EXPECT_TRUE(Find(event_.change.new_columns, "j")->is_null);
  EXPECT_EQ(NewValue("n_nn"), "0");

  DecodeLine(all_options_, 11);  // id 4
  EXPECT_EQ(NewValue("n"), "0.0");
  EXPECT_EQ(NewValue("n_nn"), "0.00000000000000000001");
  EXPECT_EQ(NewValue("r"), "3.4028235e+38");
  EXPECT_EQ(NewValue("d"), "1.7976931348623157e+308");
  EXPECT_EQ(NewValue("i8"), "-9223372036854775808");

  DecodeLine(all_options_, 79);  // id 5
  EXPECT_EQ(NewValue("r"), "-0");
  EXPECT_EQ(NewValue("d"), "-0");
  EXPECT_EQ(NewValue("d_nn"), "-1e-300");
  EXPECT_EQ(NewValue("n"), "0.000");
}

TEST_F(Wal2JsonDecoderTest, UpdateUnderReplicaIdentityFullCarriesTheOldRow) {
  DecodeLine(all_options_, 14);  // UPDATE edge_full SET t = 'changed', n = 'NaN' WHERE id = 1
  const RowChange& change = event_.change;
  EXPECT_EQ(change.op, ChangeOp::kUpdate);
  EXPECT_EQ(change.lsn, L("0/47B5170"));
  EXPECT_EQ(change.new_columns.size(), 32u);
  EXPECT_EQ(change.old_columns.size(), 32u);
  EXPECT_EQ(NewValue("t"), "changed");
  EXPECT_TRUE(Find(change.new_columns, "n")->is_null);  // NaN in a nullable column.
  EXPECT_FALSE(Find(change.new_columns, "n")->special_value_lost);
  const ColumnValue* old_t = Find(change.old_columns, "t");
  EXPECT_EQ(std::string(old_t->value).substr(0, 7), "quote \"");
  EXPECT_EQ(Find(change.old_columns, "by")->value, "\\x00ff10");
  // "optional" only comes with the new row; the old row inherits it by name.
  EXPECT_EQ(Find(change.old_columns, "n_nn")->not_null_declared, NotNullDeclared::kYes);
  EXPECT_EQ(Find(change.old_columns, "t")->not_null_declared, NotNullDeclared::kNo);
  EXPECT_EQ(change.lost_special_values, 0);
}

TEST_F(Wal2JsonDecoderTest, DeleteUnderReplicaIdentityFullCannotFlagLostSpecialValues) {
  // id 2 held NaN in NOT NULL columns, but a DELETE's identity carries no "optional": the
  // decoder cannot know (a later stage must consult the catalog).
  DecodeLine(all_options_, 17);
  const RowChange& change = event_.change;
  EXPECT_EQ(change.op, ChangeOp::kDelete);
  EXPECT_TRUE(change.new_columns.empty());
  EXPECT_EQ(change.old_columns.size(), 32u);
  const ColumnValue* n_nn = Find(change.old_columns, "n_nn");
  EXPECT_TRUE(n_nn->is_null);
  EXPECT_EQ(n_nn->not_null_declared, NotNullDeclared::kUnknown);
  EXPECT_FALSE(n_nn->special_value_lost);
  EXPECT_EQ(change.lost_special_values, 0);
  EXPECT_EQ(Find(change.old_columns, "by")->value, "\\x");
}

TEST_F(Wal2JsonDecoderTest, ReplicaIdentityDefaultSendsTheKey) {
  DecodeLine(all_options_, 20);
  EXPECT_EQ(event_.change.op, ChangeOp::kInsert);
  EXPECT_EQ(event_.change.primary_key, (std::vector<absl::string_view>{"k1", "k2"}));

  DecodeLine(all_options_, 21);  // Key unchanged: identity built from the new row.
  EXPECT_EQ(event_.change.op, ChangeOp::kUpdate);
  EXPECT_EQ(Names(event_.change.old_columns), (std::vector<std::string>{"k1", "k2"}));
  EXPECT_EQ(Find(event_.change.old_columns, "k2")->value, "key one");
  EXPECT_EQ(NewValue("payload"), "p2");

  DecodeLine(all_options_, 22);  // Key changed: identity holds the old key.
  EXPECT_EQ(Find(event_.change.old_columns, "k2")->value, "key one");
  EXPECT_EQ(NewValue("k2"), "key two");

  DecodeLine(all_options_, 23);
  EXPECT_EQ(event_.change.op, ChangeOp::kDelete);
  EXPECT_TRUE(event_.change.new_columns.empty());
  EXPECT_EQ(Names(event_.change.old_columns), (std::vector<std::string>{"k1", "k2"}));
  EXPECT_EQ(Find(event_.change.old_columns, "k2")->value, "key two");
}

TEST_F(Wal2JsonDecoderTest, UnchangedToastedColumnIsAbsentFromTheNewRow) {
  DecodeLine(all_options_, 26);
  ASSERT_NE(Find(event_.change.new_columns, "big"), nullptr);
  const std::string big(Find(event_.change.new_columns, "big")->value);
  EXPECT_EQ(big.size(), 640u * 32u);

  DecodeLine(all_options_, 32);  // toast_full, REPLICA IDENTITY FULL
  EXPECT_EQ(Names(event_.change.new_columns), (std::vector<std::string>{"id", "other"}));
  EXPECT_EQ(Names(event_.change.old_columns), (std::vector<std::string>{"id", "big", "other"}));
  EXPECT_EQ(Find(event_.change.old_columns, "big")->value, big);
  EXPECT_EQ(NewValue("other"), "2");
  EXPECT_EQ(Find(event_.change.old_columns, "other")->not_null_declared, NotNullDeclared::kYes);
  EXPECT_EQ(Find(event_.change.old_columns, "big")->not_null_declared, NotNullDeclared::kUnknown);

  DecodeLine(all_options_, 35);  // toast_default: the large value is nowhere.
  EXPECT_EQ(Names(event_.change.new_columns), (std::vector<std::string>{"id", "other"}));
  EXPECT_EQ(Names(event_.change.old_columns), (std::vector<std::string>{"id"}));

  DecodeLine(all_options_, 38);  // DELETE under FULL carries it.
  EXPECT_EQ(Find(event_.change.old_columns, "big")->value, big);
}

TEST_F(Wal2JsonDecoderTest, TableWithoutPrimaryKeySendsAnEmptyPk) {
  DecodeLine(all_options_, 47);
  EXPECT_EQ(event_.change.op, ChangeOp::kUpdate);
  EXPECT_TRUE(event_.change.primary_key_sent);
  EXPECT_TRUE(event_.change.primary_key.empty());
  EXPECT_EQ(Find(event_.change.old_columns, "b")->value, "x");
  EXPECT_EQ(NewValue("b"), "y");
}

TEST_F(Wal2JsonDecoderTest, AwkwardIdentifiersAreUnescaped) {
  DecodeLine(all_options_, 53);
  EXPECT_EQ(event_.change.schema, "Odd Schema");
  EXPECT_EQ(event_.change.table, "W\xc3\xa9ird \"Table\"");
  EXPECT_EQ(Names(event_.change.new_columns),
            (std::vector<std::string>{"Col \"1\"",
                                      "\xc3\xbcn\xc3\xaf\\c\xc3\xb6"
                                      "de"}));
  EXPECT_EQ(event_.change.primary_key, (std::vector<absl::string_view>{"Col \"1\""}));
}

TEST_F(Wal2JsonDecoderTest, DroppedColumnsAreAbsentGeneratedColumnsPresent) {
  DecodeLine(all_options_, 56);
  EXPECT_EQ(Names(event_.change.new_columns), (std::vector<std::string>{"id", "kept", "doubled"}));
  EXPECT_EQ(NewValue("doubled"), "2");
}

TEST_F(Wal2JsonDecoderTest, LogicalMessages) {
  DecodeLine(all_options_, 58);
  ASSERT_EQ(event_.kind, EventKind::kMessage);
  EXPECT_FALSE(event_.message.transactional);
  EXPECT_EQ(event_.message.prefix, "genims.other");
  EXPECT_EQ(event_.message.content, "non-tx \"quoted\" \\ line\nnext \xc3\xa9");
  EXPECT_EQ(event_.message.lsn, L("0/47CB4E8"));

  DecodeLine(all_options_, 60);
  EXPECT_TRUE(event_.message.transactional);
  EXPECT_EQ(event_.message.prefix, "genims.audit");
  EXPECT_EQ(event_.message.content, "{\"user_id\":\"u-42\"}");
  const Lsn message_lsn = event_.message.lsn;
  DecodeLine(all_options_, 61);  // The next change shares the message's LSN.
  EXPECT_EQ(event_.change.lsn, message_lsn);

  DecodeLine(all_options_, 65);
  EXPECT_EQ(event_.message.prefix, "genims.heartbeat");
  EXPECT_EQ(event_.message.content, "");
}

TEST_F(Wal2JsonDecoderTest, TruncateYieldsOneEventPerTableWithOneLsn) {
  DecodeLine(all_options_, 68);
  ASSERT_EQ(event_.kind, EventKind::kTruncate);
  EXPECT_EQ(event_.truncate.schema, "public");
  EXPECT_EQ(event_.truncate.table, "trunc_a");
  EXPECT_EQ(event_.truncate.lsn, L("0/47CC1D8"));
  DecodeLine(all_options_, 69);
  EXPECT_EQ(event_.truncate.table, "trunc_b");
  EXPECT_EQ(event_.truncate.lsn, L("0/47CC1D8"));
}

TEST_F(Wal2JsonDecoderTest, WithoutTypesNothingIsInventedAndByteaStaysBareHex) {
  DecodeLine(no_types_, 2);
  const RowChange& change = event_.change;
  EXPECT_FALSE(change.primary_key_sent);
  for (const ColumnValue& column : change.new_columns) {
    EXPECT_TRUE(column.type_name.empty()) << column.name;
    EXPECT_EQ(column.type_oid, 0u) << column.name;
    EXPECT_EQ(column.not_null_declared, NotNullDeclared::kUnknown) << column.name;
  }
  EXPECT_EQ(NewValue("n_nn"), "12.50");
  EXPECT_EQ(NewValue("b"), "t");
  // Without a type name or OID bytea cannot be recognised (documented limit).
  EXPECT_EQ(NewValue("by"), "00ff10");

  DecodeLine(no_types_, 5);  // NaN in NOT NULL columns: undetectable without include-not-null.
  EXPECT_EQ(event_.change.lost_special_values, 0);

  DecodeLine(no_types_, 72);  // The quoted type name that breaks include-types=1 is not sent.
  EXPECT_EQ(event_.change.table, "odd_type");
  EXPECT_EQ(NewValue("m"), "a");
}

TEST_F(Wal2JsonDecoderTest, LinesWal2JsonGetsWrongAreRejectedAsDataLoss) {
  const Lines rejected = ReadTestData("wal2json_v2_rejected.jsonl");
  ASSERT_EQ(rejected.size(), 3u);
  for (const std::string& line : rejected) {
    absl::Status status = decoder_.Decode(line, L("16/B374D848"), &event_);
    EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << line.substr(0, 120);
    EXPECT_NE(status.message().find("at 16/B374D848"), absl::string_view::npos) << status;
  }
  DecodeLine(all_options_, 2);  // Still usable.
  EXPECT_EQ(NewValue("by"), "\\x00ff10");
}

TEST_F(Wal2JsonDecoderTest, ErrorsNameThePositionButNotTheData) {
  absl::Status status =
      Decode(R"({"action":"I","lsn":"0/1","schema":"s","table":"t","columns":[{"name":"salary",)"
             R"("type":"bytea","value":"secret-not-hex"}]})");
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(status.message().find("0/ABC"), absl::string_view::npos) << status;
  EXPECT_EQ(status.message().find("secret"), absl::string_view::npos) << status;
}

// Each input must fail with kDataLoss, and the decoder must decode the next valid message.
TEST_F(Wal2JsonDecoderTest, MalformedMessagesAreDataLoss) {
  const std::string insert_prefix = R"({"action":"I","lsn":"0/1","schema":"s","table":"t",)";
  auto insert_with_column = [&](const std::string& column) {
    return insert_prefix + R"("columns":[)" + column + "]}";
  };
  const std::string valid_begin = R"({"action":"B","lsn":"0/1","nextlsn":"0/2"})";
  const std::string& real_insert = all_options_[1];
  struct Case {
    const char* what;
    std::string input;
  };
  const std::vector<Case> cases = {
      {"empty", ""},
      {"whitespace", "  \n"},
      {"not JSON", "not json"},
      {"array", "[]"},
      {"scalar", "\"B\""},
      {"number document", "42"},
      {"empty object", "{}"},
      {"no action", R"({"lsn":"0/1","nextlsn":"0/2"})"},
      {"unknown action", R"({"action":"X","lsn":"0/1"})"},
      {"long action", R"({"action":"BB","lsn":"0/1","nextlsn":"0/2"})"},
      {"empty action", R"({"action":"","lsn":"0/1","nextlsn":"0/2"})"},
      {"action not a string", R"({"action":66,"lsn":"0/1","nextlsn":"0/2"})"},
      {"action null", R"({"action":null,"lsn":"0/1","nextlsn":"0/2"})"},
      {"repeated action", R"({"action":"B","action":"C","lsn":"0/1","nextlsn":"0/2"})"},
      {"B without nextlsn", R"({"action":"B","lsn":"0/1"})"},
      {"C without lsn", R"({"action":"C","nextlsn":"0/2"})"},
      {"bad lsn", R"({"action":"B","lsn":"0-1","nextlsn":"0/2"})"},
      {"lsn too long", R"({"action":"B","lsn":"123456789/1","nextlsn":"0/2"})"},
      {"lsn not a string", R"({"action":"B","lsn":1,"nextlsn":"0/2"})"},
      {"repeated lsn", R"({"action":"B","lsn":"0/1","lsn":"0/1","nextlsn":"0/2"})"},
      {"bad timestamp",
       R"({"action":"B","lsn":"0/1","nextlsn":"0/2","timestamp":"2026-13-01 00:00:00+00"})"},
      {"timestamp without zone",
       R"({"action":"C","lsn":"0/1","nextlsn":"0/2","timestamp":"2026-11-25 12:00:00"})"},
      {"timestamp null on B", R"({"action":"B","lsn":"0/1","nextlsn":"0/2","timestamp":null})"},
      {"timestamp a number", R"({"action":"B","lsn":"0/1","nextlsn":"0/2","timestamp":1})"},
      {"negative xid", R"({"action":"B","xid":-1,"lsn":"0/1","nextlsn":"0/2"})"},
      {"xid too large", R"({"action":"B","xid":4294967296,"lsn":"0/1","nextlsn":"0/2"})"},
      {"xid a string", R"({"action":"B","xid":"1","lsn":"0/1","nextlsn":"0/2"})"},
      {"xid a fraction", R"({"action":"B","xid":1.5,"lsn":"0/1","nextlsn":"0/2"})"},
      {"I without columns", insert_prefix + R"("pk":[]})"},
      {"I without table", R"({"action":"I","lsn":"0/1","schema":"s","columns":[]})"},
      {"I without schema", R"({"action":"I","lsn":"0/1","table":"t","columns":[]})"},
      {"I without lsn", R"({"action":"I","schema":"s","table":"t","columns":[]})"},
      {"U without columns", R"({"action":"U","lsn":"0/1","schema":"s","table":"t","identity":[]})"},
      {"D without identity", R"({"action":"D","lsn":"0/1","schema":"s","table":"t","columns":[]})"},
      {"T without table", R"({"action":"T","lsn":"0/1","schema":"s"})"},
      {"schema null", R"({"action":"T","lsn":"0/1","schema":null,"table":"t"})"},
      {"table a number", R"({"action":"T","lsn":"0/1","schema":"s","table":1})"},
      {"M without content", R"({"action":"M","lsn":"0/1","transactional":true,"prefix":"p"})"},
      {"M without transactional", R"({"action":"M","lsn":"0/1","prefix":"p","content":""})"},
      {"transactional a string",
       R"({"action":"M","lsn":"0/1","transactional":"true","prefix":"p","content":""})"},
      {"prefix null",
       R"({"action":"M","lsn":"0/1","transactional":true,"prefix":null,"content":""})"},
      {"columns not an array", insert_prefix + R"("columns":{}})"},
      {"columns null", insert_prefix + R"("columns":null})"},
      {"repeated columns", insert_prefix + R"("columns":[],"columns":[]})"},
      {"column not an object", insert_with_column("1")},
      {"column without name", insert_with_column(R"({"value":1})")},
      {"column without value", insert_with_column(R"({"name":"a"})")},
      {"column name a number", insert_with_column(R"({"name":1,"value":1})")},
      {"repeated value", insert_with_column(R"({"name":"a","value":1,"value":2})")},
      {"repeated name", insert_with_column(R"({"name":"a","name":"b","value":1})")},
      {"value an object", insert_with_column(R"({"name":"a","value":{}})")},
      {"value an array", insert_with_column(R"({"name":"a","value":[1]})")},
      {"type a number", insert_with_column(R"({"name":"a","type":23,"value":1})")},
      {"typeoid a string", insert_with_column(R"({"name":"a","typeoid":"23","value":1})")},
      {"typeoid too large", insert_with_column(R"({"name":"a","typeoid":4294967296,"value":1})")},
      {"typeoid too small", insert_with_column(R"({"name":"a","typeoid":-2147483649,"value":1})")},
      {"optional a string", insert_with_column(R"({"name":"a","value":1,"optional":"yes"})")},
      {"leading zero", insert_with_column(R"({"name":"a","value":012})")},
      {"bare minus", insert_with_column(R"({"name":"a","value":-})")},
      {"trailing dot", insert_with_column(R"({"name":"a","value":1.})")},
      {"leading dot", insert_with_column(R"({"name":"a","value":.5})")},
      {"leading plus", insert_with_column(R"({"name":"a","value":+1})")},
      {"empty exponent", insert_with_column(R"({"name":"a","value":1e})")},
      {"signed empty exponent", insert_with_column(R"({"name":"a","value":1e+})")},
      {"letters after a number", insert_with_column(R"({"name":"a","value":12abc})")},
      {"NaN token", insert_with_column(R"({"name":"a","value":NaN})")},
      {"Infinity token", insert_with_column(R"({"name":"a","value":Infinity})")},
      {"-Infinity token", insert_with_column(R"({"name":"a","value":-Infinity})")},
      {"misspelt true", insert_with_column(R"({"name":"a","value":tru})")},
      {"misspelt null", insert_with_column(R"({"name":"a","value":nul})")},
      {"bytea not hex", insert_with_column(R"({"name":"a","type":"bytea","value":"zz"})")},
      {"bytea odd length", insert_with_column(R"({"name":"a","typeoid":17,"value":"abc"})")},
      {"bytea escape form", insert_with_column(R"({"name":"a","typeoid":17,"value":"\\000"})")},
      {"pk not an array", insert_prefix + R"("columns":[],"pk":{}})"},
      {"pk element without name", insert_prefix + R"("columns":[],"pk":[{"type":"integer"}]})"},
      {"pk name null", insert_prefix + R"("columns":[],"pk":[{"name":null}]})"},
      {"bad escape", insert_with_column(R"({"name":"a","value":"\q"})")},
      {"lone high surrogate", insert_with_column(R"({"name":"a","value":"\ud83d"})")},
      {"lone low surrogate", insert_with_column(R"({"name":"a","value":"\ude00x"})")},
      {"short unicode escape", insert_with_column(R"({"name":"a","value":"\u12"})")},
      {"raw control character", insert_with_column("{\"name\":\"a\",\"value\":\"a\x01z\"}")},
      {"invalid UTF-8", insert_with_column("{\"name\":\"a\",\"value\":\"\xff\xfe\"}")},
      {"overlong UTF-8", insert_with_column("{\"name\":\"a\",\"value\":\"\xc0\xaf\"}")},
      {"unterminated string", R"({"action":"B","lsn":"0/1,"nextlsn":"0/2"})"},
      {"missing comma", R"({"action":"B" "lsn":"0/1","nextlsn":"0/2"})"},
      {"trailing comma", R"({"action":"B","lsn":"0/1","nextlsn":"0/2",})"},
      {"unclosed object", R"({"action":"B","lsn":"0/1","nextlsn":"0/2")"},
      {"truncated real message", real_insert.substr(0, real_insert.size() / 2)},
      {"real message without its last brace", real_insert.substr(0, real_insert.size() - 1)},
      {"trailing garbage", valid_begin + "x"},
      {"trailing object", valid_begin + "{}"},
      {"two messages", valid_begin + "\n" + valid_begin},
      {"extra closing brace", valid_begin + "}"},
      {"embedded NUL", valid_begin.substr(0, 10) + std::string(1, '\0') + valid_begin.substr(10)},
  };
  for (const Case& c : cases) {
    absl::Status status = Decode(c.input);
    EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << c.what << ": " << status;
    absl::Status next = Decode(valid_begin);
    ASSERT_TRUE(next.ok()) << "after " << c.what << ": " << next;
    EXPECT_EQ(event_.kind, EventKind::kBegin);
    EXPECT_EQ(event_.begin.end_lsn, L("0/2"));
  }
}

TEST_F(Wal2JsonDecoderTest, ToleratesUnknownKeysWhitespaceAndAnyKeyOrder) {
  ASSERT_TRUE(Decode(R"json( { "origin" : 7, "future" : {"nested":[1,{"x":null}]},
      "columns" : [ { "position":1, "value" : 12.50 , "name" : "a", "default":"nextval('s')",
                      "optional" : false } ],
      "table":"t", "schema":"s", "lsn":"0/10", "xid":5, "timestamp":"garbage is not parsed",
      "action" : "I" } )json")
                  .ok());
  ASSERT_EQ(event_.kind, EventKind::kChange);
  ASSERT_EQ(event_.change.new_columns.size(), 1u);
  const ColumnValue& a = event_.change.new_columns[0];
  EXPECT_EQ(a.name, "a");
  EXPECT_EQ(a.value, "12.50");  // Trailing whitespace of the token dropped.
  EXPECT_EQ(a.not_null_declared, NotNullDeclared::kYes);
  EXPECT_FALSE(event_.change.primary_key_sent);
}

TEST_F(Wal2JsonDecoderTest, OptionalKeysMayBeAbsent) {
  ASSERT_TRUE(Decode(R"({"action":"B","lsn":"0/1","nextlsn":"0/2"})").ok());
  EXPECT_EQ(event_.begin.xid, 0u);
  EXPECT_FALSE(event_.begin.commit_time_us.has_value());
  ASSERT_TRUE(Decode(R"({"action":"M","xid":null,"timestamp":null,"lsn":"0/3",)"
                     R"("transactional":false,"prefix":"p","content":"c"})")
                  .ok());
  EXPECT_FALSE(event_.message.transactional);
  EXPECT_EQ(event_.message.lsn, L("0/3"));
  ASSERT_TRUE(Decode(R"({"action":"U","lsn":"0/4","schema":"s","table":"t","columns":[]})").ok());
  EXPECT_EQ(event_.change.op, ChangeOp::kUpdate);
  EXPECT_TRUE(event_.change.old_columns.empty());
}

TEST_F(Wal2JsonDecoderTest, NumbersKeepTheirExactToken) {
  for (const char* token : {"0", "-0", "12.50", "1e-300", "1E+2", "-1.5e-05", "0.000",
                            "123456789012345678901234567890123456789012345678901234567890"}) {
    ASSERT_TRUE(Decode(absl::StrCat(R"({"action":"I","lsn":"0/1","schema":"s","table":"t",)",
                                    R"("columns":[{"name":"a","value":)", token, "}]}"))
                    .ok())
        << token;
    EXPECT_EQ(event_.change.new_columns[0].value, token);
  }
}

TEST_F(Wal2JsonDecoderTest, UnicodeEscapesIncludingSurrogatePairs) {
  ASSERT_TRUE(Decode(R"({"action":"M","lsn":"0/1","transactional":true,"prefix":"\u0067ims",)"
                     R"("content":"\ud83d\ude00 \u00e9\u4e2d \u0000end \/ \b\f"})")
                  .ok());
  EXPECT_EQ(event_.message.prefix, "gims");
  EXPECT_EQ(event_.message.content, std::string("\xf0\x9f\x98\x80 \xc3\xa9\xe4\xb8\xad ") +
                                        std::string(1, '\0') + "end / \b\f");
}

TEST_F(Wal2JsonDecoderTest, ByteaIsRecognisedByTypeNameOrOidButNotForDomains) {
  ASSERT_TRUE(Decode(R"({"action":"I","lsn":"0/1","schema":"s","table":"t","columns":[)"
                     R"({"name":"by_name","type":"bytea","value":"0A0b"},)"
                     R"({"name":"by_oid","typeoid":17,"value":""},)"
                     R"({"name":"domain","type":"public.blob","typeoid":16384,"value":"\\x01"},)"
                     R"({"name":"array","type":"bytea[]","typeoid":1001,"value":"{\"\\\\x01\"}"},)"
                     R"({"name":"null","type":"bytea","value":null}]})")
                  .ok());
  const std::vector<ColumnValue>& columns = event_.change.new_columns;
  EXPECT_EQ(columns[0].value, "\\x0A0b");
  EXPECT_EQ(columns[1].value, "\\x");
  EXPECT_EQ(columns[2].value, "\\x01");  // byteaout's own text, untouched.
  EXPECT_EQ(columns[3].value, "{\"\\\\x01\"}");
  EXPECT_TRUE(columns[4].is_null);
}

TEST_F(Wal2JsonDecoderTest, NegativeTypeOidIsAnOidAbove2To31) {
  // wal2json 2.5 prints the OID with %d.
  ASSERT_TRUE(Decode(R"({"action":"I","lsn":"0/1","schema":"s","table":"t","columns":[)"
                     R"({"name":"a","typeoid":-1,"value":"x"},)"
                     R"({"name":"b","typeoid":-2147483648,"value":"x"}]})")
                  .ok());
  EXPECT_EQ(event_.change.new_columns[0].type_oid, 4294967295u);
  EXPECT_EQ(event_.change.new_columns[1].type_oid, 2147483648u);
}

TEST_F(Wal2JsonDecoderTest, OldRowInheritsNotNullByNameWhateverTheOrder) {
  ASSERT_TRUE(Decode(R"({"action":"U","lsn":"0/1","schema":"s","table":"t","columns":[)"
                     R"({"name":"a","value":1,"optional":false},)"
                     R"({"name":"b","value":null,"optional":false},)"
                     R"({"name":"c","value":null,"optional":true}],"identity":[)"
                     R"({"name":"c","value":null},{"name":"b","value":null},)"
                     R"({"name":"a","value":null},{"name":"z","value":null}]})")
                  .ok());
  const RowChange& change = event_.change;
  EXPECT_EQ(Find(change.old_columns, "a")->not_null_declared, NotNullDeclared::kYes);
  EXPECT_EQ(Find(change.old_columns, "b")->not_null_declared, NotNullDeclared::kYes);
  EXPECT_EQ(Find(change.old_columns, "c")->not_null_declared, NotNullDeclared::kNo);
  EXPECT_EQ(Find(change.old_columns, "z")->not_null_declared, NotNullDeclared::kUnknown);
  EXPECT_TRUE(Find(change.new_columns, "b")->special_value_lost);
  EXPECT_TRUE(Find(change.old_columns, "a")->special_value_lost);
  EXPECT_TRUE(Find(change.old_columns, "b")->special_value_lost);
  EXPECT_FALSE(Find(change.old_columns, "c")->special_value_lost);
  EXPECT_EQ(change.lost_special_values, 3);
}

TEST_F(Wal2JsonDecoderTest, ValuesOutliveTheCallersBufferUntilTheNextDecode) {
  auto message = std::make_unique<std::string>(all_options_[1]);
  ASSERT_TRUE(decoder_.Decode(*message, Lsn::FromRaw(1), &event_).ok());
  std::fill(message->begin(), message->end(), 'x');  // The decoder copied its input...
  message.reset();                                   // ...so ASan sees no use after free.
  EXPECT_EQ(NewValue("n_nn"), "12.50");
  EXPECT_EQ(NewValue("by"), "\\x00ff10");
  EXPECT_EQ(NewValue("t").substr(0, 7), "quote \"");
  EXPECT_EQ(event_.change.table, "edge_full");
}

TEST_F(Wal2JsonDecoderTest, ReusesTheEventsVectorsAcrossMessages) {
  DecodeLine(all_options_, 2);  // 32 columns
  const ColumnValue* columns = event_.change.new_columns.data();
  const size_t capacity = event_.change.new_columns.capacity();
  DecodeLine(all_options_, 5);  // 32 columns again
  EXPECT_EQ(event_.change.new_columns.data(), columns);
  EXPECT_EQ(event_.change.new_columns.capacity(), capacity);
  EXPECT_EQ(NewValue("id"), "2");
  EXPECT_EQ(NewValue("by"), "\\x");
  DecodeLine(all_options_, 1);   // A Begin leaves the change's vectors (and capacity) alone.
  DecodeLine(all_options_, 20);  // 4 columns, fewer than before: no stale ones left over.
  EXPECT_EQ(event_.change.new_columns.data(), columns);
  EXPECT_EQ(Names(event_.change.new_columns),
            (std::vector<std::string>{"k1", "k2", "payload", "big"}));
  EXPECT_TRUE(event_.change.old_columns.empty());
}

TEST_F(Wal2JsonDecoderTest, TwoDecodersAreIndependent) {
  Wal2JsonDecoder other;
  ChangeEvent other_event;
  DecodeLine(all_options_, 2);
  ASSERT_TRUE(other.Decode(all_options_[4], Lsn::FromRaw(1), &other_event).ok());
  EXPECT_EQ(NewValue("id"), "1");
  EXPECT_EQ(NewValue("by"), "\\x00ff10");
  EXPECT_EQ(Find(other_event.change.new_columns, "id")->value, "2");
}

}  // namespace
}  // namespace genims

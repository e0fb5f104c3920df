#include "connector/slot_admin.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

Config TwoDatabases() {
  Config config;
  config.databases = {"genims_master_db", "genims_erp_db"};
  return config;
}

absl::StatusOr<SlotsCommand> Parse(std::vector<std::string> words) {
  return ParseSlotsCommand(words, TwoDatabases());
}

TEST(ParseSlotsCommandTest, CreateAndListDefaultToTheConfiguredDatabases) {
  for (const char* verb : {"create", "list"}) {
    absl::StatusOr<SlotsCommand> command = Parse({verb});
    ASSERT_TRUE(command.ok()) << command.status();
    EXPECT_EQ(command->scope, SlotScope::kConfigured) << verb;
  }
  EXPECT_EQ(Parse({"create"})->verb, SlotsVerb::kCreate);
  EXPECT_EQ(Parse({"list"})->verb, SlotsVerb::kList);
  EXPECT_EQ(Parse({"check"})->verb, SlotsVerb::kCheck);
}

TEST(ParseSlotsCommandTest, DbAndAll) {
  absl::StatusOr<SlotsCommand> one = Parse({"drop", "--db", "genims_erp_db"});
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_EQ(one->verb, SlotsVerb::kDrop);
  EXPECT_EQ(one->scope, SlotScope::kOne);
  EXPECT_EQ(one->database, "genims_erp_db");
  absl::StatusOr<SlotsCommand> equals = Parse({"create", "--db=genims_master_db"});
  ASSERT_TRUE(equals.ok()) << equals.status();
  EXPECT_EQ(equals->database, "genims_master_db");
  absl::StatusOr<SlotsCommand> all = Parse({"list", "--all"});
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->scope, SlotScope::kAll);
}

TEST(ParseSlotsCommandTest, ListAndDropAcceptAnyDatabaseCreateOnlyConfiguredOnes) {
  EXPECT_TRUE(Parse({"list", "--db", "genims_tms_db"}).ok());
  EXPECT_TRUE(Parse({"drop", "--db", "genims_tms_db"}).ok());
  absl::StatusOr<SlotsCommand> create = Parse({"create", "--db", "genims_tms_db"});
  EXPECT_EQ(create.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(create.status().message(), HasSubstr("not in CDC_DATABASES"));
}

TEST(ParseSlotsCommandTest, BadUsageIsOneLineInvalidArgument) {
  const std::vector<std::vector<std::string>> bad = {
      {},
      {"frobnicate"},
      {"drop"},
      {"check", "--all"},
      {"list", "--db"},
      {"list", "--db", "--all"},
      {"list", "--db="},
      {"list", "--all", "--db", "genims_erp_db"},
      {"list", "--all", "--all"},
      {"create", "genims_erp_db"},
      {"drop", "--force"},
  };
  for (const std::vector<std::string>& words : bad) {
    absl::StatusOr<SlotsCommand> command = Parse(words);
    EXPECT_EQ(command.status().code(), absl::StatusCode::kInvalidArgument)
        << testing::PrintToString(words);
    EXPECT_THAT(std::string(command.status().message()), StartsWith("slots: "));
    EXPECT_EQ(command.status().message().find('\n'), absl::string_view::npos);
  }
  EXPECT_THAT(Parse({"drop"}).status().message(), HasSubstr("drop needs --db NAME or --all"));
}

TEST(HumanBytesTest, BinaryUnitsOneDecimal) {
  EXPECT_EQ(HumanBytes(0), "0 B");
  EXPECT_EQ(HumanBytes(1023), "1023 B");
  EXPECT_EQ(HumanBytes(1024), "1.0 KiB");
  EXPECT_EQ(HumanBytes(1536), "1.5 KiB");
  EXPECT_EQ(HumanBytes(20 * 1024 * 1024), "20.0 MiB");
  EXPECT_EQ(HumanBytes(1024 * 1024 - 1), "1.0 MiB");  // Not "1024.0 KiB".
  EXPECT_EQ(HumanBytes(uint64_t{8} << 30), "8.0 GiB");
  EXPECT_EQ(HumanBytes(uint64_t{3} << 40), "3.0 TiB");
}

TEST(HumanBytesTest, ExactFollowsWhenRounded) {
  EXPECT_EQ(HumanAndExactBytes(512), "512 B");
  EXPECT_EQ(HumanAndExactBytes(20971520), "20.0 MiB (20971520)");
}

TEST(FormatTableTest, AlignsColumnsWithTwoSpacesAndNoTrailingBlanks) {
  EXPECT_EQ(FormatTable({{"slot", "active", "lag"},
                         {"genims_cdc_master", "yes (pid 7)", "0 B"},
                         {"x", "no", "1.0 KiB (1024)"}}),
            "slot               active       lag\n"
            "genims_cdc_master  yes (pid 7)  0 B\n"
            "x                  no           1.0 KiB (1024)\n");
}

TEST(OutputPluginLibrariesLineTest, AppendsWal2jsonToTheCurrentOrDefaultList) {
  EXPECT_EQ(OutputPluginLibrariesLine(std::string("pgoutput, decoderbufs")),
            "output_plugin_libraries = 'pgoutput, decoderbufs, wal2json'");
  EXPECT_EQ(OutputPluginLibrariesLine(std::nullopt),
            "output_plugin_libraries = 'pgoutput, test_decoding, wal2json'");
  EXPECT_EQ(OutputPluginLibrariesLine(std::string("")), "output_plugin_libraries = 'wal2json'");
}

TEST(SlotFailureFixTest, NamesTheFixForEachKnownFailure) {
  const absl::Status not_allowed = absl::FailedPreconditionError(
      "CREATE_REPLICATION_SLOT: library \"wal2json\" may not be used as an output plugin");
  EXPECT_EQ(SlotFailureFix(not_allowed, std::string("pgoutput"), 15, "genims"),
            "; fix: add to postgresql.conf output_plugin_libraries = 'pgoutput, wal2json' and "
            "reload (SELECT pg_reload_conf())");
  EXPECT_THAT(SlotFailureFix(not_allowed, std::nullopt, 15, "genims"),
              HasSubstr("'pgoutput, test_decoding, wal2json' (the default list"));
  EXPECT_EQ(SlotFailureFix(absl::FailedPreconditionError(
                               "SELECT: could not access file \"wal2json\": No such file"),
                           std::nullopt, 16, "genims"),
            "; fix: install the plugin on the database server: apt-get install "
            "postgresql-16-wal2json");
  EXPECT_EQ(SlotFailureFix(absl::PermissionDeniedError(
                               "FATAL:  must be superuser or replication role to start walsender"),
                           std::nullopt, 15, "\"cdc reader\""),
            "; fix: as a superuser, ALTER ROLE \"cdc reader\" REPLICATION");
  EXPECT_THAT(SlotFailureFix(
                  absl::FailedPreconditionError("logical decoding requires wal_level >= logical"),
                  std::nullopt, 15, "genims"),
              HasSubstr("wal_level = logical"));
  EXPECT_EQ(SlotFailureFix(absl::InternalError("disk on fire"), std::nullopt, 15, "genims"), "");
}

}  // namespace
}  // namespace genims

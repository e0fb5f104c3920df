#include "connector/command_line.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

using ::testing::ElementsAre;

absl::StatusOr<CommandLine> Parse(std::vector<const char*> args) {
  args.insert(args.begin(), "genims-cdc");
  return ParseCommandLine(static_cast<int>(args.size()), args.data());
}

TEST(CommandLineTest, EnvFileBeforeOrAfterTheCommandIsTheSame) {
  absl::StatusOr<CommandLine> before = Parse({"--env-file", "a.env", "run"});
  absl::StatusOr<CommandLine> after = Parse({"run", "--env-file", "a.env"});
  absl::StatusOr<CommandLine> joined = Parse({"run", "--env-file=a.env"});
  for (const auto* parsed : {&before, &after, &joined}) {
    ASSERT_TRUE(parsed->ok()) << parsed->status();
    EXPECT_EQ((*parsed)->env_file, "a.env");
    EXPECT_THAT((*parsed)->words, ElementsAre("run"));
  }
}

TEST(CommandLineTest, CommandOptionsStayInOrder) {
  absl::StatusOr<CommandLine> parsed = Parse({"slots", "drop", "--db", "genims_erp_db"});
  ASSERT_TRUE(parsed.ok());
  EXPECT_THAT(parsed->words, ElementsAre("slots", "drop", "--db", "genims_erp_db"));
  EXPECT_TRUE(parsed->env_file.empty());
}

TEST(CommandLineTest, HelpAndVersion) {
  EXPECT_TRUE(Parse({"--help"})->help);
  EXPECT_TRUE(Parse({"status", "-h"})->help);
  EXPECT_TRUE(Parse({"--version"})->version);
}

TEST(CommandLineTest, EnvFileErrors) {
  EXPECT_EQ(Parse({"run", "--env-file"}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Parse({"--env-file="}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Parse({"--env-file", "a", "--env-file", "b"}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace genims

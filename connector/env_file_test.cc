#include "connector/env_file.h"

#include "gtest/gtest.h"

namespace genims {
namespace {

TEST(EnvFileTest, ParsesTheSeedsFormat) {
  absl::StatusOr<EnvMap> env = ParseEnvFile(
      "# POSTGRESQL CONNECTIONS\n"
      "PG_MASTER_HOST=postgres.azure.com\n"
      "\n"
      "ETL_BATCH_SIZE=1000                  # Rows per insert\n"
      "ETL_LOG_DIR=logs/etl/\n"
      "export CDC_STATE_DIR=/var/lib/x\n"
      "PG_MASTER_PASSWORD=<password>\n",
      "test.env");
  ASSERT_TRUE(env.ok()) << env.status();
  EXPECT_EQ(env->at("PG_MASTER_HOST"), "postgres.azure.com");
  EXPECT_EQ(env->at("ETL_BATCH_SIZE"), "1000");
  EXPECT_EQ(env->at("ETL_LOG_DIR"), "logs/etl/");
  EXPECT_EQ(env->at("CDC_STATE_DIR"), "/var/lib/x");
  EXPECT_EQ(env->at("PG_MASTER_PASSWORD"), "<password>");
  EXPECT_EQ(env->size(), 5u);
}

TEST(EnvFileTest, QuotedValuesKeepHashesAndSpaces) {
  absl::StatusOr<EnvMap> env = ParseEnvFile(
      "A=\"p#ss word\"  # comment\n"
      "B='lit\\eral'\n"
      "C=\"say \\\"hi\\\"\"\n"
      "D=a#b\n"
      "E=\n",
      "t");
  ASSERT_TRUE(env.ok()) << env.status();
  EXPECT_EQ(env->at("A"), "p#ss word");
  EXPECT_EQ(env->at("B"), "lit\\eral");
  EXPECT_EQ(env->at("C"), "say \"hi\"");
  EXPECT_EQ(env->at("D"), "a#b");
  EXPECT_EQ(env->at("E"), "");
}

TEST(EnvFileTest, LaterAssignmentWins) {
  absl::StatusOr<EnvMap> env = ParseEnvFile("A=1\nA=2\n", "t");
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(env->at("A"), "2");
}

TEST(EnvFileTest, MalformedLineNamesFileAndLineButNotTheValue) {
  absl::StatusOr<EnvMap> env = ParseEnvFile("A=1\nPG_MASTER_PASSWORD=\"s3cret\n", "prod.env");
  ASSERT_EQ(env.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(env.status().message(), "prod.env:2: expected KEY=VALUE for PG_MASTER_PASSWORD");

  EXPECT_EQ(ParseEnvFile("just words\n", "f").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseEnvFile("1A=x\n", "f").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseEnvFile("A='x' trailing\n", "f").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(EnvFileTest, MissingFileIsNotFound) {
  absl::StatusOr<EnvMap> env = ReadEnvFile("/nonexistent/genims.env");
  EXPECT_EQ(env.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace genims

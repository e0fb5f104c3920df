#include "connector/config.h"

#include <stdlib.h>
#include <unistd.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

EnvMap MinimalEnv() { return {{"PG_MASTER_HOST", "127.0.0.1"}, {"PG_MASTER_USER", "genims"}}; }

TEST(ConfigTest, DefaultsFollowTheDesign) {
  absl::StatusOr<Config> config = LoadConfig(MinimalEnv());
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->primary.port, 5432);
  EXPECT_EQ(config->databases.size(), 13u);
  EXPECT_EQ(config->databases.front(), "genims_master_db");
  EXPECT_EQ(config->slot_prefix, "genims_cdc_");
  EXPECT_EQ(config->batch_size, 1000);
  EXPECT_EQ(config->retry_delay, absl::Seconds(5));
  EXPECT_FALSE(config->replica.has_value());
  EXPECT_FALSE(config->audit.has_value());
}

TEST(ConfigTest, SlotNamesDropTheGenimsAffixes) {
  Config config = *LoadConfig(MinimalEnv());
  EXPECT_EQ(config.SlotName("genims_erp_db"), "genims_cdc_erp");
  EXPECT_EQ(config.SlotName("genims_planning_db"), "genims_cdc_planning");
  EXPECT_EQ(config.SlotName("bench_db"), "genims_cdc_bench_db");
  EXPECT_EQ(config.SlotName("genims_db"), "genims_cdc_genims_db");
}

TEST(ConfigTest, ReadsEveryVariable) {
  EnvMap env = MinimalEnv();
  env.insert({{"PG_MASTER_PORT", "55432"},
              {"PG_REPLICA_HOST", "replica"},
              {"PG_REPLICA_USER", "ro"},
              {"MYSQL_AUDIT_HOST", "127.0.0.1"},
              {"MYSQL_AUDIT_PORT", "53306"},
              {"MYSQL_AUDIT_DB", "genims_audit_db"},
              {"MYSQL_AUDIT_USER", "cdc"},
              {"MYSQL_AUDIT_PASSWORD", " with spaces "},
              {"ETL_BATCH_SIZE", "5000"},
              {"DATA_SYNC_RETRY_DELAY", "2"},
              {"CDC_DATABASES", "genims_erp_db, bench_db"},
              {"CDC_SLOT_PREFIX", "t1_"},
              {"CDC_EXCLUDE_TABLES", "public.sensor_*"},
              {"CDC_METRICS_LISTEN", "127.0.0.1:0"}});
  absl::StatusOr<Config> config = LoadConfig(env);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->primary.port, 55432);
  ASSERT_TRUE(config->replica.has_value());
  EXPECT_EQ(config->replica->user, "ro");
  ASSERT_TRUE(config->audit.has_value());
  EXPECT_EQ(config->audit->port, 53306);
  EXPECT_EQ(config->audit->password, " with spaces ");
  EXPECT_EQ(config->batch_size, 5000);
  EXPECT_EQ(config->retry_delay, absl::Seconds(2));
  EXPECT_EQ(config->databases, (std::vector<std::string>{"genims_erp_db", "bench_db"}));
  EXPECT_EQ(config->SlotName("genims_erp_db"), "t1_erp");
  EXPECT_EQ(config->exclude_tables, (std::vector<std::string>{"public.sensor_*"}));
}

struct BadValue {
  const char* variable;
  const char* value;
};

class ConfigBadValueTest : public ::testing::TestWithParam<BadValue> {};

TEST_P(ConfigBadValueTest, IsOneLineNamingTheVariable) {
  EnvMap env = MinimalEnv();
  env.insert_or_assign(GetParam().variable, GetParam().value);
  absl::StatusOr<Config> config = LoadConfig(env);
  ASSERT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(config.status().message()), testing::StartsWith(GetParam().variable));
  EXPECT_THAT(std::string(config.status().message()), Not(HasSubstr("\n")));
}

INSTANTIATE_TEST_SUITE_P(
    All, ConfigBadValueTest,
    testing::Values(BadValue{"PG_MASTER_HOST", " "}, BadValue{"PG_MASTER_PORT", "abc"},
                    BadValue{"PG_MASTER_PORT", "70000"}, BadValue{"ETL_BATCH_SIZE", "0"},
                    BadValue{"ETL_BATCH_SIZE", "1e3"}, BadValue{"DATA_SYNC_RETRY_DELAY", "-1"},
                    BadValue{"CDC_DATABASES", "genims_erp_db,,x"},
                    BadValue{"CDC_DATABASES", "Genims-ERP"}, BadValue{"CDC_DATABASES", "a,a"},
                    BadValue{"CDC_SLOT_PREFIX", "Bad-"}, BadValue{"CDC_METRICS_LISTEN", "9187"},
                    BadValue{"CDC_INCLUDE_TABLES", "orders"}));

TEST(ConfigTest, MissingRequiredVariableIsNamed) {
  absl::StatusOr<Config> config = LoadConfig({{"PG_MASTER_HOST", "h"}});
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(config.status().message(), "PG_MASTER_USER: is required but not set");

  EnvMap env = MinimalEnv();
  env.insert({"MYSQL_REPORTING_HOST", "h"});
  config = LoadConfig(env);
  EXPECT_EQ(config.status().message(), "MYSQL_REPORTING_DB: is required but not set");
}

TEST(ConfigTest, PasswordsMayComeFromFiles) {
  char path[] = "/tmp/genims-config-test-XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, "s3cret with spaces\n", 19), 19);
  close(fd);
  EnvMap env = MinimalEnv();
  env["PG_MASTER_PASSWORD"] = "ignored";
  env["PG_MASTER_PASSWORD_FILE"] = path;
  env["MYSQL_AUDIT_HOST"] = "127.0.0.1";
  env["MYSQL_AUDIT_DB"] = "genims_audit_db";
  env["MYSQL_AUDIT_USER"] = "genims_cdc_audit";
  env["MYSQL_AUDIT_PASSWORD_FILE"] = path;
  absl::StatusOr<Config> config = LoadConfig(env);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->primary.password, "s3cret with spaces");
  EXPECT_EQ(config->audit->password, "s3cret with spaces");
  unlink(path);
  absl::StatusOr<Config> missing = LoadConfig(env);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(missing.status().message()),
              HasSubstr("PG_MASTER_PASSWORD_FILE: cannot read"));
}

TEST(ConfigTest, AuditSettings) {
  EnvMap env = MinimalEnv();
  env["CDC_AUDIT_SENSITIVE_COLUMNS"] = "hr.employees.ssn, iban";
  env["CDC_AUDIT_MASK_CHANGES"] = "false";
  env["CDC_AUDIT_BULK_ROWS"] = "50";
  absl::StatusOr<Config> config = LoadConfig(env);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->audit_sensitive_columns,
            (std::vector<std::string>{"hr.employees.ssn", "iban"}));
  EXPECT_FALSE(config->audit_mask_changes);
  EXPECT_EQ(config->audit_bulk_rows, 50);
  env["CDC_AUDIT_MASK_CHANGES"] = "maybe";
  EXPECT_EQ(LoadConfig(env).status().message(),
            "CDC_AUDIT_MASK_CHANGES: expected true or false, got \"maybe\"");
  env["CDC_AUDIT_MASK_CHANGES"] = "true";
  env["CDC_AUDIT_SENSITIVE_COLUMNS"] = "a.b.c.d";
  EXPECT_EQ(LoadConfig(env).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ConfigTest, PasswordsNeverAppearInDescribe) {
  EnvMap env = MinimalEnv();
  env.insert({{"PG_MASTER_PASSWORD", "pg-secret-1"},
              {"MYSQL_AUDIT_HOST", "h"},
              {"MYSQL_AUDIT_DB", "a"},
              {"MYSQL_AUDIT_USER", "u"},
              {"MYSQL_AUDIT_PASSWORD", "my-secret-2"}});
  absl::StatusOr<Config> config = LoadConfig(env);
  ASSERT_TRUE(config.ok());
  const std::string text = config->Describe();
  EXPECT_THAT(text, Not(HasSubstr("pg-secret-1")));
  EXPECT_THAT(text, Not(HasSubstr("my-secret-2")));
  EXPECT_THAT(text, HasSubstr("password (set)"));
}

TEST(ConfigTest, ProcessEnvironmentWinsOverTheFile) {
  char path[] = "/tmp/genims-config-test-XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  const std::string text = "PG_MASTER_HOST=from-file\nPG_MASTER_USER=file-user\n";
  ASSERT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  close(fd);
  absl::StatusOr<EnvMap> env = MergedEnvironment(path, {{"PG_MASTER_HOST", "from-env"}});
  unlink(path);
  ASSERT_TRUE(env.ok()) << env.status();
  EXPECT_EQ(env->at("PG_MASTER_HOST"), "from-env");
  EXPECT_EQ(env->at("PG_MASTER_USER"), "file-user");
}

}  // namespace
}  // namespace genims

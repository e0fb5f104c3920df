// Integration test: MySqlSession against the test stack's MariaDB 10.11 (the ctest fixture
// starts it and sets GENIMS_STACK_DIR).
#include "sink/mysql_session.h"

#include <cstdlib>

#include "connector/env_file.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

MySqlTarget StackTarget() {
  const char* stack = std::getenv("GENIMS_STACK_DIR");
  EXPECT_NE(stack, nullptr) << "GENIMS_STACK_DIR is not set (run through ctest)";
  absl::StatusOr<EnvMap> env = ReadEnvFile(std::string(stack ? stack : "") + "/genims.env");
  EXPECT_TRUE(env.ok()) << env.status();
  MySqlTarget target;
  if (!env.ok()) return target;
  target.host = env->at("MYSQL_AUDIT_HOST");
  target.port = std::stoi(env->at("MYSQL_AUDIT_PORT"));
  target.user = env->at("MYSQL_AUDIT_USER");
  target.password = env->at("MYSQL_AUDIT_PASSWORD");
  return target;
}

class MySqlSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<MySqlSession>> admin = MySqlSession::Connect(StackTarget());
    ASSERT_TRUE(admin.ok()) << admin.status();
    ASSERT_TRUE((*admin)->Execute("DROP DATABASE IF EXISTS mysql_session_test").ok());
    ASSERT_TRUE((*admin)->Execute("CREATE DATABASE mysql_session_test").ok());
    MySqlTarget target = StackTarget();
    target.database = "mysql_session_test";
    absl::StatusOr<std::unique_ptr<MySqlSession>> session = MySqlSession::Connect(target);
    ASSERT_TRUE(session.ok()) << session.status();
    session_ = std::move(*session);
    ASSERT_TRUE(session_
                    ->Execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT, "
                              "at DATETIME(6)) ENGINE=InnoDB")
                    .ok());
  }
  void TearDown() override {
    if (session_) {
      EXPECT_TRUE(session_->Execute("DROP DATABASE mysql_session_test").ok());
    }
  }

  int64_t Count() {
    absl::StatusOr<std::vector<MySqlRow>> rows = session_->Query("SELECT COUNT(*) FROM t");
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? std::stoll(*(*rows)[0][0]) : -1;
  }

  std::unique_ptr<MySqlSession> session_;
};

TEST_F(MySqlSessionTest, SessionIsUtcAndUtf8mb4) {
  absl::StatusOr<std::vector<MySqlRow>> rows =
      session_->Query("SELECT @@session.time_zone, @@character_set_client, NULL");
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(*(*rows)[0][0], "+00:00");
  EXPECT_EQ(*(*rows)[0][1], "utf8mb4");
  EXPECT_FALSE((*rows)[0][2].has_value());
}

TEST_F(MySqlSessionTest, QuoteRoundTripsAnyText) {
  const std::string text =
      std::string("it's \"q\" \\ back\nslash \xf0\x9f\x8f\xad ") + '\0' + "nul";
  ASSERT_TRUE(
      session_->Execute("INSERT INTO t (id, v) VALUES (1, " + session_->Quote(text) + ")").ok());
  absl::StatusOr<std::vector<MySqlRow>> rows = session_->Query("SELECT v FROM t WHERE id = 1");
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(*(*rows)[0][0], text);
}

TEST_F(MySqlSessionTest, DuplicateKeyIsAlreadyExists) {
  ASSERT_TRUE(session_->Execute("INSERT INTO t (id) VALUES (7)").ok());
  EXPECT_EQ(session_->Execute("INSERT INTO t (id) VALUES (7)").status().code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_F(MySqlSessionTest, TransactionsCommitOrRollBackTogether) {
  ASSERT_TRUE(session_->Begin().ok());
  ASSERT_TRUE(session_->Execute("INSERT INTO t (id) VALUES (1), (2)").ok());
  session_->Rollback();
  EXPECT_EQ(Count(), 0);
  ASSERT_TRUE(session_->Begin().ok());
  absl::StatusOr<uint64_t> inserted = session_->Execute("INSERT INTO t (id) VALUES (1), (2)");
  ASSERT_TRUE(inserted.ok());
  EXPECT_EQ(*inserted, 2u);
  ASSERT_TRUE(session_->Commit().ok());
  EXPECT_EQ(Count(), 2);
}

TEST_F(MySqlSessionTest, TriggerRefusalIsFailedPrecondition) {
  ASSERT_TRUE(session_
                  ->Execute("CREATE TRIGGER t_no_delete BEFORE DELETE ON t FOR EACH ROW "
                            "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 't is append-only'")
                  .ok());
  ASSERT_TRUE(session_->Execute("INSERT INTO t (id) VALUES (1)").ok());
  absl::Status refused = session_->Execute("DELETE FROM t").status();
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.message().find("t is append-only"), absl::string_view::npos);
  EXPECT_EQ(Count(), 1);
}

TEST(MySqlSessionConnectTest, BadCredentialsPortAndDatabase) {
  MySqlTarget target = StackTarget();
  target.password = "not-the-password";
  absl::StatusOr<std::unique_ptr<MySqlSession>> session = MySqlSession::Connect(target);
  EXPECT_EQ(session.status().code(), absl::StatusCode::kPermissionDenied) << session.status();
  EXPECT_EQ(session.status().message().find("not-the-password"), absl::string_view::npos);

  target = StackTarget();
  target.port = 1;
  EXPECT_EQ(MySqlSession::Connect(target).status().code(), absl::StatusCode::kUnavailable);

  target = StackTarget();
  target.database = "no_such_database_here";
  EXPECT_EQ(MySqlSession::Connect(target).status().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace genims

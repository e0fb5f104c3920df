#include "sink/audit_policy.h"

#include "gtest/gtest.h"

namespace genims {
namespace {

TEST(AuditPolicyTest, DefaultSensitiveColumns) {
  const AuditPolicy policy{AuditPolicyOptions()};
  EXPECT_TRUE(policy.IsSensitive("public", "employees", "salary"));
  EXPECT_TRUE(policy.IsSensitive("public", "positions", "max_salary"));
  EXPECT_TRUE(policy.IsSensitive("public", "employees", "bank_account"));
  EXPECT_TRUE(policy.IsSensitive("public", "supplier_accounts", "bank_account_iban"));
  EXPECT_TRUE(policy.IsSensitive("public", "employees", "national_id"));
  EXPECT_FALSE(policy.IsSensitive("public", "employees", "first_name"));
  EXPECT_FALSE(policy.IsSensitive("public", "employees", "national_id_country"));
}

TEST(AuditPolicyTest, PatternsAlignFromTheColumn) {
  AuditPolicyOptions options;
  options.sensitive_columns = {"hr.employees.ssn", "cards.number"};
  options.config_tables = {"settings", "ops.flags_*"};
  const AuditPolicy policy(options);
  EXPECT_TRUE(policy.IsSensitive("hr", "employees", "ssn"));
  EXPECT_FALSE(policy.IsSensitive("public", "employees", "ssn"));
  EXPECT_TRUE(policy.IsSensitive("any", "cards", "number"));
  EXPECT_FALSE(policy.IsSensitive("any", "orders", "number"));
  EXPECT_TRUE(policy.IsConfigTable("public", "settings"));
  EXPECT_TRUE(policy.IsConfigTable("ops", "flags_plant"));
  EXPECT_FALSE(policy.IsConfigTable("public", "flags_plant"));
}

TEST(AuditPolicyTest, MaskKeepsTheTailOfLongValuesOnly) {
  EXPECT_EQ(AuditPolicy::Mask("85000.00"), "****");
  EXPECT_EQ(AuditPolicy::Mask("123-45-6789"), "****");
  EXPECT_EQ(AuditPolicy::Mask("DE89370400440532013000"), "****3000");
  // Never a broken UTF-8 sequence: "€" is three bytes.
  EXPECT_EQ(AuditPolicy::Mask("account-0001-€€"), "****€€");
}

}  // namespace
}  // namespace genims

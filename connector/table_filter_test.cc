#include "connector/table_filter.h"

#include "gtest/gtest.h"

namespace genims {
namespace {

TEST(TableFilterTest, EverythingWithoutPatterns) {
  const TableFilter filter({}, {});
  EXPECT_TRUE(filter.Captures("public", "orders"));
  EXPECT_TRUE(filter.Captures("staging", "x"));
}

TEST(TableFilterTest, IncludeLimitsExcludeRemoves) {
  const TableFilter filter({"public.*", "erp.invoice_*"}, {"public.sensor_*", "*.tmp"});
  EXPECT_TRUE(filter.Captures("public", "orders"));
  EXPECT_TRUE(filter.Captures("erp", "invoice_lines"));
  EXPECT_FALSE(filter.Captures("erp", "orders"));
  EXPECT_FALSE(filter.Captures("public", "sensor_readings"));
  EXPECT_FALSE(filter.Captures("public", "tmp"));
  EXPECT_FALSE(filter.Captures("staging", "orders"));
}

TEST(TableFilterTest, SchemaAndTableMatchSeparately) {
  const TableFilter filter({}, {"public.a*"});
  // The '*' of the table part does not reach across the dot into the schema.
  EXPECT_TRUE(filter.Captures("public_a", "x"));
  EXPECT_FALSE(filter.Captures("public", "audit"));
}

}  // namespace
}  // namespace genims

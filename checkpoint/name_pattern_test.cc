#include "checkpoint/name_pattern.h"

#include "gtest/gtest.h"

namespace genims {
namespace {

TEST(GlobMatchesTest, StarMatchesAnyRunIncludingNone) {
  EXPECT_TRUE(GlobMatches("*", ""));
  EXPECT_TRUE(GlobMatches("*", "sensor_readings"));
  EXPECT_TRUE(GlobMatches("sensor_*", "sensor_"));
  EXPECT_TRUE(GlobMatches("sensor_*", "sensor_readings"));
  EXPECT_TRUE(GlobMatches("*_log", "audit_log"));
  EXPECT_TRUE(GlobMatches("a*b*c", "aXbYbZc"));
  EXPECT_FALSE(GlobMatches("sensor_*", "sensors"));
  EXPECT_FALSE(GlobMatches("*_log", "audit_logs"));
  EXPECT_FALSE(GlobMatches("a*b*c", "aXbYbZ"));
}

TEST(GlobMatchesTest, OtherCharactersAreLiteralAndCaseSensitive) {
  EXPECT_TRUE(GlobMatches("orders", "orders"));
  EXPECT_FALSE(GlobMatches("orders", "Orders"));
  EXPECT_FALSE(GlobMatches("order?", "orders"));
  EXPECT_FALSE(GlobMatches("", "x"));
}

}  // namespace
}  // namespace genims

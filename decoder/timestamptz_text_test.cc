#include "decoder/timestamptz_text.h"

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace genims {
namespace {

int64_t UtcMicros(int64_t year, int month, int day, int hour, int minute, int second) {
  return absl::ToUnixMicros(absl::FromCivil(
      absl::CivilSecond(year, month, day, hour, minute, second), absl::UTCTimeZone()));
}

TEST(TimestamptzTextTest, ParsesWal2JsonCommitTimes) {
  const int64_t base = UtcMicros(2026, 11, 25, 12, 38, 42);
  struct Case {
    const char* text;
    int64_t micros;
  };
  for (const Case& c : {
           Case{"2026-11-25 12:38:42.340143+00", base + 340143},
           Case{"2026-11-25 12:38:42.34+00", base + 340000},
           Case{"2026-11-25 12:38:42.000001+00", base + 1},
           Case{"2026-11-25 12:38:42+00", base},
           Case{"2026-11-25 18:08:42.340143+05:30", base + 340143},
           Case{"2026-11-25 04:38:42.5-08", base + 500000},
           Case{"2026-11-25 09:08:42-03:30", base},
           Case{"2026-11-25 12:38:42-00", base},
           Case{"1890-01-01 00:53:28+00:53:28", UtcMicros(1890, 1, 1, 0, 0, 0)},
           Case{"1970-01-01 00:00:00+00", 0},
           Case{"1969-12-31 23:59:59.999999+00", -1},
           Case{"2000-02-29 00:00:00+00", UtcMicros(2000, 2, 29, 0, 0, 0)},
           Case{"0001-01-01 00:00:00+00", UtcMicros(1, 1, 1, 0, 0, 0)},
           Case{"10000-01-01 00:00:00+00", UtcMicros(10000, 1, 1, 0, 0, 0)},
       }) {
    absl::StatusOr<int64_t> parsed = ParseTimestamptzText(c.text);
    ASSERT_TRUE(parsed.ok()) << c.text << ": " << parsed.status();
    EXPECT_EQ(*parsed, c.micros) << c.text;
  }
}

TEST(TimestamptzTextTest, RejectsOtherForms) {
  for (const char* text : {
           "",
           "2026-11-25",
           "2026-11-25 12:38:42",
           "2026-11-25T12:38:42+00",
           "2026-11-25 12:38:42.+00",
           "2026-11-25 12:38:42.1234567+00",
           "2026-11-25 12:38:42+0",
           "2026-11-25 12:38:42+00:6",
           "2026-11-25 12:38:42+00 ",
           " 2026-11-25 12:38:42+00",
           "2026-13-01 00:00:00+00",
           "2026-00-01 00:00:00+00",
           "2026-02-29 00:00:00+00",
           "1900-02-29 00:00:00+00",
           "2026-04-31 00:00:00+00",
           "2026-11-00 00:00:00+00",
           "2026-11-25 24:00:00+00",
           "2026-11-25 12:60:00+00",
           "2026-11-25 12:00:60+00",
           "2026-11-25 12:00:00+05:60",
           "infinity",
           "-infinity",
           "0044-03-15 12:00:00+00 BC",
           "202-11-25 12:38:42+00",
           "1234567-11-25 12:38:42+00",
           "2026-1-25 12:38:42+00",
           "2026-11-25 12:38:42Z",
           "2026-11-25 12:38:42+00UTC",
           "2026-11-25 1a:38:42+00",
       }) {
    EXPECT_EQ(ParseTimestamptzText(text).status().code(), absl::StatusCode::kInvalidArgument)
        << '"' << text << '"';
  }
}

}  // namespace
}  // namespace genims

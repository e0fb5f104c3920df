#include "decoder/timestamptz_text.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace genims {
namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kSecondsPerDay = 86'400;

// Reads exactly `count` decimal digits at text[*pos]; false if fewer are there.
bool ReadDigits(absl::string_view text, size_t* pos, int count, int64_t* out) {
  if (text.size() - *pos < static_cast<size_t>(count)) return false;
  int64_t value = 0;
  for (int i = 0; i < count; ++i) {
    const char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *pos += count;
  *out = value;
  return true;
}

bool Consume(absl::string_view text, size_t* pos, char expected) {
  if (*pos >= text.size() || text[*pos] != expected) return false;
  ++*pos;
  return true;
}

bool IsLeapYear(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int64_t year, int64_t month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's
// days_from_civil), valid for the non-negative years accepted here.
int64_t DaysFromCivil(int64_t year, int64_t month, int64_t day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = year / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

}  // namespace

absl::StatusOr<int64_t> ParseTimestamptzText(absl::string_view text) {
  size_t pos = 0;
  // The year: 4 to 6 digits, ended by '-'.
  size_t year_digits = 0;
  while (year_digits < text.size() && text[year_digits] >= '0' && text[year_digits] <= '9') {
    ++year_digits;
  }
  int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int64_t fraction_us = 0;
  bool ok = year_digits >= 4 && year_digits <= 6 &&
            ReadDigits(text, &pos, static_cast<int>(year_digits), &year) &&
            Consume(text, &pos, '-') && ReadDigits(text, &pos, 2, &month) &&
            Consume(text, &pos, '-') && ReadDigits(text, &pos, 2, &day) &&
            Consume(text, &pos, ' ') && ReadDigits(text, &pos, 2, &hour) &&
            Consume(text, &pos, ':') && ReadDigits(text, &pos, 2, &minute) &&
            Consume(text, &pos, ':') && ReadDigits(text, &pos, 2, &second);
  if (ok && Consume(text, &pos, '.')) {
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && digits < 7) {
      fraction_us = fraction_us * 10 + (text[pos] - '0');
      ++pos;
      ++digits;
    }
    ok = digits >= 1 && digits <= 6;
    for (; digits < 6; ++digits) fraction_us *= 10;
  }
  // The offset from UTC: +HH, +HH:MM or +HH:MM:SS.
  int64_t offset_sign = 0;
  int64_t offset_hours = 0, offset_minutes = 0, offset_seconds = 0;
  if (ok) {
    if (Consume(text, &pos, '+')) {
      offset_sign = 1;
    } else if (Consume(text, &pos, '-')) {
      offset_sign = -1;
    }
    ok = offset_sign != 0 && ReadDigits(text, &pos, 2, &offset_hours);
    if (ok && Consume(text, &pos, ':')) {
      ok = ReadDigits(text, &pos, 2, &offset_minutes);
      if (ok && Consume(text, &pos, ':')) ok = ReadDigits(text, &pos, 2, &offset_seconds);
    }
  }
  ok = ok && pos == text.size() && month >= 1 && month <= 12 && day >= 1 &&
       day <= DaysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59 &&
       offset_minutes <= 59 && offset_seconds <= 59;
  if (!ok) {
    return absl::InvalidArgumentError(
        absl::StrCat("malformed timestamptz \"", text.substr(0, 64), "\""));
  }
  const int64_t local_seconds =
      DaysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 + second;
  const int64_t offset = offset_sign * (offset_hours * 3600 + offset_minutes * 60 + offset_seconds);
  return (local_seconds - offset) * kMicrosPerSecond + fraction_us;
}

}  // namespace genims

// Parsing of PostgreSQL's ISO text form of a timestamptz into microseconds since the epoch.
//
// This is the form timestamptz_to_str() gives wal2json for commit times, and timestamptz_out
// prints under DateStyle=ISO:
//
//   2026-11-25 12:38:42.340143+00
//   2026-11-25 12:38:42.34+05:30       (trailing zeros of the fraction are dropped)
//   2026-11-25 12:38:42-08             (no fraction when it is zero)
//   1890-01-01 00:00:00+00:53:28       (historical offsets can carry seconds)
//
// Accepted: a year of 4 to 6 digits, month, day, hour 00-23, minute, second 00-59, an
// optional '.' with 1-6 fraction digits, and an offset +HH, +HH:MM or +HH:MM:SS (either
// sign). Not accepted: "infinity", " BC" dates, T separators, missing offsets, or anything
// after the offset. A commit time never takes those forms.
//
// Thread-safety: a pure function.
#ifndef GENIMS_DECODER_TIMESTAMPTZ_TEXT_H_
#define GENIMS_DECODER_TIMESTAMPTZ_TEXT_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace genims {

// Returns the instant as microseconds since 1970-01-01 00:00:00 UTC, or kInvalidArgument
// when `text` is not in the form above or names a date that does not exist.
absl::StatusOr<int64_t> ParseTimestamptzText(absl::string_view text);

}  // namespace genims

#endif  // GENIMS_DECODER_TIMESTAMPTZ_TEXT_H_

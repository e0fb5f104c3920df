// Lsn: a position in PostgreSQL's write-ahead log (XLogRecPtr).
//
// A strong type so that an LSN never mixes with counts, sizes or sequence numbers: no
// implicit conversion to or from integers, arithmetic only where it means something (the
// distance in bytes between two positions). Formats and parses PostgreSQL's text form
// "X/X" (high and low 32 bits in upper-case hex, as pg_lsn prints them).
//
// Several events share one LSN (a transaction's BEGIN and COMMIT carry the commit record's
// LSN; a transactional message shares the LSN of the next change), so an Lsn alone is never
// a key for an event: see checkpoint/position.h.
//
// Thread-safety: a value type; immutable operations only.
#ifndef GENIMS_CHECKPOINT_LSN_H_
#define GENIMS_CHECKPOINT_LSN_H_

#include <compare>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace genims {

class Lsn {
 public:
  // The invalid position 0/0 (InvalidXLogRecPtr).
  constexpr Lsn() = default;
  static constexpr Lsn FromRaw(uint64_t raw) { return Lsn(raw); }

  // Parses "X/X" with 1–8 hex digits on each side. Returns kInvalidArgument otherwise.
  static absl::StatusOr<Lsn> Parse(absl::string_view text);

  constexpr uint64_t raw() const { return raw_; }
  constexpr bool valid() const { return raw_ != 0; }

  // "16/B374D848", the form PostgreSQL prints and accepts.
  std::string ToString() const;

  // Bytes of WAL from `older` to this position; 0 when `older` is not older.
  constexpr uint64_t BytesSince(Lsn older) const {
    return raw_ > older.raw_ ? raw_ - older.raw_ : 0;
  }

  friend constexpr auto operator<=>(Lsn, Lsn) = default;

 private:
  constexpr explicit Lsn(uint64_t raw) : raw_(raw) {}
  uint64_t raw_ = 0;
};

}  // namespace genims

#endif  // GENIMS_CHECKPOINT_LSN_H_

// Decimal6: an exact decimal with six places, for the reporting measures.
//
// Reporting sums must equal PostgreSQL's `sum(round(x::text::numeric, 6))` digit for digit, so
// values never pass through a double: Parse() reads PostgreSQL's text form (integers,
// decimals, the exponent form floats print) and rounds it to six places half away from zero,
// as round(numeric, 6) does. The value is an integer of millionths in 128 bits: magnitudes up
// to 10^30 are exact; beyond that operations report overflow.
//
// Thread-safety: a value type.
#ifndef GENIMS_SINK_DECIMAL6_H_
#define GENIMS_SINK_DECIMAL6_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace genims {

class Decimal6 {
 public:
  constexpr Decimal6() = default;
  static constexpr Decimal6 FromInt(long long value) { return Decimal6(__int128(value) * kScale); }
  static constexpr Decimal6 FromMillionths(__int128 raw) { return Decimal6(raw); }

  // PostgreSQL's text of a number; nullopt when it is not one (NaN, Infinity, garbage) or too
  // large.
  static std::optional<Decimal6> Parse(absl::string_view text);

  // Sum, difference and product rounded to six places; nullopt on overflow.
  static std::optional<Decimal6> Add(Decimal6 a, Decimal6 b);
  static std::optional<Decimal6> Subtract(Decimal6 a, Decimal6 b);
  static std::optional<Decimal6> Multiply(Decimal6 a, Decimal6 b);

  // "-12.500000": always six places, as MariaDB prints DECIMAL(36,6).
  std::string ToString() const;

  __int128 millionths() const { return raw_; }
  bool is_zero() const { return raw_ == 0; }
  Decimal6 operator-() const { return Decimal6(-raw_); }
  friend bool operator==(Decimal6 a, Decimal6 b) { return a.raw_ == b.raw_; }

  static constexpr __int128 kScale = 1000000;
  // |value| < 10^30.
  static constexpr __int128 kLimit = __int128(1000000000000000LL) * 1000000000000000LL * kScale;

 private:
  constexpr explicit Decimal6(__int128 raw) : raw_(raw) {}
  __int128 raw_ = 0;
};

}  // namespace genims

#endif  // GENIMS_SINK_DECIMAL6_H_

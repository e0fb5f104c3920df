#include "sink/decimal6.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace genims {
namespace {

// Divides by 10^digits rounding half away from zero.
__int128 DivideRounded(__int128 value, int digits) {
  __int128 divisor = 1;
  for (int i = 0; i < digits; ++i) divisor *= 10;
  const __int128 quotient = value / divisor;
  const __int128 remainder = value % divisor;
  if (remainder * 2 >= divisor) return quotient + 1;
  if (remainder * 2 <= -divisor) return quotient - 1;
  return quotient;
}

bool InRange(__int128 raw) { return raw < Decimal6::kLimit && raw > -Decimal6::kLimit; }

}  // namespace

std::optional<Decimal6> Decimal6::Parse(absl::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  // Digits into `digits` with `scale` of them after the point; at most 40 significant.
  __int128 digits = 0;
  int scale = 0;
  int significant = 0;
  bool any = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (!absl::ascii_isdigit(c)) break;
    any = true;
    if (significant == 0 && c == '0') {
      if (point) ++scale;
      continue;
    }
    if (significant >= 38) {
      // More precision than we keep: only digits after the point may be dropped.
      if (!point) return std::nullopt;
      continue;
    }
    digits = digits * 10 + (c - '0');
    ++significant;
    if (point) ++scale;
  }
  if (!any) return std::nullopt;
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exponent_negative = text[i++] == '-';
    if (i >= text.size()) return std::nullopt;
    for (; i < text.size() && absl::ascii_isdigit(text[i]); ++i) {
      exponent = exponent * 10 + (text[i] - '0');
      if (exponent > 400) return std::nullopt;
    }
    if (exponent_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  // value = digits * 10^(exponent - scale); we want round(value * 10^6).
  const int shift = exponent - scale + 6;
  __int128 raw = digits;
  if (shift >= 0) {
    for (int k = 0; k < shift; ++k) {
      raw *= 10;
      if (!InRange(raw)) return std::nullopt;
    }
  } else if (shift < -40) {
    raw = 0;
  } else {
    raw = DivideRounded(raw, -shift);
  }
  if (!InRange(raw)) return std::nullopt;
  return Decimal6(negative ? -raw : raw);
}

std::optional<Decimal6> Decimal6::Add(Decimal6 a, Decimal6 b) {
  const __int128 raw = a.raw_ + b.raw_;
  if (!InRange(raw)) return std::nullopt;
  return Decimal6(raw);
}

std::optional<Decimal6> Decimal6::Subtract(Decimal6 a, Decimal6 b) { return Add(a, -b); }

std::optional<Decimal6> Decimal6::Multiply(Decimal6 a, Decimal6 b) {
  // Both below 10^36 in raw form; split to keep the product within 128 bits.
  const __int128 x = a.raw_ < 0 ? -a.raw_ : a.raw_;
  const __int128 y = b.raw_ < 0 ? -b.raw_ : b.raw_;
  if (x != 0 && y > (((__int128(1) << 126) - 1) / x)) return std::nullopt;
  __int128 product = DivideRounded(x * y, 6);
  if ((a.raw_ < 0) != (b.raw_ < 0)) product = -product;
  if (!InRange(product)) return std::nullopt;
  return Decimal6(product);
}

std::string Decimal6::ToString() const {
  __int128 value = raw_ < 0 ? -raw_ : raw_;
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  } while (value != 0);
  while (digits.size() < 7) digits.push_back('0');
  std::reverse(digits.begin(), digits.end());
  std::string text = raw_ < 0 ? "-" : "";
  text.append(digits, 0, digits.size() - 6);
  text.push_back('.');
  text.append(digits, digits.size() - 6, 6);
  return text;
}

}  // namespace genims

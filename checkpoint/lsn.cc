#include "checkpoint/lsn.h"

#include <cstdio>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace genims {
namespace {

// Parses 1–8 upper- or lower-case hex digits; false on anything else.
bool ParseHex32(absl::string_view digits, uint32_t* out) {
  if (digits.empty() || digits.size() > 8) return false;
  uint32_t value = 0;
  for (char c : digits) {
    uint32_t nibble;
    if (c >= '0' && c <= '9') {
      nibble = c - '0';
    } else if (c >= 'A' && c <= 'F') {
      nibble = c - 'A' + 10;
    } else if (c >= 'a' && c <= 'f') {
      nibble = c - 'a' + 10;
    } else {
      return false;
    }
    value = (value << 4) | nibble;
  }
  *out = value;
  return true;
}

}  // namespace

absl::StatusOr<Lsn> Lsn::Parse(absl::string_view text) {
  const size_t slash = text.find('/');
  uint32_t high = 0;
  uint32_t low = 0;
  if (slash == absl::string_view::npos || !ParseHex32(text.substr(0, slash), &high) ||
      !ParseHex32(text.substr(slash + 1), &low)) {
    return absl::InvalidArgumentError(absl::StrCat("malformed LSN \"", text, "\""));
  }
  return Lsn((uint64_t{high} << 32) | low);
}

std::string Lsn::ToString() const {
  char buffer[20];
  std::snprintf(buffer, sizeof(buffer), "%X/%X", static_cast<uint32_t>(raw_ >> 32),
                static_cast<uint32_t>(raw_));
  return buffer;
}

}  // namespace genims

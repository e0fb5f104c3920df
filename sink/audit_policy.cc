#include "sink/audit_policy.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "checkpoint/name_pattern.h"

namespace genims {
namespace {

// Splits `pattern` into up to `parts` dot-separated globs, right-aligned: with parts == 3,
// "salary" is ("*", "*", "salary") and "hcm.employees.salary" is all three.
std::vector<std::string> RightAligned(absl::string_view pattern, size_t parts) {
  std::vector<std::string> split = absl::StrSplit(pattern, '.');
  std::vector<std::string> aligned(parts, "*");
  const size_t given = std::min(split.size(), parts);
  for (size_t i = 0; i < given; ++i) {
    aligned[parts - given + i] = split[split.size() - given + i];
  }
  return aligned;
}

}  // namespace

AuditPolicy::AuditPolicy(AuditPolicyOptions options) : options_(std::move(options)) {
  for (const std::string& pattern : options_.sensitive_columns) {
    std::vector<std::string> parts = RightAligned(pattern, 3);
    sensitive_.push_back({parts[0], parts[1], parts[2]});
  }
  for (const std::string& pattern : options_.config_tables) {
    std::vector<std::string> parts = RightAligned(pattern, 2);
    config_.push_back({parts[0], parts[1], "*"});
  }
}

bool AuditPolicy::IsSensitive(absl::string_view schema, absl::string_view table,
                              absl::string_view column) const {
  for (const Pattern& pattern : sensitive_) {
    if (GlobMatches(pattern.column, column) && GlobMatches(pattern.table, table) &&
        GlobMatches(pattern.schema, schema)) {
      return true;
    }
  }
  return false;
}

bool AuditPolicy::IsConfigTable(absl::string_view schema, absl::string_view table) const {
  for (const Pattern& pattern : config_) {
    if (GlobMatches(pattern.table, table) && GlobMatches(pattern.schema, schema)) return true;
  }
  return false;
}

std::string AuditPolicy::Mask(absl::string_view value) {
  if (value.size() < 12) return "****";
  size_t start = value.size() - 4;
  // Never cut a UTF-8 sequence: start at the first byte of a character.
  while (start > 0 && (static_cast<unsigned char>(value[start]) & 0xC0) == 0x80) --start;
  return absl::StrCat("****", value.substr(start));
}

}  // namespace genims

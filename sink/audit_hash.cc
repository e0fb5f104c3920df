#include "sink/audit_hash.h"

#include <openssl/evp.h>

#include <cstdint>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace genims {

std::string FormatCommitTime(int64_t unix_micros) {
  // The rows of a transaction share their commit time: format each distinct one once.
  thread_local int64_t last_micros = INT64_MIN;
  thread_local std::string last_text;
  if (unix_micros != last_micros) {
    last_text = absl::FormatTime("%Y-%m-%d %H:%M:%E6S", absl::FromUnixMicros(unix_micros),
                                 absl::UTCTimeZone());
    last_micros = unix_micros;
  }
  return last_text;
}

std::string ChainHash(absl::string_view prev_hash, const CanonicalFields& fields) {
  std::string input(prev_hash);
  for (const std::optional<absl::string_view>& field : fields) {
    if (field) {
      absl::StrAppend(&input, field->size(), ":", *field);
    } else {
      input.push_back('-');
    }
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // EVP_Digest fails only on allocation failure inside OpenSSL; a zero hash would then break
  // the chain loudly at verification rather than pass silently.
  if (EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    length = 0;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(64, '0');
  for (unsigned int i = 0; i < length && i < 32; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  return hex;
}

std::string AuditRowHash(const AuditRow& row) {
  const std::string transaction_id = absl::StrCat(row.transaction_id);
  const std::string commit_lsn = absl::StrCat(row.commit_lsn.raw());
  const std::string event_seq = absl::StrCat(row.event_seq);
  const std::string commit_time = FormatCommitTime(row.commit_time_us);
  auto view = [](const std::optional<std::string>& value) -> std::optional<absl::string_view> {
    if (!value) return std::nullopt;
    return absl::string_view(*value);
  };
  const CanonicalFields fields = {row.source_db,
                                  row.source_schema,
                                  row.source_table,
                                  row.operation,
                                  view(row.primary_key),
                                  view(row.old_values),
                                  view(row.new_values),
                                  view(row.changed_columns),
                                  transaction_id,
                                  commit_lsn,
                                  event_seq,
                                  commit_time,
                                  view(row.user_id),
                                  view(row.user_source),
                                  view(row.masked_columns),
                                  view(row.lost_values)};
  return ChainHash(row.prev_hash, fields);
}

}  // namespace genims

// AuditPolicy: what the audit sink treats specially, from configuration.
//
//   sensitive columns (CDC_AUDIT_SENSITIVE_COLUMNS): patterns `column`, `table.column` or
//     `schema.table.column` with `*` (checkpoint/name_pattern.h). A change that touches one
//     goes to sensitive_change_log with masked values; with mask_changes the value is masked
//     in data_change_audit too (and the column named in masked_columns).
//   configuration tables (CDC_AUDIT_CONFIG_TABLES): `table` or `schema.table` patterns; their
//     changes also go to config_change_audit.
//   bulk_rows (CDC_AUDIT_BULK_ROWS): a transaction with at least this many row changes also
//     goes to bulk_operation_audit (every TRUNCATE does).
//
// Masking keeps nothing of a short value ("****") and the last four characters of a value of
// twelve or more (an IBAN or account number stays recognisable to its owner: "****3000").
//
// Thread-safety: immutable after construction.
#ifndef GENIMS_SINK_AUDIT_POLICY_H_
#define GENIMS_SINK_AUDIT_POLICY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace genims {

struct AuditPolicyOptions {
  std::vector<std::string> sensitive_columns = {"*salary*", "bank_account*", "national_id",
                                                "tax_id"};
  bool mask_changes = true;
  std::vector<std::string> config_tables = {"system_parameters"};
  uint64_t bulk_rows = 1000;
};

class AuditPolicy {
 public:
  explicit AuditPolicy(AuditPolicyOptions options);

  bool IsSensitive(absl::string_view schema, absl::string_view table,
                   absl::string_view column) const;
  bool IsConfigTable(absl::string_view schema, absl::string_view table) const;
  bool mask_changes() const { return options_.mask_changes; }
  uint64_t bulk_rows() const { return options_.bulk_rows; }

  static std::string Mask(absl::string_view value);

 private:
  // Each pattern split at its dots into (schema, table, column) globs, "*" where not given.
  struct Pattern {
    std::string schema;
    std::string table;
    std::string column;
  };

  AuditPolicyOptions options_;
  std::vector<Pattern> sensitive_;
  std::vector<Pattern> config_;
};

}  // namespace genims

#endif  // GENIMS_SINK_AUDIT_POLICY_H_

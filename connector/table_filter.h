// TableFilter: which tables of a source database genims-cdc captures (CDC_INCLUDE_TABLES and
// CDC_EXCLUDE_TABLES, DESIGN "Every table ... is captured unless excluded").
//
// A pattern is `schema.table`; in either part `*` stands for any run of characters (none
// included) and every other character stands for itself, case-sensitively, as PostgreSQL
// stores the names (`public.sensor_*`, `*.audit_log`, `staging.*`). A table is captured when
// no include pattern is given or one matches it, and no exclude pattern matches it.
//
// Thread-safety: immutable after construction; share freely.
#ifndef GENIMS_CONNECTOR_TABLE_FILTER_H_
#define GENIMS_CONNECTOR_TABLE_FILTER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace genims {

class TableFilter {
 public:
  // Patterns as Config validated them (each holds one '.' with text on both sides).
  TableFilter(std::vector<std::string> include, std::vector<std::string> exclude);

  bool Captures(absl::string_view schema, absl::string_view table) const;

 private:
  struct Pattern {
    std::string schema;
    std::string table;
  };
  static std::vector<Pattern> Split(const std::vector<std::string>& patterns);
  static bool AnyMatches(const std::vector<Pattern>& patterns, absl::string_view schema,
                         absl::string_view table);

  std::vector<Pattern> include_;
  std::vector<Pattern> exclude_;
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_TABLE_FILTER_H_

// Name patterns of the configuration: schema, table and column names matched against globs
// (CDC_INCLUDE_TABLES, CDC_EXCLUDE_TABLES, the audit's sensitive columns and configuration
// tables). `*` stands for any run of characters (none included); every other character stands
// for itself, case-sensitively, as PostgreSQL stores the names.
#ifndef GENIMS_CHECKPOINT_NAME_PATTERN_H_
#define GENIMS_CHECKPOINT_NAME_PATTERN_H_

#include "absl/strings/string_view.h"

namespace genims {

// True when `glob` matches all of `text`.
bool GlobMatches(absl::string_view glob, absl::string_view text);

}  // namespace genims

#endif  // GENIMS_CHECKPOINT_NAME_PATTERN_H_

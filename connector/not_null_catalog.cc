#include "connector/not_null_catalog.h"

#include "absl/strings/str_cat.h"
#include "checkpoint/status_macros.h"

namespace genims {

std::string NotNullCatalog::Key(absl::string_view schema, absl::string_view table,
                                absl::string_view column) {
  // Names cannot contain NUL, so the key is unambiguous.
  return absl::StrCat(schema, absl::string_view("\0", 1), table, absl::string_view("\0", 1),
                      column);
}

absl::Status NotNullCatalog::Load(PgConnection& connection) {
  GENIMS_ASSIGN_OR_RETURN(
      PgRows rows, connection.Query("SELECT n.nspname, c.relname, a.attname FROM pg_attribute a "
                                    "JOIN pg_class c ON c.oid = a.attrelid "
                                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                    "WHERE a.attnotnull AND a.attnum > 0 AND NOT a.attisdropped "
                                    "AND c.relkind IN ('r', 'p') "
                                    "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                                    "AND n.nspname NOT LIKE 'pg\\_toast%'"));
  not_null_.clear();
  learned_tables_.clear();
  last_schema_.clear();
  last_table_.clear();
  for (int i = 0; i < rows.size(); ++i) {
    not_null_.insert(Key(rows.Get(i, 0), rows.Get(i, 1), rows.Get(i, 2)));
  }
  return absl::OkStatus();
}

void NotNullCatalog::Apply(RowChange* change) {
  // Learn a table's NOT NULL columns from the first new row seen of it (a table created since
  // the catalog was read); consecutive changes mostly hit the same table, so the common case
  // costs two comparisons and no allocation.
  if (!change->new_columns.empty() &&
      (change->schema != last_schema_ || change->table != last_table_)) {
    last_schema_.assign(change->schema.data(), change->schema.size());
    last_table_.assign(change->table.data(), change->table.size());
    if (learned_tables_.insert(Key(change->schema, change->table, "")).second) {
      for (const ColumnValue& column : change->new_columns) {
        if (column.not_null_declared == NotNullDeclared::kYes) {
          not_null_.insert(Key(change->schema, change->table, column.name));
        }
      }
    }
  }
  for (ColumnValue& column : change->old_columns) {
    if (!column.is_null || column.special_value_lost ||
        column.not_null_declared != NotNullDeclared::kUnknown) {
      continue;
    }
    if (not_null_.count(Key(change->schema, change->table, column.name)) > 0) {
      column.not_null_declared = NotNullDeclared::kYes;
      column.special_value_lost = true;
      ++change->lost_special_values;
    }
  }
}

}  // namespace genims

#include "connector/not_null_catalog.h"

#include "gtest/gtest.h"

namespace genims {
namespace {

ColumnValue Value(absl::string_view name, NotNullDeclared declared) {
  return ColumnValue{name, "", 0, "1", false, declared, false};
}

ColumnValue Null(absl::string_view name) {
  return ColumnValue{name, "", 0, "", true, NotNullDeclared::kUnknown, false};
}

TEST(NotNullCatalogTest, DeleteOfANotNullColumnLearnedFromTheStreamIsFlagged) {
  NotNullCatalog catalog;
  RowChange insert;
  insert.op = ChangeOp::kInsert;
  insert.schema = "public";
  insert.table = "readings";
  insert.new_columns = {Value("id", NotNullDeclared::kYes), Value("value", NotNullDeclared::kYes),
                        Value("note", NotNullDeclared::kNo)};
  catalog.Apply(&insert);
  EXPECT_EQ(catalog.size(), 2u);

  RowChange deleted;
  deleted.op = ChangeOp::kDelete;
  deleted.schema = "public";
  deleted.table = "readings";
  deleted.old_columns = {Value("id", NotNullDeclared::kUnknown), Null("value"), Null("note")};
  catalog.Apply(&deleted);
  EXPECT_TRUE(deleted.old_columns[1].special_value_lost);   // NaN that arrived as null.
  EXPECT_FALSE(deleted.old_columns[2].special_value_lost);  // A real NULL.
  EXPECT_EQ(deleted.lost_special_values, 1);

  RowChange other_table = deleted;
  other_table.table = "other";
  other_table.old_columns = {Null("value")};
  other_table.lost_special_values = 0;
  catalog.Apply(&other_table);
  EXPECT_FALSE(other_table.old_columns[0].special_value_lost);
}

}  // namespace
}  // namespace genims

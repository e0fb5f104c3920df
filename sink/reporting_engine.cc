#include "sink/reporting_engine.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "checkpoint/status_macros.h"

namespace genims {
namespace {

const std::string kSeparator(1, '\0');

std::string TableKey(absl::string_view database, absl::string_view schema,
                     absl::string_view table) {
  return absl::StrCat(database, kSeparator, schema, kSeparator, table);
}

std::string DimensionStateKey(const std::string& report, size_t lookup, absl::string_view key) {
  return absl::StrCat("RD", report, kSeparator, lookup, kSeparator, key);
}

std::string IndexPrefix(const std::string& report, size_t lookup, absl::string_view key) {
  return absl::StrCat("RX", report, kSeparator, lookup, kSeparator, key, kSeparator);
}

const ColumnValue* FindColumn(const std::vector<ColumnValue>& columns, absl::string_view name) {
  for (const ColumnValue& column : columns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

std::optional<std::string> Text(const ColumnValue& column) {
  if (column.is_null) return std::nullopt;
  return std::string(column.value);
}

}  // namespace

std::string FactStateKey(const std::string& report, const std::string& fact_key) {
  return absl::StrCat("RF", report, kSeparator, fact_key);
}

std::string EncodeValues(const Values& values) {
  std::string encoded;
  for (const std::optional<std::string>& value : values) {
    if (!value) {
      encoded.push_back('N');
      continue;
    }
    encoded.push_back('V');
    uint64_t length = value->size();
    do {  // Varint.
      encoded.push_back(static_cast<char>((length & 0x7F) | (length > 0x7F ? 0x80 : 0)));
      length >>= 7;
    } while (length != 0);
    encoded.append(*value);
  }
  return encoded;
}

bool DecodeValues(absl::string_view encoded, Values* values) {
  values->clear();
  size_t i = 0;
  while (i < encoded.size()) {
    const char tag = encoded[i++];
    if (tag == 'N') {
      values->emplace_back();
      continue;
    }
    if (tag != 'V') return false;
    uint64_t length = 0;
    int shift = 0;
    for (;;) {
      if (i >= encoded.size() || shift > 63) return false;
      const unsigned char byte = static_cast<unsigned char>(encoded[i++]);
      length |= uint64_t(byte & 0x7F) << shift;
      shift += 7;
      if ((byte & 0x80) == 0) break;
    }
    if (length > encoded.size() - i) return false;
    values->emplace_back(std::string(encoded.substr(i, length)));
    i += length;
  }
  return true;
}

std::optional<std::string> FactKey(const std::vector<absl::string_view>& primary_key,
                                   const std::vector<ColumnValue>& columns) {
  std::string key;
  for (size_t i = 0; i < primary_key.size(); ++i) {
    const ColumnValue* column = FindColumn(columns, primary_key[i]);
    if (column == nullptr || column->is_null) return std::nullopt;
    if (i > 0) key.append(kSeparator);
    key.append(column->value.data(), column->value.size());
  }
  return key;
}

// ---- StateView ----

absl::StatusOr<std::optional<std::string>> StateView::Get(const std::string& key) {
  auto it = pending_.find(key);
  if (it != pending_.end()) return it->second;
  return spool_->GetState(key);
}

absl::Status StateView::Scan(
    const std::string& prefix,
    const std::function<void(const std::string&, const std::string&)>& visit) {
  std::map<std::string, std::string> merged;
  GENIMS_RETURN_IF_ERROR(
      spool_->ScanState(prefix, [&merged](absl::string_view key, absl::string_view value) {
        merged.emplace(std::string(key), std::string(value));
        return true;
      }));
  for (auto it = pending_.lower_bound(prefix);
       it != pending_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    if (it->second) {
      merged[it->first] = *it->second;
    } else {
      merged.erase(it->first);
    }
  }
  for (const auto& [key, value] : merged) visit(key, value);
  return absl::OkStatus();
}

// ---- ReportingEngine ----

ReportingEngine::ReportingEngine(std::vector<ReportPlan> plans) : plans_(std::move(plans)) {
  for (size_t r = 0; r < plans_.size(); ++r) {
    const ReportDefinition& definition = plans_[r].definition();
    listeners_[TableKey(definition.database, definition.schema, definition.table)].facts.push_back(
        r);
    for (size_t l = 0; l < definition.lookups.size(); ++l) {
      const ReportLookup& lookup = definition.lookups[l];
      listeners_[TableKey(lookup.database, lookup.schema, lookup.table)].dimensions.push_back(
          {r, l});
    }
  }
}

const ReportingEngine::Listeners* ReportingEngine::Find(absl::string_view database,
                                                        absl::string_view schema,
                                                        absl::string_view table) const {
  auto it = listeners_.find(TableKey(database, schema, table));
  return it == listeners_.end() ? nullptr : &it->second;
}

bool ReportingEngine::Interested(absl::string_view database, absl::string_view schema,
                                 absl::string_view table) const {
  return Find(database, schema, table) != nullptr;
}

absl::Status ReportingEngine::ApplyChange(absl::string_view database, const RowChange& change,
                                          StateView* state, ReportDeltas* deltas) {
  const Listeners* listeners = Find(database, change.schema, change.table);
  if (listeners == nullptr) return absl::OkStatus();
  for (const auto& [report, lookup] : listeners->dimensions) {
    GENIMS_RETURN_IF_ERROR(ApplyDimension(report, lookup, change, state, deltas));
  }
  for (size_t report : listeners->facts) {
    GENIMS_RETURN_IF_ERROR(ApplyFact(report, change, state, deltas));
  }
  return absl::OkStatus();
}

absl::Status ReportingEngine::LookupRows(size_t report, const Values& facts, StateView* state,
                                         std::vector<std::optional<Values>>* rows) {
  const ReportPlan& plan = plans_[report];
  rows->assign(plan.definition().lookups.size(), std::nullopt);
  for (size_t l = 0; l < rows->size(); ++l) {
    const std::optional<std::string>& key = facts[plan.lookup_fact_index(l)];
    if (!key) continue;
    GENIMS_ASSIGN_OR_RETURN(std::optional<std::string> encoded,
                            state->Get(DimensionStateKey(plan.definition().name, l, *key)));
    if (!encoded) continue;
    Values row;
    if (!DecodeValues(*encoded, &row)) return absl::DataLossError("malformed dimension state");
    (*rows)[l] = std::move(row);
  }
  return absl::OkStatus();
}

absl::Status ReportingEngine::Contribute(size_t report, const Values& facts,
                                         const std::vector<std::optional<Values>>& rows, int sign,
                                         ReportDeltas* deltas) {
  std::vector<const Values*> lookups;
  for (const std::optional<Values>& row : rows) lookups.push_back(row ? &*row : nullptr);
  absl::StatusOr<std::optional<Contribution>> contribution =
      plans_[report].Evaluate(facts, lookups);
  if (!contribution.ok()) {
    return absl::FailedPreconditionError(absl::StrCat("report ", plans_[report].definition().name,
                                                      ": ", contribution.status().message()));
  }
  if (!contribution->has_value()) return absl::OkStatus();
  std::vector<Decimal6>& sums = (*deltas)[{report, std::move((*contribution)->key)}];
  const std::vector<Decimal6>& values = (*contribution)->values;
  if (sums.empty()) sums.assign(values.size(), Decimal6());
  for (size_t i = 0; i < values.size(); ++i) {
    std::optional<Decimal6> sum = Decimal6::Add(sums[i], sign > 0 ? values[i] : -values[i]);
    if (!sum) {
      return absl::FailedPreconditionError(
          absl::StrCat("report ", plans_[report].definition().name, ": a sum overflows 10^30"));
    }
    sums[i] = *sum;
  }
  return absl::OkStatus();
}

void ReportingEngine::IndexFact(size_t report, const std::string& fact_key, const Values& facts,
                                bool add, StateView* state) {
  const ReportPlan& plan = plans_[report];
  for (size_t l = 0; l < plan.definition().lookups.size(); ++l) {
    const std::optional<std::string>& key = facts[plan.lookup_fact_index(l)];
    if (!key) continue;
    const std::string index_key =
        absl::StrCat(IndexPrefix(plan.definition().name, l, *key), fact_key);
    if (add) {
      state->Put(index_key, "");
    } else {
      state->Delete(index_key);
    }
  }
}

absl::Status ReportingEngine::ApplyFact(size_t report, const RowChange& change, StateView* state,
                                        ReportDeltas* deltas) {
  const ReportPlan& plan = plans_[report];
  const std::string& name = plan.definition().name;
  if (change.primary_key.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("report ", name, ": ", change.schema, ".", change.table,
                     " has no primary key, so its rows cannot be followed"));
  }
  std::optional<std::string> old_key;
  std::optional<std::string> new_key;
  if (change.op != ChangeOp::kDelete) new_key = FactKey(change.primary_key, change.new_columns);
  if (change.op != ChangeOp::kInsert) {
    old_key =
        change.old_columns.empty() ? new_key : FactKey(change.primary_key, change.old_columns);
  }
  std::optional<Values> old_values;
  if (old_key) {
    GENIMS_ASSIGN_OR_RETURN(std::optional<std::string> encoded,
                            state->Get(FactStateKey(name, *old_key)));
    if (encoded) {
      Values values;
      if (!DecodeValues(*encoded, &values)) return absl::DataLossError("malformed fact state");
      old_values = std::move(values);
    }
  }
  std::optional<Values> new_values;
  if (new_key) {
    Values values;
    const std::vector<std::string>& columns = plan.fact_columns();
    for (size_t i = 0; i < columns.size(); ++i) {
      if (const ColumnValue* column = FindColumn(change.new_columns, columns[i])) {
        values.push_back(Text(*column));
      } else if (old_values) {  // Unchanged TOAST: as before.
        values.push_back((*old_values)[i]);
      } else if (const ColumnValue* old_column = FindColumn(change.old_columns, columns[i])) {
        values.push_back(Text(*old_column));
      } else {
        values.emplace_back();
      }
    }
    new_values = std::move(values);
  }
  std::vector<std::optional<Values>> rows;
  if (old_values) {
    GENIMS_RETURN_IF_ERROR(LookupRows(report, *old_values, state, &rows));
    GENIMS_RETURN_IF_ERROR(Contribute(report, *old_values, rows, -1, deltas));
    IndexFact(report, *old_key, *old_values, /*add=*/false, state);
    state->Delete(FactStateKey(name, *old_key));
  }
  if (new_values) {
    GENIMS_RETURN_IF_ERROR(LookupRows(report, *new_values, state, &rows));
    GENIMS_RETURN_IF_ERROR(Contribute(report, *new_values, rows, +1, deltas));
    IndexFact(report, *new_key, *new_values, /*add=*/true, state);
    state->Put(FactStateKey(name, *new_key), EncodeValues(*new_values));
  }
  return absl::OkStatus();
}

absl::Status ReportingEngine::ApplyDimension(size_t report, size_t lookup_index,
                                             const RowChange& change, StateView* state,
                                             ReportDeltas* deltas) {
  const ReportPlan& plan = plans_[report];
  const std::string& name = plan.definition().name;
  const ReportLookup& lookup = plan.definition().lookups[lookup_index];
  std::optional<std::string> old_key;
  std::optional<std::string> new_key;
  if (change.op != ChangeOp::kInsert) {
    const ColumnValue* column = FindColumn(change.old_columns, lookup.key_column);
    if (column == nullptr) column = FindColumn(change.new_columns, lookup.key_column);
    if (column != nullptr) old_key = Text(*column);
  }
  if (change.op != ChangeOp::kDelete) {
    const ColumnValue* column = FindColumn(change.new_columns, lookup.key_column);
    if (column != nullptr) {
      new_key = Text(*column);
    } else {
      new_key = old_key;
    }
  }
  std::optional<Values> old_row;
  if (old_key) {
    GENIMS_ASSIGN_OR_RETURN(std::optional<std::string> encoded,
                            state->Get(DimensionStateKey(name, lookup_index, *old_key)));
    if (encoded) {
      Values row;
      if (!DecodeValues(*encoded, &row)) return absl::DataLossError("malformed dimension state");
      old_row = std::move(row);
    }
  }
  std::optional<Values> new_row;
  if (new_key) {
    Values row;
    for (size_t a = 0; a < lookup.attributes.size(); ++a) {
      if (const ColumnValue* column = FindColumn(change.new_columns, lookup.attributes[a])) {
        row.push_back(Text(*column));
      } else if (old_row) {
        row.push_back((*old_row)[a]);
      } else if (const ColumnValue* old_column =
                     FindColumn(change.old_columns, lookup.attributes[a])) {
        row.push_back(Text(*old_column));
      } else {
        row.emplace_back();
      }
    }
    new_row = std::move(row);
  }
  if (old_key == new_key && old_row == new_row) return absl::OkStatus();

  // The facts pointing at either key are counted again under the new rows.
  std::set<std::string> keys;
  if (old_key) keys.insert(*old_key);
  if (new_key) keys.insert(*new_key);
  std::vector<Values> facts;
  for (const std::string& key : keys) {
    const std::string prefix = IndexPrefix(name, lookup_index, key);
    std::vector<std::string> fact_keys;
    GENIMS_RETURN_IF_ERROR(
        state->Scan(prefix, [&](const std::string& index_key, const std::string&) {
          fact_keys.push_back(index_key.substr(prefix.size()));
        }));
    for (const std::string& fact_key : fact_keys) {
      GENIMS_ASSIGN_OR_RETURN(std::optional<std::string> encoded,
                              state->Get(FactStateKey(name, fact_key)));
      if (!encoded) continue;
      Values values;
      if (!DecodeValues(*encoded, &values)) return absl::DataLossError("malformed fact state");
      facts.push_back(std::move(values));
    }
  }
  std::vector<std::optional<Values>> rows;
  for (const Values& values : facts) {
    GENIMS_RETURN_IF_ERROR(LookupRows(report, values, state, &rows));
    GENIMS_RETURN_IF_ERROR(Contribute(report, values, rows, -1, deltas));
  }
  if (old_key) state->Delete(DimensionStateKey(name, lookup_index, *old_key));
  if (new_key) state->Put(DimensionStateKey(name, lookup_index, *new_key), EncodeValues(*new_row));
  for (const Values& values : facts) {
    GENIMS_RETURN_IF_ERROR(LookupRows(report, values, state, &rows));
    GENIMS_RETURN_IF_ERROR(Contribute(report, values, rows, +1, deltas));
  }
  return absl::OkStatus();
}

absl::Status ReportingEngine::ApplyTruncate(absl::string_view database, absl::string_view schema,
                                            absl::string_view table, StateView* state,
                                            ReportDeltas* deltas) {
  const Listeners* listeners = Find(database, schema, table);
  if (listeners == nullptr) return absl::OkStatus();
  for (const auto& [report, lookup_index] : listeners->dimensions) {
    // Each dimension row goes as if deleted.
    const std::string& name = plans_[report].definition().name;
    const std::string prefix = absl::StrCat("RD", name, kSeparator, lookup_index, kSeparator);
    std::vector<std::string> keys;
    GENIMS_RETURN_IF_ERROR(state->Scan(prefix, [&](const std::string& key, const std::string&) {
      keys.push_back(key.substr(prefix.size()));
    }));
    const ReportLookup& lookup = plans_[report].definition().lookups[lookup_index];
    for (const std::string& key : keys) {
      RowChange deleted;
      deleted.op = ChangeOp::kDelete;
      deleted.old_columns.push_back(
          ColumnValue{lookup.key_column, "", 0, key, false, NotNullDeclared::kYes, false});
      GENIMS_RETURN_IF_ERROR(ApplyDimension(report, lookup_index, deleted, state, deltas));
    }
  }
  for (size_t report : listeners->facts) {
    const std::string& name = plans_[report].definition().name;
    const std::string prefix = FactStateKey(name, "");
    std::vector<std::pair<std::string, Values>> facts;
    absl::Status decoded = absl::OkStatus();
    GENIMS_RETURN_IF_ERROR(
        state->Scan(prefix, [&](const std::string& key, const std::string& encoded) {
          Values values;
          if (!DecodeValues(encoded, &values))
            decoded = absl::DataLossError("malformed fact state");
          facts.emplace_back(key.substr(prefix.size()), std::move(values));
        }));
    GENIMS_RETURN_IF_ERROR(decoded);
    std::vector<std::optional<Values>> rows;
    for (const auto& [fact_key, values] : facts) {
      GENIMS_RETURN_IF_ERROR(LookupRows(report, values, state, &rows));
      GENIMS_RETURN_IF_ERROR(Contribute(report, values, rows, -1, deltas));
      IndexFact(report, fact_key, values, /*add=*/false, state);
      state->Delete(FactStateKey(name, fact_key));
    }
  }
  return absl::OkStatus();
}

absl::Status ReportingEngine::LoadDimension(size_t report, size_t lookup, const std::string& key,
                                            const Values& attributes, StateView* state) {
  state->Put(DimensionStateKey(plans_[report].definition().name, lookup, key),
             EncodeValues(attributes));
  return absl::OkStatus();
}

absl::Status ReportingEngine::LoadFact(size_t report, const std::string& fact_key,
                                       const Values& facts, StateView* state,
                                       ReportDeltas* deltas) {
  std::vector<std::optional<Values>> rows;
  GENIMS_RETURN_IF_ERROR(LookupRows(report, facts, state, &rows));
  GENIMS_RETURN_IF_ERROR(Contribute(report, facts, rows, +1, deltas));
  IndexFact(report, fact_key, facts, /*add=*/true, state);
  state->Put(FactStateKey(plans_[report].definition().name, fact_key), EncodeValues(facts));
  return absl::OkStatus();
}

}  // namespace genims

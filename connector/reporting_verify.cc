#include "connector/reporting_verify.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checkpoint/status_macros.h"
#include "connector/pg_connection.h"
#include "connector/reporting_setup.h"
#include "sink/report_sql.h"
#include "sink/reporting_store.h"

namespace genims {
namespace {

constexpr int kShownDifferences = 5;

using Groups = std::map<std::vector<std::string>, std::vector<Decimal6>>;

// Read-only queries go to the replica when one is configured (DESIGN).
absl::StatusOr<std::unique_ptr<PgConnection>> ConnectForReading(const Config& config,
                                                                const std::string& database) {
  if (config.replica) {
    return PgConnection::Connect(*config.replica, "", database, ConnectionKind::kNormal);
  }
  return PgConnection::Connect(config.primary, config.pg_socket_dir, database,
                               ConnectionKind::kNormal);
}

std::optional<std::string> Cell(const PgRows& rows, int row, int column) {
  if (rows.IsNull(row, column)) return std::nullopt;
  return std::string(rows.Get(row, column));
}

// The recompute of one report: groups keyed as the table keys them.
absl::StatusOr<Groups> Recompute(const Config& config, const ReportPlan& plan) {
  const ReportDefinition& definition = plan.definition();
  // Each lookup's dimension rows, by key.
  std::vector<std::map<std::string, Values>> dimensions(definition.lookups.size());
  for (size_t l = 0; l < definition.lookups.size(); ++l) {
    const ReportLookup& lookup = definition.lookups[l];
    GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> connection,
                            ConnectForReading(config, lookup.database));
    GENIMS_ASSIGN_OR_RETURN(PgRows rows, connection->Query(LookupSql(lookup)));
    for (int i = 0; i < rows.size(); ++i) {
      if (rows.IsNull(i, 0)) continue;
      Values attributes;
      for (size_t a = 0; a < lookup.attributes.size(); ++a) {
        attributes.push_back(Cell(rows, i, static_cast<int>(a + 1)));
      }
      dimensions[l][std::string(rows.Get(i, 0))] = std::move(attributes);
    }
  }
  GENIMS_ASSIGN_OR_RETURN(std::unique_ptr<PgConnection> connection,
                          ConnectForReading(config, definition.database));
  GENIMS_ASSIGN_OR_RETURN(PgRows rows, connection->Query(RecomputeSql(definition)));
  // Result columns: fact keys, lookup fact columns, fact_count, measures.
  int fact_keys = 0;
  for (const ReportKey& key : definition.keys) fact_keys += key.expr.a.lookup.empty() ? 1 : 0;
  const int lookups = static_cast<int>(definition.lookups.size());
  Groups groups;
  for (int i = 0; i < rows.size(); ++i) {
    std::vector<const Values*> rows_of_lookups(definition.lookups.size(), nullptr);
    for (int l = 0; l < lookups; ++l) {
      std::optional<std::string> key = Cell(rows, i, fact_keys + l);
      if (!key) continue;
      auto found = dimensions[l].find(*key);
      if (found != dimensions[l].end()) rows_of_lookups[l] = &found->second;
    }
    auto attribute = [&](const ColumnRef& ref) -> std::optional<std::string> {
      for (int l = 0; l < lookups; ++l) {
        const ReportLookup& lookup = definition.lookups[l];
        if (lookup.alias != ref.lookup) continue;
        if (rows_of_lookups[l] == nullptr) return std::nullopt;
        for (size_t a = 0; a < lookup.attributes.size(); ++a) {
          if (lookup.attributes[a] == ref.column) return (*rows_of_lookups[l])[a];
        }
      }
      return std::nullopt;
    };
    bool counts = true;
    for (const ReportCondition& condition : definition.conditions) {
      if (!condition.column.lookup.empty()) {
        counts = counts && ConditionHolds(condition, attribute(condition.column));
      }
    }
    if (!counts) continue;
    std::vector<std::string> key;
    int column = 0;
    for (const ReportKey& report_key : definition.keys) {
      if (report_key.expr.a.lookup.empty()) {
        // Computed by the query already (day(), month(), year(), left()).
        std::optional<std::string> value = Cell(rows, i, column++);
        key.push_back(value ? *value : NullKeyValue(report_key.type));
      } else {
        key.push_back(KeyText(report_key, attribute(report_key.expr.a)));
      }
    }
    std::vector<Decimal6>& sums = groups[key];
    const int first_value = fact_keys + lookups;
    const int values = rows.columns() - first_value;
    if (sums.empty()) sums.assign(values, Decimal6());
    for (int v = 0; v < values; ++v) {
      std::optional<Decimal6> value = Decimal6::Parse(rows.Get(i, first_value + v));
      std::optional<Decimal6> sum = value ? Decimal6::Add(sums[v], *value) : std::nullopt;
      if (!sum) {
        return absl::InternalError(absl::StrCat(definition.name, ": recompute value \"",
                                                rows.Get(i, first_value + v),
                                                "\" is not a number"));
      }
      sums[v] = *sum;
    }
  }
  return groups;
}

}  // namespace

absl::Status VerifyReporting(const Config& config, std::FILE* out) {
  if (!config.reporting) {
    return absl::FailedPreconditionError("verify reporting: MYSQL_REPORTING_HOST is not set");
  }
  GENIMS_ASSIGN_OR_RETURN(std::vector<ReportPlan> plans, ActiveReportPlans(config));
  ReportingStore store(ReportingTarget(config), &plans);
  uint64_t total_differences = 0;
  for (const ReportPlan& plan : plans) {
    GENIMS_ASSIGN_OR_RETURN(Groups expected, Recompute(config, plan));
    GENIMS_ASSIGN_OR_RETURN(std::vector<MySqlRow> table, store.ReadTable(plan));
    const size_t keys = plan.definition().keys.size();
    Groups actual;
    for (const MySqlRow& row : table) {
      std::vector<std::string> key;
      for (size_t k = 0; k < keys; ++k) key.push_back(row[k].value_or(""));
      std::vector<Decimal6>& values = actual[key];
      for (size_t v = keys; v < row.size(); ++v) {
        values.push_back(Decimal6::Parse(row[v].value_or("")).value_or(Decimal6()));
      }
    }
    std::vector<std::string> differences;
    auto describe = [](const std::vector<Decimal6>& values) {
      std::vector<std::string> texts;
      for (const Decimal6& value : values) texts.push_back(value.ToString());
      return absl::StrJoin(texts, " ");
    };
    for (const auto& [key, values] : expected) {
      auto found = actual.find(key);
      if (found == actual.end()) {
        differences.push_back(absl::StrCat("missing (", absl::StrJoin(key, ", "), ")"));
      } else if (!(found->second == values)) {
        differences.push_back(absl::StrCat("(", absl::StrJoin(key, ", "), ") has ",
                                           describe(found->second), ", recompute ",
                                           describe(values)));
      }
    }
    for (const auto& [key, values] : actual) {
      if (expected.find(key) == expected.end()) {
        differences.push_back(absl::StrCat("extra (", absl::StrJoin(key, ", "), ")"));
      }
    }
    total_differences += differences.size();
    std::fprintf(out, "%-28s %8zu rows  %s\n", plan.definition().name.c_str(), table.size(),
                 differences.empty() ? "equal to the recompute"
                                     : absl::StrCat(differences.size(), " differing keys").c_str());
    for (size_t d = 0; d < differences.size() && d < kShownDifferences; ++d) {
      std::fprintf(out, "    %s\n", differences[d].c_str());
    }
  }
  std::fprintf(out, "verify reporting: %zu tables, %llu differing keys\n", plans.size(),
               static_cast<unsigned long long>(total_differences));
  std::fflush(out);
  if (total_differences > 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("verify reporting: ", total_differences, " keys differ from the recompute"));
  }
  return absl::OkStatus();
}

}  // namespace genims

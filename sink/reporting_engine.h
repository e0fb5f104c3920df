// ReportingEngine: turns row changes into signed deltas of the reporting tables, keeping the
// state that makes that exact (sql/reporting/README.md).
//
// State (in the spool's sink-state space, through a StateView overlay so that a batch sees
// its own writes):
//   RF<report>\0<fact key>                     the fact's report columns (Values)
//   RD<report>\0<lookup>\0<dimension key>      a dimension row's attributes (Values)
//   RX<report>\0<lookup>\0<dimension key>\0<fact key>   which facts point at a dimension row
// A fact change adds -old +new (old from the state, not from the stream, so REPLICA IDENTITY
// DEFAULT tables and unchanged TOAST work too). A dimension change re-counts every fact that
// points at it: -contribution with the old attributes +contribution with the new. TRUNCATE of
// a fact table removes every fact of the reports it feeds; of a dimension table, every row.
//
// Thread-safety: one thread.
#ifndef GENIMS_SINK_REPORTING_ENGINE_H_
#define GENIMS_SINK_REPORTING_ENGINE_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "checkpoint/change_event.h"
#include "checkpoint/spool.h"
#include "sink/report_plan.h"

namespace genims {

// Reads the sink state with this batch's writes on top.
class StateView {
 public:
  explicit StateView(Spool* spool) : spool_(spool) {}
  absl::StatusOr<std::optional<std::string>> Get(const std::string& key);
  void Put(const std::string& key, std::string value) { pending_[key] = std::move(value); }
  void Delete(const std::string& key) { pending_[key] = std::nullopt; }
  // Every key with `prefix`, merged with the pending writes, in key order.
  absl::Status Scan(const std::string& prefix,
                    const std::function<void(const std::string&, const std::string&)>& visit);
  const std::map<std::string, std::optional<std::string>>& pending() const { return pending_; }
  void Clear() { pending_.clear(); }

 private:
  Spool* const spool_;
  std::map<std::string, std::optional<std::string>> pending_;
};

// Deltas of one batch: (report index, group key) -> values to add (fact_count, measures).
using ReportDeltas = std::map<std::pair<size_t, std::vector<std::string>>, std::vector<Decimal6>>;

class ReportingEngine {
 public:
  explicit ReportingEngine(std::vector<ReportPlan> plans);

  const std::vector<ReportPlan>& plans() const { return plans_; }
  // Whether changes of this table feed any report (as facts or as a dimension).
  bool Interested(absl::string_view database, absl::string_view schema,
                  absl::string_view table) const;

  absl::Status ApplyChange(absl::string_view database, const RowChange& change, StateView* state,
                           ReportDeltas* deltas);
  absl::Status ApplyTruncate(absl::string_view database, absl::string_view schema,
                             absl::string_view table, StateView* state, ReportDeltas* deltas);

  // Initial load: a dimension row, then facts, as of a snapshot (no deltas: the load
  // aggregates LoadFact()'s contributions itself).
  absl::Status LoadDimension(size_t report, size_t lookup, const std::string& key,
                             const Values& attributes, StateView* state);
  absl::Status LoadFact(size_t report, const std::string& fact_key, const Values& facts,
                        StateView* state, ReportDeltas* deltas);

  // The reports whose fact table is `table`; the (report, lookup) pairs whose dimension it is.
  struct Listeners {
    std::vector<size_t> facts;
    std::vector<std::pair<size_t, size_t>> dimensions;
  };

 private:
  const Listeners* Find(absl::string_view database, absl::string_view schema,
                        absl::string_view table) const;
  absl::Status ApplyFact(size_t report, const RowChange& change, StateView* state,
                         ReportDeltas* deltas);
  absl::Status ApplyDimension(size_t report, size_t lookup, const RowChange& change,
                              StateView* state, ReportDeltas* deltas);
  // The dimension rows a fact's lookups point at (read from the state).
  absl::Status LookupRows(size_t report, const Values& facts, StateView* state,
                          std::vector<std::optional<Values>>* rows);
  // Adds `sign` x the fact's contribution under `rows` to `deltas`.
  absl::Status Contribute(size_t report, const Values& facts,
                          const std::vector<std::optional<Values>>& rows, int sign,
                          ReportDeltas* deltas);
  void IndexFact(size_t report, const std::string& fact_key, const Values& facts, bool add,
                 StateView* state);

  std::vector<ReportPlan> plans_;
  std::map<std::string, Listeners> listeners_;  // By "database\0schema\0table".
};

// State keys and values (exposed for the loader and tests).
std::string FactStateKey(const std::string& report, const std::string& fact_key);
std::string EncodeValues(const Values& values);
bool DecodeValues(absl::string_view encoded, Values* values);
// The fact key of a row: its primary key's values joined by '\0'; nullopt if one is missing.
std::optional<std::string> FactKey(const std::vector<absl::string_view>& primary_key,
                                   const std::vector<ColumnValue>& columns);

}  // namespace genims

#endif  // GENIMS_SINK_REPORTING_ENGINE_H_

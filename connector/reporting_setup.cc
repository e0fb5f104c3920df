#include "connector/reporting_setup.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "checkpoint/spool.h"
#include "checkpoint/status_macros.h"
#include "connector/log.h"
#include "connector/reporting_load.h"
#include "sink/reporting_engine.h"
#include "sink/reporting_store.h"

namespace genims {
namespace {

bool Captured(const Config& config, const std::string& database) {
  return std::find(config.databases.begin(), config.databases.end(), database) !=
         config.databases.end();
}

// views.sql next to the reports directory, if there is one.
std::string ViewsSql(const Config& config) {
  const std::filesystem::path path =
      std::filesystem::path(config.report_dir).parent_path() / "views.sql";
  std::ifstream in(path);
  if (!in) return "";
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

absl::StatusOr<std::vector<ReportPlan>> ActiveReportPlans(const Config& config,
                                                          std::vector<std::string>* inactive) {
  GENIMS_ASSIGN_OR_RETURN(std::vector<ReportDefinition> definitions,
                          LoadReports(config.report_dir));
  std::vector<ReportPlan> plans;
  for (ReportDefinition& definition : definitions) {
    bool active = Captured(config, definition.database);
    for (const ReportLookup& lookup : definition.lookups) {
      active = active && Captured(config, lookup.database);
    }
    if (!active) {
      if (inactive != nullptr) inactive->push_back(definition.name);
      continue;
    }
    GENIMS_ASSIGN_OR_RETURN(ReportPlan plan, ReportPlan::Compile(std::move(definition)));
    plans.push_back(std::move(plan));
  }
  return plans;
}

MySqlTarget ReportingTarget(const Config& config) {
  const MySqlEndpoint& reporting = *config.reporting;
  return TargetOf(reporting);
}

absl::Status SetUpReporting(const Config& config, bool rebuild, std::FILE* out) {
  if (!config.reporting) {
    std::fputs("reporting  skipped: MYSQL_REPORTING_HOST is not set\n", out);
    return absl::OkStatus();
  }
  std::vector<std::string> inactive;
  GENIMS_ASSIGN_OR_RETURN(std::vector<ReportPlan> plans, ActiveReportPlans(config, &inactive));
  ReportingStore store(ReportingTarget(config), &plans);
  std::string views_note;
  GENIMS_ASSIGN_OR_RETURN(int tables, store.InstallSchema(ViewsSql(config), &views_note));
  if (!views_note.empty()) std::fprintf(out, "reporting  %s\n", views_note.c_str());
  std::fprintf(out, "reporting  %s: %d active report tables in place%s\n",
               config.reporting->database.c_str(), tables,
               inactive.empty() ? ""
                                : absl::StrCat(", ", inactive.size(),
                                               " inactive (not all their databases are "
                                               "captured here)")
                                      .c_str());
  if (rebuild) GENIMS_RETURN_IF_ERROR(store.RequestRebuild());
  if (plans.empty()) {
    std::fputs("reporting  no report reads the databases captured here: nothing to load\n", out);
    return absl::OkStatus();
  }
  GENIMS_ASSIGN_OR_RETURN(std::optional<ReportingPosition> position, store.LoadPosition());
  std::error_code error;
  std::filesystem::create_directories(config.state_dir, error);
  absl::StatusOr<std::unique_ptr<Spool>> spool = Spool::Open(config.state_dir + "/spool");
  if (absl::IsFailedPrecondition(spool.status())) {
    std::fputs(position && !rebuild
                   ? "reporting  loaded; maintained by the running genims-cdc\n"
                   : "reporting  the running genims-cdc loads the tables from a snapshot now\n",
               out);
    return absl::OkStatus();
  }
  GENIMS_RETURN_IF_ERROR(spool.status());
  if (position && !rebuild) {
    // The tables are only as good as the state that maintains them: the same position in the
    // spool, or they are loaded again (a new state directory, a spool from elsewhere).
    GENIMS_ASSIGN_OR_RETURN(std::optional<std::string> state,
                            (*spool)->GetState(ReportingSink::kPositionKey));
    ReportingPosition state_position;
    if (state && ReportingSink::DecodePosition(*state, &state_position) &&
        state_position == *position) {
      std::fprintf(out, "reporting  loaded; maintained from %s\n",
                   position->commit_lsn.ToString().c_str());
      return absl::OkStatus();
    }
    std::fputs("reporting  the spool has no state for these tables: loading them again\n", out);
  }
  std::vector<DatabaseId> captured;
  for (const std::string& database : config.databases) {
    GENIMS_ASSIGN_OR_RETURN(DatabaseId id, (*spool)->RegisterDatabase(database));
    captured.push_back(id);
  }
  ReportingEngine engine(std::move(plans));
  ReportingStore load_store(ReportingTarget(config), &engine.plans());
  PgReportingLoader loader(&config, spool->get(), captured, [out](const std::string& line) {
    std::fprintf(out, "reporting  %s\n", line.c_str());
  });
  return loader.Load(engine, load_store);
}

}  // namespace genims

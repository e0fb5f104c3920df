// SetupReport: what `genims-cdc setup` did and found, as text and JSON (the seed's phase 5,
// "validation and report").
//
// Phases (schema, slots, reporting load) carry their duration and status; checks carry a
// verdict: ok, failed (setup exits 1) or skipped with the reason (a probe that needs the
// running daemon, a backup not configured), or informational (never fails).
//
// Thread-safety: a value type.
#ifndef GENIMS_CONNECTOR_SETUP_REPORT_H_
#define GENIMS_CONNECTOR_SETUP_REPORT_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace genims {

class SetupReport {
 public:
  enum class Verdict { kOk, kFailed, kSkipped, kInfo };

  void AddPhase(std::string name, absl::Duration duration, const absl::Status& status,
                std::string detail);
  void AddCheck(std::string name, Verdict verdict, std::string detail);

  bool failed() const;
  std::string Text() const;
  std::string Json() const;

 private:
  struct Phase {
    std::string name;
    absl::Duration duration;
    bool ok;
    std::string detail;
  };
  struct Check {
    std::string name;
    Verdict verdict;
    std::string detail;
  };
  std::vector<Phase> phases_;
  std::vector<Check> checks_;
};

}  // namespace genims

#endif  // GENIMS_CONNECTOR_SETUP_REPORT_H_

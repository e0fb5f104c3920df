#include "connector/setup_report.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "sink/json_text.h"

namespace genims {
namespace {

const char* VerdictName(SetupReport::Verdict verdict) {
  switch (verdict) {
    case SetupReport::Verdict::kOk:
      return "ok";
    case SetupReport::Verdict::kFailed:
      return "FAILED";
    case SetupReport::Verdict::kSkipped:
      return "skipped";
    case SetupReport::Verdict::kInfo:
      return "info";
  }
  return "info";
}

}  // namespace

void SetupReport::AddPhase(std::string name, absl::Duration duration, const absl::Status& status,
                           std::string detail) {
  phases_.push_back({std::move(name), duration, status.ok(),
                     status.ok() ? std::move(detail) : std::string(status.message())});
}

void SetupReport::AddCheck(std::string name, Verdict verdict, std::string detail) {
  checks_.push_back({std::move(name), verdict, std::move(detail)});
}

bool SetupReport::failed() const {
  for (const Phase& phase : phases_) {
    if (!phase.ok) return true;
  }
  for (const Check& check : checks_) {
    if (check.verdict == Verdict::kFailed) return true;
  }
  return false;
}

std::string SetupReport::Text() const {
  std::string text = "\n== setup report ==\n";
  for (const Phase& phase : phases_) {
    absl::StrAppendFormat(&text, "phase  %-10s %-6s %8.2f s  %s\n", phase.name,
                          phase.ok ? "ok" : "FAILED", absl::ToDoubleSeconds(phase.duration),
                          phase.detail);
  }
  for (const Check& check : checks_) {
    absl::StrAppendFormat(&text, "check  %-32s %-7s %s\n", check.name, VerdictName(check.verdict),
                          check.detail);
  }
  absl::StrAppend(&text, failed() ? "setup FAILED (see the lines above)\n" : "setup complete\n");
  return text;
}

std::string SetupReport::Json() const {
  std::string json = "{\"phases\":[";
  for (size_t i = 0; i < phases_.size(); ++i) {
    const Phase& phase = phases_[i];
    absl::StrAppend(&json, i ? "," : "", "{\"name\":", JsonString(phase.name),
                    ",\"status\":", phase.ok ? "\"ok\"" : "\"failed\"",
                    ",\"seconds\":", absl::StrFormat("%.3f", absl::ToDoubleSeconds(phase.duration)),
                    ",\"detail\":", JsonString(phase.detail), "}");
  }
  absl::StrAppend(&json, "],\"checks\":[");
  for (size_t i = 0; i < checks_.size(); ++i) {
    const Check& check = checks_[i];
    absl::StrAppend(&json, i ? "," : "", "{\"name\":", JsonString(check.name),
                    ",\"status\":", JsonString(VerdictName(check.verdict)),
                    ",\"detail\":", JsonString(check.detail), "}");
  }
  absl::StrAppend(&json, "],\"ok\":", failed() ? "false" : "true", "}\n");
  return json;
}

}  // namespace genims

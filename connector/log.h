// Log: one line per event on stderr, "2026-11-25T13:40:00.123Z genims-cdc: <text>".
//
// Lines are written whole (one write call), so lines from different threads never
// interleave. Callers never pass passwords (Config keeps them out of every message).
#ifndef GENIMS_CONNECTOR_LOG_H_
#define GENIMS_CONNECTOR_LOG_H_

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace genims {

void LogLine(absl::string_view text);

template <typename... Parts>
void Log(const Parts&... parts) {
  LogLine(absl::StrCat(parts...));
}

}  // namespace genims

#endif  // GENIMS_CONNECTOR_LOG_H_

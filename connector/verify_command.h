// `genims-cdc verify audit | reporting`: checks what the sinks wrote (DESIGN "Command line").
//
// audit: every source database's hash chain and positions (sink/audit_verifier.h), a line per
// database; returns kFailedPrecondition naming how many chains are broken (exit 1), or the
// connection's error. reporting: not provided yet (kUnimplemented).
#ifndef GENIMS_CONNECTOR_VERIFY_COMMAND_H_
#define GENIMS_CONNECTOR_VERIFY_COMMAND_H_

#include <cstdio>
#include <string>

#include "absl/status/status.h"
#include "connector/config.h"

namespace genims {

absl::Status RunVerify(const Config& config, const std::string& what, std::FILE* out);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_VERIFY_COMMAND_H_

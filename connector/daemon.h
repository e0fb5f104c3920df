// RunDaemon: `genims-cdc run`.
//
// Opens the spool in CDC_STATE_DIR, starts one capture thread per configured database
// (SlotReader) and the heartbeat, and waits. SIGTERM or SIGINT: every reader syncs what it
// has, confirms it to the server, and the daemon returns OK (exit 0). A reader that meets
// an error needing an operator (gap, slot dropped, missing privilege, plugin not allowed)
// stops the whole daemon the same orderly way and its error is returned (exit 1).
#ifndef GENIMS_CONNECTOR_DAEMON_H_
#define GENIMS_CONNECTOR_DAEMON_H_

#include "absl/status/status.h"
#include "connector/config.h"

namespace genims {

absl::Status RunDaemon(const Config& config);

}  // namespace genims

#endif  // GENIMS_CONNECTOR_DAEMON_H_

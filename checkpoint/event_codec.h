// The spool's binary form of a ChangeEvent.
//
// EncodeEvent appends one event to a byte string; DecodeEvent reads it back. The format is
// private to the spool (a version byte leads, so it can change with a migration): varint
// lengths and integers, values stored as their PostgreSQL text bytes.
//
// DecodeEvent borrows: the string_views it puts into *event point into `encoded`, which must
// outlive every use of the event (see checkpoint/change_event.h for the reuse of vectors).
//
// Thread-safety: free functions without shared state.
#ifndef GENIMS_CHECKPOINT_EVENT_CODEC_H_
#define GENIMS_CHECKPOINT_EVENT_CODEC_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "checkpoint/change_event.h"

namespace genims {

// Appends the encoding of `event` (the member that event.kind names) to *out.
void EncodeEvent(const ChangeEvent& event, std::string* out);

// Decodes what EncodeEvent wrote. Returns kDataLoss if `encoded` is not a whole, valid
// encoding (a corrupt spool: halt and alert).
absl::Status DecodeEvent(absl::string_view encoded, ChangeEvent* event);

}  // namespace genims

#endif  // GENIMS_CHECKPOINT_EVENT_CODEC_H_

// Wal2JsonDecoder: wal2json format-version 2 messages → ChangeEvents.
//
// One message is the payload of one XLogData (one line of pg_recvlogical's output):
//
//   {"action":"B","xid":729,"timestamp":"2026-11-25 12:38:42.340143+00",
//    "lsn":"0/155AE08","nextlsn":"0/155AE38"}
//   {"action":"I","xid":729,...,"lsn":"0/155AD10","schema":"public","table":"t",
//    "columns":[{"name":"id","type":"integer","typeoid":23,"value":1,"optional":false}],
//    "pk":[{"name":"id","type":"integer","typeoid":23}]}
//   {"action":"C",...same keys as B...}
//
// and U (columns + identity), D (identity), T (one per truncated table), M (messages). Real
// captures of every shape are in decoder/testdata/ (see its README).
//
// Slot options the decoder relies on: format-version=2 and include-lsn=1 (every event needs
// its LSN; B and C need nextlsn). include-xids, include-timestamp, include-pk, include-types,
// include-type-oids and include-not-null are optional: what is not sent is left empty / 0 /
// unknown in the event. Keys the decoder does not know ("origin", "position", "default", ...)
// are skipped without validation. Changes and messages repeat their transaction's "xid" and
// "timestamp": their types are checked (a "null" is allowed), their values not used.
//
// Values: strings are JSON-unescaped; numbers keep their exact token text; true/false become
// "t"/"f"; bytea (type name "bytea" or OID 17) gets its "\x" back; null sets is_null, and a
// null in a column sent with "optional":false sets special_value_lost (see change_event.h).
// Under REPLICA IDENTITY FULL an UPDATE's old columns inherit not_null_declared from the
// new columns of the same name, so a lost special value is flagged on both sides.
//
// Limits of the plugin that the decoder cannot undo (see decoder/testdata/README.md):
// - With neither include-types nor include-type-oids, bytea is indistinguishable from text
//   and is left as bare hex.
// - bytea_output must be 'hex' on the replication connection; otherwise wal2json mangles bytea
//   (the decoder then rejects the non-hex value).
// - A type whose name format_type() quotes and schema-qualifies ("Odd Schema"."Mood") is
//   printed as invalid JSON, and a non-UTF-8 message content as invalid UTF-8: both are
//   rejected as malformed. Requesting include-types=0 and add-msg-prefixes avoids them.
//
// Thread-safety: not thread-safe; use one decoder per replication stream. Distinct decoders
// are independent.
#ifndef GENIMS_DECODER_WAL2JSON_DECODER_H_
#define GENIMS_DECODER_WAL2JSON_DECODER_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "checkpoint/change_event.h"
#include "checkpoint/lsn.h"

namespace genims {

class Wal2JsonDecoder {
 public:
  Wal2JsonDecoder();
  ~Wal2JsonDecoder();

  Wal2JsonDecoder(const Wal2JsonDecoder&) = delete;
  Wal2JsonDecoder& operator=(const Wal2JsonDecoder&) = delete;

  // Decodes one message into *event. `message` is only read during the call (it is copied
  // into the decoder's padded input buffer). `wal_start` is the XLogData's dataStart and is
  // used only to say where a malformed message was.
  //
  // On success, *event holds the message (event->kind says which member) and every
  // string_view in it points into buffers owned by this decoder, valid until the next Decode()
  // call or the decoder's destruction. Pass the same event on every call so its vectors'
  // capacity is reused.
  //
  // Returns kDataLoss when the message is not a well-formed wal2json v2 message: not JSON,
  // truncated, trailing bytes, invalid UTF-8, missing or unknown "action", a required key
  // missing or repeated, a key of the wrong type, a malformed LSN, timestamp, number or bytea.
  // The server sent something that cannot be interpreted, so the stream must stop without
  // confirming past this message and an operator must look ("halt and alert").
  // Returns kResourceExhausted if the parser cannot grow to the message's size.
  // After an error *event is unspecified; the decoder itself stays usable.
  absl::Status Decode(absl::string_view message, Lsn wal_start, ChangeEvent* event);

 private:
  class Parser;  // Hides simdjson from includers.
  std::unique_ptr<Parser> parser_;
};

}  // namespace genims

#endif  // GENIMS_DECODER_WAL2JSON_DECODER_H_

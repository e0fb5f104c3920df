// spool_dump: prints a spool's transactions for the integration tests, one line each:
//   <database> <commit_lsn> <row changes (I/U/D/T)> <events>
// in spool (commit) order, and checks each transaction's shape on the way: positions dense
// from 0, BEGIN first, COMMIT last with the same commit LSN. Exit 1 (with the reason on
// stderr) when the spool is malformed. Reads only below the watermark of all databases.
//
// usage: spool_dump STATE_DIR
#include <cstdio>
#include <map>
#include <string>

#include "checkpoint/event_codec.h"
#include "checkpoint/spool.h"

namespace genims {
namespace {

int Fail(const std::string& message) {
  std::fprintf(stderr, "spool_dump: %s\n", message.c_str());
  return 1;
}

int Main(int argc, char** argv) {
  if (argc != 2) return Fail("usage: spool_dump STATE_DIR");
  absl::StatusOr<std::unique_ptr<Spool>> spool =
      Spool::OpenReadOnly(std::string(argv[1]) + "/spool");
  if (!spool.ok()) return Fail(std::string(spool.status().message()));
  absl::StatusOr<std::vector<std::pair<std::string, DatabaseId>>> databases = (*spool)->Databases();
  if (!databases.ok()) return Fail(std::string(databases.status().message()));
  std::map<DatabaseId, std::string> names;
  std::vector<DatabaseId> ids;
  for (const auto& [name, id] : *databases) {
    names[id] = name;
    ids.push_back(id);
  }
  std::unique_ptr<SpoolCursor> cursor = (*spool)->Read(std::nullopt, (*spool)->Watermark(ids));
  ChangeEvent event;
  while (cursor->Valid()) {
    const EventKey first = cursor->key();
    if (first.seq != 0 || !DecodeEvent(cursor->value(), &event).ok() ||
        event.kind != EventKind::kBegin || event.begin.commit_lsn != first.commit_lsn) {
      return Fail("transaction at " + first.commit_lsn.ToString() + " does not start with BEGIN");
    }
    uint32_t expected_seq = 0;
    int row_changes = 0;
    bool committed = false;
    for (; cursor->Valid() && cursor->key().commit_lsn == first.commit_lsn &&
           cursor->key().database == first.database;
         cursor->Next()) {
      if (cursor->key().seq != expected_seq++) {
        return Fail("gap in positions of transaction " + first.commit_lsn.ToString());
      }
      if (!DecodeEvent(cursor->value(), &event).ok()) {
        return Fail("undecodable event in " + first.commit_lsn.ToString());
      }
      if (committed) return Fail("event after COMMIT in " + first.commit_lsn.ToString());
      if (event.kind == EventKind::kChange || event.kind == EventKind::kTruncate) ++row_changes;
      if (event.kind == EventKind::kCommit) {
        if (event.commit.commit_lsn != first.commit_lsn) {
          return Fail("COMMIT of another transaction in " + first.commit_lsn.ToString());
        }
        committed = true;
      }
    }
    if (!committed) return Fail("transaction " + first.commit_lsn.ToString() + " has no COMMIT");
    std::printf("%s %s %d %u\n", names[first.database].c_str(), first.commit_lsn.ToString().c_str(),
                row_changes, expected_seq);
  }
  if (!cursor->status().ok()) return Fail(std::string(cursor->status().message()));
  return 0;
}

}  // namespace
}  // namespace genims

int main(int argc, char** argv) { return genims::Main(argc, argv); }

// Early-return helpers for absl::Status / absl::StatusOr, which Abseil 20220623 lacks.
//
//   GENIMS_RETURN_IF_ERROR(spool.Append(txn));
//   GENIMS_ASSIGN_OR_RETURN(Lsn lsn, Lsn::Parse(text));
//
// Both evaluate their argument exactly once and propagate the Status unchanged, so the
// status code (and with it the retry policy, see connector/error_policy.h) survives.
#ifndef GENIMS_CHECKPOINT_STATUS_MACROS_H_
#define GENIMS_CHECKPOINT_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define GENIMS_STATUS_CONCAT_INNER_(a, b) a##b
#define GENIMS_STATUS_CONCAT_(a, b) GENIMS_STATUS_CONCAT_INNER_(a, b)

#define GENIMS_RETURN_IF_ERROR(expr)                                  \
  do {                                                                \
    if (absl::Status genims_status_ = (expr); !genims_status_.ok()) { \
      return genims_status_;                                          \
    }                                                                 \
  } while (false)

#define GENIMS_ASSIGN_OR_RETURN(lhs, expr) \
  GENIMS_ASSIGN_OR_RETURN_IMPL_(GENIMS_STATUS_CONCAT_(genims_statusor_, __LINE__), lhs, expr)

#define GENIMS_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                  \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = *std::move(statusor)

#endif  // GENIMS_CHECKPOINT_STATUS_MACROS_H_

-- genims_audit_db: the append-only audit database (MariaDB 10.11; MariaDB syntax, not tried on MySQL).
-- 30 tables in the seed's three groups: system audit (10), data change audit (9, including
-- sink_positions), compliance (11). Contract: DESIGN.md "Audit database"; notes: README.md here.
--
-- Load (idempotent; every statement may run again on a loaded database):
--   mariadb -e 'CREATE DATABASE IF NOT EXISTS genims_audit_db'
--   mariadb --database=genims_audit_db < sql/audit/genims_audit_db.sql
-- then sql/audit/grants.sql for the connector's least-privilege account.
--
-- Conventions
-- - Times are DATETIME(6) in UTC; defaults use UTC_TIMESTAMP(6), so they do not depend on the
--   session time zone. Never TIMESTAMP (2038 limit, session-time-zone conversion).
-- - JSON columns are MariaDB JSON (LONGTEXT with JSON_VALID): values keep PostgreSQL's text form.
-- - Tables that grow are partitioned by RANGE (YEAR(<time column>)), one partition a year,
--   p_before_2020 and p_future catching the rest; the retention command drops a year's
--   partitions (never while a legal hold covers them) and splits p_future ahead of time.
--   MariaDB requires the partitioning column in every PRIMARY/UNIQUE key, so these keys end
--   with the time column; that weakens none of them (see data_change_audit).
-- - No foreign keys: partitioned InnoDB tables cannot have them.
-- - Every table except sink_positions is append-only: triggers at the end of this file refuse
--   UPDATE and DELETE. State that changes (a GDPR request's status, a legal hold's release, a
--   policy's new version) is a new row, never an edit. INSERT ... ON DUPLICATE KEY UPDATE fires
--   the UPDATE trigger and fails; idempotency comes from sink_positions plus the unique keys.

SET NAMES utf8mb4;

-- =========================================================================================
-- SYSTEM AUDIT (10)
-- =========================================================================================

-- Lifecycle of the connector and other components: start, stop, slot created or dropped,
-- errors, gaps, retention runs. One row per event.
CREATE TABLE IF NOT EXISTS system_audit_log (
  event_id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  event_time      DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  component       VARCHAR(64) NOT NULL COMMENT 'genims-cdc, sink/audit, sink/reporting, retention, ...',
  instance_id     VARCHAR(128) NULL COMMENT 'host:pid or instance name',
  event_type      VARCHAR(64) NOT NULL COMMENT 'start, stop, slot_created, slot_dropped, error, gap, ...',
  severity        ENUM('DEBUG','INFO','NOTICE','WARNING','ERROR','CRITICAL') NOT NULL DEFAULT 'INFO',
  source_db       VARCHAR(64) NULL,
  message         TEXT NOT NULL,
  details         JSON NULL,
  PRIMARY KEY (event_id, event_time),
  KEY ix_system_audit_type (event_type, event_time),
  KEY ix_system_audit_db (source_db, event_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(event_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- What users did in the applications (page views, actions, exports).
CREATE TABLE IF NOT EXISTS user_activity_log (
  activity_id     BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  activity_time   DATETIME(6) NOT NULL,
  user_id         VARCHAR(128) NOT NULL,
  session_id      VARCHAR(128) NULL,
  application     VARCHAR(64) NOT NULL,
  activity_type   VARCHAR(64) NOT NULL,
  object_type     VARCHAR(64) NULL,
  object_id       VARCHAR(128) NULL,
  client_ip       VARCHAR(45) NULL,
  details         JSON NULL,
  PRIMARY KEY (activity_id, activity_time),
  KEY ix_user_activity_user (user_id, activity_time),
  KEY ix_user_activity_object (object_type, object_id, activity_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(activity_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Logins, logouts and failed attempts.
CREATE TABLE IF NOT EXISTS login_audit (
  login_id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  login_time      DATETIME(6) NOT NULL,
  user_id         VARCHAR(128) NULL COMMENT 'NULL when the account name did not resolve',
  username        VARCHAR(128) NOT NULL,
  event_type      ENUM('LOGIN','LOGOUT','LOGIN_FAILED','LOCKED','UNLOCKED','PASSWORD_CHANGED','MFA_FAILED') NOT NULL,
  auth_method     VARCHAR(32) NULL,
  client_ip       VARCHAR(45) NULL,
  user_agent      VARCHAR(512) NULL,
  failure_reason  VARCHAR(255) NULL,
  session_id      VARCHAR(128) NULL,
  PRIMARY KEY (login_id, login_time),
  KEY ix_login_user (user_id, login_time),
  KEY ix_login_username (username, login_time),
  KEY ix_login_type (event_type, login_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(login_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Calls to the applications' APIs.
CREATE TABLE IF NOT EXISTS api_audit (
  call_id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  request_time    DATETIME(6) NOT NULL,
  client_id       VARCHAR(128) NULL,
  user_id         VARCHAR(128) NULL,
  http_method     VARCHAR(10) NOT NULL,
  endpoint        VARCHAR(512) NOT NULL,
  status_code     SMALLINT UNSIGNED NOT NULL,
  duration_ms     INT UNSIGNED NULL,
  request_bytes   BIGINT UNSIGNED NULL,
  response_bytes  BIGINT UNSIGNED NULL,
  client_ip       VARCHAR(45) NULL,
  correlation_id  VARCHAR(128) NULL,
  PRIMARY KEY (call_id, request_time),
  KEY ix_api_endpoint (endpoint(191), request_time),
  KEY ix_api_user (user_id, request_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(request_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Grants and revocations of roles and permissions.
CREATE TABLE IF NOT EXISTS access_control_audit (
  change_id       BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  change_time     DATETIME(6) NOT NULL,
  changed_by      VARCHAR(128) NOT NULL,
  subject_user_id VARCHAR(128) NOT NULL,
  action          ENUM('GRANT','REVOKE','ROLE_ADDED','ROLE_REMOVED','ACCOUNT_CREATED','ACCOUNT_DISABLED','ACCOUNT_DELETED') NOT NULL,
  role_name       VARCHAR(128) NULL,
  permission      VARCHAR(255) NULL,
  resource        VARCHAR(255) NULL,
  reason          VARCHAR(512) NULL,
  PRIMARY KEY (change_id, change_time),
  KEY ix_access_subject (subject_user_id, change_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(change_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Application sessions (one row per session start or end).
CREATE TABLE IF NOT EXISTS session_audit (
  session_event_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  event_time      DATETIME(6) NOT NULL,
  session_id      VARCHAR(128) NOT NULL,
  user_id         VARCHAR(128) NOT NULL,
  event_type      ENUM('STARTED','ENDED','EXPIRED','TERMINATED') NOT NULL,
  application     VARCHAR(64) NULL,
  client_ip       VARCHAR(45) NULL,
  PRIMARY KEY (session_event_id, event_time),
  KEY ix_session_id (session_id, event_time),
  KEY ix_session_user (user_id, event_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(event_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Security events (intrusion alerts, policy violations, suspicious access).
CREATE TABLE IF NOT EXISTS security_event_log (
  security_event_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  event_time      DATETIME(6) NOT NULL,
  event_type      VARCHAR(64) NOT NULL,
  severity        ENUM('LOW','MEDIUM','HIGH','CRITICAL') NOT NULL,
  user_id         VARCHAR(128) NULL,
  client_ip       VARCHAR(45) NULL,
  description     TEXT NOT NULL,
  details         JSON NULL,
  PRIMARY KEY (security_event_id, event_time),
  KEY ix_security_type (event_type, event_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(event_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Runs of scheduled jobs (ETL, verify, retention, backups): one row per start and per end.
CREATE TABLE IF NOT EXISTS job_execution_audit (
  job_event_id    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  event_time      DATETIME(6) NOT NULL,
  job_name        VARCHAR(128) NOT NULL,
  run_id          VARCHAR(64) NOT NULL,
  status          ENUM('STARTED','SUCCEEDED','FAILED','CANCELLED') NOT NULL,
  rows_processed  BIGINT UNSIGNED NULL,
  duration_ms     BIGINT UNSIGNED NULL,
  message         TEXT NULL,
  PRIMARY KEY (job_event_id, event_time),
  KEY ix_job_run (job_name, run_id, event_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(event_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Application and integration errors worth keeping for the audit trail.
CREATE TABLE IF NOT EXISTS system_error_log (
  error_id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  error_time      DATETIME(6) NOT NULL,
  component       VARCHAR(64) NOT NULL,
  error_kind      VARCHAR(64) NOT NULL,
  source_db       VARCHAR(64) NULL,
  message         TEXT NOT NULL,
  details         JSON NULL,
  PRIMARY KEY (error_id, error_time),
  KEY ix_error_kind (component, error_kind, error_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(error_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Backups and restores of the GenIMS databases (the seed's daily mysqldump and archive path).
CREATE TABLE IF NOT EXISTS backup_audit (
  backup_event_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  event_time      DATETIME(6) NOT NULL,
  database_name   VARCHAR(64) NOT NULL,
  operation       ENUM('BACKUP','RESTORE','ARCHIVE','PURGE') NOT NULL,
  status          ENUM('STARTED','SUCCEEDED','FAILED') NOT NULL,
  location        VARCHAR(1024) NULL,
  size_bytes      BIGINT UNSIGNED NULL,
  checksum_sha256 CHAR(64) NULL,
  performed_by    VARCHAR(128) NOT NULL,
  PRIMARY KEY (backup_event_id, event_time),
  KEY ix_backup_db (database_name, event_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(event_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- =========================================================================================
-- DATA CHANGE AUDIT (9)
-- =========================================================================================

-- One row per row change captured from a source database's WAL (DESIGN.md).
-- Idempotency key: (source_db, commit_lsn, event_seq). MariaDB makes every unique key of a
-- partitioned table contain the partitioning column, so the UNIQUE key is
-- (source_db, commit_lsn, event_seq, commit_time): commit_time is the commit record's time, a
-- function of (source_db, commit_lsn), so a redelivered change carries the same commit_time
-- and the 4-column key rejects it exactly as the 3-column key would. (Corollary: the sink
-- must always take commit_time from the commit record, never from a clock.)
-- commit_lsn is BIGINT UNSIGNED (the 64-bit LSN, e.g. 0/16B3748 = 23803720): it sorts and
-- compares as a number, is 8 bytes in every index, and is what positions are compared with;
-- commit_lsn_text is PostgreSQL's X/Y text form, derived (VIRTUAL, no storage, cannot drift).
CREATE TABLE IF NOT EXISTS data_change_audit (
  audit_id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  source_db       VARCHAR(64) NOT NULL,
  source_schema   VARCHAR(64) NOT NULL,
  source_table    VARCHAR(64) NOT NULL,
  operation       ENUM('INSERT','UPDATE','DELETE','TRUNCATE') NOT NULL,
  primary_key     JSON NULL COMMENT '{"column": value}; NULL for TRUNCATE',
  old_values      JSON NULL COMMENT 'whole old row; NULL for INSERT and TRUNCATE',
  new_values      JSON NULL COMMENT 'whole new row; NULL for DELETE and TRUNCATE',
  changed_columns JSON NULL COMMENT 'array of column names, UPDATE only',
  transaction_id  BIGINT UNSIGNED NOT NULL COMMENT 'PostgreSQL xid',
  commit_lsn      BIGINT UNSIGNED NOT NULL COMMENT 'LSN of the commit record, as a number',
  commit_lsn_text VARCHAR(17) AS (CONCAT(HEX(commit_lsn >> 32), '/', HEX(commit_lsn & 0xFFFFFFFF))) VIRTUAL
                  COMMENT 'commit_lsn in PostgreSQL''s X/Y form',
  event_seq       INT UNSIGNED NOT NULL COMMENT 'position of the change in its transaction, from 1',
  commit_time     DATETIME(6) NOT NULL COMMENT 'commit time, UTC, microseconds',
  captured_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)) COMMENT 'when the connector decoded it, UTC',
  user_id         VARCHAR(128) NULL COMMENT 'NULL when unknown',
  user_source     ENUM('message','column') NULL COMMENT 'pg_logical_emit_message genims.audit, or modified_by/updated_by',
  masked_columns  JSON NULL COMMENT 'array of sensitive columns whose values are masked here',
  lost_values     JSON NULL COMMENT 'NULL, or {"old":[cols],"new":[cols]}: NOT NULL columns that arrived as null (NaN/Infinity wal2json 2.5 cannot carry)',
  row_hash        CHAR(64) NOT NULL COMMENT 'hex SHA-256(prev_hash || canonical row)',
  prev_hash       CHAR(64) NOT NULL COMMENT 'row_hash of the previous row of this source_db; 64 zeros for the first',
  PRIMARY KEY (audit_id, commit_time),
  UNIQUE KEY uk_data_change_position (source_db, commit_lsn, event_seq, commit_time),
  KEY ix_data_change_table (source_db, source_table, commit_time),
  KEY ix_data_change_user (user_id, commit_time),
  KEY ix_data_change_xid (source_db, transaction_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(commit_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Transactions over the row threshold, and every TRUNCATE (one row per transaction/TRUNCATE).
CREATE TABLE IF NOT EXISTS bulk_operation_audit (
  bulk_id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  source_db       VARCHAR(64) NOT NULL,
  transaction_id  BIGINT UNSIGNED NOT NULL,
  commit_lsn      BIGINT UNSIGNED NOT NULL,
  commit_lsn_text VARCHAR(17) AS (CONCAT(HEX(commit_lsn >> 32), '/', HEX(commit_lsn & 0xFFFFFFFF))) VIRTUAL,
  event_seq       INT UNSIGNED NOT NULL COMMENT 'first change of the operation (the TRUNCATE itself, or 1)',
  commit_time     DATETIME(6) NOT NULL,
  operation_kind  ENUM('LARGE_TRANSACTION','TRUNCATE') NOT NULL,
  tables_affected JSON NOT NULL COMMENT '{"schema.table": {"INSERT": n, "UPDATE": n, "DELETE": n}} or ["schema.table"] for TRUNCATE',
  row_count       BIGINT UNSIGNED NOT NULL,
  user_id         VARCHAR(128) NULL,
  captured_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (bulk_id, commit_time),
  UNIQUE KEY uk_bulk_position (source_db, commit_lsn, event_seq, operation_kind, commit_time),
  KEY ix_bulk_time (commit_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(commit_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Changes to columns configured as sensitive (salary, bank account, national id, ...), values
-- masked; one row per changed sensitive column.
CREATE TABLE IF NOT EXISTS sensitive_change_log (
  sensitive_id    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  source_db       VARCHAR(64) NOT NULL,
  source_schema   VARCHAR(64) NOT NULL,
  source_table    VARCHAR(64) NOT NULL,
  column_name     VARCHAR(64) NOT NULL,
  operation       ENUM('INSERT','UPDATE','DELETE') NOT NULL,
  primary_key     JSON NOT NULL,
  old_value_masked TEXT NULL,
  new_value_masked TEXT NULL,
  transaction_id  BIGINT UNSIGNED NOT NULL,
  commit_lsn      BIGINT UNSIGNED NOT NULL,
  commit_lsn_text VARCHAR(17) AS (CONCAT(HEX(commit_lsn >> 32), '/', HEX(commit_lsn & 0xFFFFFFFF))) VIRTUAL,
  event_seq       INT UNSIGNED NOT NULL,
  commit_time     DATETIME(6) NOT NULL,
  user_id         VARCHAR(128) NULL,
  captured_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (sensitive_id, commit_time),
  UNIQUE KEY uk_sensitive_position (source_db, commit_lsn, event_seq, column_name, commit_time),
  KEY ix_sensitive_table (source_db, source_table, column_name, commit_time),
  KEY ix_sensitive_user (user_id, commit_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(commit_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Changes to configuration tables of the source databases (one row per row change).
CREATE TABLE IF NOT EXISTS config_change_audit (
  config_change_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  source_db       VARCHAR(64) NOT NULL,
  source_schema   VARCHAR(64) NOT NULL,
  source_table    VARCHAR(64) NOT NULL,
  operation       ENUM('INSERT','UPDATE','DELETE','TRUNCATE') NOT NULL,
  primary_key     JSON NULL,
  old_values      JSON NULL,
  new_values      JSON NULL,
  changed_columns JSON NULL,
  transaction_id  BIGINT UNSIGNED NOT NULL,
  commit_lsn      BIGINT UNSIGNED NOT NULL,
  commit_lsn_text VARCHAR(17) AS (CONCAT(HEX(commit_lsn >> 32), '/', HEX(commit_lsn & 0xFFFFFFFF))) VIRTUAL,
  event_seq       INT UNSIGNED NOT NULL,
  commit_time     DATETIME(6) NOT NULL,
  user_id         VARCHAR(128) NULL,
  captured_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (config_change_id, commit_time),
  UNIQUE KEY uk_config_position (source_db, commit_lsn, event_seq, commit_time),
  KEY ix_config_table (source_db, source_table, commit_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(commit_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Schema changes observed on the source databases (DDL, new or dropped columns, replica
-- identity changes), as the connector detects them.
CREATE TABLE IF NOT EXISTS schema_change_audit (
  schema_change_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  detected_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  source_db       VARCHAR(64) NOT NULL,
  source_schema   VARCHAR(64) NOT NULL,
  source_table    VARCHAR(64) NOT NULL,
  change_kind     VARCHAR(64) NOT NULL COMMENT 'column_added, column_dropped, type_changed, replica_identity, ...',
  commit_lsn      BIGINT UNSIGNED NULL COMMENT 'first change seen with the new shape',
  old_definition  JSON NULL,
  new_definition  JSON NULL,
  PRIMARY KEY (schema_change_id, detected_at),
  KEY ix_schema_table (source_db, source_table, detected_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(detected_at)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- One row per delivered source transaction (its size, its user, its place in the WAL).
CREATE TABLE IF NOT EXISTS transaction_audit (
  txn_audit_id    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  source_db       VARCHAR(64) NOT NULL,
  transaction_id  BIGINT UNSIGNED NOT NULL,
  commit_lsn      BIGINT UNSIGNED NOT NULL,
  commit_lsn_text VARCHAR(17) AS (CONCAT(HEX(commit_lsn >> 32), '/', HEX(commit_lsn & 0xFFFFFFFF))) VIRTUAL,
  commit_time     DATETIME(6) NOT NULL,
  change_count    INT UNSIGNED NOT NULL,
  user_id         VARCHAR(128) NULL,
  user_source     ENUM('message','column') NULL,
  captured_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (txn_audit_id, commit_time),
  UNIQUE KEY uk_txn_position (source_db, commit_lsn, commit_time),
  KEY ix_txn_user (user_id, commit_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(commit_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Results of `genims-cdc verify audit` (chain and gap checks), per source database.
CREATE TABLE IF NOT EXISTS audit_verification_log (
  verification_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  verified_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  source_db       VARCHAR(64) NOT NULL,
  rows_checked    BIGINT UNSIGNED NOT NULL,
  last_commit_lsn BIGINT UNSIGNED NULL,
  last_event_seq  INT UNSIGNED NULL,
  last_row_hash   CHAR(64) NULL,
  result          ENUM('INTACT','BROKEN_CHAIN','GAP') NOT NULL,
  first_bad_audit_id BIGINT UNSIGNED NULL,
  message         TEXT NULL,
  PRIMARY KEY (verification_id, verified_at),
  KEY ix_verification_db (source_db, verified_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(verified_at)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Exports and reads of audit data for auditors (who took what, when).
CREATE TABLE IF NOT EXISTS data_export_audit (
  export_id       BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  export_time     DATETIME(6) NOT NULL,
  requested_by    VARCHAR(128) NOT NULL,
  purpose         VARCHAR(512) NOT NULL,
  tables_exported JSON NOT NULL,
  filter          JSON NULL,
  row_count       BIGINT UNSIGNED NULL,
  destination     VARCHAR(1024) NULL,
  checksum_sha256 CHAR(64) NULL,
  PRIMARY KEY (export_id, export_time),
  KEY ix_export_user (requested_by, export_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(export_time)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- The delivery position of each sink per source database: the last change applied, written in
-- the same MySQL transaction as the batch it ends. THE ONE TABLE THE CONNECTOR MAY UPDATE
-- (no triggers; grants.sql gives UPDATE on it alone). One row per (sink, database), never
-- deleted. last_row_hash is the head of the hash chain, so a restarted sink continues the
-- chain without scanning data_change_audit.
CREATE TABLE IF NOT EXISTS sink_positions (
  sink_name       VARCHAR(64) NOT NULL COMMENT 'audit, ...',
  source_db       VARCHAR(64) NOT NULL,
  commit_lsn      BIGINT UNSIGNED NOT NULL,
  commit_lsn_text VARCHAR(17) AS (CONCAT(HEX(commit_lsn >> 32), '/', HEX(commit_lsn & 0xFFFFFFFF))) VIRTUAL,
  event_seq       INT UNSIGNED NOT NULL COMMENT 'last applied position inside that commit',
  last_row_hash   CHAR(64) NULL,
  updated_at      DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))
                  COMMENT 'the sink sets updated_at = UTC_TIMESTAMP(6) in each UPDATE',
  PRIMARY KEY (sink_name, source_db)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- =========================================================================================
-- COMPLIANCE (11)
-- =========================================================================================

-- Measured service levels per period (replication lag, audit delivery time, ...).
CREATE TABLE IF NOT EXISTS sla_compliance (
  sla_record_id   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  period_start    DATETIME(6) NOT NULL,
  period_end      DATETIME(6) NOT NULL,
  sla_name        VARCHAR(128) NOT NULL,
  scope           VARCHAR(128) NOT NULL COMMENT 'database, sink, service',
  target_value    DECIMAL(20,6) NOT NULL,
  measured_value  DECIMAL(20,6) NOT NULL,
  unit            VARCHAR(32) NOT NULL,
  met             BOOLEAN NOT NULL,
  recorded_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  PRIMARY KEY (sla_record_id, period_start),
  UNIQUE KEY uk_sla_period (sla_name, scope, period_start),
  KEY ix_sla_met (met, period_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(period_start)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Data subject requests (access, erasure, rectification, portability); status changes are
-- rows of gdpr_request_events.
CREATE TABLE IF NOT EXISTS gdpr_requests (
  request_id      BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  received_at     DATETIME(6) NOT NULL,
  request_type    ENUM('ACCESS','ERASURE','RECTIFICATION','PORTABILITY','RESTRICTION','OBJECTION') NOT NULL,
  subject_type    VARCHAR(32) NOT NULL COMMENT 'customer, employee, supplier_contact, ...',
  subject_ref     VARCHAR(128) NOT NULL COMMENT 'pseudonymous reference, never the person''s data',
  requested_by    VARCHAR(128) NOT NULL,
  due_at          DATETIME(6) NOT NULL,
  details         JSON NULL,
  PRIMARY KEY (request_id),
  KEY ix_gdpr_subject (subject_type, subject_ref),
  KEY ix_gdpr_due (due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS gdpr_request_events (
  request_event_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  request_id      BIGINT UNSIGNED NOT NULL,
  event_time      DATETIME(6) NOT NULL,
  status          ENUM('RECEIVED','VERIFIED','IN_PROGRESS','COMPLETED','REJECTED','EXTENDED') NOT NULL,
  actor           VARCHAR(128) NOT NULL,
  note            TEXT NULL,
  PRIMARY KEY (request_event_id),
  KEY ix_gdpr_event_request (request_id, event_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Legal holds: while a hold is active (no row in legal_hold_releases), retention drops no
-- partition whose years overlap [covers_from, covers_to] of the databases/tables it names.
CREATE TABLE IF NOT EXISTS legal_holds (
  hold_id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  hold_name       VARCHAR(128) NOT NULL,
  matter_ref      VARCHAR(128) NOT NULL,
  placed_at       DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  placed_by       VARCHAR(128) NOT NULL,
  covers_from     DATETIME(6) NOT NULL,
  covers_to       DATETIME(6) NULL COMMENT 'NULL: open-ended',
  scope           JSON NOT NULL COMMENT '{"tables": ["data_change_audit", ...], "source_dbs": [...]}; empty arrays mean all',
  reason          TEXT NOT NULL,
  PRIMARY KEY (hold_id),
  UNIQUE KEY uk_legal_hold_name (hold_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS legal_hold_releases (
  hold_id         BIGINT UNSIGNED NOT NULL,
  released_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  released_by     VARCHAR(128) NOT NULL,
  reason          TEXT NOT NULL,
  PRIMARY KEY (hold_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Retention policy, versioned: the row with the latest effective_from for a table applies.
CREATE TABLE IF NOT EXISTS retention_policy (
  policy_id       BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  table_name      VARCHAR(64) NOT NULL,
  retention_years SMALLINT UNSIGNED NOT NULL,
  effective_from  DATETIME(6) NOT NULL,
  defined_by      VARCHAR(128) NOT NULL,
  legal_basis     VARCHAR(512) NULL,
  PRIMARY KEY (policy_id),
  UNIQUE KEY uk_retention_version (table_name, effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each partition the retention command dropped (or refused to drop because of a hold).
CREATE TABLE IF NOT EXISTS retention_executions (
  execution_id    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  executed_at     DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  table_name      VARCHAR(64) NOT NULL,
  partition_name  VARCHAR(64) NOT NULL,
  action          ENUM('DROPPED','SKIPPED_LEGAL_HOLD','SKIPPED_NOT_EXPIRED','CREATED') NOT NULL,
  rows_in_partition BIGINT UNSIGNED NULL,
  hold_id         BIGINT UNSIGNED NULL,
  executed_by     VARCHAR(128) NOT NULL,
  PRIMARY KEY (execution_id),
  KEY ix_retention_table (table_name, executed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Consent given or withdrawn by data subjects (each change a new row).
CREATE TABLE IF NOT EXISTS consent_records (
  consent_id      BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  recorded_at     DATETIME(6) NOT NULL,
  subject_type    VARCHAR(32) NOT NULL,
  subject_ref     VARCHAR(128) NOT NULL,
  purpose         VARCHAR(128) NOT NULL,
  granted         BOOLEAN NOT NULL,
  channel         VARCHAR(64) NULL,
  evidence_ref    VARCHAR(512) NULL,
  PRIMARY KEY (consent_id, recorded_at),
  KEY ix_consent_subject (subject_type, subject_ref, purpose, recorded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
PARTITION BY RANGE (YEAR(recorded_at)) (
  PARTITION p_before_2020 VALUES LESS THAN (2020),
  PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION p2022 VALUES LESS THAN (2023),
  PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION p2026 VALUES LESS THAN (2027), PARTITION p2027 VALUES LESS THAN (2028), PARTITION p2028 VALUES LESS THAN (2029),
  PARTITION p2029 VALUES LESS THAN (2030), PARTITION p2030 VALUES LESS THAN (2031), PARTITION p2031 VALUES LESS THAN (2032),
  PARTITION p2032 VALUES LESS THAN (2033), PARTITION p2033 VALUES LESS THAN (2034), PARTITION p2034 VALUES LESS THAN (2035),
  PARTITION p2035 VALUES LESS THAN (2036),
  PARTITION p_future VALUES LESS THAN MAXVALUE);

-- Outcomes of compliance checks and control tests (ISO 9001, SOX, GDPR, internal controls).
CREATE TABLE IF NOT EXISTS compliance_checks (
  check_id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  checked_at      DATETIME(6) NOT NULL,
  framework       VARCHAR(64) NOT NULL,
  control_ref     VARCHAR(128) NOT NULL,
  result          ENUM('PASS','FAIL','NOT_APPLICABLE','EXCEPTION') NOT NULL,
  checked_by      VARCHAR(128) NOT NULL,
  evidence        JSON NULL,
  notes           TEXT NULL,
  PRIMARY KEY (check_id),
  KEY ix_compliance_control (framework, control_ref, checked_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Regulatory and audit reports produced from this database.
CREATE TABLE IF NOT EXISTS regulatory_reports (
  report_id       BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  generated_at    DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
  report_type     VARCHAR(128) NOT NULL,
  period_start    DATETIME(6) NOT NULL,
  period_end      DATETIME(6) NOT NULL,
  generated_by    VARCHAR(128) NOT NULL,
  recipient       VARCHAR(255) NULL,
  location        VARCHAR(1024) NULL,
  checksum_sha256 CHAR(64) NULL,
  PRIMARY KEY (report_id),
  KEY ix_report_type (report_type, period_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Acknowledgements of policies (data handling, acceptable use) by employees and contractors.
CREATE TABLE IF NOT EXISTS policy_acknowledgements (
  acknowledgement_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  acknowledged_at DATETIME(6) NOT NULL,
  user_id         VARCHAR(128) NOT NULL,
  policy_name     VARCHAR(128) NOT NULL,
  policy_version  VARCHAR(32) NOT NULL,
  PRIMARY KEY (acknowledgement_id),
  UNIQUE KEY uk_policy_ack (user_id, policy_name, policy_version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- ---------------------------------------------------------------------------------------
-- Immutability: every table except sink_positions refuses UPDATE and DELETE, whoever asks.
-- (TRUNCATE and DROP bypass triggers: they need the DROP privilege, which the connector's
-- account does not have; see grants.sql.)
-- ---------------------------------------------------------------------------------------
DROP TRIGGER IF EXISTS system_audit_log_no_update;
CREATE TRIGGER system_audit_log_no_update BEFORE UPDATE ON system_audit_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'system_audit_log is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS system_audit_log_no_delete;
CREATE TRIGGER system_audit_log_no_delete BEFORE DELETE ON system_audit_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'system_audit_log is append-only: DELETE refused';
DROP TRIGGER IF EXISTS user_activity_log_no_update;
CREATE TRIGGER user_activity_log_no_update BEFORE UPDATE ON user_activity_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'user_activity_log is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS user_activity_log_no_delete;
CREATE TRIGGER user_activity_log_no_delete BEFORE DELETE ON user_activity_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'user_activity_log is append-only: DELETE refused';
DROP TRIGGER IF EXISTS login_audit_no_update;
CREATE TRIGGER login_audit_no_update BEFORE UPDATE ON login_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'login_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS login_audit_no_delete;
CREATE TRIGGER login_audit_no_delete BEFORE DELETE ON login_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'login_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS api_audit_no_update;
CREATE TRIGGER api_audit_no_update BEFORE UPDATE ON api_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'api_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS api_audit_no_delete;
CREATE TRIGGER api_audit_no_delete BEFORE DELETE ON api_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'api_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS access_control_audit_no_update;
CREATE TRIGGER access_control_audit_no_update BEFORE UPDATE ON access_control_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'access_control_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS access_control_audit_no_delete;
CREATE TRIGGER access_control_audit_no_delete BEFORE DELETE ON access_control_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'access_control_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS session_audit_no_update;
CREATE TRIGGER session_audit_no_update BEFORE UPDATE ON session_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'session_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS session_audit_no_delete;
CREATE TRIGGER session_audit_no_delete BEFORE DELETE ON session_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'session_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS security_event_log_no_update;
CREATE TRIGGER security_event_log_no_update BEFORE UPDATE ON security_event_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'security_event_log is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS security_event_log_no_delete;
CREATE TRIGGER security_event_log_no_delete BEFORE DELETE ON security_event_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'security_event_log is append-only: DELETE refused';
DROP TRIGGER IF EXISTS job_execution_audit_no_update;
CREATE TRIGGER job_execution_audit_no_update BEFORE UPDATE ON job_execution_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'job_execution_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS job_execution_audit_no_delete;
CREATE TRIGGER job_execution_audit_no_delete BEFORE DELETE ON job_execution_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'job_execution_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS system_error_log_no_update;
CREATE TRIGGER system_error_log_no_update BEFORE UPDATE ON system_error_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'system_error_log is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS system_error_log_no_delete;
CREATE TRIGGER system_error_log_no_delete BEFORE DELETE ON system_error_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'system_error_log is append-only: DELETE refused';
DROP TRIGGER IF EXISTS backup_audit_no_update;
CREATE TRIGGER backup_audit_no_update BEFORE UPDATE ON backup_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'backup_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS backup_audit_no_delete;
CREATE TRIGGER backup_audit_no_delete BEFORE DELETE ON backup_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'backup_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS data_change_audit_no_update;
CREATE TRIGGER data_change_audit_no_update BEFORE UPDATE ON data_change_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'data_change_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS data_change_audit_no_delete;
CREATE TRIGGER data_change_audit_no_delete BEFORE DELETE ON data_change_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'data_change_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS bulk_operation_audit_no_update;
CREATE TRIGGER bulk_operation_audit_no_update BEFORE UPDATE ON bulk_operation_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'bulk_operation_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS bulk_operation_audit_no_delete;
CREATE TRIGGER bulk_operation_audit_no_delete BEFORE DELETE ON bulk_operation_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'bulk_operation_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS sensitive_change_log_no_update;
CREATE TRIGGER sensitive_change_log_no_update BEFORE UPDATE ON sensitive_change_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'sensitive_change_log is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS sensitive_change_log_no_delete;
CREATE TRIGGER sensitive_change_log_no_delete BEFORE DELETE ON sensitive_change_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'sensitive_change_log is append-only: DELETE refused';
DROP TRIGGER IF EXISTS config_change_audit_no_update;
CREATE TRIGGER config_change_audit_no_update BEFORE UPDATE ON config_change_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'config_change_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS config_change_audit_no_delete;
CREATE TRIGGER config_change_audit_no_delete BEFORE DELETE ON config_change_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'config_change_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS schema_change_audit_no_update;
CREATE TRIGGER schema_change_audit_no_update BEFORE UPDATE ON schema_change_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'schema_change_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS schema_change_audit_no_delete;
CREATE TRIGGER schema_change_audit_no_delete BEFORE DELETE ON schema_change_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'schema_change_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS transaction_audit_no_update;
CREATE TRIGGER transaction_audit_no_update BEFORE UPDATE ON transaction_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'transaction_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS transaction_audit_no_delete;
CREATE TRIGGER transaction_audit_no_delete BEFORE DELETE ON transaction_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'transaction_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS audit_verification_log_no_update;
CREATE TRIGGER audit_verification_log_no_update BEFORE UPDATE ON audit_verification_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_verification_log is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS audit_verification_log_no_delete;
CREATE TRIGGER audit_verification_log_no_delete BEFORE DELETE ON audit_verification_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_verification_log is append-only: DELETE refused';
DROP TRIGGER IF EXISTS data_export_audit_no_update;
CREATE TRIGGER data_export_audit_no_update BEFORE UPDATE ON data_export_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'data_export_audit is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS data_export_audit_no_delete;
CREATE TRIGGER data_export_audit_no_delete BEFORE DELETE ON data_export_audit FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'data_export_audit is append-only: DELETE refused';
DROP TRIGGER IF EXISTS sla_compliance_no_update;
CREATE TRIGGER sla_compliance_no_update BEFORE UPDATE ON sla_compliance FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'sla_compliance is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS sla_compliance_no_delete;
CREATE TRIGGER sla_compliance_no_delete BEFORE DELETE ON sla_compliance FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'sla_compliance is append-only: DELETE refused';
DROP TRIGGER IF EXISTS gdpr_requests_no_update;
CREATE TRIGGER gdpr_requests_no_update BEFORE UPDATE ON gdpr_requests FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'gdpr_requests is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS gdpr_requests_no_delete;
CREATE TRIGGER gdpr_requests_no_delete BEFORE DELETE ON gdpr_requests FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'gdpr_requests is append-only: DELETE refused';
DROP TRIGGER IF EXISTS gdpr_request_events_no_update;
CREATE TRIGGER gdpr_request_events_no_update BEFORE UPDATE ON gdpr_request_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'gdpr_request_events is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS gdpr_request_events_no_delete;
CREATE TRIGGER gdpr_request_events_no_delete BEFORE DELETE ON gdpr_request_events FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'gdpr_request_events is append-only: DELETE refused';
DROP TRIGGER IF EXISTS legal_holds_no_update;
CREATE TRIGGER legal_holds_no_update BEFORE UPDATE ON legal_holds FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'legal_holds is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS legal_holds_no_delete;
CREATE TRIGGER legal_holds_no_delete BEFORE DELETE ON legal_holds FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'legal_holds is append-only: DELETE refused';
DROP TRIGGER IF EXISTS legal_hold_releases_no_update;
CREATE TRIGGER legal_hold_releases_no_update BEFORE UPDATE ON legal_hold_releases FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'legal_hold_releases is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS legal_hold_releases_no_delete;
CREATE TRIGGER legal_hold_releases_no_delete BEFORE DELETE ON legal_hold_releases FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'legal_hold_releases is append-only: DELETE refused';
DROP TRIGGER IF EXISTS retention_policy_no_update;
CREATE TRIGGER retention_policy_no_update BEFORE UPDATE ON retention_policy FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retention_policy is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS retention_policy_no_delete;
CREATE TRIGGER retention_policy_no_delete BEFORE DELETE ON retention_policy FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retention_policy is append-only: DELETE refused';
DROP TRIGGER IF EXISTS retention_executions_no_update;
CREATE TRIGGER retention_executions_no_update BEFORE UPDATE ON retention_executions FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retention_executions is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS retention_executions_no_delete;
CREATE TRIGGER retention_executions_no_delete BEFORE DELETE ON retention_executions FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'retention_executions is append-only: DELETE refused';
DROP TRIGGER IF EXISTS consent_records_no_update;
CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_records is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS consent_records_no_delete;
CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_records is append-only: DELETE refused';
DROP TRIGGER IF EXISTS compliance_checks_no_update;
CREATE TRIGGER compliance_checks_no_update BEFORE UPDATE ON compliance_checks FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'compliance_checks is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS compliance_checks_no_delete;
CREATE TRIGGER compliance_checks_no_delete BEFORE DELETE ON compliance_checks FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'compliance_checks is append-only: DELETE refused';
DROP TRIGGER IF EXISTS regulatory_reports_no_update;
CREATE TRIGGER regulatory_reports_no_update BEFORE UPDATE ON regulatory_reports FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'regulatory_reports is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS regulatory_reports_no_delete;
CREATE TRIGGER regulatory_reports_no_delete BEFORE DELETE ON regulatory_reports FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'regulatory_reports is append-only: DELETE refused';
DROP TRIGGER IF EXISTS policy_acknowledgements_no_update;
CREATE TRIGGER policy_acknowledgements_no_update BEFORE UPDATE ON policy_acknowledgements FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_acknowledgements is append-only: UPDATE refused';
DROP TRIGGER IF EXISTS policy_acknowledgements_no_delete;
CREATE TRIGGER policy_acknowledgements_no_delete BEFORE DELETE ON policy_acknowledgements FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_acknowledgements is append-only: DELETE refused';

-- The connector's least-privilege account on the audit database (MariaDB 10.11; MariaDB syntax, not tried on MySQL).
--
--   INSERT, SELECT  on every table of the database it is run in (DATABASE());
--   UPDATE          on sink_positions only (the sink's delivery position);
--   nothing else: no DELETE, no DROP (so no TRUNCATE and no DROP/ALTER PARTITION), no ALTER,
--   no TRIGGER (it cannot drop the append-only triggers), no GRANT OPTION.
-- Idempotent: creates the account if missing, sets its password, revokes whatever else it
-- holds, then grants exactly the above. Run it as an administrator, in the audit database,
-- with the password (and optionally the account) in user variables:
--
--   mariadb --database=genims_audit_db -e "
--     SET @cdc_audit_password = '<password>';      -- required
--     SET @cdc_audit_user = 'genims_cdc_audit';    -- optional, this is the default
--     SET @cdc_audit_host = '127.0.0.1';           -- optional, this is the default
--     source sql/audit/grants.sql"
--
-- Equivalent static statements, for the default account in genims_audit_db:
--   CREATE USER IF NOT EXISTS 'genims_cdc_audit'@'127.0.0.1' IDENTIFIED BY '<password>';
--   REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'genims_cdc_audit'@'127.0.0.1';
--   GRANT SELECT, INSERT ON genims_audit_db.* TO 'genims_cdc_audit'@'127.0.0.1';
--   GRANT UPDATE ON genims_audit_db.sink_positions TO 'genims_cdc_audit'@'127.0.0.1';
--
-- The append-only triggers run with their DEFINER's rights (the administrator who loaded
-- genims_audit_db.sql): keep that account, or UPDATE and DELETE fail with "definer does not
-- exist" instead of the append-only message (still refused).

DELIMITER //
BEGIN NOT ATOMIC
  IF DATABASE() IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'grants.sql: run it in the audit database (mariadb --database=...)';
  END IF;
  IF @cdc_audit_password IS NULL OR @cdc_audit_password = '' THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'grants.sql: SET @cdc_audit_password first';
  END IF;
END//
DELIMITER ;

SET @cdc_audit_account = CONCAT(QUOTE(COALESCE(@cdc_audit_user, 'genims_cdc_audit')), '@',
                                QUOTE(COALESCE(@cdc_audit_host, '127.0.0.1')));
SET @cdc_audit_db = CONCAT('`', REPLACE(DATABASE(), '`', '``'), '`');

SET @cdc_audit_sql = CONCAT('CREATE USER IF NOT EXISTS ', @cdc_audit_account,
                            ' IDENTIFIED BY ', QUOTE(@cdc_audit_password));
PREPARE cdc_audit_stmt FROM @cdc_audit_sql;
EXECUTE cdc_audit_stmt;
SET @cdc_audit_sql = CONCAT('ALTER USER ', @cdc_audit_account, ' IDENTIFIED BY ', QUOTE(@cdc_audit_password));
PREPARE cdc_audit_stmt FROM @cdc_audit_sql;
EXECUTE cdc_audit_stmt;
SET @cdc_audit_sql = CONCAT('REVOKE ALL PRIVILEGES, GRANT OPTION FROM ', @cdc_audit_account);
PREPARE cdc_audit_stmt FROM @cdc_audit_sql;
EXECUTE cdc_audit_stmt;
SET @cdc_audit_sql = CONCAT('GRANT SELECT, INSERT ON ', @cdc_audit_db, '.* TO ', @cdc_audit_account);
PREPARE cdc_audit_stmt FROM @cdc_audit_sql;
EXECUTE cdc_audit_stmt;
SET @cdc_audit_sql = CONCAT('GRANT UPDATE ON ', @cdc_audit_db, '.`sink_positions` TO ', @cdc_audit_account);
PREPARE cdc_audit_stmt FROM @cdc_audit_sql;
EXECUTE cdc_audit_stmt;
DEALLOCATE PREPARE cdc_audit_stmt;
SET @cdc_audit_sql = NULL, @cdc_audit_account = NULL, @cdc_audit_db = NULL;

-- Removes what truth.sql and cdc_types.sql installed (tests/integration/audit_sink_test.sh).
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN SELECT DISTINCT tgrelid::regclass FROM pg_trigger
           WHERE tgname IN ('A_audit_truth', 'A_audit_truth_truncate') LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS "A_audit_truth" ON %s', t);
    EXECUTE format('DROP TRIGGER IF EXISTS "A_audit_truth_truncate" ON %s', t);
  END LOOP;
END
$$;
DROP SCHEMA IF EXISTS audit_truth CASCADE;
DROP TABLE IF EXISTS public.cdc_types;

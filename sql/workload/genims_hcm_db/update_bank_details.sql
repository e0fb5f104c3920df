-- An employee changes the salary account (sensitive columns bank_account, bank_bic).
\set e random(1, :n_employees)
\set a random(10000000, 99999999)
\set b random(1000000000, 9999999999)
BEGIN;
UPDATE employee_profiles
SET bank_account = home_country || '44' || ':a' || ':b',
  bank_bic = CASE WHEN :a % 2 = 0 THEN 'DEUTDEFFXXX' ELSE 'COBADEFFXXX' END,
  updated_at = now(), modified_by = 'user' || :e
WHERE employee_id = :e;
COMMIT;

-- A supervisor removes a labour booking made by mistake (a few seconds, not yet approved).
BEGIN;
DELETE FROM labor_transactions
WHERE labor_id = (SELECT labor_id FROM labor_transactions
                  WHERE NOT approved AND hours < 0.02
                    AND labor_id > (SELECT coalesce(max(labor_id), 0) - 500 FROM labor_transactions)
                  ORDER BY labor_id DESC LIMIT 1);
COMMIT;

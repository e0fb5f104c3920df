-- A controller drafts a manual reclassification between two expense accounts of a cost center.
\set cc random(1, 6 * :n_factories + 6)
\set amount random(100, 25000)
\set who random(1, :n_employees)
\set pair random(1, 3)
BEGIN;
SELECT nextval(pg_get_serial_sequence('journal_entries', 'journal_entry_id')) AS je_id \gset
INSERT INTO journal_entries (journal_entry_id, entry_number, ledger_id, fiscal_period_id,
                             posting_date, source_type, source_document, description, status,
                             total_debit, total_credit, batch_id, created_at, updated_at,
                             modified_by)
SELECT :je_id, 'JE-' || to_char(current_date, 'YYYY') || '-' || lpad(:je_id::text, 7, '0'), 3,
       coalesce((SELECT fiscal_period_id FROM fiscal_periods
                 WHERE current_date BETWEEN start_date AND end_date),
                (SELECT max(fiscal_period_id) FROM fiscal_periods)),
       current_date, 'manual', 'MJ-' || :je_id, 'Reclassification of misposted expense', 'draft',
       :amount, :amount, md5('manual|' || :je_id)::uuid, now(), now(), 'user' || :who;
INSERT INTO journal_lines (journal_entry_id, line_number, gl_account_id, cost_center_id, debit,
                           credit, description, created_at, updated_at, modified_by)
SELECT :je_id, x.line_no, a.gl_account_id, cc.cost_center_id, x.dr, x.cr, 'Reclass ' || a.name,
       now(), now(), 'user' || :who
FROM (VALUES (1, (ARRAY['6200', '6100', '6700'])[:pair], :amount, 0),
             (2, (ARRAY['6300', '6200', '6600'])[:pair], 0, :amount)) x(line_no, acct, dr, cr)
JOIN gl_accounts a ON a.account_number = x.acct
JOIN cost_centers cc ON cc.cost_center_id = :cc;
COMMIT;

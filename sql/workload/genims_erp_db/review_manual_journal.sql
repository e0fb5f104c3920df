-- Review of the oldest draft manual journal: half are posted, the rest are rejected and
-- deleted.
\set verdict random(1, 2)
\set who random(1, :n_employees)
BEGIN;
SELECT coalesce(min(journal_entry_id), 0) AS je_id FROM journal_entries WHERE status = 'draft' \gset
\if :verdict = 1
DELETE FROM journal_lines WHERE journal_entry_id = :je_id;
DELETE FROM journal_entries WHERE journal_entry_id = :je_id AND status = 'draft';
\else
UPDATE journal_entries
SET status = 'posted', posted_at = now(), updated_at = now(), modified_by = 'user' || :who
WHERE journal_entry_id = :je_id;
\endif
COMMIT;

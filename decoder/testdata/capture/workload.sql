-- 1: every type edge, values
INSERT INTO edge_full VALUES (
  1,
  E'quote " backslash \\ newline \n tab \t cr \r bell \x07 esc \x1b unicode é 中文 emoji 😀 \x7f',
  'short', 'ab',
  12345678901234567890123456789012345678901234567890.12345678901234567890, 12.50, 12.50,
  1.5, 3.25, 1e-300, -0,
  -32768, 9223372036854775807, 4294967295,
  true, '\x00ff10'::bytea, '{"a": 1, "b": [true, null], "s": "q\"uote"}', '{"keep":   "spacing"}',
  ARRAY['a b', 'c"d', NULL, 'e\f', ''], ARRAY[1,2,3],
  '2026-03-03 23:36:07.000001+00', '0044-03-15 12:00:00 BC', '0044-03-15 BC',
  '1 year 2 mons 3 days 04:05:06.7', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1234.56',
  'happy', 7.000, '192.168.0.1/24', B'101', '(1.5,-2)', '<a>&amp;</a>'
);
-- 2: specials: NaN/Infinity in nullable and NOT NULL numeric/real/double, empty bytea, empty text, false
INSERT INTO edge_full (id, t, n, n_nn, r, r_nn, d, d_nn, b, by, tstz, ts, dt, dom, arr)
VALUES (2, '', 'NaN', 'Infinity', 'NaN', '-Infinity', 'Infinity', 'NaN', false, ''::bytea,
        'infinity', '-infinity', 'infinity', 'NaN', '{}');
-- 3: all NULLs except NOT NULL columns (which get defaults)
INSERT INTO edge_full (id) VALUES (3);
-- 4: float edges
INSERT INTO edge_full (id, r, d, n, n_nn, i8) VALUES (4, 3.4028235e38, 1.7976931348623157e308, -0.0, 1e-20, -9223372036854775808);
UPDATE edge_full SET t = 'changed', n = 'NaN' WHERE id = 1;
DELETE FROM edge_full WHERE id = 2;

BEGIN;
INSERT INTO edge_default VALUES (1, 'key one', 'p', 'small');
UPDATE edge_default SET payload = 'p2' WHERE k1 = 1;
UPDATE edge_default SET k2 = 'key two' WHERE k1 = 1;
DELETE FROM edge_default WHERE k1 = 1;
COMMIT;

-- TOAST: insert 20 kB incompressible, then update another column only.
INSERT INTO toast_full SELECT 1, string_agg(md5(i::text), ''), 1 FROM generate_series(1, 640) i;
INSERT INTO toast_default SELECT 1, string_agg(md5(i::text), ''), 1 FROM generate_series(1, 640) i;
UPDATE toast_full SET other = 2 WHERE id = 1;
UPDATE toast_default SET other = 2 WHERE id = 1;
DELETE FROM toast_full WHERE id = 1;
DELETE FROM toast_default WHERE id = 1;

INSERT INTO no_pk VALUES (1, 'x');
UPDATE no_pk SET b = 'y';
DELETE FROM no_pk;

INSERT INTO "Odd Schema"."Wéird ""Table""" VALUES (1, 'v');

INSERT INTO shape (id, kept) VALUES (1, 'k');

-- Messages: transactional (shares the LSN of the next change), non-transactional, special characters.
BEGIN;
SELECT pg_logical_emit_message(true, 'genims.audit', '{"user_id":"u-42"}');
INSERT INTO trunc_a VALUES (1);
SELECT pg_logical_emit_message(false, 'genims.other', E'non-tx "quoted" \\ line\nnext é');
INSERT INTO trunc_b VALUES (1);
COMMIT;
SELECT pg_logical_emit_message(true, 'genims.heartbeat', '');

-- TRUNCATE two tables at once: one T per table, same LSN.
TRUNCATE trunc_a, trunc_b;

-- A transaction that only takes an xid: wal2json 2.5 sends nothing for it.
BEGIN; SELECT txid_current(); COMMIT;

-- The rows of public.cdc_types every database that has it starts with (one transaction):
-- ordinary values, NULLs, escapes and unicode, extremes, NaN and ±Infinity.
BEGIN;
INSERT INTO cdc_types VALUES
  (1, 42, 7, 12.50, 1.5, 3.14, 2.5, 1.25, 2.5e-10, true, 'ab', 'plain text', NULL,
   '\x00ff10', ARRAY['\x00'::bytea, '\xdeadbeef'::bytea], '{"a b","c\"d",NULL,"",ü}', '{1,-2,3}',
   '{1.5,NaN,-Infinity}', '{"a": 1, "b": [true, null, "x"], "n": 12.50}', '{ "spaced" :  1 }',
   '2026-03-03 23:36:07.000001+00', '2026-03-03', '23:59:59.999999',
   '1 year 2 mons 3 days 04:05:06.7', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '192.168.1.10/24',
   '08:00:2b:01:02:03', '(1.5,-2)', 'mixed', 'ordinary', 'dave');
INSERT INTO cdc_types (id) VALUES (2);
INSERT INTO cdc_types VALUES
  (3, -2147483648, 32767, -999999999999.99, 99999999999999999999.999999999999999999, 'NaN', 'NaN',
   'Infinity', '-Infinity', false, E'é"\\',
   E'quote '' dq " backslash \\ nl \n tab \t cr \r emoji 😀 ctrl \x01\x1f del \x7f ls \u2028 zh 中文 \\x41 \\u0041',
   NULL, '\x'::bytea, ARRAY[NULL, '\x5c'::bytea],
   ARRAY[E'back\\slash', E'new\nline', 'quote"d', '😀', NULL, 'NULL', ''], '{-2147483648,2147483647}',
   '{Infinity,-0,1e-300}',
   $j${"k\"ey": "v\\al\n", "emoji": "😀", "ctl": "\u0001", "big": 123456789012345678901234567890.123, "deep": {"x": [1, 2.50, -0]}}$j$,
   $j${"raw":  "keeps\tspacing", "dup": 1, "dup": 2, "u": "\u00e9"}$j$,
   '2026-03-03 23:36:07.000001+05:30', '0044-03-15 BC', '00:00:00', '-1 days +02:03:04.5',
   '00000000-0000-0000-0000-000000000000', '2001:db8::1/64', 'ff:ff:ff:ff:ff:ff', '(1e-300,-0)',
   E'tab\there', E'line1\nline2\r\n', E'eve "the" \\ tester');
INSERT INTO cdc_types VALUES
  (4, 2147483647, -32768, 999999999999.99, -99999999999999999999.999999999999999999, '-Infinity',
   1234567890123456789012345678901234567890.123456789, 3.4028235e38, 'NaN', NULL, '   ', '', NULL,
   '\x', '{NULL}', '{}', '{}', '{}', 'null', '""', 'infinity', 'infinity', '24:00:00',
   '-178000000 years', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '::/0', '00:00:00:00:00:00',
   '(-1.7976931348623157e308,1.7976931348623157e308)', '', '{"not": "json"}', '');
COMMIT;

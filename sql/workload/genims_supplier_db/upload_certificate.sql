-- A supplier uploads the renewal of its oldest expiring or expired certificate.
\set s random(1, :n_suppliers)
BEGIN;
SELECT coalesce(min(certification_id), 0) AS cid FROM supplier_certifications
WHERE supplier_id >= :s AND status IN ('expiring', 'expired') \gset
SELECT nextval(pg_get_serial_sequence('supplier_certifications', 'certification_id')) AS nid \gset
INSERT INTO supplier_certifications (certification_id, supplier_id, standard, certificate_number, certifying_body,
  issued_on, expires_on, status, scope, document_sha256, created_at, updated_at, modified_by)
SELECT :nid, supplier_id, standard, upper(left(replace(certifying_body, ' ', ''), 3)) || '-' || replace(standard, ' ', '')
  || '-' || lpad(':nid', 7, '0'), certifying_body, current_date, current_date + 1095, 'valid', scope,
  sha256(convert_to('ISO|' || supplier_id || '|' || :nid, 'UTF8')), now(), now(), 'sup' || lpad(supplier_id::text, 5, '0')
FROM supplier_certifications WHERE certification_id = :cid;
UPDATE supplier_certifications SET status = 'expired', updated_at = now(), modified_by = 'cert_monitor'
WHERE certification_id = :cid AND status = 'expiring';
COMMIT;

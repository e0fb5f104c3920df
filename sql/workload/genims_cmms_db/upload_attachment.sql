-- The technician on the newest running job uploads a photo (content hash only, file in blob
-- storage).
\set h random(1, 2000000000)
BEGIN;
INSERT INTO wo_attachments (work_order_id, file_name, mime_type, size_bytes, sha256, caption,
                            uploaded_by, uploaded_at, created_at, updated_at, modified_by)
SELECT w.work_order_id, 'photo_' || w.wo_number || '_' || :h || '.jpg', 'image/jpeg',
       40000 + :h % 3000000, sha256(convert_to(w.wo_number || ':' || :h, 'UTF8')),
       'Photo from the job', w.technician_id, now(), now(), now(), 'user' || w.technician_id
FROM maintenance_work_orders w
WHERE w.work_order_id = (SELECT max(work_order_id) FROM maintenance_work_orders
                         WHERE status = 'in_progress');
COMMIT;

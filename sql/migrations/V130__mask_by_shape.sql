-- Masking now goes by shape (Privacy/FoldedText.cs, Privacy/FreeTextMask.cs): the forms V081's mask missed (an NBSP,
-- em dash, dots or a slash between groups, a full-width Ｘ, an ID with a wrong check character, a number glued to
-- letters, an e-mail address) are masked in text stored before, and so are file names, which may hold a phone,
-- wherever they were recorded (load_file, load_reject, load_note, job_run errors). The migrator then rewrites the
-- database file (Warehouse/DatabaseRewrite.cs): the old values must not stay in its free blocks.
UPDATE fct_complaint SET content = mask_pii(content) WHERE content IS DISTINCT FROM mask_pii(content);
UPDATE fct_callback SET comment = mask_pii(comment) WHERE comment IS DISTINCT FROM mask_pii(comment);
UPDATE fct_video_check SET note = mask_pii(note), checker = mask_pii(checker)
WHERE note IS DISTINCT FROM mask_pii(note) OR checker IS DISTINCT FROM mask_pii(checker);
UPDATE fct_visit SET findings = mask_pii(findings), team = mask_pii(team)
WHERE findings IS DISTINCT FROM mask_pii(findings) OR team IS DISTINCT FROM mask_pii(team);
UPDATE fct_assessment_event SET note = mask_pii(note), recorder = mask_pii(recorder)
WHERE note IS DISTINCT FROM mask_pii(note) OR recorder IS DISTINCT FROM mask_pii(recorder);
UPDATE dim_center SET center_name = mask_pii(center_name), head_name = mask_pii(head_name)
WHERE center_name IS DISTINCT FROM mask_pii(center_name) OR head_name IS DISTINCT FROM mask_pii(head_name);
UPDATE dim_window SET window_name = mask_pii(window_name) WHERE window_name IS DISTINCT FROM mask_pii(window_name);
UPDATE dim_staff SET staff_name = mask_pii(staff_name) WHERE staff_name IS DISTINCT FROM mask_pii(staff_name);
UPDATE dim_item SET item_name = mask_pii(item_name) WHERE item_name IS DISTINCT FROM mask_pii(item_name);
UPDATE ref_calendar_override SET name = mask_pii(name) WHERE name IS DISTINCT FROM mask_pii(name);
UPDATE load_reject SET reason = mask_pii(reason), file_name = mask_pii(file_name)
WHERE reason IS DISTINCT FROM mask_pii(reason) OR file_name IS DISTINCT FROM mask_pii(file_name);
UPDATE load_file SET file_name = mask_pii(file_name), reason = mask_pii(reason)
WHERE file_name IS DISTINCT FROM mask_pii(file_name) OR reason IS DISTINCT FROM mask_pii(reason);
UPDATE load_note SET message = mask_pii(message) WHERE message IS DISTINCT FROM mask_pii(message);
UPDATE job_run SET error = mask_pii(error) WHERE error IS DISTINCT FROM mask_pii(error);

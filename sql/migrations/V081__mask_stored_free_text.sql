-- Free text is now de-identified on load (mask_pii, Privacy/FreeTextMask.cs, registered on every connection). This masks
-- what earlier loads stored as written: ID, phone and bank card numbers in the free-text columns and in reject reasons
-- that quoted a rejected value. Only rows whose text changes are rewritten.
UPDATE fct_complaint SET content = mask_pii(content) WHERE content IS DISTINCT FROM mask_pii(content);
UPDATE fct_callback SET comment = mask_pii(comment) WHERE comment IS DISTINCT FROM mask_pii(comment);
UPDATE fct_video_check SET note = mask_pii(note), checker = mask_pii(checker)
WHERE note IS DISTINCT FROM mask_pii(note) OR checker IS DISTINCT FROM mask_pii(checker);
UPDATE fct_visit SET findings = mask_pii(findings), team = mask_pii(team)
WHERE findings IS DISTINCT FROM mask_pii(findings) OR team IS DISTINCT FROM mask_pii(team);
UPDATE dim_center SET center_name = mask_pii(center_name), head_name = mask_pii(head_name)
WHERE center_name IS DISTINCT FROM mask_pii(center_name) OR head_name IS DISTINCT FROM mask_pii(head_name);
UPDATE dim_window SET window_name = mask_pii(window_name) WHERE window_name IS DISTINCT FROM mask_pii(window_name);
UPDATE dim_staff SET staff_name = mask_pii(staff_name) WHERE staff_name IS DISTINCT FROM mask_pii(staff_name);
UPDATE dim_item SET item_name = mask_pii(item_name) WHERE item_name IS DISTINCT FROM mask_pii(item_name);
UPDATE ref_calendar_override SET name = mask_pii(name) WHERE name IS DISTINCT FROM mask_pii(name);
UPDATE load_reject SET reason = mask_pii(reason) WHERE reason IS DISTINCT FROM mask_pii(reason);

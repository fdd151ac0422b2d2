-- When the version each fact row holds was exported: the date in its file's name, else the file's modification
-- time (Ingest/InboxOrder.cs). Without updated_at, "the later export wins" compares these, so an older export re-sent
-- in a later run does not replace a newer version. NULL for rows loaded before: any export replaces them.
ALTER TABLE fct_case ADD COLUMN exported_at TIMESTAMP;
ALTER TABLE fct_complaint ADD COLUMN exported_at TIMESTAMP;
ALTER TABLE fct_callback ADD COLUMN exported_at TIMESTAMP;
ALTER TABLE fct_video_check ADD COLUMN exported_at TIMESTAMP;
ALTER TABLE fct_visit ADD COLUMN exported_at TIMESTAMP;

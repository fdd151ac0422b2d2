CREATE OR REPLACE VIEW api.items AS
SELECT item_code, item_name, item_kind, legal_days, promised_days
FROM dim_item;

CREATE OR REPLACE VIEW api.windows AS
SELECT window_code, center_code, window_name, category, opened_on, closed_on
FROM dim_window;

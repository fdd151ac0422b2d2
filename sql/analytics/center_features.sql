-- Center signals for months in [$from, $to), with names; read by CenterModel.
SELECT f.*, c.center_name
FROM feat_center_month AS f
JOIN dim_center AS c USING (center_code)
WHERE f.month >= $from AND f.month < $to
ORDER BY f.month, f.center_code;

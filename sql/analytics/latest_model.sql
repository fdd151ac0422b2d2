-- The newest model of a kind trained on data before $month (no look-ahead).
SELECT model_id, path, metrics, as_of
FROM ml_model
WHERE kind = $kind AND version = $version AND as_of <= $month
ORDER BY as_of DESC, model_id DESC
LIMIT 1;

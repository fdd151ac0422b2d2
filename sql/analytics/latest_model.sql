-- The newest model of a kind for scoring $month: trained on data before $month (no look-ahead), and no more than a
-- month before it (no stale model: a month scored long after the newest training gets a model of its own).
SELECT model_id, path, metrics, as_of
FROM ml_model
WHERE kind = $kind AND version = $version AND as_of <= $month AND as_of > CAST($month AS DATE) - INTERVAL 1 MONTH
ORDER BY as_of DESC, model_id DESC
LIMIT 1;

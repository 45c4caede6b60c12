-- A current metric comes from a current file version; a retired one says when it was retired.
SELECT f.metric_id
FROM fact_metric f LEFT JOIN dim_file d ON d.sha256 = f.sha256
WHERE d.sha256 IS NULL OR (f.is_current AND NOT d.is_current) OR (NOT f.is_current AND f.retired_at IS NULL);

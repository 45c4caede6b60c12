-- Every metric's period is in dim_period, and its years are an ordered range.
SELECT f.metric_id FROM fact_metric f
WHERE (f.period_key IS NOT NULL AND f.period_key NOT IN (SELECT period_key FROM dim_period))
   OR f.year_from > f.year_to
   OR (f.year_from IS NULL) <> (f.year_to IS NULL);

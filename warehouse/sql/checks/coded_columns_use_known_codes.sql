-- Coded fact columns hold only the values ref_code, dim_topic and dim_unit list (when those are loaded).
SELECT f.metric_id, 'modality' AS col, f.modality AS value FROM fact_metric f
WHERE f.modality IS NOT NULL
  AND f.modality NOT IN (SELECT code FROM ref_code WHERE table_name = 'fact_metric' AND column_name = 'modality')
UNION ALL
SELECT f.metric_id, 'bound', f.bound FROM fact_metric f
WHERE f.bound IS NOT NULL
  AND f.bound NOT IN (SELECT code FROM ref_code WHERE table_name = 'fact_metric' AND column_name = 'bound')
UNION ALL
SELECT f.metric_id, 'topic', f.topic FROM fact_metric f
WHERE f.topic IS NOT NULL AND (SELECT count(*) FROM dim_topic) > 0
  AND f.topic NOT IN (SELECT topic FROM dim_topic);

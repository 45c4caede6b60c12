-- Both ends of every part-of relation are loaded metrics.
SELECT b.whole_metric_id, b.part_metric_id
FROM fact_metric_part b
WHERE b.whole_metric_id NOT IN (SELECT metric_id FROM fact_metric)
   OR b.part_metric_id NOT IN (SELECT metric_id FROM fact_metric);

-- Question: which growth and level targets did each region set, for which years? Targets are
-- metrics stated as planned or promised (modality = 'target'), e.g. 预期增长5%左右 in a work report.
SELECT region, adcode, year_from, year_to, subject, measure, span_text, value, unit
FROM v_metric_distinct
WHERE modality = 'target'
ORDER BY region, year_to, unit, value DESC, metric_id;

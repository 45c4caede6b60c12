-- The view to start from: current metrics only (retired ones are in v_metric_all until pruned).
CREATE OR REPLACE VIEW v_metric AS
SELECT * EXCLUDE (is_current, retired_at) FROM v_metric_all WHERE is_current;
COMMENT ON VIEW v_metric IS 'One wide row per current metric with names instead of keys: the view to start from (column meanings as in v_metric_all).';

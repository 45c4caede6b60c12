-- Once per run, at publish: one row per expectation (the batches' outcomes combined: it holds when
-- it held in every batch, null when some batch could not evaluate it), and the run's own row.

INSERT INTO audit_validation
SELECT (SELECT run_id FROM stg_run), suite, expectation, any_value(severity),
       CASE WHEN count(success) < count(*) THEN NULL ELSE bool_and(success) END,
       sum(unexpected_count), sum(element_count),
       coalesce(min(details) FILTER (WHERE success IS DISTINCT FROM true), min(details))
FROM run_validation
GROUP BY suite, expectation
ORDER BY suite, expectation;

INSERT INTO audit_load_run (run_id, flow_run_id, started_at, ended_at, status, raw_dir, files_seen, files_new,
                            files_changed, files_renamed, files_unchanged, files_failed, metrics_extracted,
                            metrics_loaded, metrics_quarantined, warnings, report_path, message)
SELECT run_id, flow_run_id, started_at, ended_at, status, raw_dir, files_seen, files_new, files_changed,
       files_renamed, files_unchanged, files_failed, metrics_extracted, metrics_loaded, metrics_quarantined,
       warnings, report_path, message
FROM stg_run_row;

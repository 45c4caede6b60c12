-- Question: what did the recent pipeline runs do, and which expectations failed in each?
SELECT r.run_id, r.started_at, r.status, r.files_new, r.files_changed, r.files_unchanged,
       r.metrics_loaded, r.metrics_quarantined,
       string_agg(v.expectation, ', ' ORDER BY v.expectation) FILTER (WHERE NOT v.success) AS failed_expectations
FROM audit_load_run r
LEFT JOIN audit_validation v ON v.run_id = r.run_id
GROUP BY ALL
ORDER BY r.started_at DESC
LIMIT 20;

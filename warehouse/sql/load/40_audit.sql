-- Per batch, step 4: the batch's audit rows (quarantined metrics, unreadable files).

INSERT INTO quarantine_metric
SELECT (SELECT run_id FROM stg_run), metric_id, expectation, severity, reason, row_json, text, sentence, path
FROM stg_quarantine;

INSERT INTO audit_file_error SELECT (SELECT run_id FROM stg_run), path, sha256, error FROM stg_error;

INSERT INTO run_validation SELECT * FROM stg_validation;

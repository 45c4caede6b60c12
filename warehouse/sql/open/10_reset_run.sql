-- Once per run, when the loader opens: forget audit rows of an earlier attempt of the same run_id
-- (a retried load), and start the run's accumulator of per-batch expectation outcomes.

DELETE FROM audit_validation WHERE run_id = (SELECT run_id FROM stg_run);
DELETE FROM quarantine_metric WHERE run_id = (SELECT run_id FROM stg_run);
DELETE FROM audit_file_error WHERE run_id = (SELECT run_id FROM stg_run);
DELETE FROM audit_file_run WHERE run_id = (SELECT run_id FROM stg_run);
DELETE FROM audit_load_run WHERE run_id = (SELECT run_id FROM stg_run);

CREATE OR REPLACE TEMP TABLE run_validation (
    run_id VARCHAR, suite VARCHAR, expectation VARCHAR, severity VARCHAR, success BOOLEAN,
    unexpected_count BIGINT, element_count BIGINT, details VARCHAR
);

-- The metrics of this run's batches whose span check failed (load/35_check_spans.sql): the
-- publish's span_matches_text reads it (checks_run/) instead of joining the whole warehouse's text.
CREATE OR REPLACE TEMP TABLE run_span_failed (metric_id VARCHAR, sha256 VARCHAR);

-- The same for checks/keys_are_unique.sql, parts_reference_loaded_facts.sql and sentences_inside_text.sql
-- (load/36_check_rows.sql): check_name, and the failing key.
CREATE OR REPLACE TEMP TABLE run_check_failed (check_name VARCHAR, key VARCHAR);

-- Run history: what every load (or blocked / failed / empty run) did. Audit tables only grow: a
-- re-run on the same raw/ adds rows here while every other table stays identical.

CREATE TABLE audit_load_run (
    run_id VARCHAR PRIMARY KEY,
    flow_run_id VARCHAR,
    started_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP,
    status VARCHAR NOT NULL,
    raw_dir VARCHAR,
    files_seen INTEGER,
    files_new INTEGER,
    files_changed INTEGER,
    files_renamed INTEGER,
    files_unchanged INTEGER,
    files_failed INTEGER,
    metrics_extracted INTEGER,
    metrics_loaded INTEGER,
    metrics_quarantined INTEGER,
    warnings INTEGER,
    report_path VARCHAR,
    message VARCHAR
);
COMMENT ON TABLE audit_load_run IS 'One row per pipeline run: when, outcome, file and metric counts, quality report (minsheng runs).';
COMMENT ON COLUMN audit_load_run.run_id IS 'Run identifier chosen by the flow (natural key).';
COMMENT ON COLUMN audit_load_run.flow_run_id IS 'Prefect flow-run id, null outside Prefect.';
COMMENT ON COLUMN audit_load_run.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN audit_load_run.ended_at IS 'When the run wrote the warehouse (UTC).';
COMMENT ON COLUMN audit_load_run.status IS 'loaded, nothing-new, blocked (a blocking expectation failed; nothing loaded) or failed.';
COMMENT ON COLUMN audit_load_run.raw_dir IS 'Directory of raw files the run read.';
COMMENT ON COLUMN audit_load_run.files_seen IS 'Raw files listed by the run.';
COMMENT ON COLUMN audit_load_run.files_new IS 'Files with content and path never seen before.';
COMMENT ON COLUMN audit_load_run.files_changed IS 'Known paths whose content changed (their old facts were replaced).';
COMMENT ON COLUMN audit_load_run.files_renamed IS 'Known content at a new path (path updated, no duplicate facts).';
COMMENT ON COLUMN audit_load_run.files_unchanged IS 'Files skipped because (path, sha256) was already loaded.';
COMMENT ON COLUMN audit_load_run.files_failed IS 'Files that could not be read, decoded or normalised (audit_file_error).';
COMMENT ON COLUMN audit_load_run.metrics_extracted IS 'Metrics extracted from the new or changed files.';
COMMENT ON COLUMN audit_load_run.metrics_loaded IS 'Metrics written to fact_metric.';
COMMENT ON COLUMN audit_load_run.metrics_quarantined IS 'Metrics held back by the quality gate (quarantine_metric).';
COMMENT ON COLUMN audit_load_run.warnings IS 'Warning-level expectation failures.';
COMMENT ON COLUMN audit_load_run.report_path IS 'Path of the HTML quality report of the run.';
COMMENT ON COLUMN audit_load_run.message IS 'Human summary or error message.';

CREATE TABLE audit_validation (
    run_id VARCHAR NOT NULL,
    suite VARCHAR,
    expectation VARCHAR NOT NULL,
    severity VARCHAR,
    success BOOLEAN,
    unexpected_count BIGINT,
    element_count BIGINT,
    details VARCHAR
);
COMMENT ON TABLE audit_validation IS 'One row per expectation evaluated by the quality gate in a run.';
COMMENT ON COLUMN audit_validation.run_id IS 'Run (audit_load_run.run_id).';
COMMENT ON COLUMN audit_validation.suite IS 'Expectation suite, e.g. metrics.';
COMMENT ON COLUMN audit_validation.expectation IS 'Expectation name.';
COMMENT ON COLUMN audit_validation.severity IS 'block (fails the load), quarantine (holds rows back) or warn.';
COMMENT ON COLUMN audit_validation.success IS 'Whether the expectation held.';
COMMENT ON COLUMN audit_validation.unexpected_count IS 'Rows that violated it.';
COMMENT ON COLUMN audit_validation.element_count IS 'Rows it was evaluated on.';
COMMENT ON COLUMN audit_validation.details IS 'JSON with further details (sample values, thresholds).';

CREATE TABLE quarantine_metric (
    run_id VARCHAR NOT NULL,
    metric_id VARCHAR,
    expectation VARCHAR,
    severity VARCHAR,
    reason VARCHAR,
    row_json VARCHAR,
    text VARCHAR,
    sentence VARCHAR,
    path VARCHAR
);
COMMENT ON TABLE quarantine_metric IS 'Extracted metrics the quality gate held back, one row per metric and failed expectation.';
COMMENT ON COLUMN quarantine_metric.run_id IS 'Run (audit_load_run.run_id).';
COMMENT ON COLUMN quarantine_metric.metric_id IS 'Natural key the metric would have had in fact_metric.';
COMMENT ON COLUMN quarantine_metric.expectation IS 'Expectation it failed.';
COMMENT ON COLUMN quarantine_metric.severity IS 'Severity of that expectation.';
COMMENT ON COLUMN quarantine_metric.reason IS 'Why, in words.';
COMMENT ON COLUMN quarantine_metric.row_json IS 'The whole metrics row as JSON.';
COMMENT ON COLUMN quarantine_metric.text IS 'The span.';
COMMENT ON COLUMN quarantine_metric.sentence IS 'Its sentence.';
COMMENT ON COLUMN quarantine_metric.path IS 'Raw file it came from.';

CREATE TABLE audit_file_error (
    run_id VARCHAR NOT NULL,
    path VARCHAR,
    sha256 VARCHAR,
    error VARCHAR
);
COMMENT ON TABLE audit_file_error IS 'Raw files a run could not read, decode or normalise (they are retried on the next run).';
COMMENT ON COLUMN audit_file_error.run_id IS 'Run (audit_load_run.run_id).';
COMMENT ON COLUMN audit_file_error.path IS 'Path of the file.';
COMMENT ON COLUMN audit_file_error.sha256 IS 'sha256 of its bytes when they could be read.';
COMMENT ON COLUMN audit_file_error.error IS 'What went wrong.';

CREATE TABLE audit_file_run (
    run_id VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    action VARCHAR NOT NULL
);
COMMENT ON TABLE audit_file_run IS 'What each load did with each file it was given (max(run_id) per sha256 = last seen run).';
COMMENT ON COLUMN audit_file_run.run_id IS 'Run (audit_load_run.run_id).';
COMMENT ON COLUMN audit_file_run.sha256 IS 'File version (dim_file.sha256).';
COMMENT ON COLUMN audit_file_run.path IS 'Path it was read from.';
COMMENT ON COLUMN audit_file_run.action IS 'new, changed (replaced an older version at this path), renamed (known content, new path) or reloaded.';

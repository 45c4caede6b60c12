-- Paths under the run's raw directory (stg_run.raw_root) that the run did not find (stg_present):
-- recorded as deleted, dropped from file_path; versions no path holds any more are retired with
-- their facts (is_current = false, retired_at) -- kept until `prune` removes them.

CREATE OR REPLACE TEMP TABLE stg_gone AS
SELECT fp.path, fp.sha256
FROM file_path fp
WHERE starts_with(fp.path, (SELECT raw_root FROM stg_run) || '/')
  AND fp.path NOT IN (SELECT path FROM stg_present);

INSERT INTO audit_file_run SELECT (SELECT run_id FROM stg_run), sha256, path, 'deleted' FROM stg_gone ORDER BY path;
DELETE FROM file_path WHERE path IN (SELECT path FROM stg_gone);

CREATE OR REPLACE TEMP TABLE stg_orphaned AS
SELECT d.sha256 FROM dim_file d
WHERE d.is_current AND d.sha256 IN (SELECT sha256 FROM stg_gone)
  AND d.sha256 NOT IN (SELECT sha256 FROM file_path);

UPDATE dim_file SET is_current = false, retired_at = (SELECT now FROM stg_run)
WHERE sha256 IN (SELECT sha256 FROM stg_orphaned);
UPDATE fact_metric SET is_current = false, retired_at = (SELECT now FROM stg_run)
WHERE sha256 IN (SELECT sha256 FROM stg_orphaned);

-- A version still held at another path moves to it.
UPDATE dim_file AS d SET path = m.path, name = regexp_extract(m.path, '[^/\\]*$')
FROM (SELECT sha256, min(path) AS path FROM file_path GROUP BY sha256) m
WHERE d.sha256 = m.sha256 AND d.is_current AND d.path IN (SELECT path FROM stg_gone);

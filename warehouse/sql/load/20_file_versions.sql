-- Per batch, step 2: classify each file (new, changed, renamed, reloaded), update file_path and
-- dim_file, and find the versions a change superseded (their content is replaced in step 3).

CREATE OR REPLACE TEMP TABLE stg_action AS
SELECT p.path, p.sha256,
       CASE WHEN fp.sha256 = p.sha256 THEN 'reloaded'
            WHEN fp.sha256 IS NOT NULL THEN 'changed'
            WHEN EXISTS (SELECT 1 FROM dim_file d WHERE d.sha256 = p.sha256) THEN 'renamed'
            ELSE 'new' END AS action
FROM stg_path p LEFT JOIN file_path fp ON fp.path = p.path;

DELETE FROM file_path WHERE path IN (SELECT path FROM stg_path);
INSERT INTO file_path SELECT path, sha256 FROM stg_path;

UPDATE dim_file AS d
SET path = s.path, name = s.name, bytes = s.bytes, encoding = s.encoding, script = s.script,
    repairs = s.repairs, meta = s.meta, is_current = true, superseded_by = NULL, retired_at = NULL,
    parser_version = (SELECT parser_version FROM stg_run)
FROM stg_file s WHERE d.sha256 = s.sha256;

INSERT INTO dim_file (sha256, path, name, bytes, encoding, script, repairs, meta, is_current, superseded_by,
                      first_seen_run, parser_version, retired_at)
SELECT sha256, path, name, bytes, encoding, script, repairs, meta, true, NULL,
       (SELECT run_id FROM stg_run), (SELECT parser_version FROM stg_run), NULL
FROM stg_file WHERE sha256 NOT IN (SELECT sha256 FROM dim_file);

-- Current versions no path holds any more were replaced by a change at their path.
CREATE OR REPLACE TEMP TABLE stg_retired AS
SELECT d.sha256, (SELECT min(fp.sha256) FROM file_path fp WHERE fp.path = d.path) AS superseded_by
FROM dim_file d
WHERE d.is_current AND d.sha256 NOT IN (SELECT sha256 FROM file_path);

UPDATE dim_file AS d SET is_current = false, superseded_by = r.superseded_by
FROM stg_retired r WHERE d.sha256 = r.sha256;

-- A version still held elsewhere moves to one of the paths that hold it.
UPDATE dim_file AS d SET path = m.path, name = regexp_extract(m.path, '[^/\\]*$')
FROM (SELECT sha256, min(path) AS path FROM file_path GROUP BY sha256) m
WHERE d.sha256 = m.sha256 AND d.is_current
  AND NOT EXISTS (SELECT 1 FROM file_path fp WHERE fp.path = d.path AND fp.sha256 = d.sha256);

INSERT INTO audit_file_run SELECT (SELECT run_id FROM stg_run), sha256, path, action FROM stg_action ORDER BY path;

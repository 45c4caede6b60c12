-- Remove retired facts and everything only they needed: the content of file versions that are no
-- longer current. dim_file rows stay as history.

CREATE OR REPLACE TEMP TABLE stg_pruned AS
SELECT DISTINCT sha256 FROM fact_metric WHERE NOT is_current
UNION SELECT sha256 FROM dim_file WHERE NOT is_current;

DELETE FROM fact_metric_part WHERE sha256 IN (SELECT sha256 FROM stg_pruned);
DELETE FROM fact_metric WHERE sha256 IN (SELECT sha256 FROM stg_pruned);
DELETE FROM dim_sentence WHERE sha256 IN (SELECT sha256 FROM stg_pruned);
DELETE FROM dim_story WHERE sha256 IN (SELECT sha256 FROM stg_pruned);
DELETE FROM doc_chunk WHERE sha256 IN (SELECT sha256 FROM stg_pruned);

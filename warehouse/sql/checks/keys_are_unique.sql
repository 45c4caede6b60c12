-- Natural keys are unique (the big tables carry no primary-key index: it would double their size).
SELECT 'fact_metric' AS tbl, metric_id AS key FROM fact_metric GROUP BY metric_id HAVING count(*) > 1
UNION ALL
SELECT 'dim_sentence', sha256 || ':' || sent_ix FROM dim_sentence GROUP BY sha256, sent_ix HAVING count(*) > 1
UNION ALL
SELECT 'dim_story', sha256 || ':' || story_ix FROM dim_story GROUP BY sha256, story_ix HAVING count(*) > 1;

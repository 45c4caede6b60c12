-- Per batch, step 3: replace the text, stories, sentences, facts and parts of every version the
-- batch touched. The text is stored once (doc_text); sentences and facts keep offsets into it.

CREATE OR REPLACE TEMP TABLE stg_touched AS
SELECT sha256 FROM stg_file UNION SELECT sha256 FROM stg_retired;

DELETE FROM fact_metric_part WHERE sha256 IN (SELECT sha256 FROM stg_touched);
DELETE FROM fact_metric WHERE sha256 IN (SELECT sha256 FROM stg_touched);
DELETE FROM dim_sentence WHERE sha256 IN (SELECT sha256 FROM stg_touched);
DELETE FROM dim_story WHERE sha256 IN (SELECT sha256 FROM stg_touched);
DELETE FROM doc_text WHERE sha256 IN (SELECT sha256 FROM stg_touched);

INSERT INTO doc_text SELECT sha256, text, length(text) FROM stg_file;

INSERT INTO dim_story
SELECT DISTINCT ON (sha256, story_ix)
       sha256, story_ix, kind, title, byline, char_start, char_end
FROM stg_stories WHERE sha256 IN (SELECT sha256 FROM stg_file) AND story_ix IS NOT NULL
ORDER BY sha256, story_ix;

INSERT INTO dim_sentence
SELECT DISTINCT ON (sha256, sent_ix)
       sha256, sent_ix, story_ix, para_ix, role, char_start, char_end
FROM stg_sentences WHERE sha256 IN (SELECT sha256 FROM stg_file) AND sent_ix IS NOT NULL
ORDER BY sha256, sent_ix, path;

INSERT INTO fact_metric
SELECT DISTINCT ON (metric_id)
       metric_id, sha256, story_ix, sent_ix,
       CASE WHEN coalesce(year_from, year_to) IS NULL THEN NULL
            WHEN coalesce(year_from, year_to) = coalesce(year_to, year_from) THEN CAST(coalesce(year_from, year_to) AS VARCHAR)
            ELSE coalesce(year_from, year_to) || '-' || coalesce(year_to, year_from) END,
       unit, value, low, high, bound, text, subject, measure, topic,
       coalesce(year_from, year_to), coalesce(year_to, year_from), modality,
       region, adcode, region_level, area, char_start, char_end, true, NULL
FROM stg_metrics
WHERE metric_id IS NOT NULL AND sha256 IN (SELECT sha256 FROM stg_file)
ORDER BY metric_id, path;

INSERT INTO fact_metric_part
SELECT DISTINCT r.whole_metric_id, r.part_metric_id, w.sha256
FROM stg_relations r
JOIN fact_metric w ON w.metric_id = r.whole_metric_id
JOIN fact_metric p ON p.metric_id = r.part_metric_id AND p.sha256 = w.sha256
WHERE w.sha256 IN (SELECT sha256 FROM stg_file);

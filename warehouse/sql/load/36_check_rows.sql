-- Per batch, step 3c: checks/keys_are_unique.sql, checks/parts_reference_loaded_facts.sql and
-- checks/sentences_inside_text.sql on the keys, parts, sentences and pieces this batch stored. Run
-- once at publish over the whole warehouse, their hash tables held every key of it (x4 the bench
-- corpus: +190 MB for the keys, +55 MB for the parts, +50 MB for the sentences; the publish grew
-- with the warehouse: docs/decisions/0019-loader-memory-bounded-by-the-batch.md). Step 3 is the
-- only writer of fact_metric, fact_metric_part, dim_sentence, dim_story and doc_chunk rows (retire
-- flags, prune deletes by version), so a batch checking what it wrote, against the whole table
-- where a key could collide, keeps the warehouse checked. stg_fact, stg_sentence and stg_chunk are
-- the rows step 3 stored for the batch's versions after deleting their old ones. Failures are kept
-- in run_check_failed, and the publish refuses the run if any (checks_run/).

-- A metric id could collide with a row of any version: the batch's ids probe the whole table's ids
-- (the hash table holds the batch's ids, the scan streams one column). Sentence and story keys
-- start with the version's sha256, so only the batch's versions can hold a duplicate of them.
INSERT INTO run_check_failed
SELECT 'keys_are_unique', 'fact_metric:' || metric_id
FROM fact_metric
WHERE metric_id IN (SELECT metric_id FROM stg_fact)
GROUP BY metric_id HAVING count(*) > 1
UNION ALL
SELECT 'keys_are_unique', 'dim_sentence:' || sha256 || ':' || sent_ix
FROM dim_sentence WHERE sha256 IN (SELECT sha256 FROM stg_file)
GROUP BY sha256, sent_ix HAVING count(*) > 1
UNION ALL
SELECT 'keys_are_unique', 'dim_story:' || sha256 || ':' || story_ix
FROM dim_story WHERE sha256 IN (SELECT sha256 FROM stg_file)
GROUP BY sha256, story_ix HAVING count(*) > 1;

-- checks/parts_reference_loaded_facts.sql on the batch's parts: both ends are facts of the part's
-- version (step 3 joins them so), and a fact leaves only with its version's parts.
INSERT INTO run_check_failed
WITH b AS (
    SELECT whole_metric_id, part_metric_id FROM fact_metric_part WHERE sha256 IN (SELECT sha256 FROM stg_file)
)
SELECT 'parts_reference_loaded_facts', coalesce(b.whole_metric_id, '?') || '>' || coalesce(b.part_metric_id, '?')
FROM b
WHERE b.whole_metric_id IS NULL OR b.part_metric_id IS NULL
   OR b.whole_metric_id NOT IN (SELECT metric_id FROM stg_fact)
   OR b.part_metric_id NOT IN (SELECT metric_id FROM stg_fact);

-- checks/sentences_inside_text.sql on the batch's versions (both of its parts are per version).
INSERT INTO run_check_failed
WITH c AS (
    SELECT sha256, chunk_ix, char_start, char_end, length(text) AS n,
           lag(char_end) OVER (PARTITION BY sha256 ORDER BY chunk_ix) AS prev_end
    FROM stg_chunk
)
SELECT 'sentences_inside_text', s.sha256 || ':' || s.sent_ix
FROM stg_sentence s
LEFT JOIN c ON c.sha256 = s.sha256 AND c.chunk_ix = s.chunk_ix
WHERE c.sha256 IS NULL OR s.char_start < c.char_start OR s.char_end > c.char_end OR s.char_start > s.char_end
UNION ALL
SELECT 'sentences_inside_text', c.sha256 || ':' || c.chunk_ix
FROM c
WHERE c.char_end - c.char_start <> c.n OR coalesce(c.prev_end, 0) <> c.char_start;

-- Per batch, step 3b: checks/span_matches_text.sql on the facts this batch stored, against the
-- batch's own pieces (stg_chunk: what step 3 stored in doc_chunk for these versions). Run once at
-- publish over the whole warehouse, the join held every text of it in its hash table (memory grew
-- with the warehouse: docs/decisions/0019-loader-memory-bounded-by-the-batch.md); here it holds one
-- batch's. Failures are kept in run_span_failed, and the publish refuses the run if any.
INSERT INTO run_span_failed
WITH f AS (
    SELECT metric_id, sha256, sent_ix, char_start, char_end, span_text
    FROM fact_metric WHERE sha256 IN (SELECT sha256 FROM stg_file)
),
s AS (
    SELECT sha256, sent_ix, chunk_ix, char_start, char_end
    FROM dim_sentence WHERE sha256 IN (SELECT sha256 FROM stg_file)
)
SELECT f.metric_id, f.sha256
FROM f
LEFT JOIN s ON s.sha256 = f.sha256 AND s.sent_ix = f.sent_ix
LEFT JOIN stg_chunk c ON c.sha256 = s.sha256 AND c.chunk_ix = s.chunk_ix
WHERE c.text IS NULL
   OR f.char_start < s.char_start OR f.char_end > s.char_end
   OR substr(c.text, f.char_start - c.char_start + 1, f.char_end - f.char_start) <> f.span_text;

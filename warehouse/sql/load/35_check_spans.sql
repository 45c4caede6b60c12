-- Per batch, step 3b: checks/span_matches_text.sql on the facts this batch stored (stg_fact, what
-- step 3 stored in fact_metric), against the batch's own sentences and pieces (stg_sentence,
-- stg_chunk: what it stored in dim_sentence and doc_chunk for these versions, whose old rows it
-- deleted first). Run once at publish over the whole warehouse, the join held every text of it in
-- its hash table (memory grew with the warehouse:
-- docs/decisions/0019-loader-memory-bounded-by-the-batch.md); here it holds one batch's, and reads
-- no table of the warehouse. Failures are kept in run_span_failed, and the publish refuses the run if any.
-- The sentences holding a fact are cut out of their pieces once, and each span out of its sentence:
-- substr counts code points from the start of its string, so cutting every span out of its
-- ~4000-character piece cost as much as the rest of the check. A span inside its sentence (checked
-- first) is the same characters of the piece either way.
INSERT INTO run_span_failed
WITH sent AS (
    SELECT s.sha256, s.sent_ix, s.char_start, s.char_end,
           substr(c.text, s.char_start - c.char_start + 1, s.char_end - s.char_start) AS text
    FROM stg_sentence s
    JOIN stg_chunk c ON c.sha256 = s.sha256 AND c.chunk_ix = s.chunk_ix
    WHERE s.char_start >= c.char_start
      AND (s.sha256, s.sent_ix) IN (SELECT sha256, sent_ix FROM stg_fact)
)
SELECT f.metric_id, f.sha256
FROM stg_fact f
LEFT JOIN sent s ON s.sha256 = f.sha256 AND s.sent_ix = f.sent_ix
WHERE s.text IS NULL
   OR f.char_start < s.char_start OR f.char_end > s.char_end OR f.char_end < f.char_start
   OR substr(s.text, f.char_start - s.char_start + 1, f.char_end - f.char_start) <> f.span_text;

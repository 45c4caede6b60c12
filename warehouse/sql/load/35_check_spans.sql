-- Per batch, step 3b: checks/span_matches_text.sql on the facts this batch stored (stg_fact, what
-- step 3 stored in fact_metric), against the batch's own sentences and pieces (stg_sentence,
-- stg_chunk: what it stored in dim_sentence and doc_chunk for these versions, whose old rows it
-- deleted first). Run once at publish over the whole warehouse, the join held every text of it in
-- its hash table (memory grew with the warehouse:
-- docs/decisions/0019-loader-memory-bounded-by-the-batch.md); here it holds one batch's, and reads
-- no table of the warehouse. Failures are kept in run_span_failed, and the publish refuses the run if any.
INSERT INTO run_span_failed
SELECT f.metric_id, f.sha256
FROM stg_fact f
LEFT JOIN stg_sentence s ON s.sha256 = f.sha256 AND s.sent_ix = f.sent_ix
LEFT JOIN stg_chunk c ON c.sha256 = s.sha256 AND c.chunk_ix = s.chunk_ix
WHERE c.text IS NULL
   OR f.char_start < s.char_start OR f.char_end > s.char_end
   OR substr(c.text, f.char_start - c.char_start + 1, f.char_end - f.char_start) <> f.span_text;

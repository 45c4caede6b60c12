-- Every stored metric points at exactly its span in the one stored copy of the text (the piece
-- holding its sentence), and lies inside that sentence.
SELECT f.metric_id, f.span_text, substr(c.text, f.char_start - c.char_start + 1, f.char_end - f.char_start) AS text_at_offsets
FROM fact_metric f
LEFT JOIN dim_sentence s ON s.sha256 = f.sha256 AND s.sent_ix = f.sent_ix
LEFT JOIN doc_chunk c ON c.sha256 = s.sha256 AND c.chunk_ix = s.chunk_ix
WHERE c.text IS NULL
   OR f.char_start < s.char_start OR f.char_end > s.char_end
   OR substr(c.text, f.char_start - c.char_start + 1, f.char_end - f.char_start) <> f.span_text;

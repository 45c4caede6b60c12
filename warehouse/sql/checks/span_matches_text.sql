-- Every stored figure points at exactly its span in the one stored copy of the text.
SELECT f.metric_id, f.span_text, substr(t.text, f.char_start + 1, f.char_end - f.char_start) AS text_at_offsets
FROM fact_metric f
LEFT JOIN doc_text t ON t.sha256 = f.sha256
WHERE t.text IS NULL OR substr(t.text, f.char_start + 1, f.char_end - f.char_start) <> f.span_text;

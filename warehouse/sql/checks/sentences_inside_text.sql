-- Every sentence lies inside its file's text, and every figure inside its sentence.
SELECT s.sha256 || ':' || s.sent_ix FROM dim_sentence s JOIN doc_text t ON t.sha256 = s.sha256
WHERE s.char_start < 0 OR s.char_end > t.chars OR s.char_start > s.char_end
UNION ALL
SELECT f.metric_id FROM fact_metric f JOIN dim_sentence s ON s.sha256 = f.sha256 AND s.sent_ix = f.sent_ix
WHERE f.char_start < s.char_start OR f.char_end > s.char_end;

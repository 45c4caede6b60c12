-- Every sentence lies inside its piece of text, and the pieces of a text follow each other without
-- gaps from 0.
SELECT s.sha256 || ':' || s.sent_ix AS key FROM dim_sentence s
LEFT JOIN doc_chunk c ON c.sha256 = s.sha256 AND c.chunk_ix = s.chunk_ix
WHERE c.sha256 IS NULL OR s.char_start < c.char_start OR s.char_end > c.char_end OR s.char_start > s.char_end
UNION ALL
SELECT c.sha256 || ':' || c.chunk_ix FROM (
    SELECT sha256, chunk_ix, char_start, char_end, length(text) AS n,
           lag(char_end) OVER (PARTITION BY sha256 ORDER BY chunk_ix) AS prev_end
    FROM doc_chunk
) c
WHERE c.char_end - c.char_start <> c.n OR coalesce(c.prev_end, 0) <> c.char_start;

-- The whole normalised text of each file version, put back together from its pieces (doc_chunk).
CREATE OR REPLACE VIEW doc_text AS
SELECT sha256, string_agg(text, '' ORDER BY chunk_ix) AS text, max(char_end) AS chars
FROM doc_chunk
GROUP BY sha256;
COMMENT ON VIEW doc_text IS 'The normalised Simplified text of one file version (doc_chunk joined back): every char_start/char_end in the warehouse indexes into it (provenance: substr(text, char_start + 1, char_end - char_start) = span_text).';
COMMENT ON COLUMN doc_text.sha256 IS 'File version (dim_file.sha256).';
COMMENT ON COLUMN doc_text.text IS 'Normalised text (encoding repaired, annotations stripped, Traditional converted, lines joined).';
COMMENT ON COLUMN doc_text.chars IS 'Length of text in characters (code points).';

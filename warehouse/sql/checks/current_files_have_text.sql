-- Every current file version has its normalised text.
SELECT d.sha256 FROM dim_file d WHERE d.is_current AND d.sha256 NOT IN (SELECT sha256 FROM doc_chunk);

-- Every known path holds a current file version.
SELECT p.path FROM file_path p WHERE p.sha256 NOT IN (SELECT sha256 FROM dim_file WHERE is_current);

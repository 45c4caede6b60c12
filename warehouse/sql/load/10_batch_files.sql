-- Per batch, step 1: which file versions of the batch can be loaded, and which failed.
-- Inputs (temp tables staged from the batch's frames): stg_files, stg_documents.

-- Loadable file versions: read, decoded and normalised. One row per (path, sha256).
CREATE OR REPLACE TEMP TABLE stg_path AS
SELECT DISTINCT f.path, f.sha256
FROM stg_files f
WHERE f.error IS NULL AND f.sha256 IS NOT NULL AND f.path IS NOT NULL
  AND EXISTS (SELECT 1 FROM stg_documents d
              WHERE d.sha256 = f.sha256 AND d.error IS NULL AND d.text IS NOT NULL);

-- One row per loadable version (the first path holding it), with the document row its normalised
-- text comes from (doc_row: step 3 stores that row's pieces, cut in warehouse/pieces.py).
CREATE OR REPLACE TEMP TABLE stg_file AS
SELECT DISTINCT ON (p.sha256)
       p.sha256, p.path, f.name, f.bytes, f.encoding, d.script, d.repairs, f.meta, d.doc_row
FROM stg_path p
JOIN stg_files f ON f.path = p.path AND f.sha256 = p.sha256
JOIN stg_documents d ON d.sha256 = p.sha256 AND d.error IS NULL AND d.text IS NOT NULL
ORDER BY p.sha256, p.path, d.path;

CREATE OR REPLACE TEMP TABLE stg_error AS
SELECT path, sha256, error FROM stg_files WHERE error IS NOT NULL
UNION
SELECT coalesce(f.path, d.path), d.sha256, 'normalise: ' || d.error
FROM stg_documents d LEFT JOIN stg_files f ON f.sha256 = d.sha256
WHERE d.error IS NOT NULL;

-- Per batch, step 3: replace the text, stories, sentences, facts and parts of every version the
-- batch touched. The text is stored once (doc_chunk); sentences and facts keep offsets into it.

CREATE OR REPLACE TEMP TABLE stg_touched AS
SELECT sha256 FROM stg_file UNION SELECT sha256 FROM stg_retired;

DELETE FROM fact_metric_part WHERE sha256 IN (SELECT sha256 FROM stg_touched);
DELETE FROM fact_metric WHERE sha256 IN (SELECT sha256 FROM stg_touched);
DELETE FROM dim_sentence WHERE sha256 IN (SELECT sha256 FROM stg_touched);
DELETE FROM dim_story WHERE sha256 IN (SELECT sha256 FROM stg_touched);
DELETE FROM doc_chunk WHERE sha256 IN (SELECT sha256 FROM stg_touched);

-- Pieces of about 4000 characters, each starting at a sentence start (and the first at 0), so no
-- sentence crosses a piece boundary: cut in Python (warehouse/pieces.py, staged as stg_pieces, one
-- set per document row) because DuckDB's substr counts code points from the start of the text on
-- every cut; the version's pieces are those of the document row stg_file took its text from.
CREATE OR REPLACE TEMP TABLE stg_chunk AS
SELECT p.sha256, p.chunk_ix, p.char_start, p.char_end, p.text
FROM stg_pieces p JOIN stg_file f ON f.doc_row = p.doc_row;

INSERT INTO doc_chunk SELECT sha256, chunk_ix, char_start, char_end, text FROM stg_chunk ORDER BY sha256, chunk_ix;

INSERT INTO dim_story
SELECT DISTINCT ON (sha256, story_ix)
       sha256, story_ix, kind, title, byline, char_start, char_end
FROM stg_stories WHERE sha256 IN (SELECT sha256 FROM stg_file) AND story_ix IS NOT NULL
ORDER BY sha256, story_ix;

-- One row per (sha256, sent_ix), the first path's. QUALIFY rather than DISTINCT ON: DuckDB runs
-- DISTINCT ON as an arg_min per column, several times slower than one row_number(). The window runs
-- only over the keys that occur more than once (a batch holding a version at two paths): a key held
-- by one row is its own first row, and the window's partition-and-sort over every row of the batch
-- was most of this statement's CPU (the duplicate keys are found by a hash aggregate instead). The
-- batch's sentence and fact rows are kept as temp tables (stg_sentence, stg_fact) until the batch
-- commits: the part insert, the batch's checks (35_, 36_) and its counts read them instead of
-- scanning the whole warehouse's tables for the batch's versions (a cost that grew with the
-- warehouse: docs/decisions/0019-loader-memory-bounded-by-the-batch.md).
CREATE OR REPLACE TEMP TABLE stg_sentence AS
WITH joined AS MATERIALIZED (
    SELECT s.path, s.sha256, s.sent_ix, c.chunk_ix, s.story_ix, s.para_ix, s.role, s.char_start, s.char_end
    FROM stg_sentences s
    JOIN stg_chunk c ON c.sha256 = s.sha256 AND s.char_start >= c.char_start
         AND (s.char_start < c.char_end OR (s.char_start = c.char_end AND c.char_start = c.char_end))
    WHERE s.sent_ix IS NOT NULL
),
dup AS (SELECT sha256, sent_ix FROM joined GROUP BY sha256, sent_ix HAVING count(*) > 1)
SELECT sha256, sent_ix, chunk_ix, story_ix, para_ix, role, char_start, char_end
FROM joined j
WHERE NOT EXISTS (SELECT 1 FROM dup d WHERE d.sha256 = j.sha256 AND d.sent_ix = j.sent_ix)
UNION ALL
SELECT sha256, sent_ix, chunk_ix, story_ix, para_ix, role, char_start, char_end
FROM joined j
WHERE EXISTS (SELECT 1 FROM dup d WHERE d.sha256 = j.sha256 AND d.sent_ix = j.sent_ix)
QUALIFY row_number() OVER (PARTITION BY sha256, sent_ix ORDER BY path, chunk_ix DESC) = 1
ORDER BY sha256, sent_ix;

INSERT INTO dim_sentence SELECT * FROM stg_sentence;

CREATE OR REPLACE TEMP TABLE stg_fact AS
SELECT metric_id, sha256, story_ix, sent_ix,
       CASE WHEN coalesce(year_from, year_to) IS NULL THEN NULL
            WHEN coalesce(year_from, year_to) = coalesce(year_to, year_from) THEN CAST(coalesce(year_from, year_to) AS VARCHAR)
            ELSE coalesce(year_from, year_to) || '-' || coalesce(year_to, year_from) END AS period_key,
       unit, value, low, high, bound, text AS span_text, subject, measure, topic,
       coalesce(year_from, year_to) AS year_from, coalesce(year_to, year_from) AS year_to, modality,
       region, adcode, region_level, area, char_start, char_end, true AS is_current, NULL AS retired_at
FROM stg_metrics
WHERE metric_id IS NOT NULL AND sha256 IN (SELECT sha256 FROM stg_file)
QUALIFY row_number() OVER (PARTITION BY metric_id ORDER BY path) = 1  -- the first path's row
ORDER BY metric_id;

INSERT INTO fact_metric SELECT * FROM stg_fact;

-- Both ends are facts of the same version, so the batch's own fact rows are the whole join. The
-- relations are joined to their whole first (materialised): left to itself DuckDB joined stg_fact
-- to itself on sha256 first, every pair of a version's facts (bench corpus: 570,000 rows per gate
-- window for 66 relations), and only then to the relations.
INSERT INTO fact_metric_part
WITH whole AS MATERIALIZED (
    SELECT r.whole_metric_id, r.part_metric_id, w.sha256
    FROM stg_relations r
    JOIN stg_fact w ON w.metric_id = r.whole_metric_id
)
SELECT DISTINCT r.whole_metric_id, r.part_metric_id, r.sha256
FROM whole r
JOIN stg_fact p ON p.metric_id = r.part_metric_id AND p.sha256 = r.sha256;

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
-- sentence crosses a piece boundary. The text is cut once per file (list_transform over its pieces'
-- bounds): joined to every piece's row, a 1 MB text with 250 pieces took 250 MB of DuckDB's memory.
CREATE OR REPLACE TEMP TABLE stg_chunk AS
WITH starts AS (
    SELECT sha256, min(char_start) AS char_start
    FROM stg_sentences
    WHERE sha256 IN (SELECT sha256 FROM stg_file) AND char_start IS NOT NULL AND char_start > 0
    GROUP BY sha256, char_start // 4000
    UNION
    SELECT sha256, 0 FROM stg_file
),
bounds AS (
    SELECT sha256,
           list({'chunk_ix': chunk_ix, 'char_start': char_start, 'next_start': next_start} ORDER BY chunk_ix) AS pieces
    FROM (
        SELECT sha256, char_start,
               lead(char_start) OVER (PARTITION BY sha256 ORDER BY char_start) AS next_start,
               row_number() OVER (PARTITION BY sha256 ORDER BY char_start) - 1 AS chunk_ix
        FROM starts
    )
    GROUP BY sha256
),
cut AS (
    SELECT b.sha256,
           unnest(list_transform(b.pieces, x -> {
               'chunk_ix': x.chunk_ix,
               'char_start': x.char_start,
               'char_end': coalesce(x.next_start, length(f.text)),
               'text': substr(f.text, x.char_start + 1, coalesce(x.next_start, length(f.text)) - x.char_start)
           })) AS piece
    FROM bounds b JOIN stg_file f ON f.sha256 = b.sha256
)
SELECT sha256, CAST(piece.chunk_ix AS INTEGER) AS chunk_ix, piece.char_start, piece.char_end, piece.text
FROM cut;

INSERT INTO doc_chunk SELECT sha256, chunk_ix, char_start, char_end, text FROM stg_chunk ORDER BY sha256, chunk_ix;

INSERT INTO dim_story
SELECT DISTINCT ON (sha256, story_ix)
       sha256, story_ix, kind, title, byline, char_start, char_end
FROM stg_stories WHERE sha256 IN (SELECT sha256 FROM stg_file) AND story_ix IS NOT NULL
ORDER BY sha256, story_ix;

-- One row per (sha256, sent_ix), the first path's. QUALIFY rather than DISTINCT ON: DuckDB runs
-- DISTINCT ON as an arg_min per column, several times slower than one row_number(). The batch's
-- sentence and fact rows are kept as temp tables (stg_sentence, stg_fact) until the batch commits:
-- the part insert, the batch's checks (35_, 36_) and its counts read them instead of scanning the
-- whole warehouse's tables for the batch's versions (a cost that grew with the warehouse:
-- docs/decisions/0019-loader-memory-bounded-by-the-batch.md).
CREATE OR REPLACE TEMP TABLE stg_sentence AS
SELECT s.sha256, s.sent_ix, c.chunk_ix, s.story_ix, s.para_ix, s.role, s.char_start, s.char_end
FROM stg_sentences s
JOIN stg_chunk c ON c.sha256 = s.sha256 AND s.char_start >= c.char_start
     AND (s.char_start < c.char_end OR (s.char_start = c.char_end AND c.char_start = c.char_end))
WHERE s.sent_ix IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY s.sha256, s.sent_ix ORDER BY s.path, c.chunk_ix DESC) = 1
ORDER BY s.sha256, s.sent_ix;

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

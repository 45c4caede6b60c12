-- A part's label is the text between the previous metric of its sentence (or the sentence start)
-- and the part itself: in 其中已办结4899件、跟办981件 the label of 981件 is 、跟办.
CREATE OR REPLACE VIEW v_petitions AS
WITH current_fact AS (
    SELECT f.*, substr(c.text, s.char_start - c.char_start + 1, s.char_end - s.char_start) AS sentence,
           s.char_start AS sentence_start, c.text AS piece, c.char_start AS piece_start
    FROM fact_metric f
    JOIN dim_sentence s ON s.sha256 = f.sha256 AND s.sent_ix = f.sent_ix
    JOIN doc_chunk c ON c.sha256 = s.sha256 AND c.chunk_ix = s.chunk_ix
    WHERE f.is_current
),
whole AS (
    SELECT f.*
    FROM current_fact f
    WHERE f.topic = 'petitions'
       OR EXISTS (SELECT 1 FROM ref_petition_term w WHERE w.kind = 'petition' AND contains(f.sentence, w.term))
),
labelled AS (
    SELECT
        f.metric_id,
        f.value,
        f.unit,
        f.span_text,
        substr(
            f.piece,
            greatest(f.sentence_start, coalesce(lag(f.char_end) OVER (PARTITION BY f.sha256, f.sent_ix ORDER BY f.char_start), 0)) - f.piece_start + 1,
            f.char_start - greatest(f.sentence_start, coalesce(lag(f.char_end) OVER (PARTITION BY f.sha256, f.sent_ix ORDER BY f.char_start), 0))
        ) AS label
    FROM current_fact f
),
part AS (
    SELECT
        b.whole_metric_id,
        l.value,
        l.unit,
        l.span_text,
        CASE
            WHEN EXISTS (SELECT 1 FROM ref_petition_term w WHERE w.kind = 'pending' AND contains(l.label, w.term)) THEN 'pending'
            WHEN EXISTS (SELECT 1 FROM ref_petition_term w WHERE w.kind = 'resolved' AND contains(l.label, w.term)) THEN 'resolved'
            ELSE 'other'
        END AS state
    FROM fact_metric_part b
    JOIN labelled l ON l.metric_id = b.part_metric_id
)
SELECT
    w.metric_id,
    fl.path AS file,
    coalesce(r.name, w.region) AS region,
    w.adcode,
    w.area,
    w.year_from,
    w.year_to,
    w.year_to AS year,
    w.modality,
    w.subject,
    w.value AS collected,
    w.unit,
    sum(CASE WHEN pt.state = 'resolved' AND pt.unit IS NOT DISTINCT FROM w.unit THEN pt.value END) AS resolved,
    sum(CASE WHEN pt.state = 'pending' AND pt.unit IS NOT DISTINCT FROM w.unit THEN pt.value END) AS pending,
    sum(CASE WHEN pt.state = 'resolved' AND pt.unit IS NOT DISTINCT FROM w.unit THEN pt.value END) / nullif(w.value, 0) AS resolved_share,
    w.span_text AS collected_text,
    string_agg(CASE WHEN pt.state = 'resolved' THEN pt.span_text END, '、') AS resolved_text,
    string_agg(CASE WHEN pt.state = 'pending' THEN pt.span_text END, '、') AS pending_text,
    w.sentence
FROM whole w
JOIN part pt ON pt.whole_metric_id = w.metric_id
JOIN dim_file fl ON fl.sha256 = w.sha256
LEFT JOIN dim_region r ON r.adcode = w.adcode
GROUP BY w.metric_id, fl.path, r.name, w.region, w.adcode, w.area, w.year_from, w.year_to, w.modality, w.subject,
         w.value, w.unit, w.span_text, w.sentence;
COMMENT ON VIEW v_petitions IS 'Petitions (诉求/信访/投诉...) collected vs resolved where the text reports both, via the part-of bridge; words in ref_petition_term. Current facts only.';
COMMENT ON COLUMN v_petitions.metric_id IS 'The collected metric (the whole of the part-of relation).';
COMMENT ON COLUMN v_petitions.file IS 'Absolute path of the raw file.';
COMMENT ON COLUMN v_petitions.region IS 'Region the collected metric is about.';
COMMENT ON COLUMN v_petitions.adcode IS 'GB/T 2260 code of the region.';
COMMENT ON COLUMN v_petitions.area IS 'Finer area named by the sentence.';
COMMENT ON COLUMN v_petitions.year_from IS 'First year the collected metric refers to.';
COMMENT ON COLUMN v_petitions.year_to IS 'Last year the collected metric refers to.';
COMMENT ON COLUMN v_petitions.year IS 'Same as year_to.';
COMMENT ON COLUMN v_petitions.modality IS 'actual or target.';
COMMENT ON COLUMN v_petitions.subject IS 'What was collected, may be null.';
COMMENT ON COLUMN v_petitions.collected IS 'Number of petitions collected (the whole).';
COMMENT ON COLUMN v_petitions.unit IS 'Unit of collected (and of the summed parts).';
COMMENT ON COLUMN v_petitions.resolved IS 'Sum of the parts labelled resolved (办结/解决/化解...) in the same unit, null if none.';
COMMENT ON COLUMN v_petitions.pending IS 'Sum of the parts labelled still open (跟办/在办...) in the same unit, null if none.';
COMMENT ON COLUMN v_petitions.resolved_share IS 'resolved / collected.';
COMMENT ON COLUMN v_petitions.collected_text IS 'Span of the collected metric.';
COMMENT ON COLUMN v_petitions.resolved_text IS 'Spans of the resolved parts.';
COMMENT ON COLUMN v_petitions.pending_text IS 'Spans of the open parts.';
COMMENT ON COLUMN v_petitions.sentence IS 'Sentence of the collected metric.';

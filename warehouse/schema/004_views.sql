-- Analyst views: names instead of keys. Later changes to a view go in a new migration
-- (CREATE OR REPLACE VIEW ... plus its comments again).

CREATE VIEW v_metric AS
SELECT
    f.metric_id,
    fl.path AS file,
    fl.name AS file_name,
    d.title,
    d.story_ix,
    coalesce(r.name, f.region) AS region,
    f.adcode,
    coalesce(r.level, f.region_level) AS region_level,
    r.province,
    f.area,
    f.topic,
    t.name_zh AS topic_zh,
    t.name_en AS topic_en,
    f.unit,
    u.kind AS unit_kind,
    p.year,
    p.month,
    f.value,
    f.low,
    f.high,
    f.bound,
    f.value * u.factor AS value_base,
    u.base_unit,
    f.subject,
    f.span_text,
    f.sentence,
    s.role AS sentence_role,
    f.sha256,
    f.char_start,
    f.char_end
FROM fact_metric f
JOIN dim_file fl ON fl.sha256 = f.sha256
LEFT JOIN dim_document d ON d.document_id = f.document_id
LEFT JOIN dim_sentence s ON s.sentence_id = f.sentence_id
LEFT JOIN dim_region r ON r.adcode = f.adcode
LEFT JOIN dim_topic t ON t.topic = f.topic
LEFT JOIN dim_unit u ON u.unit = f.unit
LEFT JOIN dim_period p ON p.period_key = f.period_key;
COMMENT ON VIEW v_metric IS 'One wide row per metric with names instead of keys: the view to start from.';
COMMENT ON COLUMN v_metric.metric_id IS 'Natural key of the metric (fact_metric.metric_id).';
COMMENT ON COLUMN v_metric.file IS 'Raw file path the metric was read from.';
COMMENT ON COLUMN v_metric.file_name IS 'Basename of file.';
COMMENT ON COLUMN v_metric.title IS 'Headline of the story.';
COMMENT ON COLUMN v_metric.story_ix IS '0-based order of the story on the page.';
COMMENT ON COLUMN v_metric.region IS 'Region name of the document.';
COMMENT ON COLUMN v_metric.adcode IS 'GB/T 2260 code of the region.';
COMMENT ON COLUMN v_metric.region_level IS 'province, city or county.';
COMMENT ON COLUMN v_metric.province IS 'Province of the region.';
COMMENT ON COLUMN v_metric.area IS 'Finer area named by the sentence (街道/镇/乡/村/社区).';
COMMENT ON COLUMN v_metric.topic IS 'Topic code.';
COMMENT ON COLUMN v_metric.topic_zh IS 'Topic name in Chinese.';
COMMENT ON COLUMN v_metric.topic_en IS 'Topic name in English.';
COMMENT ON COLUMN v_metric.unit IS 'Canonical unit.';
COMMENT ON COLUMN v_metric.unit_kind IS 'Kind of unit: count, people, money, area, percent...';
COMMENT ON COLUMN v_metric.year IS 'Reporting year, null when unknown.';
COMMENT ON COLUMN v_metric.month IS 'Reporting month, null unless stated.';
COMMENT ON COLUMN v_metric.value IS 'The metric in its unit, multipliers applied.';
COMMENT ON COLUMN v_metric.low IS 'Low end of a range (= value otherwise).';
COMMENT ON COLUMN v_metric.high IS 'High end of a range (= value otherwise).';
COMMENT ON COLUMN v_metric.bound IS 'exact, approx, at_least or at_most.';
COMMENT ON COLUMN v_metric.value_base IS 'value converted to base_unit (e.g. 亩 to 平方米).';
COMMENT ON COLUMN v_metric.base_unit IS 'Base unit of the unit kind.';
COMMENT ON COLUMN v_metric.subject IS 'The counted thing, may be null.';
COMMENT ON COLUMN v_metric.span_text IS 'The span as it stands in the text.';
COMMENT ON COLUMN v_metric.sentence IS 'The sentence holding the span.';
COMMENT ON COLUMN v_metric.sentence_role IS 'headline, body, caption...';
COMMENT ON COLUMN v_metric.sha256 IS 'File version (doc_text.sha256) the offsets point into.';
COMMENT ON COLUMN v_metric.char_start IS 'Start of the span in doc_text.text (0-based, inclusive).';
COMMENT ON COLUMN v_metric.char_end IS 'End of the span in doc_text.text (exclusive).';

CREATE VIEW v_region_summary AS
SELECT
    coalesce(r.name, f.region, '(unknown)') AS region,
    f.adcode,
    coalesce(r.level, f.region_level) AS region_level,
    count(*) AS metrics,
    count(DISTINCT f.sha256) AS files,
    count(DISTINCT f.document_id) AS documents,
    count(DISTINCT f.topic) AS topics,
    min(p.year) AS first_year,
    max(p.year) AS last_year
FROM fact_metric f
LEFT JOIN dim_region r ON r.adcode = f.adcode
LEFT JOIN dim_period p ON p.period_key = f.period_key
GROUP BY ALL;
COMMENT ON VIEW v_region_summary IS 'Metrics per region: how many, from how many files and stories, on how many topics, which years.';
COMMENT ON COLUMN v_region_summary.region IS 'Region name ((unknown) when the document region could not be resolved).';
COMMENT ON COLUMN v_region_summary.adcode IS 'GB/T 2260 code, null when unknown.';
COMMENT ON COLUMN v_region_summary.region_level IS 'province, city or county.';
COMMENT ON COLUMN v_region_summary.metrics IS 'Number of metrics.';
COMMENT ON COLUMN v_region_summary.files IS 'Number of file versions they come from.';
COMMENT ON COLUMN v_region_summary.documents IS 'Number of stories they come from.';
COMMENT ON COLUMN v_region_summary.topics IS 'Number of distinct topics.';
COMMENT ON COLUMN v_region_summary.first_year IS 'Earliest reporting year.';
COMMENT ON COLUMN v_region_summary.last_year IS 'Latest reporting year.';

CREATE VIEW v_topic_summary AS
SELECT
    f.topic,
    t.name_zh AS topic_zh,
    t.name_en AS topic_en,
    count(*) AS metrics,
    count(DISTINCT f.sha256) AS files,
    count(DISTINCT f.adcode) AS regions,
    count(DISTINCT f.unit) AS units
FROM fact_metric f
LEFT JOIN dim_topic t ON t.topic = f.topic
GROUP BY ALL;
COMMENT ON VIEW v_topic_summary IS 'Metrics per topic: how many, from how many files and regions.';
COMMENT ON COLUMN v_topic_summary.topic IS 'Topic code.';
COMMENT ON COLUMN v_topic_summary.topic_zh IS 'Topic name in Chinese.';
COMMENT ON COLUMN v_topic_summary.topic_en IS 'Topic name in English.';
COMMENT ON COLUMN v_topic_summary.metrics IS 'Number of metrics.';
COMMENT ON COLUMN v_topic_summary.files IS 'Number of file versions.';
COMMENT ON COLUMN v_topic_summary.regions IS 'Number of distinct regions (adcodes).';
COMMENT ON COLUMN v_topic_summary.units IS 'Number of distinct units.';

-- A part's label is the text between the previous metric of its sentence (or the sentence start)
-- and the part itself: in 其中已办结4899件、跟办981件 the label of 981件 is 、跟办.
CREATE VIEW v_petitions AS
WITH whole AS (
    SELECT f.*
    FROM fact_metric f
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
            t.text,
            greatest(s.char_start, coalesce(lag(f.char_end) OVER (PARTITION BY f.sentence_id ORDER BY f.char_start), 0)) + 1,
            f.char_start - greatest(s.char_start, coalesce(lag(f.char_end) OVER (PARTITION BY f.sentence_id ORDER BY f.char_start), 0))
        ) AS label
    FROM fact_metric f
    JOIN doc_text t ON t.sha256 = f.sha256
    JOIN dim_sentence s ON s.sentence_id = f.sentence_id
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
    p.year,
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
LEFT JOIN dim_period p ON p.period_key = w.period_key
GROUP BY w.metric_id, fl.path, r.name, w.region, w.adcode, w.area, p.year, w.subject, w.value, w.unit,
         w.span_text, w.sentence;
COMMENT ON VIEW v_petitions IS 'Petitions (诉求/信访/投诉...) collected vs resolved where the text reports both, via the part-of bridge; words in ref_petition_term.';
COMMENT ON COLUMN v_petitions.metric_id IS 'The collected metric (the whole of the part-of relation).';
COMMENT ON COLUMN v_petitions.file IS 'Raw file path.';
COMMENT ON COLUMN v_petitions.region IS 'Region name of the document.';
COMMENT ON COLUMN v_petitions.adcode IS 'GB/T 2260 code of the region.';
COMMENT ON COLUMN v_petitions.area IS 'Finer area named by the sentence.';
COMMENT ON COLUMN v_petitions.year IS 'Reporting year.';
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

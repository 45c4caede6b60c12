-- Every metric, current or retired, with names instead of keys; the sentence is cut out of the one
-- stored copy of the text (the doc_chunk piece holding it) by its offsets.
CREATE OR REPLACE VIEW v_metric_all AS
SELECT
    f.metric_id,
    fl.path AS file,
    fl.name AS file_name,
    st.title,
    f.story_ix,
    f.sent_ix,
    coalesce(r.name, f.region) AS region,
    f.adcode,
    coalesce(r.level, f.region_level) AS region_level,
    r.province,
    f.area,
    f.subject,
    f.measure,
    f.topic,
    t.name_zh AS topic_zh,
    t.name_en AS topic_en,
    t.budget_class,
    f.modality,
    f.year_from,
    f.year_to,
    f.year_to AS year,
    p.label AS period,
    f.unit,
    u.kind AS unit_kind,
    u.gloss_en AS unit_en,
    f.value,
    f.low,
    f.high,
    f.bound,
    f.value * u.factor AS value_base,
    u.base_unit,
    f.span_text,
    substr(ch.text, s.char_start - ch.char_start + 1, s.char_end - s.char_start) AS sentence,
    s.role AS sentence_role,
    f.sha256,
    f.char_start,
    f.char_end,
    f.is_current,
    f.retired_at
FROM fact_metric f
JOIN dim_file fl ON fl.sha256 = f.sha256
LEFT JOIN dim_story st ON st.sha256 = f.sha256 AND st.story_ix = f.story_ix
LEFT JOIN dim_sentence s ON s.sha256 = f.sha256 AND s.sent_ix = f.sent_ix
LEFT JOIN doc_chunk ch ON ch.sha256 = s.sha256 AND ch.chunk_ix = s.chunk_ix
LEFT JOIN dim_region r ON r.adcode = f.adcode
LEFT JOIN dim_topic t ON t.topic = f.topic
LEFT JOIN dim_unit u ON u.unit = f.unit
LEFT JOIN dim_period p ON p.period_key = f.period_key;
COMMENT ON VIEW v_metric_all IS 'Every metric, current or retired (is_current, retired_at), one wide row with names instead of keys.';
COMMENT ON COLUMN v_metric_all.metric_id IS 'Natural key of the metric (fact_metric.metric_id).';
COMMENT ON COLUMN v_metric_all.file IS 'Absolute path of the raw file the metric was read from.';
COMMENT ON COLUMN v_metric_all.file_name IS 'Basename of file.';
COMMENT ON COLUMN v_metric_all.title IS 'Headline of the story.';
COMMENT ON COLUMN v_metric_all.story_ix IS '0-based order of the story on the page.';
COMMENT ON COLUMN v_metric_all.sent_ix IS '0-based index of the sentence in the file.';
COMMENT ON COLUMN v_metric_all.region IS 'Most specific division the metric is about (its sentence, else story, else page).';
COMMENT ON COLUMN v_metric_all.adcode IS 'GB/T 2260 code of the region.';
COMMENT ON COLUMN v_metric_all.region_level IS 'province, city or county.';
COMMENT ON COLUMN v_metric_all.province IS 'Province of the region.';
COMMENT ON COLUMN v_metric_all.area IS 'Finer area named by the sentence (街道/镇/乡/村/社区).';
COMMENT ON COLUMN v_metric_all.subject IS 'What is counted (fact-spec subject), may be null.';
COMMENT ON COLUMN v_metric_all.measure IS 'What happened to it (收集, 办结, 增长...), may be null.';
COMMENT ON COLUMN v_metric_all.topic IS 'Topic code (dim_topic).';
COMMENT ON COLUMN v_metric_all.topic_zh IS 'Topic name in Chinese.';
COMMENT ON COLUMN v_metric_all.topic_en IS 'Topic name in English.';
COMMENT ON COLUMN v_metric_all.budget_class IS 'Chapter(s) of the functional classification of government expenditure the topic is tied to (dim_topic.budget_class).';
COMMENT ON COLUMN v_metric_all.modality IS 'actual or target.';
COMMENT ON COLUMN v_metric_all.year_from IS 'First calendar year the metric refers to (see fact_metric.year_from), null when nothing tells.';
COMMENT ON COLUMN v_metric_all.year_to IS 'Last calendar year the metric refers to (= year_from for one year).';
COMMENT ON COLUMN v_metric_all.year IS 'Same as year_to (kept for older queries and the Parquet export partitions).';
COMMENT ON COLUMN v_metric_all.period IS 'Label of the years, e.g. 2025年 or 2021—2025年.';
COMMENT ON COLUMN v_metric_all.unit IS 'Canonical unit.';
COMMENT ON COLUMN v_metric_all.unit_kind IS 'Kind of unit: count, people, money, area, percent...';
COMMENT ON COLUMN v_metric_all.unit_en IS 'English gloss of the unit.';
COMMENT ON COLUMN v_metric_all.value IS 'The metric in its unit, multipliers applied.';
COMMENT ON COLUMN v_metric_all.low IS 'Low end of a range (= value otherwise).';
COMMENT ON COLUMN v_metric_all.high IS 'High end of a range (= value otherwise).';
COMMENT ON COLUMN v_metric_all.bound IS 'exact, approx, at_least or at_most.';
COMMENT ON COLUMN v_metric_all.value_base IS 'value converted to base_unit (e.g. 亩 to 平方米, 名 to 人).';
COMMENT ON COLUMN v_metric_all.base_unit IS 'Base unit of the unit (people: 人).';
COMMENT ON COLUMN v_metric_all.span_text IS 'The span as it stands in the text.';
COMMENT ON COLUMN v_metric_all.sentence IS 'The sentence holding the span (cut out of the stored text by the sentence offsets).';
COMMENT ON COLUMN v_metric_all.sentence_role IS 'headline, body, caption...';
COMMENT ON COLUMN v_metric_all.sha256 IS 'File version (doc_text.sha256) the offsets point into.';
COMMENT ON COLUMN v_metric_all.char_start IS 'Start of the span in doc_text.text (0-based, inclusive).';
COMMENT ON COLUMN v_metric_all.char_end IS 'End of the span in doc_text.text (exclusive).';
COMMENT ON COLUMN v_metric_all.is_current IS 'False once its file disappeared from the raw directory (retired).';
COMMENT ON COLUMN v_metric_all.retired_at IS 'When it was retired (UTC), null while current.';

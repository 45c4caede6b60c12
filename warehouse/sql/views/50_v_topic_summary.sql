CREATE OR REPLACE VIEW v_topic_summary AS
SELECT
    f.topic,
    t.name_zh AS topic_zh,
    t.name_en AS topic_en,
    t.budget_class,
    count(*) AS metrics,
    count(DISTINCT f.sha256) AS files,
    count(DISTINCT f.adcode) AS regions,
    count(DISTINCT f.unit) AS units
FROM fact_metric f
LEFT JOIN dim_topic t ON t.topic = f.topic
WHERE f.is_current
GROUP BY ALL;
COMMENT ON VIEW v_topic_summary IS 'Current metrics per topic: how many, from how many files and regions.';
COMMENT ON COLUMN v_topic_summary.topic IS 'Topic code.';
COMMENT ON COLUMN v_topic_summary.topic_zh IS 'Topic name in Chinese.';
COMMENT ON COLUMN v_topic_summary.topic_en IS 'Topic name in English.';
COMMENT ON COLUMN v_topic_summary.budget_class IS 'Chapter of the functional classification of expenditure.';
COMMENT ON COLUMN v_topic_summary.metrics IS 'Number of metrics.';
COMMENT ON COLUMN v_topic_summary.files IS 'Number of file versions.';
COMMENT ON COLUMN v_topic_summary.regions IS 'Number of distinct regions (adcodes).';
COMMENT ON COLUMN v_topic_summary.units IS 'Number of distinct units.';

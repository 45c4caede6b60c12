CREATE OR REPLACE VIEW v_region_summary AS
SELECT
    coalesce(r.name, f.region, '(unknown)') AS region,
    f.adcode,
    coalesce(r.level, f.region_level) AS region_level,
    count(*) AS metrics,
    count(DISTINCT f.sha256) AS files,
    count(DISTINCT (f.sha256, f.story_ix)) AS stories,
    count(DISTINCT f.topic) AS topics,
    min(f.year_from) AS first_year,
    max(f.year_to) AS last_year
FROM fact_metric f
LEFT JOIN dim_region r ON r.adcode = f.adcode
WHERE f.is_current
GROUP BY ALL;
COMMENT ON VIEW v_region_summary IS 'Current metrics per region: how many, from how many files and stories, on how many topics, which years.';
COMMENT ON COLUMN v_region_summary.region IS 'Region name ((unknown) when it could not be resolved).';
COMMENT ON COLUMN v_region_summary.adcode IS 'GB/T 2260 code, null when unknown.';
COMMENT ON COLUMN v_region_summary.region_level IS 'province, city or county.';
COMMENT ON COLUMN v_region_summary.metrics IS 'Number of metrics.';
COMMENT ON COLUMN v_region_summary.files IS 'Number of file versions they come from.';
COMMENT ON COLUMN v_region_summary.stories IS 'Number of stories they come from.';
COMMENT ON COLUMN v_region_summary.topics IS 'Number of distinct topics.';
COMMENT ON COLUMN v_region_summary.first_year IS 'Earliest year_from.';
COMMENT ON COLUMN v_region_summary.last_year IS 'Latest year_to.';

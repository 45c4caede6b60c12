-- A metric a story repeats (headline and body, lead and text) is one metric: same story, value,
-- unit and subject. Sums over this view do not double count; the body mention is kept.
CREATE OR REPLACE VIEW v_metric_distinct AS
SELECT *,
       count(*) OVER (PARTITION BY sha256, story_ix, value, unit, subject) AS mentions
FROM v_metric
QUALIFY row_number() OVER (
    PARTITION BY sha256, story_ix, value, unit, subject
    ORDER BY CASE WHEN sentence_role IN ('headline', 'subheadline', 'teaser') THEN 1 ELSE 0 END, char_start
) = 1;
COMMENT ON VIEW v_metric_distinct IS 'v_metric with a metric repeated in one story (same story, value, unit, subject; e.g. headline and body) collapsed to one row, the body mention preferred: sum over this view.';
COMMENT ON COLUMN v_metric_distinct.mentions IS 'How many times the story states this metric (1 = once).';

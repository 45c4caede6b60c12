-- Once per run, at publish: reference dimensions are replaced wholesale when the run brings them
-- (same input, same rows); dim_period is rebuilt from the facts.

DELETE FROM dim_region WHERE (SELECT count(*) FROM stg_regions) > 0;
INSERT INTO dim_region SELECT DISTINCT ON (adcode) adcode, name, level, parent_adcode, province
FROM stg_regions WHERE adcode IS NOT NULL ORDER BY adcode;

DELETE FROM dim_topic WHERE (SELECT count(*) FROM stg_topics) > 0;
INSERT INTO dim_topic (topic, name_zh, name_en, budget_class)
SELECT DISTINCT ON (topic) topic, name_zh, name_en, budget_class
FROM stg_topics WHERE topic IS NOT NULL ORDER BY topic;

DELETE FROM dim_unit WHERE (SELECT count(*) FROM stg_units) > 0;
INSERT INTO dim_unit (unit, kind, base_unit, factor, gloss_en)
SELECT DISTINCT ON (unit) unit, kind, base_unit, factor, gloss_en
FROM stg_units WHERE unit IS NOT NULL ORDER BY unit;

DELETE FROM dim_period;
INSERT INTO dim_period
SELECT DISTINCT period_key, year_from, year_to, year_to - year_from + 1,
       CASE WHEN year_from = year_to THEN year_from || '年' ELSE year_from || '—' || year_to || '年' END
FROM fact_metric WHERE period_key IS NOT NULL
ORDER BY 1;

-- Question: how many people do the texts say were reached, per topic and year, without counting a
-- metric twice when a story repeats it (headline and body)? Units of people are folded to 人.
SELECT topic, topic_zh, year_to AS year, count(*) AS metrics, sum(value_base) AS people
FROM v_metric_distinct
WHERE unit_kind = 'people' AND modality IS DISTINCT FROM 'target'
GROUP BY ALL
ORDER BY people DESC, topic, year;

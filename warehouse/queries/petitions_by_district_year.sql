-- Question: how many petitions were resolved per district and year, where the text reports both
-- the petitions collected and those resolved? Years are the years the metrics refer to.
SELECT region, adcode, year_from, year_to,
       sum(collected) AS collected, sum(resolved) AS resolved
FROM v_petitions
WHERE modality IS DISTINCT FROM 'target'
GROUP BY ALL
ORDER BY region, year_to;

-- Question: what are the largest money amounts stated (investments, subsidies, funds), with their
-- sentence so the claim can be read in context? Values in 元 after 万/亿 were folded in.
SELECT file, region, year_from, year_to, value AS yuan, span_text, sentence
FROM v_metric
WHERE unit_kind = 'money'
ORDER BY value DESC, metric_id
LIMIT 20;

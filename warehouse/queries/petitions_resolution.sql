-- Question: how many petitions (诉求/信访/投诉) did each region report collecting, and what share
-- was resolved, where the text states both? One row per region and year, most petitions first.
SELECT region, adcode, year_to AS year,
       sum(collected) AS collected,
       sum(resolved) AS resolved,
       round(sum(resolved) / nullif(sum(collected), 0), 3) AS resolved_share
FROM v_petitions
GROUP BY region, adcode, year_to
ORDER BY collected DESC, region;

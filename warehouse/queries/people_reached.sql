-- Question: how many people do the reports say were reached or served, per region and year?
-- Sums metrics whose unit counts people (人, 人次, 名...); a sum of claims, not of unique people.
SELECT region, year_to AS year, unit,
       count(*) AS metrics,
       sum(value) AS total
FROM v_metric
WHERE unit_kind = 'people'
GROUP BY region, year_to, unit
ORDER BY total DESC, region, unit;

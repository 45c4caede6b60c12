-- Question: why were metrics held back by the quality gate in the latest run that quarantined any?
SELECT q.expectation, q.severity, count(*) AS metrics, any_value(q.text) AS example_span,
       any_value(q.sentence) AS example_sentence
FROM quarantine_metric q
WHERE q.run_id = (SELECT run_id FROM audit_load_run r
                  WHERE EXISTS (SELECT 1 FROM quarantine_metric x WHERE x.run_id = r.run_id)
                  ORDER BY started_at DESC LIMIT 1)
GROUP BY q.expectation, q.severity
ORDER BY metrics DESC, q.expectation;

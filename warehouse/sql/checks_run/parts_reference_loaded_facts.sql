-- The publish's parts_reference_loaded_facts (checks/parts_reference_loaded_facts.sql is the
-- whole-warehouse form, run by `minsheng check`): the parts this run stored were checked batch by
-- batch (load/36_check_rows.sql); a fact leaves only with its version's parts, and parts this run
-- did not write were checked by the run that wrote them. Two NOT INs over every metric_id of the
-- warehouse made the publish grow with it (docs/decisions/0019-loader-memory-bounded-by-the-batch.md).
SELECT key FROM run_check_failed WHERE check_name = 'parts_reference_loaded_facts';

-- Every file version names a run that is in the run log.
SELECT d.first_seen_run FROM dim_file d
WHERE d.first_seen_run NOT IN (SELECT run_id FROM audit_load_run);

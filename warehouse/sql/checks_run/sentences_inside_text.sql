-- The publish's sentences_inside_text (checks/sentences_inside_text.sql is the whole-warehouse form,
-- run by `minsheng check`): the sentences and pieces this run stored were checked batch by batch
-- (load/36_check_rows.sql); versions this run did not load were checked by the run
-- that loaded them (docs/decisions/0019-loader-memory-bounded-by-the-batch.md).
SELECT key FROM run_check_failed WHERE check_name = 'sentences_inside_text';

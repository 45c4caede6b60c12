-- The publish's keys_are_unique (checks/keys_are_unique.sql is the whole-warehouse form, run by
-- `minsheng check`): the keys this run stored were checked batch by batch against the whole table
-- (load/36_check_rows.sql), and the rows this run did not write were checked by the
-- run that wrote them. Grouping every key of the warehouse here made the publish grow with it
-- (docs/decisions/0019-loader-memory-bounded-by-the-batch.md).
SELECT key FROM run_check_failed WHERE check_name = 'keys_are_unique';

-- The publish's span_matches_text (checks/span_matches_text.sql is the whole-warehouse form, run by
-- `minsheng check`): the facts this run stored were checked batch by batch against their batch's
-- text (load/35_check_spans.sql), and the versions this run did not load were checked by the run
-- that loaded them. Any failure of any batch refuses the run (even if a later batch replaced the
-- version). Without the join over every text of the warehouse the publish's memory does not grow
-- with it (docs/decisions/0019-loader-memory-bounded-by-the-batch.md).
SELECT metric_id, sha256 FROM run_span_failed;

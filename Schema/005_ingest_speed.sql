-- 005_ingest_speed.sql: FactArchive schema version 5.
--
-- Full-text rows are now inserted by FactArchive's writer, next to the rows they index:
-- an FTS5 insert made by a trigger costs several times a direct one (SQLite wraps each
-- trigger's virtual-table write in a statement savepoint, and FTS5 flushes its pending
-- terms at every savepoint), and the summaries trigger also read each text back out of
-- documents.raw_text. Together the insert triggers took most of an ingest's time.
-- The delete and update triggers stay: whatever removes or rewrites a row, its index rows
-- follow.
DROP TRIGGER questions_ai;
DROP TRIGGER summary_spans_ai;
DROP TRIGGER follow_ups_ai;
DROP TRIGGER checks_ai;

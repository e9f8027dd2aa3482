-- 010_one_queue_rule.sql: FactArchive schema version 10.
--
-- The queue's rule has one home (`QueueSQL` in the library: live, due, no snooze in force,
-- in `QueueOrder`'s tier order), and `stale_now` is created again from it: a test fails when
-- this text and the rule differ. The view's columns and rows are as before.
--
-- The nightly reports stored in `staleness_runs.report` are rewritten by the library in the
-- same transaction as this file, in the shape `factarchive report --format json` prints
-- (snake_case keys, stale checks as `factarchive stale --format json` prints them).

DROP VIEW stale_now;
-- The stale queue today (local time), by the stored due dates, snoozed checks left out, in
-- the queue's default order (tier, then the most overdue, then the most cited).
CREATE VIEW stale_now AS
SELECT c.id AS check_id, c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred,
       c.due_on, CAST(julianday(date('now', 'localtime')) - julianday(c.due_on) AS INTEGER) AS overdue_days,
       c.topic, c.publisher_flagged_outdated, c.time_sensitive_terms, c.queue_tier, c.review_verdict
FROM checks AS c JOIN questions AS q ON q.id = c.question_id
WHERE c.superseded = 0 AND c.due_on <= date('now', 'localtime') AND NOT c.id IN (SELECT z.check_id FROM snoozes AS z WHERE z.ended_at IS NULL AND z.until > date('now', 'localtime'))
ORDER BY c.queue_tier, c.due_on, c.citation_count DESC, c.id;

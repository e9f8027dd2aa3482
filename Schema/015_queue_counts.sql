-- 015_queue_counts.sql: FactArchive schema version 15.
--
-- The desk's tier counts at a million checks. Counting the entries of `checks_by_tier` due
-- by a day reads every stale check (about 900,000 index entries, 129 ms at a million
-- articles). This table holds how many live checks (the latest of their question, judged,
-- not withdrawn) each tier has per topic and due day, so the count of a tier on a day is the
-- sum of its rows due by then (of one topic, when the desk filters by topic): a few thousand
-- rows per topic, whatever the size of the archive.
--
-- Every change that moves a check keeps it, in the same transaction: a check written or
-- deleted, made the latest of its question or superseded, its due date or tier judged again
-- (the library's `TierCounts` is the one place that does it). Not a trigger: an UPDATE of
-- `checks` that fires a trigger opens a statement journal, and opening one makes every
-- full-text index written earlier in the transaction flush its pending terms (migration
-- 009). Rows may hold 0 once their checks have moved on; they count nothing.

CREATE TABLE queue_counts (
  queue_tier INTEGER NOT NULL,          -- as checks.queue_tier
  topic      TEXT NOT NULL,             -- as checks.topic; '' for checks no topic rule claims
  due_on     TEXT NOT NULL,             -- as checks.due_on
  checks     INTEGER NOT NULL,          -- live checks of that tier and topic due that day
  PRIMARY KEY (topic, queue_tier, due_on)
) WITHOUT ROWID;

INSERT INTO queue_counts (queue_tier, topic, due_on, checks)
SELECT queue_tier, coalesce(topic, ''), due_on, count(*) FROM checks
WHERE superseded = 0 AND queue_tier IS NOT NULL AND due_on IS NOT NULL
GROUP BY queue_tier, coalesce(topic, ''), due_on;

-- The queue of one topic, tier after tier (the desk's topic filter, `stale --topic`). The
-- index on (topic, due_on) found a topic's rows but not in the queue's order, so SQLite
-- sorted all of them: 4.2 s for the checks no topic claims at 1,000,000 articles, 20 ms
-- with this index.
DROP INDEX checks_by_topic;
CREATE INDEX checks_by_topic_tier ON checks (topic, queue_tier, due_on) WHERE superseded = 0;

-- 022_queue_pages_by_index.sql: FactArchive schema version 22.
--
-- Deep pages of the queue (the desk's `?page=5000`, `stale --offset`): inside a tier and due
-- day the queue's order takes the most cited first, a column neither the tier's nor the
-- topic's index held, so SQLite read every check it skipped from the table to sort it: at
-- 1,000,000 articles page 100 took 75 ms and page 5,000 2.5–4.2 s (ids alone 2.1 s). With the
-- citation count in the index (the id, the last key, is in every index entry already), the
-- order is the index's own and skipped entries are passed over in the index: 50 ms for the
-- ids of page 5,000. Same names, same rows: what used these indexes still does.

DROP INDEX checks_by_tier;
CREATE INDEX checks_by_tier ON checks (queue_tier, due_on, citation_count DESC)
  WHERE superseded = 0;
DROP INDEX checks_by_topic_tier;
CREATE INDEX checks_by_topic_tier ON checks (topic, queue_tier, due_on, citation_count DESC)
  WHERE superseded = 0;

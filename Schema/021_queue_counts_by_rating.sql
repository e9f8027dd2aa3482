-- 021_queue_counts_by_rating.sql: FactArchive schema version 21.
--
-- The desk's tier counts for the queue filtered by a verdict (`?rating=false`: other
-- publishers' checks rated false) counted every stale check of that rating, each time the
-- page was shown: 0.3–1.1 s at 1,000,000 articles with 63,000 such checks. `queue_counts`
-- now keeps the rating class beside the tier, topic and due day ('' for checks without a
-- rated verdict), so those counts are summed from a few thousand rows like the others.
-- Readers that sum `checks` by tier, topic or day get the same totals as before.

CREATE TABLE queue_counts_by_rating (
  queue_tier   INTEGER NOT NULL,        -- as checks.queue_tier
  topic        TEXT NOT NULL,           -- as checks.topic; '' for checks no topic rule claims
  rating_class TEXT NOT NULL,           -- as checks.rating_class; '' for checks without one
  due_on       TEXT NOT NULL,           -- as checks.due_on
  checks       INTEGER NOT NULL,        -- live checks of that tier, topic and rating due that day
  PRIMARY KEY (topic, queue_tier, rating_class, due_on)
) WITHOUT ROWID;

INSERT INTO queue_counts_by_rating (queue_tier, topic, rating_class, due_on, checks)
SELECT queue_tier, coalesce(topic, ''), coalesce(rating_class, ''), due_on, count(*) FROM checks
WHERE superseded = 0 AND queue_tier IS NOT NULL AND due_on IS NOT NULL
GROUP BY queue_tier, coalesce(topic, ''), coalesce(rating_class, ''), due_on;

DROP TABLE queue_counts;
ALTER TABLE queue_counts_by_rating RENAME TO queue_counts;

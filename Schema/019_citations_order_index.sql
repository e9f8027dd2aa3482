-- 019_citations_order_index.sql: FactArchive schema version 19.
--
-- The queue in its `citations` order (`stale --order citations`, the desk's order menu):
-- the most cited live checks first. No index gave that order, so SQLite read and sorted every
-- stale check to show the first twenty: 0.75 s at 100,000 articles, 7.5 s at 1,000,000
-- (whole process). Walked in this index's order, the query stops at the page's end (0.04 ms
-- for the statement at 100,000). The id completes the order; the tier and the topic ride
-- along, so the queue of one tier or topic in this order walks the same index and filters
-- without reading the table (with their own indexes SQLite sorted every check of the tier:
-- 8 s at 1,000,000). Live checks only, as the other queue indexes.

CREATE INDEX checks_by_citations ON checks (citation_count DESC, due_on, id, queue_tier, topic)
  WHERE superseded = 0;

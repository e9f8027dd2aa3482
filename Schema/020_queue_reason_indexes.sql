-- 020_queue_reason_indexes.sql: FactArchive schema version 20.
--
-- The queue filtered by a reason few checks have (`stale --reason review`, the desk's reason
-- menu): no index held those checks, so the queue was walked in its order and every live
-- check tested for the reason until the page filled: a reason no check had read the whole
-- queue (4.1–4.4 s at 1,000,000 articles for `review`, `time_sensitive` and `undated`, the
-- desk's page as long). The queue now asks these indexes for the checks the reason can
-- apply to and, when they are few, reads the queue from them (`StaleQueue`); a common
-- reason is still met within the queue's first rows. Live checks only, as the other queue
-- indexes; each holds only the checks it names.

CREATE INDEX checks_needing_update ON checks (id)
  WHERE superseded = 0 AND review_verdict = 'needs_update';
CREATE INDEX checks_time_bound ON checks (id)
  WHERE superseded = 0 AND time_sensitive_terms IS NOT NULL;
CREATE INDEX checks_without_date ON checks (id)
  WHERE superseded = 0 AND checked_on IS NULL;

-- 008_staleness_periods.sql: FactArchive schema version 8.
--
-- The nightly report records staleness as periods instead of one row per stale check per
-- night: a check's period opens on the night it enters the queue (or is snoozed in it) and
-- closes on the night it leaves (refreshed by a newer check, reviewed, withdrawn, snoozed,
-- no longer due). A run writes only what changed since the night before; `staleness_flags`
-- becomes a view over the periods, with the same columns, so queries written against the
-- table keep working. Existing runs are carried over whole.

-- One period of a check in the queue ('queued') or stale but snoozed ('snoozed').
CREATE TABLE staleness_periods (
  id          INTEGER PRIMARY KEY,                   -- period id
  check_id    INTEGER NOT NULL,                      -- checks.id (ids survive reparses)
  state       TEXT NOT NULL CHECK (state IN ('queued', 'snoozed')),
  opened_run  INTEGER NOT NULL REFERENCES staleness_runs (id) ON DELETE CASCADE,
  opened_on   TEXT NOT NULL,                         -- the opening run's day ('YYYY-MM-DD')
  reasons     TEXT NOT NULL,                         -- reason codes on the night it opened
  due_on      TEXT,                                  -- the check's due date on the night it opened
  closed_run  INTEGER REFERENCES staleness_runs (id) ON DELETE SET NULL,
  closed_on   TEXT,                                  -- the closing run's day; NULL while open
  closed_as   TEXT CHECK (closed_as IS NULL OR closed_as IN
                ('refreshed', 'reviewed', 'withdrawn', 'snoozed', 'unsnoozed', 'not_due', 'removed'))
);
CREATE INDEX staleness_periods_open ON staleness_periods (check_id) WHERE closed_run IS NULL;
CREATE INDEX staleness_periods_by_check ON staleness_periods (check_id, opened_on);
CREATE INDEX staleness_periods_opened ON staleness_periods (opened_run);
CREATE INDEX staleness_periods_closed ON staleness_periods (closed_run) WHERE closed_run IS NOT NULL;

-- The largest check id each run has seen: checks added after it are looked at by the next
-- run. NULL for runs recorded before this version (the next run then looks at every check).
ALTER TABLE staleness_runs ADD COLUMN last_check_id INTEGER;

-- Checks whose place in the queue may have changed since the last run (a due date, a newer
-- check, a review, a snooze): the next run looks at these, and at checks falling due, and
-- empties the table.
CREATE TABLE staleness_changes (
  check_id INTEGER PRIMARY KEY
) WITHOUT ROWID;
CREATE TRIGGER checks_staleness_au AFTER UPDATE OF due_on, superseded, review_verdict ON checks
WHEN old.due_on IS NOT new.due_on OR old.superseded IS NOT new.superseded
  OR old.review_verdict IS NOT new.review_verdict
BEGIN
  INSERT OR IGNORE INTO staleness_changes (check_id) VALUES (new.id);
END;
CREATE TRIGGER checks_staleness_ad AFTER DELETE ON checks BEGIN
  INSERT OR IGNORE INTO staleness_changes (check_id) VALUES (old.id);
END;
CREATE TRIGGER snoozes_staleness_ai AFTER INSERT ON snoozes BEGIN
  INSERT OR IGNORE INTO staleness_changes (check_id) VALUES (new.check_id);
END;
CREATE TRIGGER snoozes_staleness_au AFTER UPDATE ON snoozes BEGIN
  INSERT OR IGNORE INTO staleness_changes (check_id) VALUES (new.check_id);
END;

-- The runs so far, as periods: consecutive runs (by day) that flagged a check in the same
-- state make one period (gaps and islands). A period closes on the next run; how is read
-- from that run ('refreshed' flag, a snooze starting or ending, a review in between).
INSERT INTO staleness_periods
  (check_id, state, opened_run, opened_on, reasons, due_on, closed_run, closed_on, closed_as)
WITH runs AS (
  SELECT id, as_of, row_number() OVER (ORDER BY as_of) AS n FROM staleness_runs
),
flags AS (
  SELECT f.check_id, r.n, CASE f.status WHEN 'snoozed' THEN 'snoozed' ELSE 'queued' END AS state,
         f.reasons, f.due_on
  FROM staleness_flags AS f JOIN runs AS r ON r.id = f.run_id
  WHERE f.status IN ('new', 'still', 'snoozed')
),
islands AS (
  SELECT check_id, state, n, n - row_number() OVER (PARTITION BY check_id, state ORDER BY n) AS island
  FROM flags
),
spans AS (
  SELECT check_id, state, min(n) AS first_n, max(n) AS last_n
  FROM islands GROUP BY check_id, state, island
)
SELECT s.check_id, s.state, o.id, o.as_of, f.reasons, f.due_on, c.id, c.as_of,
       CASE
         WHEN c.id IS NULL THEN NULL
         WHEN EXISTS (SELECT 1 FROM staleness_flags AS x
                      WHERE x.run_id = c.id AND x.check_id = s.check_id AND x.status = 'refreshed')
           THEN 'refreshed'
         WHEN EXISTS (SELECT 1 FROM flags AS y WHERE y.check_id = s.check_id AND y.n = s.last_n + 1)
           THEN CASE s.state WHEN 'queued' THEN 'snoozed' ELSE 'unsnoozed' END
         WHEN EXISTS (SELECT 1 FROM reviews AS v
                      WHERE v.check_id = s.check_id AND v.verdict = 'withdrawn'
                        AND v.reviewed_on >= l.as_of AND v.reviewed_on <= c.as_of)
           THEN 'withdrawn'
         WHEN EXISTS (SELECT 1 FROM reviews AS v
                      WHERE v.check_id = s.check_id AND v.reviewed_on >= l.as_of
                        AND v.reviewed_on <= c.as_of)
           THEN 'reviewed'
         ELSE 'not_due'
       END
FROM spans AS s
JOIN runs AS o ON o.n = s.first_n
JOIN runs AS l ON l.n = s.last_n
JOIN flags AS f ON f.check_id = s.check_id AND f.n = s.first_n
LEFT JOIN runs AS c ON c.n = s.last_n + 1;

DROP TABLE staleness_flags;

-- Every check each run flagged, and how, as the table of versions 3–7 held it: 'new' (its
-- period opened that night, and it was not in the run before), 'still', 'snoozed', and
-- 'refreshed' (in the run before, replaced by a newer check since). `reasons` and `due_on`
-- are those of the night its period opened.
CREATE VIEW staleness_flags AS
SELECT r.id AS run_id, p.check_id,
       CASE
         WHEN p.state = 'snoozed' THEN 'snoozed'
         WHEN p.opened_run = r.id AND NOT EXISTS (
           SELECT 1 FROM staleness_periods AS b
           WHERE b.check_id = p.check_id AND b.closed_run = r.id
             AND b.closed_as IN ('snoozed', 'unsnoozed')) THEN 'new'
         ELSE 'still'
       END AS status,
       p.reasons, p.due_on
FROM staleness_runs AS r
JOIN staleness_periods AS p
  ON p.opened_on <= r.as_of AND (p.closed_on IS NULL OR p.closed_on > r.as_of)
UNION ALL
SELECT p.closed_run, p.check_id, 'refreshed', p.reasons, p.due_on
FROM staleness_periods AS p WHERE p.closed_as = 'refreshed';

-- The latest run's newly stale checks: periods it opened for checks not in the run before.
CREATE VIEW newly_stale AS
SELECT p.check_id, p.opened_on AS since, p.reasons, p.due_on
FROM staleness_periods AS p
WHERE p.opened_run = (SELECT id FROM staleness_runs ORDER BY as_of DESC LIMIT 1)
  AND p.state = 'queued'
  AND NOT EXISTS (SELECT 1 FROM staleness_periods AS b
                  WHERE b.check_id = p.check_id AND b.closed_run = p.opened_run
                    AND b.closed_as IN ('snoozed', 'unsnoozed'));

-- Checks the latest run found refreshed (replaced by a newer check) since the run before.
CREATE VIEW refreshed_since_last_run AS
SELECT p.check_id, p.opened_on AS stale_since, p.closed_on AS refreshed_by, p.reasons
FROM staleness_periods AS p
WHERE p.closed_run = (SELECT id FROM staleness_runs ORDER BY as_of DESC LIMIT 1)
  AND p.closed_as = 'refreshed';

-- The queue's index carries what the report counts, so a run reads the queue from the index
-- alone (no row of `checks` is read for the counts). `superseded` is repeated as a column:
-- SQLite reads a partial index as covering only when every column the query names is in it.
DROP INDEX checks_stale_queue;
CREATE INDEX checks_stale_queue ON checks
  (due_on, queue_tier, topic, checked_on, checked_on_inferred, max_age_days, review_verdict,
   reviewed_on, publisher_flagged_outdated, time_sensitive_terms, superseded)
WHERE superseded = 0;
DROP INDEX checks_by_age;
CREATE INDEX checks_by_age ON checks
  (coalesce(checked_on, checked_on_inferred), checked_on, checked_on_inferred, superseded)
WHERE superseded = 0;

-- 006_reviews_and_evidence.sql: FactArchive schema version 6.
--
-- Editors' review verdicts (every review kept, the latest counting), newer evidence weighted
-- by how telling each shared name is (name frequencies kept as documents land), and the
-- queue's tiers (needs update, banner or evidence, time-sensitive, only old).
--
-- Every check and source is judged again when an archive is first opened after this
-- migration: checks' names now come from the question, the executive summary and the
-- section headings; sources' from the title and opening paragraphs.

-- Every review an editor records. Rows are never deleted.
CREATE TABLE reviews (
  id          INTEGER PRIMARY KEY,                   -- review id
  check_id    INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  verdict     TEXT NOT NULL CHECK (verdict IN ('still_accurate', 'needs_update', 'withdrawn')),
  note        TEXT NOT NULL DEFAULT '',              -- what the editor found
  reviewed_on TEXT NOT NULL                          -- 'YYYY-MM-DD': the day of the review
              CHECK (reviewed_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  reviewed_by TEXT NOT NULL,                         -- the editor ($USER, or the desk's signed-in user)
  created_at  TEXT NOT NULL                          -- UTC time it was recorded
);
CREATE INDEX reviews_by_check ON reviews (check_id, reviewed_on);
CREATE INDEX reviews_by_day ON reviews (reviewed_on);

-- The latest review of each check (latest day, then latest recorded), copied onto the check
-- so the queue can read it without a join.
ALTER TABLE checks ADD COLUMN review_verdict TEXT      -- the latest review's verdict; NULL when never reviewed
  CHECK (review_verdict IS NULL OR review_verdict IN ('still_accurate', 'needs_update', 'withdrawn'));
ALTER TABLE checks ADD COLUMN reviewed_on TEXT;        -- the latest review's day
-- The check's tier in the queue: 1 marked needs update, 2 the publisher's banner or newer
-- evidence, 3 time-bound wording, 4 only old; NULL for a withdrawn check (never listed).
ALTER TABLE checks ADD COLUMN queue_tier INTEGER CHECK (queue_tier IS NULL OR queue_tier BETWEEN 1 AND 4);

-- The queue, tier by tier, the most overdue first inside a tier.
CREATE INDEX checks_by_tier ON checks (queue_tier, due_on) WHERE superseded = 0;

-- How many documents (checks and sources) name each name, kept as documents land: the
-- weight of a shared name is its inverse document frequency.
CREATE TABLE names (
  name      TEXT PRIMARY KEY,                        -- lowercase, as in key_terms ('tren de aragua')
  documents INTEGER NOT NULL CHECK (documents >= 0)  -- checks and sources whose key_terms hold it
) WITHOUT ROWID;

-- One row: how many documents the counts cover, and how many there were when every
-- evidence link was last judged (`factarchive evidence --rebuild`).
CREATE TABLE name_totals (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  documents        INTEGER NOT NULL CHECK (documents >= 0),
  judged_documents INTEGER,                          -- documents at the last full judging; NULL before
  judged_at        TEXT                              -- UTC time of the last full judging
);

-- Each link's score and the names that counted.
ALTER TABLE check_evidence ADD COLUMN score REAL;      -- the sum of the telling names' weights
ALTER TABLE check_evidence ADD COLUMN telling_terms TEXT; -- the shared names that counted, most telling first, '|'-separated

-- Judge everything again with the new names and weights (see the header).
DELETE FROM check_evidence;
UPDATE checks SET key_terms = NULL, due_on = NULL;
UPDATE sources SET key_terms = NULL;

-- The latest review of each check, as a view for researchers.
CREATE VIEW latest_reviews AS
SELECT r.*
FROM reviews AS r
WHERE r.id = (
  SELECT r2.id FROM reviews AS r2 WHERE r2.check_id = r.check_id
  ORDER BY r2.reviewed_on DESC, r2.id DESC LIMIT 1);

-- The stale queue today gains the tier (and orders by it).
DROP VIEW stale_now;
CREATE VIEW stale_now AS
SELECT c.id AS check_id, c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred,
       c.due_on, CAST(julianday(date('now', 'localtime')) - julianday(c.due_on) AS INTEGER) AS overdue_days,
       c.topic, c.publisher_flagged_outdated, c.time_sensitive_terms, c.queue_tier, c.review_verdict
FROM checks AS c JOIN questions AS q ON q.id = c.question_id
WHERE c.superseded = 0 AND c.due_on <= date('now', 'localtime')
  AND NOT EXISTS (
    SELECT 1 FROM snoozes AS z
    WHERE z.check_id = c.id AND z.ended_at IS NULL AND z.until > date('now', 'localtime'))
ORDER BY c.queue_tier, c.due_on, c.citation_count DESC, c.id;

-- Reviews recorded since the previous run, for the nightly report's count.
ALTER TABLE staleness_runs ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0; -- reviews dated after the previous run's day, up to this one

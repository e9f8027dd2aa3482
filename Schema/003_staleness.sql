-- 003_staleness.sql: FactArchive schema version 3.
--
-- The staleness policy lives in the database, editable without recompiling
-- (`factarchive policy`). Every check carries the signals the policy reads and the day it
-- falls due, stored and indexed, so the stale queue is an index range scan. Editors snooze
-- checks (every snooze kept), and each nightly report run is recorded with its flags so
-- "newly stale since last night" is answerable in SQL.

-- The policy: a default maximum age, a time-sensitive rule that shortens it, and topic
-- rules with their own maximum age. Changing a rule recomputes every check's due date.
CREATE TABLE staleness_rules (
  name            TEXT PRIMARY KEY,                  -- 'default', 'time-sensitive', or a topic ('elections')
  kind            TEXT NOT NULL CHECK (kind IN ('default', 'time_sensitive', 'topic')),
  words           TEXT,                              -- comma-separated words or phrases, matched as whole words, any case
  pattern         TEXT,                              -- a regular expression, matched ignoring case
  max_age_days    INTEGER CHECK (max_age_days IS NULL OR max_age_days >= 0), -- default and topics: days a check stays fresh
  max_age_percent INTEGER CHECK (max_age_percent IS NULL OR max_age_percent BETWEEN 1 AND 100), -- time-sensitive: share of the maximum age kept
  updated_at      TEXT NOT NULL,                     -- UTC time of the last change
  updated_by      TEXT NOT NULL,                     -- who changed it ($USER)
  CHECK ((kind = 'time_sensitive') = (max_age_percent IS NOT NULL)),
  CHECK ((kind = 'time_sensitive') = (max_age_days IS NULL))
);
INSERT INTO staleness_rules (name, kind, words, max_age_days, max_age_percent, updated_at, updated_by) VALUES
  ('default', 'default', NULL, 90, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'factarchive'),
  ('time-sensitive', 'time_sensitive',
   'currently, now, recent, recently, is expected to, are expected to, preparing to, pending, this week, so far',
   NULL, 50, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'factarchive'),
  ('elections', 'topic',
   'election, elections, ballot, ballots, voter, voters, voting, polling, candidate, candidates, referendum',
   30, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'factarchive'),
  ('history', 'topic', 'history, historical, century, centuries, historian, historians',
   365, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'factarchive');

-- What the policy reads from each check, and what it concludes.
ALTER TABLE checks ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)); -- 1 when a later check of the same question exists
ALTER TABLE checks ADD COLUMN citation_count INTEGER NOT NULL DEFAULT 0; -- citation markers in the check
ALTER TABLE checks ADD COLUMN key_terms TEXT;          -- names in the question and executive summary, '|'-separated, lowercase
ALTER TABLE checks ADD COLUMN time_sensitive_terms TEXT; -- time-bound wording found ('currently, this week'); NULL when none
ALTER TABLE checks ADD COLUMN topic TEXT;              -- the topic rule that set its maximum age; NULL for the default
ALTER TABLE checks ADD COLUMN max_age_days INTEGER;    -- the age it may reach under the policy (time-sensitive checks get less)
ALTER TABLE checks ADD COLUMN due_on TEXT;             -- the first day it counts as stale; NULL until the policy has judged it

UPDATE checks SET citation_count = (SELECT count(*) FROM citation_spans WHERE check_id = checks.id);
UPDATE checks SET superseded = 1 WHERE id NOT IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (
      PARTITION BY question_id
      ORDER BY coalesce(checked_on, checked_on_inferred) IS NULL,
               coalesce(checked_on, checked_on_inferred) DESC, id DESC) AS rank
    FROM checks)
  WHERE rank = 1);

-- The refresh queue: the latest checks by the day they fall due.
CREATE INDEX checks_stale_queue ON checks (due_on) WHERE superseded = 0;
CREATE INDEX checks_by_topic ON checks (topic, due_on) WHERE superseded = 0;
-- The oldest latest checks, for reports.
CREATE INDEX checks_by_age ON checks (coalesce(checked_on, checked_on_inferred)) WHERE superseded = 0;

-- The names a source mentions most, for finding the checks it is newer evidence for.
ALTER TABLE sources ADD COLUMN key_terms TEXT;         -- '|'-separated, lowercase

-- Full-text index over each check's key names (Datasette offers it as a search on checks).
CREATE VIRTUAL TABLE checks_fts USING fts5 (key_terms, content="checks", content_rowid="id");
CREATE TRIGGER checks_ai AFTER INSERT ON checks WHEN new.key_terms IS NOT NULL BEGIN
  INSERT INTO checks_fts (rowid, key_terms) VALUES (new.id, new.key_terms);
END;
CREATE TRIGGER checks_ad AFTER DELETE ON checks WHEN old.key_terms IS NOT NULL BEGIN
  INSERT INTO checks_fts (checks_fts, rowid, key_terms) VALUES ('delete', old.id, old.key_terms);
END;
CREATE TRIGGER checks_au AFTER UPDATE OF key_terms ON checks BEGIN
  INSERT INTO checks_fts (checks_fts, rowid, key_terms)
    SELECT 'delete', old.id, old.key_terms WHERE old.key_terms IS NOT NULL;
  INSERT INTO checks_fts (rowid, key_terms) SELECT new.id, new.key_terms WHERE new.key_terms IS NOT NULL;
END;

-- Sources published after a check that share its key names: newer evidence.
CREATE TABLE check_evidence (
  check_id     INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  shared_terms TEXT NOT NULL,                         -- the names both mention, '|'-separated
  source_date  TEXT NOT NULL,                         -- the source's date (stated, inferred, or ingested)
  PRIMARY KEY (check_id, source_id)
);
CREATE INDEX check_evidence_by_source ON check_evidence (source_id);

-- An editor's snooze: the check leaves the queue until the day given. Rows are never
-- deleted; unsnoozing records who and when.
CREATE TABLE snoozes (
  id         INTEGER PRIMARY KEY,
  check_id   INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  until      TEXT NOT NULL,                          -- 'YYYY-MM-DD': back in the queue on this day
  note       TEXT NOT NULL,                          -- why
  created_by TEXT NOT NULL,                          -- $USER
  created_at TEXT NOT NULL,                          -- UTC time
  ended_by   TEXT,                                   -- who unsnoozed it early; NULL while in force or expired
  ended_at   TEXT
);
CREATE INDEX snoozes_by_check ON snoozes (check_id, until);

-- One row per nightly report (per --as-of day): what the queue held. A repeat of the same
-- day prints the stored report again, byte for byte.
CREATE TABLE staleness_runs (
  id          INTEGER PRIMARY KEY,
  as_of       TEXT NOT NULL UNIQUE,                  -- the day judged, 'YYYY-MM-DD'
  created_at  TEXT NOT NULL,                         -- UTC time the run was recorded
  created_by  TEXT NOT NULL,                         -- $USER
  checks      INTEGER NOT NULL,                      -- latest checks in the archive
  stale       INTEGER NOT NULL,                      -- in the queue (stale and not snoozed)
  new_stale   INTEGER NOT NULL,                      -- stale now but not in the previous run's queue
  refreshed   INTEGER NOT NULL,                      -- in the previous run's queue, since re-checked
  snoozed     INTEGER NOT NULL,                      -- stale but snoozed
  undated     INTEGER NOT NULL,                      -- latest checks without a 'Checked on' date
  report      TEXT NOT NULL                          -- the report's content as JSON (what repeats print)
);

-- Every check a run flagged, and how.
CREATE TABLE staleness_flags (
  run_id   INTEGER NOT NULL REFERENCES staleness_runs (id) ON DELETE CASCADE,
  check_id INTEGER NOT NULL,                         -- checks.id (ids survive reparses)
  status   TEXT NOT NULL CHECK (status IN ('new', 'still', 'snoozed', 'refreshed')),
  reasons  TEXT NOT NULL,                            -- comma-separated codes: age,publisher_flag,time_sensitive,newer_evidence,undated
  due_on   TEXT,                                     -- the check's due date then
  PRIMARY KEY (run_id, check_id)
) WITHOUT ROWID;
CREATE INDEX staleness_flags_by_check ON staleness_flags (check_id);

-- The latest check of each question is the one not superseded.
DROP VIEW latest_checks;
CREATE VIEW latest_checks AS
SELECT c.*, q.text AS question
FROM checks AS c
JOIN questions AS q ON q.id = c.question_id
WHERE c.superseded = 0;

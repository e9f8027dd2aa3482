-- 001_initial.sql: FactArchive schema version 1.
--
-- Every input is kept whole in `documents`; what the parser understood lands in
-- `questions`, `checks`, `summary_spans`, `citation_spans` and `follow_ups`.
-- The article text is stored once, in documents.raw_text: summaries and citations point
-- into it by character offsets (stand-off annotation), and the views `summaries` and
-- `citations` give the text back. Dates are ISO 8601 text; booleans are 0 or 1.
-- Released migrations are never edited: later changes come as 002_..., 003_...

-- Every input ever ingested, parsed or rejected, exactly as it was read.
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,                -- document id
  sha256         TEXT NOT NULL UNIQUE,               -- SHA-256 of the input bytes, lowercase hex: its identity
  path           TEXT NOT NULL,                      -- path as given when first ingested; '-' for standard input
  raw_text       TEXT NOT NULL,                      -- the input: TEXT when valid UTF-8, a BLOB when not
  byte_count     INTEGER NOT NULL,                   -- size of the input in bytes
  ingested_at    TEXT NOT NULL,                      -- UTC time of the first ingest, 'YYYY-MM-DDTHH:MM:SSZ'
  status         TEXT NOT NULL                       -- 'parsed' (its checks landed) or 'rejected'
                 CHECK (status IN ('parsed', 'rejected')),
  error          TEXT,                               -- why it was rejected; NULL when parsed
  error_line     INTEGER,                            -- 1-based line where the parser gave up; NULL for whole-file errors
  parser_version INTEGER NOT NULL                    -- version of the parser that last read it
);

-- A question a fact-check answers; re-checks of the same question share one row.
CREATE TABLE questions (
  id             INTEGER PRIMARY KEY,                -- question id
  text           TEXT NOT NULL,                      -- the question as first written (typos and capitals kept)
  normalized_key TEXT NOT NULL UNIQUE,               -- lowercase letters and digits, single spaces: same key, same question
  first_seen_at  TEXT NOT NULL                       -- UTC time the question was first ingested
);

-- One check of a question: one article, dated by its 'Checked on' line.
CREATE TABLE checks (
  id                         INTEGER PRIMARY KEY,    -- check id
  question_id                INTEGER NOT NULL REFERENCES questions (id),
  document_id                INTEGER NOT NULL REFERENCES documents (id),
  article_index              INTEGER NOT NULL DEFAULT 0, -- 0-based position of the article within its document
  first_line                 INTEGER NOT NULL DEFAULT 1, -- 1-based line of the document where the article starts
  checked_on                 TEXT                    -- 'YYYY-MM-DD' from the 'Checked on' line; NULL when the page has none
                             CHECK (checked_on IS NULL OR checked_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  publisher_flagged_outdated INTEGER NOT NULL DEFAULT 0 -- 1 when the page carried 'This fact-check may be outdated'
                             CHECK (publisher_flagged_outdated IN (0, 1)),
  disclaimer                 TEXT,                   -- the 'Disclaimer: ...' line as written; NULL when absent
  UNIQUE (document_id, article_index)
);
CREATE INDEX checks_by_question ON checks (question_id, checked_on);

-- The executive summary (position 0) and the numbered sections (1..n) of a check.
-- The body is a slice of documents.raw_text unless it had to be rebuilt (page chrome
-- removed from its middle, CR line endings): then body_text holds it. Read the `summaries`
-- view to get the text.
CREATE TABLE summary_spans (
  id          INTEGER PRIMARY KEY,                   -- summary id
  check_id    INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0), -- 0 executive summary, 1..n numbered sections
  heading     TEXT,                                  -- heading without its number ('Bottom line and open questions')
  body_start  INTEGER,                               -- 0-based character offset of the body in documents.raw_text
  body_length INTEGER,                               -- length of the body in characters
  body_text   TEXT,                                  -- the body, only when it is not a verbatim slice of raw_text
  UNIQUE (check_id, position),
  CHECK ((body_text IS NULL) = (body_start IS NOT NULL AND body_length IS NOT NULL))
);

-- One row per citation marker ('[3]', or each number of '[1, 2]' and '[2-4]').
-- The sentence it supports is a slice of its summary's body; the `citations` view gives it.
CREATE TABLE citation_spans (
  id              INTEGER PRIMARY KEY,               -- citation id
  check_id        INTEGER NOT NULL,                  -- the check
  position        INTEGER NOT NULL,                  -- the summary it is in (summary_spans.position)
  ref_number      INTEGER NOT NULL CHECK (ref_number > 0), -- the number in the marker
  marker_start    INTEGER NOT NULL,                  -- 0-based character offset of the marker in the summary body
  sentence_start  INTEGER NOT NULL,                  -- 0-based character offset of the sentence in the summary body
  sentence_length INTEGER NOT NULL,                  -- length of the sentence in characters
  FOREIGN KEY (check_id, position) REFERENCES summary_spans (check_id, position) ON DELETE CASCADE
);
CREATE INDEX citation_spans_by_summary ON citation_spans (check_id, position);

-- The 'Want to dive deeper?' questions at the end of a check.
CREATE TABLE follow_ups (
  id       INTEGER PRIMARY KEY,                      -- follow-up id
  check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,                         -- 1-based order on the page
  text     TEXT NOT NULL,                            -- the question
  UNIQUE (check_id, position)
);

-- Summaries with their text: what most queries want.
CREATE VIEW summaries (id, check_id, position, heading, body) AS
SELECT s.id, s.check_id, s.position, s.heading,
       coalesce(s.body_text, substr(d.raw_text, s.body_start + 1, s.body_length))
FROM summary_spans AS s
JOIN checks AS c ON c.id = s.check_id
JOIN documents AS d ON d.id = c.document_id;

-- Citations with the sentence each supports.
CREATE VIEW citations (id, check_id, position, ref_number, sentence) AS
SELECT ct.id, ct.check_id, ct.position, ct.ref_number,
       substr(s.body, ct.sentence_start + 1, ct.sentence_length)
FROM citation_spans AS ct
JOIN summaries AS s ON s.check_id = ct.check_id AND s.position = ct.position;

-- The most recent check of each question (latest date; the later ingest on a tie).
CREATE VIEW latest_checks AS
SELECT c.*, q.text AS question
FROM checks AS c
JOIN questions AS q ON q.id = c.question_id
WHERE c.id = (
  SELECT c2.id FROM checks AS c2
  WHERE c2.question_id = c.question_id
  ORDER BY c2.checked_on IS NULL, c2.checked_on DESC, c2.id DESC
  LIMIT 1
);

-- 004_research.sql: FactArchive schema version 4.
--
-- The researchers' surface: full-text search over questions, summaries and follow-ups,
-- named the Datasette way (<table>_fts with content= the table) and kept in sync by
-- triggers; views that answer common questions without joins; and the columns that let
-- ClaimReview fact-checks from other publishers sit in the same tables.

-- How the input was written: 'text' (a saved page) or 'claimreview' (schema.org JSON-LD).
ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text' CHECK (format IN ('text', 'claimreview'));

-- For imported ClaimReview: who published the check, and its rating as written.
ALTER TABLE checks ADD COLUMN publisher TEXT;          -- the review's author; NULL for Factually pages
ALTER TABLE checks ADD COLUMN rating TEXT;             -- reviewRating (alternateName, else ratingValue); NULL when none

-- Questions.
CREATE VIRTUAL TABLE questions_fts USING fts5 (
  text, content="questions", content_rowid="id", tokenize="porter unicode61 remove_diacritics 2");
CREATE TRIGGER questions_ai AFTER INSERT ON questions BEGIN
  INSERT INTO questions_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER questions_ad AFTER DELETE ON questions BEGIN
  INSERT INTO questions_fts (questions_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER questions_au AFTER UPDATE OF text ON questions BEGIN
  INSERT INTO questions_fts (questions_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO questions_fts (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO questions_fts (questions_fts) VALUES ('rebuild');

-- Summaries: the content is the `summaries` view (text stored once, in documents.raw_text);
-- the triggers on summary_spans read the body from the document.
CREATE VIRTUAL TABLE summaries_fts USING fts5 (
  heading, body, content="summaries", content_rowid="id",
  tokenize="porter unicode61 remove_diacritics 2");
CREATE TRIGGER summary_spans_ai AFTER INSERT ON summary_spans BEGIN
  INSERT INTO summaries_fts (rowid, heading, body)
  SELECT new.id, new.heading,
         coalesce(new.body_text, substr(d.raw_text, new.body_start + 1, new.body_length))
  FROM checks AS c JOIN documents AS d ON d.id = c.document_id WHERE c.id = new.check_id;
END;
CREATE TRIGGER summary_spans_ad AFTER DELETE ON summary_spans BEGIN
  INSERT INTO summaries_fts (summaries_fts, rowid, heading, body)
  SELECT 'delete', old.id, old.heading,
         coalesce(old.body_text, substr(d.raw_text, old.body_start + 1, old.body_length))
  FROM checks AS c JOIN documents AS d ON d.id = c.document_id WHERE c.id = old.check_id;
END;
INSERT INTO summaries_fts (summaries_fts) VALUES ('rebuild');

-- Follow-up questions.
CREATE VIRTUAL TABLE follow_ups_fts USING fts5 (
  text, content="follow_ups", content_rowid="id", tokenize="porter unicode61 remove_diacritics 2");
CREATE TRIGGER follow_ups_ai AFTER INSERT ON follow_ups BEGIN
  INSERT INTO follow_ups_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER follow_ups_ad AFTER DELETE ON follow_ups BEGIN
  INSERT INTO follow_ups_fts (follow_ups_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER follow_ups_au AFTER UPDATE OF text ON follow_ups BEGIN
  INSERT INTO follow_ups_fts (follow_ups_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO follow_ups_fts (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO follow_ups_fts (follow_ups_fts) VALUES ('rebuild');

-- The latest check of each question with its age in days today (local time).
CREATE VIEW check_ages AS
SELECT c.id AS check_id, c.question_id, q.text AS question,
       coalesce(c.checked_on, c.checked_on_inferred) AS dated,
       c.checked_on IS NULL AS date_inferred,
       CAST(julianday(date('now', 'localtime')) - julianday(coalesce(c.checked_on, c.checked_on_inferred)) AS INTEGER) AS age_days,
       c.topic, c.max_age_days, c.due_on
FROM checks AS c JOIN questions AS q ON q.id = c.question_id
WHERE c.superseded = 0;

-- Citations per check, and how many distinct sources they cite.
CREATE VIEW citation_counts AS
SELECT c.id AS check_id, c.question_id,
       (SELECT count(*) FROM citation_spans AS s WHERE s.check_id = c.id) AS citations,
       (SELECT count(DISTINCT s.ref_number) FROM citation_spans AS s WHERE s.check_id = c.id) AS distinct_refs,
       (SELECT count(*) FROM citation_sources AS r WHERE r.check_id = c.id) AS listed_sources
FROM checks AS c;

-- The stale queue today, by the stored due dates (snoozed checks left out).
CREATE VIEW stale_now AS
SELECT c.id AS check_id, c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred,
       c.due_on, CAST(julianday(date('now', 'localtime')) - julianday(c.due_on) AS INTEGER) AS overdue_days,
       c.topic, c.publisher_flagged_outdated, c.time_sensitive_terms
FROM checks AS c JOIN questions AS q ON q.id = c.question_id
WHERE c.superseded = 0 AND c.due_on <= date('now', 'localtime')
  AND NOT EXISTS (
    SELECT 1 FROM snoozes AS z
    WHERE z.check_id = c.id AND z.ended_at IS NULL AND z.until > date('now', 'localtime'));

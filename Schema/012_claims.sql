-- 012_claims.sql: FactArchive schema version 12.
--
-- Claims matched across the archive. A question now belongs to a publisher: the archive's
-- own (Factually) pages, or another publisher's. A re-check is the same publisher asking
-- the same question again; another publisher's check of the same or a similar claim is an
-- other verdict (other_verdicts), never a re-check. Question keys fold more than before
-- (QuestionKey: dotted abbreviations, compatibility forms, a "Fact check:" prefix): the
-- library re-keys every stored question in this migration's transaction, merges those that
-- come to share a publisher and key, gives checks of another publisher filed under one of
-- ours a question of their own, and records each in question_merges. It also reads every
-- question's claim (language, words) and finds the links below.
--
-- The questions table is rebuilt (SQLite cannot change a UNIQUE constraint in place):
-- FactArchive runs migrations with foreign keys off and checks them before committing.

CREATE TABLE questions_new (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,  -- question id, never reused (a split gives a merged question back its own)
  text           TEXT NOT NULL,                      -- the question as first written (typos and capitals kept)
  normalized_key TEXT NOT NULL,                      -- QuestionKey: what does not change a question folded away (case, punctuation, U.S. = US, a "Fact check:" prefix)
  first_seen_at  TEXT NOT NULL,                      -- UTC time the question was first ingested
  publisher_key  TEXT NOT NULL DEFAULT '',           -- whose question: '' for the archive's own pages, else the publisher's name keyed as a question is ('afp fact check')
  language       TEXT,                               -- the claim's language, primary subtag ('en', 'es'): given by the page or review, else guessed from its words; NULL when neither
  claim_terms    TEXT,                               -- the claim's content words, lightly stemmed, '|'-separated (what claims are matched on)
  claim_profile  TEXT,                               -- the claim as the matcher reads it (ClaimProfile.stored: an internal encoding, read again from the text when missing or of another format)
  UNIQUE (publisher_key, normalized_key)             -- same publisher, same key: the same question
);
INSERT INTO questions_new (id, text, normalized_key, first_seen_at)
SELECT id, text, normalized_key, first_seen_at FROM questions;
DROP TABLE questions;
PRAGMA legacy_alter_table = ON;
ALTER TABLE questions_new RENAME TO questions;
PRAGMA legacy_alter_table = OFF;
CREATE TRIGGER questions_ad AFTER DELETE ON questions BEGIN
  INSERT INTO questions_fts (questions_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER questions_au AFTER UPDATE OF text ON questions BEGIN
  INSERT INTO questions_fts (questions_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO questions_fts (rowid, text) VALUES (new.id, new.text);
END;

-- check_copies again, its key columns first: SQLite 3.40's integrity_check reports a false
-- "NULL value" for a WITHOUT ROWID table whose NOT NULL column comes before its key, so
-- `factarchive check` saw damage in every archive holding a copy.
CREATE TABLE check_copies_new (
  document_id   INTEGER NOT NULL REFERENCES documents (id),
  article_index INTEGER NOT NULL,                    -- 0-based position of the article in that document
  check_id      INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, article_index)
) WITHOUT ROWID;
INSERT INTO check_copies_new (document_id, article_index, check_id)
SELECT document_id, article_index, check_id FROM check_copies;
DROP TABLE check_copies;
PRAGMA legacy_alter_table = ON;
ALTER TABLE check_copies_new RENAME TO check_copies;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX check_copies_by_check ON check_copies (check_id);

-- How many questions' claims use each word: the weights of claim matching.
CREATE TABLE claim_words (
  word      TEXT PRIMARY KEY,                        -- a stemmed content word (questions.claim_terms)
  questions INTEGER NOT NULL                         -- questions whose claim uses it
) WITHOUT ROWID;

-- Questions merged into others, and checks moved to a question of their own publisher.
CREATE TABLE question_merges (
  id                   INTEGER PRIMARY KEY,
  question_id          INTEGER NOT NULL,             -- the question kept (its id never changes; no foreign key: it may itself be merged later)
  merged_id            INTEGER NOT NULL,             -- the question merged into it: its row is gone until a split gives it back under this id
  merged_text          TEXT NOT NULL,                -- its text, key, publisher and first sighting, to give it back
  merged_key           TEXT NOT NULL,
  merged_publisher_key TEXT NOT NULL,
  merged_first_seen_at TEXT NOT NULL,
  check_ids            TEXT NOT NULL,                -- the checks moved, '|'-separated ids
  reason               TEXT NOT NULL CHECK (reason IN ('key', 'publisher', 'editor')), -- key: the same key once folded; publisher: another publisher's checks given their own question (question_id is theirs); editor: merge-questions
  merged_by            TEXT NOT NULL,                -- the editor, or 'migration 12'
  merged_at            TEXT NOT NULL,                -- UTC time
  split_by             TEXT,                         -- set when split-question undid it
  split_at             TEXT
);
CREATE INDEX question_merges_by_question ON question_merges (question_id);
-- A page whose question was merged away by an editor lands on the question it went into.
CREATE INDEX question_merges_by_key ON question_merges (merged_publisher_key, merged_key) WHERE split_at IS NULL;
CREATE INDEX question_merges_by_merged ON question_merges (merged_id);

-- Pairs of questions of one publisher worded so alike they may be the same question
-- (ClaimMatch.sameQuestion): shown to editors, merged only by one.
CREATE TABLE similar_questions (
  question_id       INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE, -- the lower id of the two
  other_question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  score             REAL NOT NULL,                   -- weighted overlap of their words, 0-1
  shared_terms      TEXT NOT NULL,                   -- what they share, most telling first, '|'-separated
  found_at          TEXT NOT NULL,                   -- UTC time
  PRIMARY KEY (question_id, other_question_id),
  CHECK (question_id < other_question_id)
) WITHOUT ROWID;
CREATE INDEX similar_questions_by_other ON similar_questions (other_question_id);

-- Another publisher's later verdict on a similar claim (ClaimMatch.similarClaim): newer
-- evidence that a check may be outdated (reason other_verdict, the evidence tier).
CREATE TABLE other_verdicts (
  check_id       INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE, -- the earlier check
  other_check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE, -- another publisher's check, dated after it
  other_date     TEXT NOT NULL,                      -- the other check's date: the evidence counts from then
  score          REAL NOT NULL,                      -- how alike the claims are, 0-1 (1 for claims in two languages matched by names)
  shared_terms   TEXT NOT NULL,                      -- what the claims share, most telling first, '|'-separated
  disagrees      INTEGER NOT NULL CHECK (disagrees IN (0, 1)), -- 1 when the two rating classes stand on opposite sides of mixed
  found_at       TEXT NOT NULL,                      -- UTC time the link was made
  PRIMARY KEY (check_id, other_check_id)
) WITHOUT ROWID;
CREATE INDEX other_verdicts_by_other ON other_verdicts (other_check_id);
CREATE INDEX other_verdicts_by_date ON other_verdicts (other_date);

-- Questions whose claim has not been read yet: opening the archive reads them and links
-- their checks (after this migration, all of them).
CREATE INDEX questions_unread ON questions (id) WHERE claim_terms IS NULL;

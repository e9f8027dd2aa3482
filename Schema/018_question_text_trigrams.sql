-- 018_question_text_trigrams.sql: FactArchive schema version 18.
--
-- `questions_trigram`: every run of three characters in each question's text, for the
-- queue's text filter (`factarchive stale --text`, the desk's "question contains" box),
-- which matches any part of the text, as LIKE '%text%' does, not whole words as
-- `questions_fts` does. Without it the filter read every stale check in queue order and
-- compared its question: 0.9 s at 100,000 articles for a text no question holds (the desk,
-- which also counts the matches per tier, 1.6–3.3 s). The queue now takes the questions
-- holding all of the text's three-character runs from this index and compares only those.
--
-- `detail=none` keeps only which questions hold each run, not where: a third of the size
-- (8 MB against 23 MB at 100,000 articles) and of the time to build (0.7 s against 1.9 s),
-- and the exact comparison (LIKE) is made on the questions it finds anyway. Folding case
-- (the tokenizer's default) finds every question LIKE would.
--
-- Like the other indexes, its rows are written by FactArchive beside the questions'
-- (Schema/005_ingest_speed.sql), and the triggers below take them out and rewrite them
-- whatever deletes or changes a question.

CREATE VIRTUAL TABLE questions_trigram USING fts5 (
  text, content="questions", content_rowid="id", tokenize="trigram", detail="none");
CREATE TRIGGER questions_trigram_ad AFTER DELETE ON questions BEGIN
  INSERT INTO questions_trigram (questions_trigram, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER questions_trigram_au AFTER UPDATE OF text ON questions BEGIN
  INSERT INTO questions_trigram (questions_trigram, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO questions_trigram (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO questions_trigram (questions_trigram, rank) VALUES ('hashsize', 8388608);
INSERT INTO questions_trigram (questions_trigram) VALUES ('rebuild');

-- 007_web_pages.sql: FactArchive schema version 7.
--
-- Pages saved from a browser. Each document records what its input is, told by its content
-- (a text copy, a web page, JSON-LD); and a document holding a check the archive already
-- has (the same question checked on the same day: a page saved as text and again as HTML)
-- is recorded as another copy of that check instead of being passed over.

-- What the input is: 'text/plain', 'text/html' or 'application/ld+json'.
ALTER TABLE documents ADD COLUMN media_type TEXT NOT NULL DEFAULT 'text/plain'
  CHECK (media_type IN ('text/plain', 'text/html', 'application/ld+json'));
UPDATE documents SET media_type = 'application/ld+json' WHERE format = 'claimreview';
-- Pages ingested before this version read them: told by their first tag (`reparse` reads
-- them again as pages).
UPDATE documents SET media_type = 'text/html'
WHERE format = 'text' AND typeof(raw_text) = 'text'
  AND (lower(ltrim(substr(raw_text, 1, 200), ' ' || char(9, 10, 13, 65279))) GLOB '<!doctype html*'
    OR lower(ltrim(substr(raw_text, 1, 200), ' ' || char(9, 10, 13, 65279))) GLOB '<html*');

-- Further copies of a check: the check itself names the document it was first read from
-- (checks.document_id, article_index); each later document holding the same check adds a row.
CREATE TABLE check_copies (
  check_id      INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  document_id   INTEGER NOT NULL REFERENCES documents (id),
  article_index INTEGER NOT NULL,                    -- 0-based position of the article in that document
  PRIMARY KEY (document_id, article_index)
) WITHOUT ROWID;
CREATE INDEX check_copies_by_check ON check_copies (check_id);

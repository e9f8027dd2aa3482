-- 002_variants_and_sources.sql: FactArchive schema version 2.
--
-- Real copies of fact-check pages: undated checks (dated from the newest date their text
-- mentions), titles written as links, truncated copies, text that fit nowhere, and the
-- reference lists at the end of a page. Source articles (the news and analysis pieces that
-- fact-checks cite) get their own tables and a full-text index.

-- What kind of article a parsed document held: 'fact_check' or 'source'; NULL when rejected.
ALTER TABLE documents ADD COLUMN kind TEXT CHECK (kind IS NULL OR kind IN ('fact_check', 'source'));

-- For a page without a 'Checked on' line: the latest full date its text mentions, as
-- 'YYYY-MM-DD' (a check cannot predate its newest evidence). NULL when checked_on is set.
ALTER TABLE checks ADD COLUMN checked_on_inferred TEXT
  CHECK (checked_on_inferred IS NULL OR checked_on_inferred GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
-- The link of a title written as a link ([question](url), <a href=url>, a bare URL).
ALTER TABLE checks ADD COLUMN title_url TEXT;
-- 1 when the copy ends part-way (cut-off sentence, heading with no text, a cut '[4').
ALTER TABLE checks ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1));
-- Text of the page the parser could not place, kept as written; NULL when none.
ALTER TABLE checks ADD COLUMN unparsed TEXT;

-- The numbered reference list at the end of a check: '[3] https://example.org/report'.
CREATE TABLE citation_sources (
  check_id   INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  ref_number INTEGER NOT NULL,                       -- the number citation markers use
  url        TEXT NOT NULL,                          -- the URL as written
  domain     TEXT,                                   -- its host, lowercase, without 'www.'
  PRIMARY KEY (check_id, ref_number)
);
CREATE INDEX citation_sources_by_domain ON citation_sources (domain);

-- A news or analysis article (one per document).
CREATE TABLE sources (
  id                    INTEGER PRIMARY KEY,         -- source id
  document_id           INTEGER NOT NULL UNIQUE REFERENCES documents (id),
  title                 TEXT NOT NULL,               -- the headline
  label                 TEXT,                        -- publisher or section label above it ('Trends-UK', 'Tag: Latin America')
  byline                TEXT,                        -- as written ('Reported by ...')
  published_on          TEXT,                        -- 'YYYY-MM-DD' when the page states it
  published_on_inferred TEXT,                        -- otherwise the latest full date the text mentions
  body                  TEXT NOT NULL                -- the article text, page furniture removed
);
CREATE INDEX sources_by_date ON sources (coalesce(published_on, published_on_inferred));

-- Every http(s) URL a source carries, once each, in order.
CREATE TABLE source_links (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,                    -- 1-based order of first appearance
  url           TEXT NOT NULL,
  domain        TEXT,                                -- host, lowercase, without 'www.'
  in_references INTEGER NOT NULL DEFAULT 0 CHECK (in_references IN (0, 1)), -- listed under 'References'/'Sources'
  UNIQUE (source_id, position)
);
CREATE INDEX source_links_by_domain ON source_links (domain);

-- Full-text search over sources, named the Datasette way and kept in sync by triggers.
CREATE VIRTUAL TABLE sources_fts USING fts5 (title, body, content="sources", content_rowid="id");
CREATE TRIGGER sources_ai AFTER INSERT ON sources BEGIN
  INSERT INTO sources_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER sources_ad AFTER DELETE ON sources BEGIN
  INSERT INTO sources_fts (sources_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER sources_au AFTER UPDATE ON sources BEGIN
  INSERT INTO sources_fts (sources_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO sources_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- The latest check of each question now counts inferred dates too.
DROP VIEW latest_checks;
CREATE VIEW latest_checks AS
SELECT c.*, q.text AS question
FROM checks AS c
JOIN questions AS q ON q.id = c.question_id
WHERE c.id = (
  SELECT c2.id FROM checks AS c2
  WHERE c2.question_id = c.question_id
  ORDER BY coalesce(c2.checked_on, c2.checked_on_inferred) IS NULL,
           coalesce(c2.checked_on, c2.checked_on_inferred) DESC, c2.id DESC
  LIMIT 1
);

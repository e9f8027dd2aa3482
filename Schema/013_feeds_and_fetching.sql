-- 013_feeds_and_fetching.sql: FactArchive schema version 13.
--
-- Evidence that arrives by itself: news feeds (RSS 2.0, RSS 1.0, Atom 1.0, JSON Feed) and
-- pages fetched by URL.
--
-- A feed is kept whole as a document (kind 'feed', media_type 'application/rss+xml',
-- 'application/rdf+xml', 'application/atom+xml' or 'application/feed+json'). Each of its
-- items becomes a source whose document is the feed holding that item alone (the same
-- media type, kind 'source'), so every source still has its own document to be read again.
-- The library widens the CHECK constraints of documents.kind and documents.media_type to
-- these values in this migration's transaction (SQLite cannot change a CHECK in place; a
-- wider CHECK changes nothing stored, so the table is not rebuilt:
-- https://www.sqlite.org/lang_altertable.html#otheralter).

-- Where a fetched document came from; all NULL for files given on the command line.
ALTER TABLE documents ADD COLUMN url TEXT;           -- the address asked for
ALTER TABLE documents ADD COLUMN final_url TEXT;     -- the address answered, after redirects
ALTER TABLE documents ADD COLUMN http_status INTEGER; -- the HTTP status of the answer (200)
ALTER TABLE documents ADD COLUMN content_type TEXT;  -- the Content-Type the server gave, as given
ALTER TABLE documents ADD COLUMN fetched_at TEXT;    -- UTC time the answer arrived

-- One row per feed item ever read: reading the same feed again adds nothing, an item whose
-- content changed updates its source, and an item gone from the feed stays in the archive.
CREATE TABLE feed_items (
  feed_key         TEXT NOT NULL,                    -- the feed: its site link, else its title
  item_key         TEXT NOT NULL,                    -- the item: its guid, else its link
  source_id        INTEGER NOT NULL UNIQUE REFERENCES sources (id) ON DELETE CASCADE,
  feed_document_id INTEGER NOT NULL REFERENCES documents (id), -- the feed it was last read in
  guid             TEXT,                             -- as the feed gives it
  link             TEXT,                             -- the article's address
  categories       TEXT,                             -- the item's categories, '|'-separated
  published_at     TEXT,                             -- UTC, as the feed gives it
  updated_at       TEXT,                             -- UTC, as the feed gives it
  content_sha256   TEXT NOT NULL,                    -- SHA-256 of the item's own document: a change is a new hash
  first_seen_at    TEXT NOT NULL,                    -- UTC time it was first read
  changed_at       TEXT,                             -- UTC time its content last changed; NULL when never
  PRIMARY KEY (feed_key, item_key)
);
CREATE INDEX feed_items_by_feed_document ON feed_items (feed_document_id);

-- Each address `factarchive fetch` asks for: what a conditional request needs next time, and
-- how the last request went (the nightly report's "Feeds" section).
CREATE TABLE fetched_urls (
  url              TEXT PRIMARY KEY,                 -- the address asked for
  is_feed          INTEGER NOT NULL DEFAULT 0 CHECK (is_feed IN (0, 1)), -- polled from a feed list
  etag             TEXT,                             -- the ETag of the last answer with a body
  last_modified    TEXT,                             -- its Last-Modified
  last_fetched_at  TEXT NOT NULL,                    -- UTC time of the last request
  last_status      INTEGER,                          -- its HTTP status; NULL when no answer came
  last_error       TEXT,                             -- why it failed; NULL when it did not
  failing_since    TEXT,                             -- UTC time of the first of the failures in a row; NULL when the last worked
  last_document_id INTEGER REFERENCES documents (id), -- the document the last body became
  new_items        INTEGER NOT NULL DEFAULT 0        -- feed items the last request added
);

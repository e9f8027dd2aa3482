-- 016_fts_hashsize.sql: FactArchive schema version 16.
--
-- Bigger pending-term buffers for the full-text indexes. FTS5 gathers the terms of the rows
-- a transaction writes in memory and writes them out as a new segment whenever they pass
-- `hashsize` (1 MB by default), and every segment is merged into bigger ones later. An
-- ingest batch writes about 8 MB of summary text, so at 1 MB each batch left eight small
-- segments to merge; at 8 MB it leaves one. Measured on 20,000 articles: the summaries'
-- index alone 2.08 -> 1.61 s (written 12,500 rows a commit, as a batch does; 4 MB 1.81 s,
-- 16 MB 1.62 s, 32 MB 1.74 s), ingest's writing thread 7.4 -> 6.5 s of processor time.
--
-- It changes nothing a query sees: only when a writer flushes. The memory is taken only by
-- a transaction that writes that much text (a batch of ingest; the desk's small writes
-- never come near it). The value is stored in each index's `_config` table, so every
-- connection writing the archive uses it.

INSERT INTO questions_fts (questions_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO summaries_fts (summaries_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO follow_ups_fts (follow_ups_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO sources_fts (sources_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO checks_fts (checks_fts, rank) VALUES ('hashsize', 8388608);

-- 014_quick_open.sql: FactArchive schema version 14.
--
-- Opening an archive for writing asks whether anything is left to judge (checks without a
-- due date, sources whose names were never read) before any command runs. Without an index
-- each question read the whole table: 20 ms at 100,000 checks before `stale --limit 20`
-- could print a line, and ten times that at a million. These partial indexes hold only the
-- rows still to judge (and the few withdrawn checks, which have no due date for good), so
-- the question is answered from an almost empty index, as `questions_unread` does for
-- claims.

CREATE INDEX checks_undated ON checks (id) WHERE due_on IS NULL;
CREATE INDEX sources_unread ON sources (id) WHERE key_terms IS NULL;

-- 025_checks_by_address.sql: FactArchive schema version 25.
--
-- A search for an address (an editor pasting another publisher's fact-check, or one of the
-- archive's own) lists the check published there (checks.title_url: ClaimReview's url, the
-- page's canonical address, a title written as a link), which was read by scanning the
-- table. Most Factually checks have no title_url: the index holds only the others.

CREATE INDEX checks_by_title_url ON checks (title_url) WHERE title_url IS NOT NULL;

-- 009_supersession_untriggered.sql: FactArchive schema version 9.
--
-- Which check of a question is the latest (`checks.superseded`) changes only when the
-- question gains or loses a check, so a run finds those checks from the checks themselves
-- (the siblings of checks added since the run before) and from triggers that record the
-- siblings of a check removed or moved to another question (a reparse). The update trigger no longer watches
-- `superseded`: in SQLite an UPDATE that fires a trigger opens a statement journal, and a
-- statement journal makes FTS5 flush its pending terms, so each re-check written during an
-- ingest cut every full-text index's batch segment short (measured at 10,000 articles:
-- 497 such updates took 2.26 s of the ingest's 9.1 s of SQL).

DROP TRIGGER checks_staleness_au;
CREATE TRIGGER checks_staleness_au AFTER UPDATE OF due_on, review_verdict ON checks
WHEN old.due_on IS NOT new.due_on OR old.review_verdict IS NOT new.review_verdict
BEGIN
  INSERT OR IGNORE INTO staleness_changes (check_id) VALUES (new.id);
END;

DROP TRIGGER checks_staleness_ad;
CREATE TRIGGER checks_staleness_ad AFTER DELETE ON checks BEGIN
  INSERT OR IGNORE INTO staleness_changes (check_id) VALUES (old.id);
  INSERT OR IGNORE INTO staleness_changes (check_id)
    SELECT id FROM checks WHERE question_id = old.question_id;
END;

CREATE TRIGGER checks_staleness_question_au AFTER UPDATE OF question_id ON checks
WHEN old.question_id IS NOT new.question_id
BEGIN
  INSERT OR IGNORE INTO staleness_changes (check_id)
    SELECT id FROM checks WHERE question_id IN (old.question_id, new.question_id);
END;

import FactArchiveStore

/// The statements ingest runs for every document, prepared once per writer.
struct WriterStatements {
  let findDocument: Statement
  let insertDocument: Statement
  let insertQuestion: Statement
  let findQuestion: Statement
  let findSameCheck: Statement
  let insertCheck: Statement
  let checksOfQuestion: Statement
  let setSuperseded: Statement
  let insertSummary: Statement
  let insertSummaryText: Statement
  let insertCitation: Statement
  let insertFollowUp: Statement
  let insertReference: Statement
  let insertQuestionText: Statement
  let insertFollowUpText: Statement
  let insertCheckTerms: Statement

  init(_ db: Database) throws {
    findDocument = try db.prepare("SELECT id FROM documents WHERE sha256 = ?")
    insertDocument = try db.prepare(
      """
      INSERT INTO documents
        (sha256, path, raw_text, byte_count, ingested_at, status, error, error_line, parser_version,
         kind, format)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    // Plain single-row statements: an upsert or a multi-row update needs a statement
    // journal, and opening one makes FTS5 flush its pending terms (a segment per document).
    insertQuestion = try db.prepare(
      "INSERT INTO questions (text, normalized_key, first_seen_at) VALUES (?, ?, ?)")
    findQuestion = try db.prepare("SELECT id FROM questions WHERE normalized_key = ?")
    findSameCheck = try db.prepare(
      """
      SELECT id FROM checks
      WHERE question_id = ? AND coalesce(checked_on, checked_on_inferred) = ?
        AND (checked_on IS NULL) = ?
      """)
    insertCheck = try db.prepare(
      """
      INSERT INTO checks
        (question_id, document_id, article_index, first_line, checked_on, checked_on_inferred,
         publisher_flagged_outdated, disclaimer, title_url, truncated, unparsed, citation_count,
         key_terms, time_sensitive_terms, topic, max_age_days, due_on, publisher, rating)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    checksOfQuestion = try db.prepare(
      """
      SELECT id, superseded FROM checks WHERE question_id = ?
      ORDER BY coalesce(checked_on, checked_on_inferred) IS NULL,
               coalesce(checked_on, checked_on_inferred) DESC, id DESC
      """)
    setSuperseded = try db.prepare("UPDATE checks SET superseded = ? WHERE id = ?")
    insertSummary = try db.prepare(
      """
      INSERT INTO summary_spans (check_id, position, heading, body_start, body_length, body_text)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    insertSummaryText = try db.prepare(
      "INSERT INTO summaries_fts (rowid, heading, body) VALUES (?, ?, ?)")
    insertCitation = try db.prepare(
      """
      INSERT INTO citation_spans
        (check_id, position, ref_number, marker_start, sentence_start, sentence_length)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    insertFollowUp = try db.prepare(
      "INSERT INTO follow_ups (check_id, position, text) VALUES (?, ?, ?)")
    insertReference = try db.prepare(
      "INSERT INTO citation_sources (check_id, ref_number, url, domain) VALUES (?, ?, ?, ?)")
    // Full-text rows, written next to the rows they index (see Schema/005_ingest_speed.sql).
    insertQuestionText = try db.prepare("INSERT INTO questions_fts (rowid, text) VALUES (?, ?)")
    insertFollowUpText = try db.prepare("INSERT INTO follow_ups_fts (rowid, text) VALUES (?, ?)")
    insertCheckTerms = try db.prepare("INSERT INTO checks_fts (rowid, key_terms) VALUES (?, ?)")
  }
}

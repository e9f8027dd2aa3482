import FactArchiveSchema
import FactArchiveStore

/// The statements ingest runs for every document, prepared once per writer. Parameters are
/// named after the columns they fill, and the writer binds them by those names.
struct WriterStatements {
  let findDocument: Statement
  let insertDocument: Statement
  let insertQuestion: Statement
  let findQuestion: Statement
  let isMergedAway: Statement
  let findMergedQuestion: Statement
  let findSameCheck: Statement
  let insertCopy: Statement
  let insertCheck: Statement
  let updateCheck: Statement
  let checksOfQuestion: Statement
  let setSuperseded: Statement
  let insertSummary: Statement
  /// `ArchiveWriter.rowsPerStatement` rows at once, as the plural names below.
  let insertSummaries: Statement
  let insertSummaryText: Statement
  let insertCitation: Statement
  let insertCitations: Statement
  let insertFollowUp: Statement
  let insertFollowUps: Statement
  let insertReference: Statement
  let insertReporter: Statement
  let insertAppearance: Statement
  /// A question's full-text rows, one statement per index (`QuestionTextIndex`).
  let insertQuestionTexts: [Statement]
  let insertFollowUpText: Statement
  /// The follow-ups' full-text rows of a batch, from the rows (`ArchiveWriter+HeldRows`).
  let indexFollowUps: Statement
  let insertCheckTerms: Statement
  /// The full-text rows of the questions and checks after an id, written at a batch's end.
  let indexQuestions: [Statement]
  let indexChecks: Statement

  /// The columns of `checks` that come from the page and the policy's verdict, bound by
  /// `ArchiveWriter.bindCheckColumns` for both the insert and the reparse update.
  static let checkColumns = [
    "first_line", "checked_on", "checked_on_inferred", "publisher_flagged_outdated", "disclaimer",
    "title_url", "truncated", "unparsed", "citation_count", "key_terms", "time_sensitive_terms",
    "topic", "max_age_days", "due_on", "queue_tier", "publisher", "rating", "title", "rating_class",
    "rating_value", "rating_worst", "rating_best", "language", "date_source", "claimant",
    "claim_date",
  ]

  init(_ db: Connection) throws {
    findDocument = try db.prepare("SELECT id FROM documents WHERE sha256 = :sha256")
    insertDocument = try db.prepare(
      """
      INSERT INTO documents
        (sha256, path, raw_text, byte_count, ingested_at, status, error, error_line, parser_version,
         kind, format, media_type, url, final_url, http_status, content_type, fetched_at)
      VALUES (:sha256, :path, :raw_text, :byte_count, :ingested_at, :status, :error, :error_line,
              :parser_version, :kind, :format, :media_type, :url, :final_url, :http_status,
              :content_type, :fetched_at)
      """)
    // Plain single-row statements: an upsert or a multi-row update needs a statement
    // journal, and opening one makes FTS5 flush its pending terms (a segment per document).
    insertQuestion = try db.prepare(
      """
      INSERT INTO questions
        (text, normalized_key, first_seen_at, publisher_key, language, claim_terms, claim_profile)
      VALUES
        (:text, :normalized_key, :first_seen_at, :publisher_key, :language, :claim_terms,
         :claim_profile)
      """)
    findQuestion = try db.prepare(
      """
      SELECT id FROM questions
      WHERE publisher_key = :publisher_key AND normalized_key = :normalized_key
      """)
    isMergedAway = try db.prepare(QuestionSQL.isMergedAway)
    findMergedQuestion = try db.prepare(QuestionSQL.mergedInto)
    findSameCheck = try db.prepare(
      """
      SELECT id FROM checks
      WHERE question_id = :question_id AND coalesce(checked_on, checked_on_inferred) = :day
        AND (checked_on IS NULL) = :undated
      """)
    insertCopy = try db.prepare(
      """
      INSERT INTO check_copies (check_id, document_id, article_index)
      VALUES (:check_id, :document_id, :article_index)
      """)
    let columns = Self.checkColumns
    insertCheck = try db.prepare(
      """
      INSERT INTO checks (question_id, document_id, article_index, \(columns.joined(separator: ", ")))
      VALUES (:question_id, :document_id, :article_index, \
      \(columns.map { ":" + $0 }.joined(separator: ", ")))
      """)
    updateCheck = try db.prepare(
      """
      UPDATE checks SET question_id = :question_id, \
      \(columns.map { "\($0) = :\($0)" }.joined(separator: ", "))
      WHERE id = :id
      """)
    checksOfQuestion = try db.prepare(QuestionSQL.checksOfQuestion)
    setSuperseded = try db.prepare("UPDATE checks SET superseded = :superseded WHERE id = :id")
    // The held rows (`ArchiveWriter+HeldRows`): parameters by position, in the order of
    // each row type's `bind`, one row or `rowsPerStatement`.
    func insert(into table: String, _ columns: [String], rows: Int = 1) throws -> Statement {
      let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
      return try db.prepare(
        """
        INSERT INTO \(table) (\(columns.joined(separator: ", ")))
        VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
        """)
    }
    let many = ArchiveWriter.rowsPerStatement
    let summaryColumns = [
      "id", "check_id", "position", "heading", "body_start", "body_length", "body_text",
    ]
    insertSummary = try insert(into: "summary_spans", summaryColumns)
    insertSummaries = try insert(into: "summary_spans", summaryColumns, rows: many)
    insertSummaryText = try db.prepare(
      "INSERT INTO summaries_fts (rowid, heading, body) VALUES (:rowid, :heading, :body)")
    let citationColumns = [
      "check_id", "position", "ref_number", "marker_start", "sentence_start", "sentence_length",
      "anchor_text",
    ]
    insertCitation = try insert(into: "citation_spans", citationColumns)
    insertCitations = try insert(into: "citation_spans", citationColumns, rows: many)
    let followUpColumns = ["check_id", "position", "text"]
    insertFollowUp = try insert(into: "follow_ups", followUpColumns)
    insertFollowUps = try insert(into: "follow_ups", followUpColumns, rows: many)
    insertReference = try db.prepare(
      """
      INSERT INTO citation_sources (check_id, ref_number, url, domain)
      VALUES (:check_id, :ref_number, :url, :domain)
      """)
    insertReporter = try db.prepare(
      "INSERT INTO check_reporters (check_id, position, name) VALUES (:check_id, :position, :name)")
    insertAppearance = try db.prepare(
      """
      INSERT INTO claim_appearances (check_id, position, url, url_key, first_appearance)
      VALUES (:check_id, :position, :url, :url_key, :first_appearance)
      """)
    // Full-text rows, written next to the rows they index (see Schema/005_ingest_speed.sql).
    insertQuestionTexts = try QuestionTextIndex.insertRow.map { try db.prepare($0) }
    insertFollowUpText = try db.prepare(
      "INSERT INTO follow_ups_fts (rowid, text) VALUES (:rowid, :text)")
    indexFollowUps = try db.prepare(
      "INSERT INTO follow_ups_fts (rowid, text) SELECT id, text FROM follow_ups WHERE id > ?")
    insertCheckTerms = try db.prepare(
      "INSERT INTO checks_fts (rowid, key_terms) VALUES (:rowid, :key_terms)")
    indexQuestions = try QuestionTextIndex.indexAfter.map { try db.prepare($0) }
    indexChecks = try db.prepare(
      """
      INSERT INTO checks_fts (rowid, key_terms)
      SELECT id, key_terms FROM checks WHERE id > ? AND key_terms IS NOT NULL
      """)
  }
}

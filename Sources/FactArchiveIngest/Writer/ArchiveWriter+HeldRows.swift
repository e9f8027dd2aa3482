import FactArchiveCore
import FactArchiveStore

/// The rows a check has many of: summaries, citations and follow-up questions, about forty
/// an article. On the fast path they wait for the end of the batch and go in 32 to a
/// statement.
///
/// A multi-row `INSERT` is an `INSERT … SELECT` to SQLite and opens a statement journal,
/// which makes every full-text index written earlier in the transaction flush its pending
/// terms (migration 009): one per document would cut the indexes' segments short. At the
/// end of the batch the first one flushes what the commit would have flushed a moment
/// later, and the rest find nothing pending.
///
/// A held summary gets its id when it is held (the next after the largest in its table, as
/// SQLite would give it), so its full-text row can be written at once, while the text is at
/// hand. Follow-ups, short and stored whole, are indexed at the batch's end in one
/// statement that reads back the rows after the largest id before the batch; so are the
/// questions and checks the batch creates (their rows are written as they come, their
/// full-text rows wait): a statement per row cost about 10 µs a row inside an ingest, one
/// `INSERT … SELECT` about 7 µs (2 µs alone). Claim candidates looked up meanwhile find the
/// batch's questions in memory (`CheckAssessor.indexingQuestionsLater`), and a source, which
/// looks checks up in their index, first has the checks before it indexed
/// (`indexHeldChecks`).
extension ArchiveWriter {
  /// A row of one of the held tables: its columns bound by position.
  protocol HeldRow {
    /// Parameters a row fills.
    static var columnCount: Int32 { get }
    /// Binds the row to parameters `first + 1` to `first + columnCount`.
    func bind(to statement: Statement, after first: Int32) throws
  }

  /// One `summary_spans` row; its id is `nil` when SQLite chooses it.
  struct SummaryRow: HeldRow {
    var id: Int64?
    var checkID: Int64
    var position: Int
    var heading: String?
    var body: ParsedSummary.Body

    static let columnCount: Int32 = 7

    func bind(to statement: Statement, after first: Int32) throws {
      try statement.bind(id, at: first + 1)
      try statement.bind(checkID, at: first + 2)
      try statement.bind(position, at: first + 3)
      try statement.bind(heading, at: first + 4)
      switch body {
      case .slice(_, let start, let count):
        try statement.bind(start, at: first + 5)
        try statement.bind(count, at: first + 6)
        try statement.bindNull(at: first + 7)
      case .rebuilt(let text):
        try statement.bindNull(at: first + 5)
        try statement.bindNull(at: first + 6)
        try text.withUnsafeBytes { try statement.bindText($0, at: first + 7) }
      }
    }
  }

  /// One `follow_ups` row.
  struct FollowUpRow: HeldRow {
    var checkID: Int64
    var position: Int
    var text: String

    static let columnCount: Int32 = 3

    func bind(to statement: Statement, after first: Int32) throws {
      try statement.bind(checkID, at: first + 1)
      try statement.bind(position, at: first + 2)
      try statement.bind(text, at: first + 3)
    }
  }

  /// One `citation_spans` row: only its columns, as a batch holds about 60,000.
  struct CitationRow: HeldRow {
    var checkID: Int64
    var position: Int
    var refNumber: Int
    var markerStart: Int
    var sentenceStart: Int
    var sentenceLength: Int
    var anchorText: String?

    static let columnCount: Int32 = 7

    func bind(to statement: Statement, after first: Int32) throws {
      try statement.bind(checkID, at: first + 1)
      try statement.bind(position, at: first + 2)
      try statement.bind(refNumber, at: first + 3)
      try statement.bind(markerStart, at: first + 4)
      try statement.bind(sentenceStart, at: first + 5)
      try statement.bind(sentenceLength, at: first + 6)
      try statement.bind(anchorText, at: first + 7)
    }
  }

  /// What a batch holds until its end, and the ids its held rows have taken.
  struct HeldRows {
    var summaries: [SummaryRow] = []
    var followUps: [FollowUpRow] = []
    var citations: [CitationRow] = []
    var lastSummaryID: Int64
    /// The largest follow-up id before the batch: SQLite gives the held ones the next.
    let followUpsAfter: Int64
    /// The largest question id before the batch: the full-text rows of those after it are
    /// written at its end.
    let questionsAfter: Int64
    /// The largest check id with its full-text row written, and the largest written.
    var checksIndexedThrough: Int64
    var newestCheck: Int64
  }

  /// Rows per multi-row statement.
  static let rowsPerStatement = 32

  /// Writes a summary now, or holds it for the end of the batch. Returns its id.
  func insertSummary(_ row: SummaryRow) throws -> Int64 {
    // Changed in place: a copy of `held` would copy its arrays at every append.
    guard let id = held.map({ $0.lastSummaryID + 1 }) else {
      try Self.write([row][...], one: statements.insertSummary)
      return db.lastInsertedRowID
    }
    var row = row
    row.id = id
    held?.lastSummaryID = id
    held?.summaries.append(row)
    return id
  }

  /// Writes a follow-up question and its full-text row now, or holds it for the end of the
  /// batch.
  func insertFollowUp(_ row: FollowUpRow) throws {
    guard held == nil else {
      held?.followUps.append(row)
      return
    }
    try Self.write([row][...], one: statements.insertFollowUp)
    let searchable = statements.insertFollowUpText
    try searchable.bind(db.lastInsertedRowID, to: ":rowid")
    try searchable.bind(row.text, to: ":text")
    try searchable.run()
  }

  /// Writes a section's citations now, or holds them for the end of the batch.
  func insertCitations(_ citations: [ParsedCitation], checkID: Int64, position: Int) throws {
    let rows = citations.map {
      CitationRow(
        checkID: checkID, position: position, refNumber: $0.refNumber,
        markerStart: $0.markerStart, sentenceStart: $0.sentenceStart,
        sentenceLength: $0.sentenceLength, anchorText: $0.anchorText)
    }
    if held != nil {
      held?.citations.append(contentsOf: rows)
    } else {
      try Self.write(rows[...], one: statements.insertCitation)
    }
  }

  /// Runs `body` (a batch on the fast path) with summaries, follow-ups and citations held,
  /// then writes them: summaries first, as citations refer to them. A row the database
  /// refuses refuses the batch, which is then written again a document at a time.
  func holdingRows<T>(_ body: () throws -> T) throws -> T {
    let checks = try largestID(in: "checks")
    held = HeldRows(
      lastSummaryID: try largestID(in: "summary_spans"),
      followUpsAfter: try largestID(in: "follow_ups"),
      questionsAfter: try largestID(in: "questions"), checksIndexedThrough: checks,
      newestCheck: checks)
    defer { held = nil }
    return try assessor.indexingQuestionsLater { try writeHeld(body()) }
  }

  /// Writes what `held` holds after the batch's documents, and the full-text rows left for
  /// the end.
  private func writeHeld<T>(_ result: T) throws -> T {
    guard let rows = held else { return result }
    do {
      try Self.write(
        rows.summaries[...], many: statements.insertSummaries, one: statements.insertSummary)
      try Self.write(
        rows.followUps[...], many: statements.insertFollowUps, one: statements.insertFollowUp)
      if !rows.followUps.isEmpty {
        try statements.indexFollowUps.bind(rows.followUpsAfter, at: 1)
        try statements.indexFollowUps.run()
      }
      try Self.write(
        rows.citations[...], many: statements.insertCitations, one: statements.insertCitation)
      for index in statements.indexQuestions {
        try index.bind(rows.questionsAfter, at: 1)
        try index.run()
      }
      try indexHeldChecks()
    } catch let error as DatabaseError where error.isConstraintViolation {
      throw DocumentRefused(error: error)
    }
    return result
  }

  /// Writes the full-text rows of the checks the batch has written since the last time
  /// (none outside a batch: each check's is written with it).
  func indexHeldChecks() throws {
    guard let rows = held, rows.newestCheck > rows.checksIndexedThrough else { return }
    try statements.indexChecks.bind(rows.checksIndexedThrough, at: 1)
    try statements.indexChecks.run()
    held?.checksIndexedThrough = rows.newestCheck
  }

  /// The largest id in `table`, 0 in an empty one; a bare `max(id)` is one seek (wrapped
  /// in `coalesce` it would read the whole table).
  private func largestID(in table: String) throws -> Int64 {
    try db.scalarInt("SELECT max(id) FROM \(table)")
  }

  /// Writes `rows`, `rowsPerStatement` at a time with `many` and the rest with `one`.
  private static func write<Row: HeldRow>(
    _ rows: ArraySlice<Row>, many: Statement? = nil, one: Statement
  ) throws {
    var rest = rows
    if let many {
      while rest.count >= rowsPerStatement {
        for (offset, row) in rest.prefix(rowsPerStatement).enumerated() {
          try row.bind(to: many, after: Int32(offset) * Row.columnCount)
        }
        try many.run()
        rest = rest.dropFirst(rowsPerStatement)
      }
    }
    for row in rest {
      try row.bind(to: one, after: 0)
      try one.run()
    }
  }
}

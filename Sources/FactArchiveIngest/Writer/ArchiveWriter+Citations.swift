import FactArchiveCore
import FactArchiveStore

/// Citations: about thirty rows an article, the most numerous rows ingest writes. On the
/// fast path they wait for the end of the batch and go in 32 to a statement.
///
/// A multi-row `INSERT` is an `INSERT … SELECT` to SQLite and opens a statement journal,
/// which makes every full-text index written earlier in the transaction flush its pending
/// terms (migration 009): one per document would cut the indexes' segments short. At the
/// end of the batch the first one flushes what the commit would have flushed a moment
/// later, and the rest find nothing pending.
extension ArchiveWriter {
  /// One `citation_spans` row: only its columns, as a batch holds about 60,000.
  struct CitationRow {
    var checkID: Int64
    var position: Int
    var refNumber: Int
    var markerStart: Int
    var sentenceStart: Int
    var sentenceLength: Int
    var anchorText: String?

    /// Binds the row to parameters `first + 1` to `first + 7` of an insert into
    /// `citation_spans` (`WriterStatements.insertCitations`).
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

  /// Rows per multi-row statement.
  static let citationsPerStatement = 32

  /// Writes a section's citations now, or keeps them for the end of the batch.
  func insertCitations(_ citations: [ParsedCitation], checkID: Int64, position: Int) throws {
    let rows = citations.map {
      CitationRow(
        checkID: checkID, position: position, refNumber: $0.refNumber,
        markerStart: $0.markerStart, sentenceStart: $0.sentenceStart,
        sentenceLength: $0.sentenceLength, anchorText: $0.anchorText)
    }
    if pendingCitations != nil {
      pendingCitations?.append(contentsOf: rows)
    } else {
      try writeOneByOne(rows[...])
    }
  }

  /// Runs `body` (a batch on the fast path) with citations kept, then writes them. A row
  /// the database refuses refuses the batch, which is then written again a document at a
  /// time, citations and all.
  func deferringCitations<T>(_ body: () throws -> T) throws -> T {
    pendingCitations = []
    defer { pendingCitations = nil }
    let result = try body()
    let rows = pendingCitations ?? []
    do {
      let chunk = Self.citationsPerStatement
      var start = 0
      while rows.count - start >= chunk {
        let statement = statements.insertCitations
        for (offset, row) in rows[start..<start + chunk].enumerated() {
          try row.bind(to: statement, after: Int32(offset * 7))
        }
        try statement.run()
        start += chunk
      }
      try writeOneByOne(rows[start...])
    } catch let error as DatabaseError where error.isConstraintViolation {
      throw DocumentRefused(error: error)
    }
    return result
  }

  private func writeOneByOne(_ rows: ArraySlice<CitationRow>) throws {
    let statement = statements.insertCitation
    for row in rows {
      try row.bind(to: statement, after: 0)
      try statement.run()
    }
  }
}

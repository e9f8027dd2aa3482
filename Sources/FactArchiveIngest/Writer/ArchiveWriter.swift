import FactArchiveCore
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore

/// Writes prepared documents into the archive, and decides how a batch is retried when the
/// database refuses one of its documents. The rows themselves are written by the
/// extensions: `+Documents` (the input), `+Checks` (question and check), `+Parts`
/// (summaries, citations, follow-ups, references), `+Sources`, `+Latest` (which check of a
/// question is the latest) and `+Reparse`.
///
/// The statements are prepared once (`WriterStatements`) and bound by name with typed
/// values: ingest runs them tens of times per article.
public final class ArchiveWriter {
  public let db: Connection
  /// Judges each new check by the staleness policy and links newer evidence.
  public let assessor: CheckAssessor
  let now: () -> String
  let statements: WriterStatements
  /// Summaries, follow-ups and citations held for the end of the batch (`holdingRows`);
  /// `nil` when they are written as they come.
  var held: HeldRows?

  /// - Parameter now: the UTC timestamp recorded as `ingested_at` (a parameter for tests).
  public init(database: Connection, now: @escaping () -> String = Timestamp.nowUTC) throws {
    self.db = database
    self.assessor = try CheckAssessor(database: database)
    self.now = now
    self.statements = try WriterStatements(database)
  }

  /// The day of ingest, from the same clock as `ingested_at`.
  public var today: Day {
    Day(iso: now().prefix(10)) ?? Day.today()
  }

  /// How a document is written within its batch's transaction.
  public enum Isolation: Sendable {
    /// Straight into the transaction: the fast path. A document the database refuses
    /// fails the whole batch (`DocumentRefused`), which is then written again isolated.
    case batch
    /// In its own savepoint: a document the database refuses rolls back alone and is kept
    /// as rejected. (Savepoints also make FTS5 flush its pending terms each time, so this is
    /// the slow path.)
    case savepoint
  }

  /// The database refused a document's rows on the fast path.
  public struct DocumentRefused: Error {
    public var error: DatabaseError
  }

  /// Writes a batch in one transaction and returns each document's outcome: first all in
  /// one go; if the database refuses a document, the batch is rolled back and written again
  /// with a savepoint per document, so only that document is rejected.
  public func write(_ documents: [PreparedDocument]) throws -> [DocumentOutcome] {
    do {
      return try batchTransaction {
        try documents.map { try write($0, isolation: .batch) }
      }
    } catch is DocumentRefused {
      return try db.transaction(.immediate) {
        try documents.map { try write($0, isolation: .savepoint) }
      }
    }
  }

  /// The transaction of a batch written on the fast path (`write(_:isolation: .batch)` in
  /// `body`): the documents' name and claim word counts are summed and written once per
  /// name and word at its end (`NameCounts`, `ClaimWordCounts`), and dropped with the batch
  /// if it rolls back; the due dates its links bring forward are refreshed at its end too
  /// (`CheckAssessor.deferringDueDates`), and its summaries, follow-ups and citations
  /// written there, many to a statement (`holdingRows`), before the due dates are.
  public func batchTransaction<T>(_ body: () throws -> T) throws -> T {
    try forgettingClaimsIfRolledBack {
      try db.transaction(.immediate) {
        try assessor.names.deferringWrites {
          try assessor.claimWords.deferringWrites {
            try assessor.deferringDueDates { try holdingRows(body) }
          }
        }
      }
    }
  }

  /// Runs `body`; when it throws, what it wrote is rolled back, and the assessor forgets the
  /// claims of the questions it created (`CheckAssessor.forgetClaims`).
  private func forgettingClaimsIfRolledBack<T>(_ body: () throws -> T) throws -> T {
    let before = try db.scalarInt("SELECT max(id) FROM questions")
    do {
      return try body()
    } catch {
      assessor.forgetClaims(after: before)
      throw error
    }
  }

  /// Writes one document inside the caller's transaction (or alone).
  public func write(_ document: PreparedDocument, isolation: Isolation = .savepoint) throws
    -> DocumentOutcome
  {
    if let readError = document.input.readError {
      return .rejected(readError)
    }
    if let existing = try existingDocument(sha256: document.sha256) {
      if case .failure(let error) = document.parsed {
        return .rejected(error)
      }
      return .unchanged(documentID: existing)
    }
    switch document.parsed {
    case .failure(let error):
      try insertDocument(document, status: "rejected", error: error)
      return .rejected(error)
    case .success(let parsed):
      guard isolation == .savepoint else {
        do {
          return try insertParsed(document, parsed)
        } catch let error as DatabaseError where error.isConstraintViolation {
          throw DocumentRefused(error: error)
        }
      }
      do {
        return try forgettingClaimsIfRolledBack {
          try db.savepoint("document") { try insertParsed(document, parsed) }
        }
      } catch let error as DatabaseError where error.isConstraintViolation && db.isInTransaction {
        // The archive refused the parsed rows: keep the document, rejected, with the reason.
        let refused = ParseError(line: nil, "the database refused it: \(error.message)")
        try insertDocument(document, status: "rejected", error: refused)
        return .rejected(refused)
      }
    }
  }

  private func insertParsed(_ document: PreparedDocument, _ parsed: ParsedDocument) throws
    -> DocumentOutcome
  {
    let documentID = try insertDocument(document, status: "parsed", error: nil)
    if parsed.feed != nil {
      return .parsed(
        try writeFeedItems(
          parsed, hashes: document.itemHashes, feedDocumentID: documentID,
          path: document.input.path))
    }
    if let source = parsed.source {
      return .parsed([.source(sourceID: try insertSource(source, documentID: documentID))])
    }
    var outcomes: [ArticleOutcome] = []
    for (index, article) in parsed.articles.enumerated() {
      outcomes.append(
        try insertArticle(
          article, index: index, of: parsed,
          facts: document.facts(of: article, at: index, in: parsed, ingestedOn: today),
          verdict: document.verdict(index), question: document.question(index),
          documentID: documentID))
    }
    return .parsed(outcomes)
  }
}

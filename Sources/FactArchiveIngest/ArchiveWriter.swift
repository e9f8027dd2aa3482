import FactArchivePolicy
import FactArchiveStore

/// Writes prepared documents into the archive. Each document runs in its own savepoint,
/// so one that fails rolls back alone; callers group documents into transactions.
///
/// The statements are prepared once and bound with typed values: ingest runs them tens of
/// times per article.
public final class ArchiveWriter {
  public let db: Database
  /// Judges each new check by the staleness policy and links newer evidence.
  public let assessor: CheckAssessor
  private let now: () -> String
  let statements: WriterStatements

  /// - Parameter now: the UTC timestamp recorded as `ingested_at` (a parameter for tests).
  public init(database: Database, now: @escaping () -> String = Timestamp.nowUTC) throws {
    self.db = database
    self.assessor = try CheckAssessor(database: database)
    self.now = now
    self.statements = try WriterStatements(database)
  }

  /// The day of ingest, from the same clock as `ingested_at`.
  var today: Day {
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
      return try db.transaction(.immediate) {
        try documents.map { try write($0, isolation: .batch) }
      }
    } catch is DocumentRefused {
      return try db.transaction(.immediate) {
        try documents.map { try write($0, isolation: .savepoint) }
      }
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
        return try db.savepoint("document") { try insertParsed(document, parsed) }
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
    if let source = parsed.source {
      return .parsed([.source(sourceID: try insertSource(source, documentID: documentID))])
    }
    var outcomes: [ArticleOutcome] = []
    for (index, article) in parsed.articles.enumerated() {
      outcomes.append(
        try insertArticle(
          article, index: index, of: parsed, verdict: document.verdict(index),
          documentID: documentID))
    }
    return .parsed(outcomes)
  }

  private func existingDocument(sha256: String) throws -> Int64? {
    let statement = statements.findDocument
    try statement.bind(sha256, at: 1)
    defer { statement.reset() }
    return try statement.step() ? statement.int64(at: 0) : nil
  }

  @discardableResult
  private func insertDocument(_ document: PreparedDocument, status: String, error: ParseError?)
    throws -> Int64
  {
    var kind: String?
    if case .success(let parsed) = document.parsed {
      kind = parsed.source == nil ? "fact_check" : "source"
    }
    let statement = statements.insertDocument
    try statement.bind(document.sha256, at: 1)
    try statement.bind(document.input.path, at: 2)
    if document.isText {
      try document.input.bytes.withUnsafeBytes { try statement.bindText($0, at: 3) }
    } else {
      try statement.bind(.blob(document.input.bytes), at: 3)
    }
    try statement.bind(document.input.byteCount, at: 4)
    try statement.bind(now(), at: 5)
    try statement.bind(status, at: 6)
    try statement.bind(error?.message, at: 7)
    if let line = error?.line {
      try statement.bind(line, at: 8)
    } else {
      try statement.bindNull(at: 8)
    }
    try statement.bind(ArticleParser.version, at: 9)
    try statement.bind(kind, at: 10)
    try statement.bind(document.format.rawValue, at: 11)
    try statement.run()
    return db.lastInsertedRowID
  }

  private func insertArticle(
    _ article: ParsedArticle, index: Int, of document: ParsedDocument,
    verdict: StalenessPolicy.Verdict?, documentID: Int64
  ) throws -> ArticleOutcome {
    let (questionID, isNewQuestion) = try question(for: article)
    if !isNewQuestion, let duplicate = try sameCheck(of: article, questionID: questionID) {
      return .duplicate(checkID: duplicate)
    }
    let checkID = try insertCheck(
      article, of: document, verdict: verdict, questionID: questionID, documentID: documentID,
      index: index)
    try insertParts(of: article, checkID: checkID, document: document)
    if !isNewQuestion {
      try markLatest(questionID: questionID)
    }
    return isNewQuestion ? .new(checkID: checkID) : .recheck(checkID: checkID)
  }

  /// The question's id, found by its normalised key or created.
  func question(for article: ParsedArticle) throws -> (id: Int64, isNew: Bool) {
    let key = QuestionKey.normalize(article.question)
    let find = statements.findQuestion
    try find.bind(key, at: 1)
    defer { find.reset() }
    if try find.step() {
      return (find.int64(at: 0), false)
    }
    let insert = statements.insertQuestion
    try insert.bind(article.question, at: 1)
    try insert.bind(key, at: 2)
    try insert.bind(now(), at: 3)
    try insert.run()
    let id = db.lastInsertedRowID
    let searchable = statements.insertQuestionText
    try searchable.bind(id, at: 1)
    try searchable.bind(article.question, at: 2)
    try searchable.run()
    return (id, true)
  }

  /// A check of the same question on the same (stated or inferred) date: another copy of
  /// a check the archive has, not a new one.
  private func sameCheck(of article: ParsedArticle, questionID: Int64) throws -> Int64? {
    guard let day = article.checkedOn ?? article.checkedOnInferred else { return nil }
    let statement = statements.findSameCheck
    try statement.bind(questionID, at: 1)
    try statement.bind(day.iso, at: 2)
    try statement.bind(article.checkedOn == nil, at: 3)
    defer { statement.reset() }
    return try statement.step() ? statement.int64(at: 0) : nil
  }

  func insertCheck(
    _ article: ParsedArticle, of document: ParsedDocument, verdict: StalenessPolicy.Verdict?,
    questionID: Int64, documentID: Int64, index: Int
  ) throws -> Int64 {
    let statement = statements.insertCheck
    try statement.bind(questionID, at: 1)
    try statement.bind(documentID, at: 2)
    try statement.bind(index, at: 3)
    let (links, keyTerms) = try bindCheckColumns(
      article, of: document, verdict: verdict, to: statement, from: 4)
    try statement.run()
    let checkID = db.lastInsertedRowID
    if !keyTerms.isEmpty {
      let searchable = statements.insertCheckTerms
      try searchable.bind(checkID, at: 1)
      try searchable.bind(keyTerms, at: 2)
      try searchable.run()
    }
    try assessor.record(links, checkID: checkID)
    return checkID
  }

  /// Binds the columns of `checks` that come from the page and the policy's verdict, in the
  /// order `insertCheck` and the reparse update use, from parameter `first` on. Returns the
  /// newer evidence found for the check and its key terms as stored.
  func bindCheckColumns(
    _ article: ParsedArticle, of document: ParsedDocument, verdict: StalenessPolicy.Verdict?,
    to statement: Statement, from first: Int32
  ) throws -> (links: [CheckAssessor.EvidenceLink], keyTerms: String) {
    let facts = StalenessPolicy.Facts(
      question: article.question,
      summary: verdict == nil ? article.summaries.first.map { document.body(of: $0) } ?? "" : "",
      checkedOn: article.checkedOn, checkedOnInferred: article.checkedOnInferred, ingestedOn: today,
      publisherFlagged: article.publisherFlaggedOutdated)
    let (judged, links) = try assessor.judge(facts, assessed: verdict)
    var index = first
    func next() -> Int32 {
      defer { index += 1 }
      return index
    }
    try statement.bind(article.firstLine, at: next())
    try statement.bind(article.checkedOn?.iso, at: next())
    try statement.bind(article.checkedOn == nil ? article.checkedOnInferred?.iso : nil, at: next())
    try statement.bind(article.publisherFlaggedOutdated, at: next())
    try statement.bind(article.disclaimer, at: next())
    try statement.bind(article.titleURL, at: next())
    try statement.bind(article.truncated, at: next())
    try statement.bind(article.unparsed, at: next())
    try statement.bind(article.citationCount, at: next())
    let keyTerms = judged.keyTerms.joined(separator: "|")
    try statement.bind(keyTerms, at: next())
    try statement.bind(CheckAssessor.joinedTerms(judged.timeSensitiveTerms), at: next())
    try statement.bind(judged.topic, at: next())
    try statement.bind(judged.maxAgeDays, at: next())
    try statement.bind(judged.dueOn.iso, at: next())
    try statement.bind(article.publisher, at: next())
    try statement.bind(article.rating, at: next())
    return (links, keyTerms)
  }

  /// Marks the latest check of a question (latest date, then latest ingest) as the one not
  /// superseded: only it is judged for staleness. Row by row, so no statement journal.
  func markLatest(questionID: Int64) throws {
    let checks = statements.checksOfQuestion
    try checks.bind(questionID, at: 1)
    var rows: [(id: Int64, superseded: Bool)] = []
    while try checks.step() {
      rows.append((checks.int64(at: 0), checks.bool(at: 1)))
    }
    checks.reset()
    let update = statements.setSuperseded
    for (offset, row) in rows.enumerated() where row.superseded != (offset > 0) {
      try update.bind(offset > 0, at: 1)
      try update.bind(row.id, at: 2)
      try update.run()
    }
  }

  func insertSource(_ source: ParsedSource, documentID: Int64) throws -> Int64 {
    let terms = KeyTerms.extract(
      from: source.title + "\n" + source.body, limit: CheckAssessor.sourceKeyTermLimit)
    try db.execute(
      """
      INSERT INTO sources
        (document_id, title, label, byline, published_on, published_on_inferred, body, key_terms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        documentID, source.title, source.label, source.byline, source.publishedOn?.iso,
        source.publishedOnInferred?.iso, source.body, terms.joined(separator: "|"),
      ])
    let sourceID = db.lastInsertedRowID
    let link = try db.cachedStatement(
      """
      INSERT INTO source_links (source_id, position, url, domain, in_references)
      VALUES (?, ?, ?, ?, ?)
      """)
    for (offset, item) in source.links.enumerated() {
      try link.execute([sourceID, offset + 1, item.url, item.domain, item.inReferences])
    }
    if let date = source.publishedOn ?? source.publishedOnInferred {
      try assessor.linkSource(sourceID, keyTerms: terms, date: date)
    }
    return sourceID
  }

  /// Summaries (with their full-text rows), citations, follow-ups and references of a check.
  func insertParts(of article: ParsedArticle, checkID: Int64, document: ParsedDocument) throws {
    let summary = statements.insertSummary
    let searchable = statements.insertSummaryText
    let citation = statements.insertCitation
    for part in article.summaries {
      try summary.bind(checkID, at: 1)
      try summary.bind(part.position, at: 2)
      try summary.bind(part.heading, at: 3)
      switch part.body {
      case .slice(_, let start, let count):
        try summary.bind(start, at: 4)
        try summary.bind(count, at: 5)
        try summary.bindNull(at: 6)
      case .rebuilt(let text):
        try summary.bindNull(at: 4)
        try summary.bindNull(at: 5)
        try text.withUnsafeBytes { try summary.bindText($0, at: 6) }
      }
      try summary.run()
      // The text is at hand here; a trigger would read it back out of raw_text.
      try searchable.bind(db.lastInsertedRowID, at: 1)
      try searchable.bind(part.heading, at: 2)
      try document.withBodyBytes(of: part) { try searchable.bindText($0, at: 3) }
      try searchable.run()
      for cited in part.citations {
        try citation.bind(checkID, at: 1)
        try citation.bind(part.position, at: 2)
        try citation.bind(cited.refNumber, at: 3)
        try citation.bind(cited.markerStart, at: 4)
        try citation.bind(cited.sentenceStart, at: 5)
        try citation.bind(cited.sentenceLength, at: 6)
        try citation.run()
      }
    }
    let followUp = statements.insertFollowUp
    let followUpText = statements.insertFollowUpText
    for (offset, text) in article.followUps.enumerated() {
      try followUp.bind(checkID, at: 1)
      try followUp.bind(offset + 1, at: 2)
      try followUp.bind(text, at: 3)
      try followUp.run()
      try followUpText.bind(db.lastInsertedRowID, at: 1)
      try followUpText.bind(text, at: 2)
      try followUpText.run()
    }
    let reference = statements.insertReference
    for item in article.references {
      try reference.bind(checkID, at: 1)
      try reference.bind(item.refNumber, at: 2)
      try reference.bind(item.url, at: 3)
      try reference.bind(item.domain, at: 4)
      try reference.run()
    }
  }
}

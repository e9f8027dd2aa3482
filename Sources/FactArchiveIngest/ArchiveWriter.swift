import FactArchivePolicy
import FactArchiveStore

/// What happened to one input.
public enum DocumentOutcome: Sendable, Equatable {
  /// Its checks landed; one entry per article.
  case parsed([ArticleOutcome])
  /// The same bytes were already in the archive: nothing was added.
  case unchanged(documentID: Int64)
  /// Kept in `documents` as rejected (unless it could not be read at all).
  case rejected(ParseError)
}

/// What happened to one article of a parsed document.
public enum ArticleOutcome: Sendable, Equatable {
  /// A question the archive did not have.
  case new(checkID: Int64)
  /// A new check of a question already in the archive.
  case recheck(checkID: Int64)
  /// The archive already has a check of this question on this date.
  case duplicate(checkID: Int64)
  /// A source article.
  case source(sourceID: Int64)
}

/// Counts for the closing line of an ingest.
public struct IngestTally: Sendable, Equatable {
  public var files = 0
  public var new = 0
  /// How many of the new are source articles.
  public var sources = 0
  public var rechecks = 0
  public var unchanged = 0
  public var rejected = 0

  public init() {}

  public mutating func add(_ outcome: DocumentOutcome) {
    files += 1
    switch outcome {
    case .unchanged: unchanged += 1
    case .rejected: rejected += 1
    case .parsed(let articles):
      for article in articles {
        switch article {
        case .new: new += 1
        case .recheck: rechecks += 1
        case .duplicate: unchanged += 1
        case .source:
          new += 1
          sources += 1
        }
      }
    }
  }

  /// `4 files: 2 new, 1 re-check, 1 unchanged, 0 rejected`; new sources are counted
  /// among the new (`3 new (1 source)`).
  public var summary: String {
    let checks = rechecks == 1 ? "re-check" : "re-checks"
    let ofWhich = sources == 0 ? "" : " (\(sources) \(sources == 1 ? "source" : "sources"))"
    return
      "\(files) \(files == 1 ? "file" : "files"): \(new) new\(ofWhich), \(rechecks) \(checks), "
      + "\(unchanged) unchanged, \(rejected) rejected"
  }
}

/// Writes prepared documents into the archive. Each document runs in its own savepoint,
/// so one that fails rolls back alone; callers group documents into transactions.
public final class ArchiveWriter {
  public let db: Database
  /// Judges each new check by the staleness policy and links newer evidence.
  public let assessor: CheckAssessor
  private let now: () -> String

  /// - Parameter now: the UTC timestamp recorded as `ingested_at` (a parameter for tests).
  public init(database: Database, now: @escaping () -> String = Timestamp.nowUTC) throws {
    self.db = database
    self.assessor = try CheckAssessor(database: database)
    self.now = now
  }

  /// The day of ingest, from the same clock as `ingested_at`.
  var today: Day {
    Day(iso: now().prefix(10)) ?? Day.today()
  }

  /// Writes a batch in one transaction, calling `report` after each document.
  public func write(
    _ documents: [PreparedDocument],
    report: (PreparedDocument, DocumentOutcome) -> Void = { _, _ in }
  ) throws {
    try db.transaction(.immediate) {
      for document in documents {
        report(document, try write(document))
      }
    }
  }

  /// Writes one document inside the caller's transaction (or alone).
  public func write(_ document: PreparedDocument) throws -> DocumentOutcome {
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
      do {
        return try db.savepoint("document") {
          let documentID = try insertDocument(document, status: "parsed", error: nil)
          if let source = parsed.source {
            return .parsed([.source(sourceID: try insertSource(source, documentID: documentID))])
          }
          var outcomes: [ArticleOutcome] = []
          for (index, article) in parsed.articles.enumerated() {
            outcomes.append(
              try insertArticle(article, index: index, of: parsed, documentID: documentID))
          }
          return .parsed(outcomes)
        }
      } catch let error as DatabaseError where error.isConstraintViolation {
        // The archive refused the parsed rows: keep the document, rejected, with the reason.
        let refused = ParseError(line: nil, "the database refused it: \(error.message)")
        try insertDocument(document, status: "rejected", error: refused)
        return .rejected(refused)
      }
    }
  }

  private func existingDocument(sha256: String) throws -> Int64? {
    try db.queryFirst("SELECT id FROM documents WHERE sha256 = ?", [sha256]) { $0.int64(at: 0) }
  }

  @discardableResult
  private func insertDocument(_ document: PreparedDocument, status: String, error: ParseError?)
    throws -> Int64
  {
    var kind: String?
    if case .success(let parsed) = document.parsed {
      kind = parsed.source == nil ? "fact_check" : "source"
    }
    let statement = try db.cachedStatement(
      """
      INSERT INTO documents
        (sha256, path, raw_text, byte_count, ingested_at, status, error, error_line, parser_version,
         kind, format)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    let raw: DatabaseValue
    if document.isText {
      raw = .text(String(decoding: document.input.bytes, as: UTF8.self))
    } else {
      raw = .blob(document.input.bytes)
    }
    try statement.execute([
      document.sha256, document.input.path, raw, document.input.byteCount, now(), status,
      error?.message, error?.line, ArticleParser.version, kind, document.format.rawValue,
    ])
    return db.lastInsertedRowID
  }

  private func insertArticle(
    _ article: ParsedArticle, index: Int, of document: ParsedDocument, documentID: Int64
  ) throws -> ArticleOutcome {
    let (questionID, isNewQuestion) = try question(for: article)
    if !isNewQuestion, let duplicate = try sameCheck(of: article, questionID: questionID) {
      return .duplicate(checkID: duplicate)
    }
    let checkID = try insertCheck(
      article, of: document, questionID: questionID, documentID: documentID, index: index)
    try insertParts(of: article, checkID: checkID, document: document)
    if !isNewQuestion {
      try markLatest(questionID: questionID)
    }
    return isNewQuestion ? .new(checkID: checkID) : .recheck(checkID: checkID)
  }

  /// The question's id, found by its normalised key or created.
  func question(for article: ParsedArticle) throws -> (id: Int64, isNew: Bool) {
    let key = QuestionKey.normalize(article.question)
    if let existing = try db.queryFirst(
      "SELECT id FROM questions WHERE normalized_key = ?", [key], { $0.int64(at: 0) })
    {
      return (existing, false)
    }
    try db.execute(
      "INSERT INTO questions (text, normalized_key, first_seen_at) VALUES (?, ?, ?)",
      [article.question, key, now()])
    return (db.lastInsertedRowID, true)
  }

  /// A check of the same question on the same (stated or inferred) date: another copy of
  /// a check the archive has, not a new one.
  private func sameCheck(of article: ParsedArticle, questionID: Int64) throws -> Int64? {
    guard let day = article.checkedOn ?? article.checkedOnInferred else { return nil }
    return try db.queryFirst(
      """
      SELECT id FROM checks
      WHERE question_id = ? AND coalesce(checked_on, checked_on_inferred) = ?
        AND (checked_on IS NULL) = ?
      """, [questionID, day.iso, article.checkedOn == nil], { $0.int64(at: 0) })
  }

  func insertCheck(
    _ article: ParsedArticle, of document: ParsedDocument, questionID: Int64, documentID: Int64,
    index: Int
  ) throws -> Int64 {
    let (values, links) = try checkValues(article, of: document)
    try db.execute(
      """
      INSERT INTO checks
        (question_id, document_id, article_index, first_line, checked_on, checked_on_inferred,
         publisher_flagged_outdated, disclaimer, title_url, truncated, unparsed, citation_count,
         key_terms, time_sensitive_terms, topic, max_age_days, due_on, publisher, rating)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [questionID, documentID, index] + values)
    let checkID = db.lastInsertedRowID
    try assessor.record(links, checkID: checkID)
    return checkID
  }

  /// The columns of `checks` that come from the page and the policy's verdict on it, in the
  /// order the statements use, and the newer evidence found for it.
  func checkValues(_ article: ParsedArticle, of document: ParsedDocument) throws -> (
    [any DatabaseValueConvertible], [CheckAssessor.EvidenceLink]
  ) {
    let (verdict, links) = try assessor.judge(
      StalenessPolicy.Facts(
        question: article.question,
        summary: article.summaries.first.map { document.body(of: $0) } ?? "",
        checkedOn: article.checkedOn, checkedOnInferred: article.checkedOnInferred,
        ingestedOn: today,
        publisherFlagged: article.publisherFlaggedOutdated))
    let values: [any DatabaseValueConvertible] = [
      article.firstLine, article.checkedOn?.iso,
      article.checkedOn == nil ? article.checkedOnInferred?.iso : nil,
      article.publisherFlaggedOutdated, article.disclaimer, article.titleURL, article.truncated,
      article.unparsed, article.citationCount, verdict.keyTerms.joined(separator: "|"),
      CheckAssessor.joinedTerms(verdict.timeSensitiveTerms), verdict.topic, verdict.maxAgeDays,
      verdict.dueOn.iso, article.publisher, article.rating,
    ]
    return (values, links)
  }

  /// Marks the latest check of a question (latest date, then latest ingest) as the one not
  /// superseded: only it is judged for staleness.
  func markLatest(questionID: Int64) throws {
    try db.execute(
      """
      UPDATE checks SET superseded = (id <> (
        SELECT c2.id FROM checks AS c2 WHERE c2.question_id = ?
        ORDER BY coalesce(c2.checked_on, c2.checked_on_inferred) IS NULL,
                 coalesce(c2.checked_on, c2.checked_on_inferred) DESC, c2.id DESC
        LIMIT 1))
      WHERE question_id = ?
      """, [questionID, questionID])
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
    if let date = source.publishedOn ?? source.publishedOnInferred {
      try assessor.linkSource(sourceID, keyTerms: terms, date: date)
    }
    let link = try db.cachedStatement(
      """
      INSERT INTO source_links (source_id, position, url, domain, in_references)
      VALUES (?, ?, ?, ?, ?)
      """)
    for (offset, item) in source.links.enumerated() {
      try link.execute([sourceID, offset + 1, item.url, item.domain, item.inReferences])
    }
    return sourceID
  }

  /// Summaries, citations and follow-ups of a check.
  func insertParts(of article: ParsedArticle, checkID: Int64, document: ParsedDocument) throws {
    let summary = try db.cachedStatement(
      """
      INSERT INTO summary_spans (check_id, position, heading, body_start, body_length, body_text)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    let citation = try db.cachedStatement(
      """
      INSERT INTO citation_spans
        (check_id, position, ref_number, marker_start, sentence_start, sentence_length)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    for part in article.summaries {
      switch part.body {
      case .slice(_, let start, let count):
        try summary.execute([
          checkID, part.position, part.heading, start, count, DatabaseValue.null,
        ])
      case .rebuilt(let text):
        try summary.execute([
          checkID, part.position, part.heading, DatabaseValue.null, DatabaseValue.null,
          String(decoding: text, as: UTF8.self),
        ])
      }
      for cited in part.citations {
        try citation.execute([
          checkID, part.position, cited.refNumber, cited.markerStart, cited.sentenceStart,
          cited.sentenceLength,
        ])
      }
    }
    let followUp = try db.cachedStatement(
      "INSERT INTO follow_ups (check_id, position, text) VALUES (?, ?, ?)")
    for (offset, text) in article.followUps.enumerated() {
      try followUp.execute([checkID, offset + 1, text])
    }
    let reference = try db.cachedStatement(
      "INSERT INTO citation_sources (check_id, ref_number, url, domain) VALUES (?, ?, ?, ?)")
    for item in article.references {
      try reference.execute([checkID, item.refNumber, item.url, item.domain])
    }
  }
}

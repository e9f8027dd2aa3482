import FactArchiveStore

/// Ingests a stream of inputs: each is read, hashed and parsed, then written in batches —
/// one transaction per batch, one savepoint per document — so a bad document rolls back
/// alone and the database is never left half-written.
///
/// ```swift
/// let tally = try IngestSession(database: db).run(InputFiles(paths: ["Fixtures"]))
/// print(tally.summary)  // "12 files: 12 new, 0 re-checks, 0 unchanged, 0 rejected"
/// ```
public final class IngestSession {
  public struct Options: Sendable {
    /// Inputs larger than this are rejected without being read.
    public var maxBytes: Int
    /// Documents per transaction.
    public var batchSize: Int
    /// Bytes per transaction, whichever limit comes first.
    public var batchBytes: Int
    /// How to read the inputs: what they are, and the latest date a page can mention.
    public var parse: ArticleParser.Options
    /// How the inputs are written.
    public var format: DocumentFormat

    public init(
      maxBytes: Int = InputReader.defaultMaxBytes, batchSize: Int = 500, batchBytes: Int = 32 << 20,
      parse: ArticleParser.Options = ArticleParser.Options(latestPlausibleDay: Day.today()),
      format: DocumentFormat = .text
    ) {
      self.maxBytes = maxBytes
      self.batchSize = batchSize
      self.batchBytes = batchBytes
      self.parse = parse
      self.format = format
    }
  }

  public let writer: ArchiveWriter
  public let options: Options

  /// - Parameter now: the clock for `ingested_at` (tests pass a fixed one).
  public init(
    database: Database, options: Options = Options(), now: @escaping () -> String = Timestamp.nowUTC
  ) throws {
    self.writer = try ArchiveWriter(database: database, now: now)
    self.options = options
  }

  /// Ingests every input, calling `report` after each document is written.
  @discardableResult
  public func run(
    _ inputs: some Sequence<InputFiles.Item>,
    report: (PreparedDocument, DocumentOutcome) -> Void = { _, _ in }
  ) throws -> IngestTally {
    var tally = IngestTally()
    var batch: [PreparedDocument] = []
    var batchBytes = 0
    func flush() throws {
      guard !batch.isEmpty else { return }
      try writer.write(batch) { document, outcome in
        tally.add(outcome)
        report(document, outcome)
      }
      batch.removeAll(keepingCapacity: true)
      batchBytes = 0
    }
    for item in inputs {
      let document = PreparedDocument(
        InputReader.load(item, maxBytes: options.maxBytes), format: options.format,
        options: options.parse)
      batchBytes += document.input.bytes.count
      batch.append(document)
      if batch.count >= options.batchSize || batchBytes >= options.batchBytes {
        try flush()
      }
    }
    try flush()
    return tally
  }
}

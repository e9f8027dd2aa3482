import FactArchiveCore
import FactArchiveParser
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore
import Foundation

/// Ingests a stream of inputs: one thread reads, hashes, parses and judges each input while
/// this one writes them in batches, one transaction per batch. When the database refuses a
/// document, its batch is rolled back and written again with one savepoint per document, so
/// the bad document rolls back alone and the database is never left half-written.
///
/// ```swift
/// let tally = try IngestSession(database: db).run(InputFiles(paths: ["Fixtures"]))
/// print(tally.summary)  // "12 files: 12 new, 0 re-checks, 0 unchanged, 0 rejected"
/// ```
public final class IngestSession {
  public struct Options: Sendable {
    /// Inputs larger than this are rejected without being read.
    public var maxBytes: Int
    /// Documents per transaction (held in memory, to write again if one is refused). Each
    /// commit cuts every full-text index's pending terms into a new segment, which later
    /// merges rewrite (our reading of FTS5): 2,000 rather than 500 took the 100,000-article
    /// ingest from 75.5 s to 67.7 s (measured), with peak RSS 70 → 87 MiB.
    public var batchSize: Int
    /// Bytes per transaction, whichever limit comes first (it bounds memory when inputs are
    /// large).
    public var batchBytes: Int
    /// How to read the inputs: what they are, and the latest date a page can mention.
    public var parse: ArticleParser.Options
    /// How the inputs are written.
    public var format: DocumentFormat
    /// Called inside the open transaction after each document is written, with how many
    /// documents this run has written so far: a hook for crash tests, which stop the process
    /// at a chosen document (`FACTARCHIVE_TEST_KILL_AFTER` in the CLI).
    public var afterEachDocument: (@Sendable (Int) -> Void)?

    public init(
      maxBytes: Int = InputReader.defaultMaxBytes, batchSize: Int = 2000,
      batchBytes: Int = 32 << 20,
      parse: ArticleParser.Options = ArticleParser.Options(latestPlausibleDay: Day.today()),
      format: DocumentFormat = .text, afterEachDocument: (@Sendable (Int) -> Void)? = nil
    ) {
      self.maxBytes = maxBytes
      self.batchSize = batchSize
      self.batchBytes = batchBytes
      self.parse = parse
      self.format = format
      self.afterEachDocument = afterEachDocument
    }
  }

  public let writer: ArchiveWriter
  public let options: Options

  /// Where the last `run` spent its time, by thread: the writing thread (this one) is the
  /// bottleneck when it rarely waits for a document.
  public struct ThreadTimes: Sendable {
    /// Processor time of the thread that reads, hashes, parses and judges.
    public var readerCPU = Duration.zero
    /// Processor time of the thread that writes, and how long it waited for documents.
    public var writerCPU = Duration.zero
    public var writerWaiting = Duration.zero
  }
  public private(set) var threadTimes = ThreadTimes()

  /// How much the WAL grows during an ingest before it is copied back into the archive.
  public static let checkpointBytes: Int64 = 128 << 20

  /// - Parameter now: the clock for `ingested_at` (tests pass a fixed one).
  public init(
    database: Connection, options: Options = Options(),
    now: @escaping () -> String = Timestamp.nowUTC
  ) throws {
    self.writer = try ArchiveWriter(database: database, now: now)
    self.options = options
    // A bigger page cache and fewer, larger checkpoints for bulk writing: 32 MiB of cache; the
    // WAL copied back once it passes 128 MiB rather than 32 MiB (at 32 MiB most batches'
    // commits checkpointed and synced), so a page rewritten by several batches is copied back
    // fewer times (100,000 articles: 4-7% faster in each of four alternated rounds; 20,000:
    // the same). The threshold is counted in pages, of whatever size the archive has.
    try database.execute("PRAGMA cache_size = -32768")
    let pageSize = max(512, try database.scalarInt("PRAGMA page_size"))
    try database.execute("PRAGMA wal_autocheckpoint = \(Self.checkpointBytes / pageSize)")
    // Each document's savepoint journals the pages it first touches; in memory, not a file.
    try database.execute("PRAGMA temp_store = MEMORY")
  }

  /// Ingests every input, calling `report` after each document is written.
  @discardableResult
  public func run(
    _ inputs: some Sequence<InputFiles.Item> & Sendable,
    report: (PreparedDocument, DocumentOutcome) -> Void = { _, _ in }
  ) throws -> IngestTally {
    let queue = startReading(inputs)
    defer { queue.cancel() }
    let writerStart = Self.threadCPU()
    defer {
      let (waited, readerCPU) = queue.times
      threadTimes = ThreadTimes(
        readerCPU: readerCPU, writerCPU: Self.threadCPU() - writerStart, writerWaiting: waited)
    }
    var tally = IngestTally()
    var written = 0
    var pending = queue.take()
    while pending != nil {
      // Documents are written as they arrive, so reading and writing overlap; the batch is
      // kept to write again, isolated, if the database refuses one of them.
      var batch: [PreparedDocument] = []
      var outcomes: [DocumentOutcome] = []
      var bytes = 0
      do {
        try writer.batchTransaction {
          while let document = pending, batch.count < options.batchSize, bytes < options.batchBytes
          {
            batch.append(document)
            bytes += document.input.bytes.count
            outcomes.append(try writer.write(document, isolation: .batch))
            written += 1
            options.afterEachDocument?(written)
            pending = queue.take()
          }
        }
      } catch is ArchiveWriter.DocumentRefused {
        outcomes = try writer.db.transaction(.immediate) {
          try batch.map { try writer.write($0, isolation: .savepoint) }
        }
      }
      for (document, outcome) in zip(batch, outcomes) {
        tally.add(outcome)
        report(document, outcome)
      }
      Leftovers.release(consume batch)
      // Another process waiting for the write lock (an editor's snooze, a second ingest)
      // polls every millisecond: leave it a moment between batches so it is not starved.
      if pending != nil { usleep(2000) }
    }
    return tally
  }

  /// A finished batch's documents, let go on another thread: freeing their texts, articles
  /// and citations (about 2% of a 20,000-article ingest's writing thread) is work the
  /// writer, an ingest's bottleneck, need not do.
  private final class Leftovers: @unchecked Sendable {
    private static let queue = DispatchQueue(label: "factarchive.ingest.leftovers")
    private var documents: [PreparedDocument]?

    private init(_ documents: consuming [PreparedDocument]) { self.documents = documents }

    /// Takes the only reference to `documents`; another thread drops it.
    static func release(_ documents: consuming [PreparedDocument]) {
      let leftovers = Leftovers(documents)
      queue.async { leftovers.documents = nil }
    }
  }

  /// Reads, hashes, parses and judges every input as `run` does, but writes nothing:
  /// `report` gets each document as it would be written. Returns how many documents parsed
  /// and how many articles they hold.
  /// Writes inputs already in memory (fetched pages and feeds, uploads) in one transaction,
  /// each read with its own address (`origin.finalURL`) for resolving links; a document the
  /// database refuses is rejected alone.
  public func write(_ inputs: [InputDocument]) throws -> [(PreparedDocument, DocumentOutcome)] {
    let prepared = try inputs.map(prepare)
    let outcomes = try writer.write(prepared)
    return Array(zip(prepared, outcomes))
  }

  /// An input in memory hashed, parsed and judged, read with its own address
  /// (`origin.finalURL`) for resolving links.
  public func prepare(_ input: InputDocument) throws -> PreparedDocument {
    let policy = try StalenessPolicy(rules: try StalenessRule.all(in: writer.db))
    var parse = options.parse
    if let origin = input.origin {
      parse.url = origin.finalURL
      parse.contentType = origin.contentType
    }
    return PreparedDocument(
      input, format: options.format, options: parse, policy: policy, ingestedOn: writer.today)
  }

  @discardableResult
  public func check(
    _ inputs: some Sequence<InputFiles.Item> & Sendable,
    report: (PreparedDocument) -> Void = { _ in }
  ) throws -> (documents: Int, articles: Int) {
    let queue = startReading(inputs)
    defer { queue.cancel() }
    var documents = 0
    var articles = 0
    while let document = queue.take() {
      if case .success(let parsed) = document.parsed {
        documents += 1
        articles += parsed.source == nil ? parsed.articles.count : 1
      }
      report(document)
    }
    return (documents, articles)
  }

  /// Starts the reading thread; documents arrive in the returned queue.
  private func startReading(_ inputs: some Sequence<InputFiles.Item> & Sendable) -> DocumentQueue {
    // Room for the reader to keep working while the writer commits (a commit flushes the
    // full-text indexes and copies the WAL back): 256 documents are about 40 ms of reading
    // (~145 us each), after which the reader stopped and the writer later waited for it,
    // 0.2-0.4 s over 20,000 articles; with 1,024, 0.05-0.08 s (ingest 2-4% faster, peak RSS
    // +10 MiB).
    let queue = DocumentQueue(capacity: 1024, byteBudget: 32 << 20)
    let rules = (try? StalenessRule.all(in: writer.db)) ?? []
    let options = self.options
    let today = writer.today
    let reader = Thread {
      // The reading side judges articles with its own copy of the policy.
      let policy = try? StalenessPolicy(rules: rules)
      for item in inputs {
        let document = PreparedDocument(
          InputReader.load(item, maxBytes: options.maxBytes), format: options.format,
          options: options.parse, policy: policy, ingestedOn: today)
        guard queue.put(document) else { break }
      }
      queue.finish(cpu: Self.threadCPU())
    }
    reader.start()
    return queue
  }

  /// The calling thread's processor time so far (user and system); zero when the system
  /// cannot say.
  static func threadCPU() -> Duration {
    var time = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return .zero }
    return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
  }
}

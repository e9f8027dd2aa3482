import FactArchiveCore
import FactArchiveDigest
import FactArchiveParser
import FactArchivePolicy

/// An input read into memory (or found too large to read).
public struct InputDocument: Sendable {
  /// Where it came from, as given ('-' for standard input).
  public var path: String
  /// The bytes; empty when the input could not be read or was over the size limit.
  public var bytes: [UInt8]
  /// The input's size in bytes.
  public var byteCount: Int
  /// Set when the input could not be read or was too large to read.
  public var readError: ParseError?
  /// Where a fetched input came from (`factarchive fetch`, the desk); `nil` for files.
  public var origin: FetchOrigin?

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    self.byteCount = bytes.count
  }

  public init(path: String, byteCount: Int, readError: ParseError) {
    self.path = path
    self.bytes = []
    self.byteCount = byteCount
    self.readError = readError
  }
}

/// Where a fetched input came from, recorded on its document.
public struct FetchOrigin: Sendable, Equatable {
  /// The address asked for, and the one that answered after redirects.
  public var url: String
  public var finalURL: String
  public var status: Int
  /// The `Content-Type` the server gave.
  public var contentType: String?
  /// UTC time the answer arrived.
  public var fetchedAt: String

  public init(url: String, finalURL: String, status: Int, contentType: String?, fetchedAt: String) {
    self.url = url
    self.finalURL = finalURL
    self.status = status
    self.contentType = contentType
    self.fetchedAt = fetchedAt
  }
}

/// An input hashed and parsed, ready to be written: the pure half of ingest, which can
/// run on another thread than the writer.
public struct PreparedDocument: Sendable {
  public var input: InputDocument
  /// SHA-256 of the bytes, lowercase hex; empty when the bytes were not read.
  public var sha256: String
  /// The SHA-256 of each feed item's own document (`ParsedDocument.feedItems`), worked out
  /// here rather than on the writer's thread.
  public var itemHashes: [String] = []
  public var parsed: Result<ParsedDocument, ParseError>
  /// How the input is written.
  public var format: DocumentFormat
  /// What the policy reads of each article, its verdict, and its question as the writer
  /// looks it up (with its claim as the claim matcher reads it), worked out with the parse
  /// (`nil` when no policy was given: the writer judges then).
  public var judged: [(facts: CheckFacts, verdict: StalenessVerdict, question: QuestionReading)]?

  /// The verdict on the article at `index`, when it was worked out ahead.
  public func verdict(_ index: Int) -> StalenessVerdict? {
    guard let judged, index < judged.count else { return nil }
    return judged[index].verdict
  }

  /// What the policy reads of `article`, the one at `index` of the parse: as worked out
  /// ahead, else now.
  public func facts(
    of article: ParsedArticle, at index: Int, in document: ParsedDocument, ingestedOn: Day
  ) -> CheckFacts {
    if let judged, index < judged.count { return judged[index].facts }
    return CheckFacts(article: article, in: document, ingestedOn: ingestedOn)
  }

  /// The question of the article at `index`, when it was read ahead.
  public func question(_ index: Int) -> QuestionReading? {
    guard let judged, index < judged.count else { return nil }
    return judged[index].question
  }

  /// Reads, hashes and parses an input; with a `policy`, also judges each article (the
  /// pure half of the policy's work, so the writer thread need not).
  public init(
    _ input: InputDocument, format: DocumentFormat = .text,
    options: ArticleParser.Options = ArticleParser.Options(), policy: StalenessPolicy? = nil,
    ingestedOn: Day = Day.today()
  ) {
    self.format = format
    self.input = input
    if let readError = input.readError {
      // Not read, so not stored: a retry after fixing the cause ingests it normally.
      self.sha256 = ""
      self.parsed = .failure(readError)
      return
    }
    self.sha256 = SHA256.hex(input.bytes)
    do {
      let document = try DocumentParser.parse(input.bytes, format: format, options: options)
      self.parsed = .success(document)
      itemHashes = document.feedItems.map { SHA256.hex($0.document) }
      if let policy {
        judged = document.articles.map { article in
          let facts = CheckFacts(article: article, in: document, ingestedOn: ingestedOn)
          return (facts, policy.assess(facts), QuestionReading(article))
        }
      }
    } catch {
      self.parsed = .failure(error)
    }
  }

  /// What the input is, by its content (rejected inputs too).
  public var mediaType: MediaType {
    if case .success(let document) = parsed { return document.mediaType }
    return DocumentParser.mediaType(of: input.bytes, format: format)
  }

  /// Whether the bytes are valid UTF-8 text (stored as TEXT rather than a BLOB).
  public var isText: Bool {
    // The text reader accepts only valid UTF-8; a web page or JSON may be in another
    // encoding and is checked.
    if case .success(let document) = parsed, document.mediaType == .plainText { return true }
    return input.readError == nil
      && input.bytes.withUnsafeBufferPointer {
        UTF8Validation.firstNUL($0) == nil && UTF8Validation.firstInvalidByte($0) == nil
      }
  }
}

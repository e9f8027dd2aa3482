/// What the parser understood of one input file: one or more fact-check articles, or one
/// source article (the news and analysis pieces fact-checks draw on).
///
/// Bodies are byte ranges into `bytes` where the page text can be sliced as is, so the
/// database can store the text once (see `Schema/README.md`, "stand-off").
public struct ParsedDocument: Sendable {
  /// The input, exactly as read.
  public var bytes: [UInt8]
  /// The fact-check articles; empty for a source.
  public var articles: [ParsedArticle]
  /// The source article, when the document is one.
  public var source: ParsedSource?
  /// A news feed's items, each a source (`feed` says whose).
  public var feedItems: [ParsedFeedItem] = []
  /// Which feed the items came from, when the document is one.
  public var feed: ParsedFeed?
  /// How the input was written: a saved page, or ClaimReview JSON-LD.
  public var format: DocumentFormat
  /// Entries of a ClaimReview file that were skipped, and why (the rest landed).
  public var skipped: [ParseError]
  /// What the input is, read from its content: a text copy, a web page, JSON-LD.
  public var mediaType: MediaType
  /// Things worth saying that did not stop the document landing (a `Checked on` date that
  /// could not be read: the check keeps its inferred date).
  public var warnings: [ParseError]

  public init(
    bytes: [UInt8], articles: [ParsedArticle], source: ParsedSource? = nil,
    format: DocumentFormat = .text, skipped: [ParseError] = [], mediaType: MediaType = .plainText,
    warnings: [ParseError] = []
  ) {
    self.bytes = bytes
    self.articles = articles
    self.source = source
    self.format = format
    self.skipped = skipped
    self.mediaType = mediaType
    self.warnings = warnings
  }

  /// The text of a summary's body.
  public func body(of summary: ParsedSummary) -> String {
    switch summary.body {
    case .slice(let range, _, _):
      return String(decoding: bytes[range], as: UTF8.self)
    case .rebuilt(let text):
      return String(decoding: text, as: UTF8.self)
    }
  }

  /// Every summary as text of its own rather than a slice of `bytes` (its citations keep
  /// their offsets: they are relative to the body), for a document read from another text
  /// than the one it keeps (a web page's lines, a text copy without its soft hyphens).
  public mutating func detachBodies() {
    let read = self
    for index in articles.indices {
      articles[index].summaries = articles[index].summaries.map { summary in
        guard case .slice = summary.body else { return summary }
        var copy = summary
        copy.body = .rebuilt(Array(read.body(of: summary).utf8))
        return copy
      }
    }
  }

  /// Calls `body` with the UTF-8 bytes of a summary's body.
  public func withBodyBytes<T>(
    of summary: ParsedSummary, _ body: (UnsafeRawBufferPointer) throws -> T
  ) rethrows -> T {
    switch summary.body {
    case .slice(let range, _, _):
      return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    case .rebuilt(let text):
      return try text.withUnsafeBytes(body)
    }
  }

  /// The sentence a citation supports.
  public func sentence(of citation: ParsedCitation, in summary: ParsedSummary) -> String {
    switch summary.body {
    case .slice(let range, _, _):
      let start = range.lowerBound + citation.sentenceBytes.lowerBound
      return String(
        decoding: bytes[start..<(start + citation.sentenceBytes.count)], as: UTF8.self)
    case .rebuilt(let text):
      return String(decoding: text[citation.sentenceBytes], as: UTF8.self)
    }
  }
}

/// What an input is, judged by its content (stored in `documents.media_type`).
public enum MediaType: String, Sendable, CaseIterable {
  /// A page saved as plain text.
  case plainText = "text/plain"
  /// A page saved from a browser as HTML.
  case html = "text/html"
  /// A page saved from a browser as one file with its styles and images: MHTML (`.mhtml`,
  /// `.mht`), read through its HTML part.
  case mhtml = "multipart/related"
  /// A page Safari saved as a web archive (`.webarchive`), read through its main resource.
  case webArchive = "application/x-webarchive"
  /// schema.org JSON-LD (ClaimReview).
  case jsonLD = "application/ld+json"
  /// News feeds: RSS 2.0, RSS 1.0 (RDF), Atom 1.0, JSON Feed.
  case rss = "application/rss+xml"
  case rdf = "application/rdf+xml"
  case atom = "application/atom+xml"
  case jsonFeed = "application/feed+json"

  /// Whether the input is a news feed.
  public var isFeed: Bool { [.rss, .rdf, .atom, .jsonFeed].contains(self) }
}

/// How an input is written.
public enum DocumentFormat: String, Sendable, CaseIterable {
  /// A fact-check page or source article saved as plain text.
  case text
  /// schema.org ClaimReview JSON-LD: an object, an array, or a DataFeed.
  case claimReview = "claimreview"
}

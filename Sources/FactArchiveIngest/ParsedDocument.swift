import FactArchiveStore

/// What the parser understood of one input file: one or more fact-check articles, or one
/// source article (the news and analysis pieces fact-checks draw on).
///
/// Bodies are byte ranges into `bytes` where the page text can be sliced as is, so the
/// database can store the text once (see `Schema/README.md`, "stand-off").
public struct ParsedDocument: Sendable {
  /// The input, exactly as read.
  public let bytes: [UInt8]
  /// The fact-check articles; empty for a source.
  public var articles: [ParsedArticle]
  /// The source article, when the document is one.
  public var source: ParsedSource?
  /// How the input was written: a saved page, or ClaimReview JSON-LD.
  public var format: DocumentFormat
  /// Entries of a ClaimReview file that were skipped, and why (the rest landed).
  public var skipped: [ParseError]

  public init(
    bytes: [UInt8], articles: [ParsedArticle], source: ParsedSource? = nil,
    format: DocumentFormat = .text, skipped: [ParseError] = []
  ) {
    self.bytes = bytes
    self.articles = articles
    self.source = source
    self.format = format
    self.skipped = skipped
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

/// How an input is written.
public enum DocumentFormat: String, Sendable, CaseIterable {
  /// A fact-check page or source article saved as plain text.
  case text
  /// schema.org ClaimReview JSON-LD: an object, an array, or a DataFeed.
  case claimReview = "claimreview"
}

/// One fact-check article.
public struct ParsedArticle: Sendable, Equatable {
  /// 1-based line of the document where the article starts.
  public var firstLine: Int
  /// The question, without a `Fact check:` prefix.
  public var question: String
  /// The link of a title written as a link (`[question](url)`, `<a href=url>`, a bare URL).
  public var titleURL: String?
  /// The date of the `Checked on` line.
  public var checkedOn: Day?
  /// For a page without a `Checked on` line: the latest full date its text mentions
  /// (a check cannot predate its newest evidence).
  public var checkedOnInferred: Day?
  /// The `Disclaimer: ...` line as written.
  public var disclaimer: String?
  /// The page carried "This fact-check may be outdated".
  public var publisherFlaggedOutdated: Bool
  /// Position 0 is the executive summary, 1...n the numbered sections.
  public var summaries: [ParsedSummary]
  /// The "Want to dive deeper?" questions.
  public var followUps: [String]
  /// The numbered list of references at the end (`[1] https://…`).
  public var references: [ParsedReference]
  /// The copy ends mid-way (cut-off sentence, heading without text, `[4`).
  public var truncated: Bool
  /// Text the parser could not place in a summary, kept rather than dropped.
  public var unparsed: String?
  /// For imported ClaimReview: the review's author (the publisher), and its rating.
  public var publisher: String? = nil
  public var rating: String? = nil

  public var citationCount: Int { summaries.reduce(0) { $0 + $1.citations.count } }
  /// Numbered sections (the executive summary is not one).
  public var sectionCount: Int { summaries.filter { $0.position > 0 }.count }
}

/// The executive summary or one numbered section.
public struct ParsedSummary: Sendable, Equatable {
  public enum Body: Sendable, Equatable {
    /// A verbatim slice of the document: its byte range, and its character offset and
    /// length as SQLite's `substr` counts them.
    case slice(bytes: Range<Int>, characterStart: Int, characterCount: Int)
    /// Text that had to be rebuilt (chrome removed from it, CR line endings).
    case rebuilt([UInt8])
  }

  public var position: Int
  /// Whether the body has no text (a heading at the end of a truncated copy).
  public var isEmpty: Bool {
    switch body {
    case .slice(let range, _, _): return range.isEmpty
    case .rebuilt(let text): return text.isEmpty
    }
  }
  /// The heading without its number; `nil` when the page had none.
  public var heading: String?
  public var body: Body
  public var citations: [ParsedCitation]
}

/// One citation marker and the sentence it supports, located within its summary's body.
public struct ParsedCitation: Sendable, Equatable {
  public var refNumber: Int
  /// Character offset of the marker in the body.
  public var markerStart: Int
  /// Character offset and length of the sentence in the body.
  public var sentenceStart: Int
  public var sentenceLength: Int
  /// Byte range of the sentence within the body.
  public var sentenceBytes: Range<Int>
}

/// One entry of a reference list: `[3] https://example.org/report`.
public struct ParsedReference: Sendable, Equatable {
  public var refNumber: Int
  public var url: String
  /// The URL's host without `www.` (`example.org`).
  public var domain: String?
}

/// A news or analysis article that fact-checks cite.
public struct ParsedSource: Sendable, Equatable {
  public var title: String
  /// A publisher or section label above the title (`Trends-UK`, `Tag: Latin America`).
  public var label: String?
  /// The byline as written (`Reported by …`).
  public var byline: String?
  /// The date the page states it was published.
  public var publishedOn: Day?
  /// Without a stated date: the latest full date the text mentions.
  public var publishedOnInferred: Day?
  /// The article text after its title lines, page furniture removed.
  public var body: String
  /// Every http(s) URL it carries, in order, once each.
  public var links: [ParsedLink]
}

/// A URL in a source article.
public struct ParsedLink: Sendable, Equatable {
  public var url: String
  public var domain: String?
  /// Listed under a "References" or "Sources" heading rather than in the text.
  public var inReferences: Bool
}

/// Why a document was rejected, and where.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 1-based line where the parser gave up; `nil` for whole-file problems.
  public var line: Int?
  public var message: String

  public init(line: Int?, _ message: String) {
    self.line = line
    self.message = message
  }

  /// `path:line: message`, or `path: message` without a line.
  public func formatted(path: String) -> String {
    if let line { return "\(path):\(line): \(message)" }
    return "\(path): \(message)"
  }

  public var description: String {
    if let line { return "line \(line): \(message)" }
    return message
  }
}

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
  /// For other publishers' fact-checks (ClaimReview): the organisation that published it.
  public var publisher: String?
  /// The publisher's rating, verbatim (`Mostly False`, `Engañoso`).
  public var rating: String?
  /// The rating as a number on its scale, when the markup gives them
  /// (`reviewRating.ratingValue`, `worstRating`, `bestRating`).
  public var ratingScale: RatingScale?
  /// The article's headline, beside the claim it reviews (the question).
  public var headline: String?
  /// The people who wrote it (never the organisation).
  public var reporters: [String] = []
  /// The language the page gives (`es`, `pt-BR`).
  public var language: String?
  /// Where the check date came from, when it is not the page's own `Checked on` line.
  public var dateSource: DateSource?
  /// Where the claim it reviews came from, when the review says (ClaimReview markup).
  public var claimOrigin = ClaimOrigin()

  public var citationCount: Int { summaries.reduce(0) { $0 + $1.citations.count } }
  /// Numbered sections (the executive summary is not one).
  public var sectionCount: Int { summaries.filter { $0.position > 0 }.count }

  public init(
    firstLine: Int, question: String, titleURL: String?, checkedOn: Day?, checkedOnInferred: Day?,
    disclaimer: String?, publisherFlaggedOutdated: Bool, summaries: [ParsedSummary],
    followUps: [String], references: [ParsedReference], truncated: Bool, unparsed: String?,
    publisher: String? = nil, rating: String? = nil
  ) {
    self.firstLine = firstLine
    self.question = question
    self.titleURL = titleURL
    self.checkedOn = checkedOn
    self.checkedOnInferred = checkedOnInferred
    self.disclaimer = disclaimer
    self.publisherFlaggedOutdated = publisherFlaggedOutdated
    self.summaries = summaries
    self.followUps = followUps
    self.references = references
    self.truncated = truncated
    self.unparsed = unparsed
    self.publisher = publisher
    self.rating = rating
  }
}

/// A rating as a number on the publisher's scale (`2` from `1` to `5`).
public struct RatingScale: Sendable, Equatable {
  public var value: Double
  public var worst: Double?
  public var best: Double?

  public init(value: Double, worst: Double?, best: Double?) {
    self.value = value
    self.worst = worst
    self.best = best
  }
}

/// Who made the claim a review reviews, when, and where it appeared, as the review gives
/// them (ClaimReview's `itemReviewed`, the Fact Check Tools API's `claimant` and
/// `claimDate`).
public struct ClaimOrigin: Sendable, Equatable {
  public var claimant: String?
  public var date: Day?
  /// Addresses at which the claim appeared, the first appearance first (each once).
  public var appearances: [String] = []
  /// Whether `appearances[0]` is the one the review names as the claim's first.
  public var firstIsNamed = false

  public init(
    claimant: String? = nil, date: Day? = nil, appearances: [String] = [],
    firstIsNamed: Bool = false
  ) {
    self.claimant = claimant
    self.date = date
    self.appearances = appearances
    self.firstIsNamed = firstIsNamed
  }

  /// At most this many appearances are kept per claim (a review of a viral post may list
  /// hundreds of shares).
  public static let mostAppearances = 20

  /// The key an appearance is compared by (`claim_appearances.url_key`): its
  /// `WebAddress.matchKey`, or the address as written when it has none.
  public static func key(of url: String) -> String {
    WebAddress.matchKey(url) ?? url
  }
}

/// Where an imported review's date came from.
public enum DateSource: String, Sendable, CaseIterable {
  /// The review's `datePublished`.
  case datePublished = "date_published"
  /// No `datePublished`: its `dateModified`.
  case dateModified = "date_modified"
  /// Neither: the page's own date (its article's metadata).
  case page
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

  public init(
    position: Int, heading: String?, body: Body, citations: [ParsedCitation]
  ) {
    self.position = position
    self.heading = heading
    self.body = body
    self.citations = citations
  }
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
  /// For a link in an article's text (rather than a `[n]` marker): its anchor text.
  public var anchorText: String?

  public init(
    refNumber: Int, markerStart: Int, sentenceStart: Int, sentenceLength: Int,
    sentenceBytes: Range<Int>, anchorText: String? = nil
  ) {
    self.refNumber = refNumber
    self.markerStart = markerStart
    self.sentenceStart = sentenceStart
    self.sentenceLength = sentenceLength
    self.sentenceBytes = sentenceBytes
    self.anchorText = anchorText
  }
}

/// One entry of a reference list: `[3] https://example.org/report`.
public struct ParsedReference: Sendable, Equatable {
  public var refNumber: Int
  public var url: String
  /// The URL's host without `www.` (`example.org`).
  public var domain: String?

  public init(
    refNumber: Int, url: String, domain: String?
  ) {
    self.refNumber = refNumber
    self.url = url
    self.domain = domain
  }
}

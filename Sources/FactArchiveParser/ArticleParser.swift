import FactArchiveCore

/// Parses pages saved as plain text. Pure: bytes in, value out.
///
/// ```swift
/// let document = try ArticleParser.parse(Array(text.utf8))
/// document.articles[0].question     // "How do criminal groups … trafficking?"
/// document.articles[0].checkedOn    // 2025-12-03
/// ```
///
/// A Factually fact-check page reads, top to bottom: page chrome (dropped), the question,
/// a `Checked on <date>` line (on about a third of copies), a `Disclaimer:` line, sometimes
/// the "This fact-check may be outdated" banner, an executive summary, numbered sections,
/// "Want to dive deeper?" follow-up questions and sometimes a reference list. A file may
/// hold several articles one after another. A page with none of that structure is a
/// source article (news or analysis); a site listing page is rejected.
public enum ArticleParser {
  /// Bumped whenever the parser reads documents differently; `reparse` uses it.
  public static let version = 7

  /// The longest line accepted: longer ones are corrupt copies, not articles.
  public static let maxLineBytes = 1 << 20

  /// What the document is expected to be.
  public enum Kind: String, Sendable, CaseIterable {
    /// Decide from the text: fact-check structure, else a source article.
    case auto
    /// A fact-check, even without any of its usual markers.
    case factCheck = "fact-check"
    /// A news or analysis article that fact-checks cite.
    case source
  }

  public struct Options: Sendable {
    public var kind: Kind
    /// Dates after this day are not used to date undated pages (they are future events,
    /// or the page was saved before then). Usually the day of ingest.
    public var latestPlausibleDay: Day?
    /// Where the document came from (a fetched page's final address): relative links in a
    /// web page resolve against it when the page names no base of its own.
    public var url: String?
    /// The `Content-Type` header a fetched document came with: a web page is read in its
    /// `charset`, which outranks the page's own declaration.
    public var contentType: String?

    public init(kind: Kind = .auto, latestPlausibleDay: Day? = nil, url: String? = nil) {
      self.kind = kind
      self.latestPlausibleDay = latestPlausibleDay
      self.url = url
    }
  }

  public static func parse(_ bytes: [UInt8], options: Options = Options()) throws(ParseError)
    -> ParsedDocument
  {
    let text = try PageReader.checkedText(bytes)
    let result = text.withUnsafeBufferPointer { buffer in
      Result { () throws(ParseError) -> ParsedDocument in
        var reader = PageReader(bytes: buffer, options: options)
        return try reader.readDocument(keeping: text)
      }
    }
    var document = try result.get()
    if text.count != bytes.count {
      // Read without its break hints: the file is kept as it was.
      document.detachBodies()
      document.bytes = bytes
    }
    return document
  }

  /// Whether text read with `options` is a source article: asked to be one, or, left to
  /// decide, without fact-check structure and not a listing page. `false` for text that
  /// cannot be read at all (its error comes from `parse`).
  static func readsAsSource(_ bytes: [UInt8], options: Options) -> Bool {
    switch options.kind {
    case .source: return true
    case .factCheck: return false
    case .auto:
      guard let text = try? PageReader.checkedText(bytes) else { return false }
      return text.withUnsafeBufferPointer { buffer in
        var reader = PageReader(bytes: buffer, options: options)
        return reader.readsAsSource()
      }
    }
  }
}

import FactArchiveCore
import FactArchiveWebPage

/// Parses an input in its format: a saved page (plain text, HTML, or a page in an MHTML or
/// Safari web archive, told apart by content) or ClaimReview JSON-LD (a JSON file, or a web
/// page that embeds it).
public enum DocumentParser {
  public static func parse(
    _ bytes: [UInt8], format: DocumentFormat, options: ArticleParser.Options
  ) throws(ParseError) -> ParsedDocument {
    if let archive = try SavedArchive.open(bytes) {
      return try parse(archive, of: bytes, format: format, options: options)
    }
    var mediaType = mediaType(notArchive: bytes, format: format)
    var document: ParsedDocument
    switch (format, mediaType) {
    case (.text, let feed) where feed.isFeed:
      guard let read = try FeedSources.parse(bytes, options: options) else {
        throw ParseError(line: nil, "not HTML, a feed or JSON-LD")
      }
      document = read
    case (.claimReview, let feed) where feed.isFeed:
      throw ParseError(line: nil, "a news feed, not ClaimReview: give it to ingest")
    case (_, .html):
      document = try parsePage(bytes, format: format, options: options)
    case (.text, _) where looksLikeJSON(bytes):
      // ClaimReview JSON given to `ingest` is read as `import-claimreview` reads it; other
      // JSON is refused, never stored as a page whose title is "{".
      do {
        document = try ClaimReviewImporter.parse(bytes, options: options)
      } catch {
        throw ParseError(
          line: error.line, "a JSON file, not a saved page, and \(error.message)")
      }
      mediaType = .jsonLD
    case (.text, _):
      document = try ArticleParser.parse(bytes, options: options)
    case (.claimReview, _):
      document = try ClaimReviewImporter.parse(bytes, options: options)
    }
    document.bytes = bytes
    document.mediaType = mediaType
    return document
  }

  /// A web page: as `ingest` reads it (a fact-check, a Factually page or a source), or as
  /// `import-claimreview` does (its ClaimReview, with the page's article).
  private static func parsePage(
    _ bytes: [UInt8], format: DocumentFormat, options: ArticleParser.Options
  ) throws(ParseError) -> ParsedDocument {
    guard format == .claimReview else {
      return try HTMLDocumentReader.parse(bytes, options: options)
    }
    let page = try WebPage(bytes, url: options.url, contentType: options.contentType)
    guard let reviews = try ClaimReviewImporter.parse(blocks: page.jsonLD, options: options)
    else {
      throw ParseError(
        line: nil, "no ClaimReview in the page (no application/ld+json script holds one)")
    }
    return WebFactCheck.attach(page, to: reviews, options: options)
  }

  /// A page saved in an archive (MHTML, a Safari web archive), read through its page: in the
  /// charset the archive gives it, from the address it was saved from (unless the caller
  /// knows better), with every line said where it is in the archive. The document is the
  /// whole archive.
  private static func parse(
    _ archive: SavedArchive, of bytes: [UInt8], format: DocumentFormat,
    options: ArticleParser.Options
  ) throws(ParseError) -> ParsedDocument {
    var inner = options
    inner.url = options.url ?? archive.url
    // A server's `Content-Type` describes the archive, not its page.
    inner.contentType = archive.contentType
    var document: ParsedDocument
    do throws(ParseError) {
      document = try parsePage(archive.html, format: format, options: inner)
    } catch {
      throw archive.placed(error)
    }
    for index in document.articles.indices {
      document.articles[index].firstLine = archive.fileLine(document.articles[index].firstLine)
    }
    document.warnings = document.warnings.map(archive.placed)
    document.bytes = bytes
    document.mediaType = archive.kind.mediaType
    return document
  }

  /// Whether the input is JSON: its first character (after a byte-order mark and white
  /// space) opens an object, or an array whose first element is an object (a page copied
  /// as text may start with a Markdown link, `[Title](…)`).
  public static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    func skipSpace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }
    skipSpace()
    guard index < bytes.count else { return false }
    if bytes[index] == UInt8(ascii: "{") { return true }
    guard bytes[index] == UInt8(ascii: "[") else { return false }
    index += 1
    skipSpace()
    return index < bytes.count
      && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "]"))
  }

  /// What an input is, by its content whatever the file is called: a news feed, a web page,
  /// else JSON-LD
  /// when it was given as ClaimReview, else a copy saved as text.
  public static func mediaType(of bytes: [UInt8], format: DocumentFormat) -> MediaType {
    if let archive = SavedArchive.kind(of: bytes) { return archive.mediaType }
    return mediaType(notArchive: bytes, format: format)
  }

  /// What an input that is not an archive is.
  private static func mediaType(notArchive bytes: [UInt8], format: DocumentFormat) -> MediaType {
    if let feed = FeedReader.kind(of: bytes) {
      switch feed {
      case .rss: return .rss
      case .rdf: return .rdf
      case .atom: return .atom
      case .jsonFeed: return .jsonFeed
      }
    }
    if bytes.withUnsafeBufferPointer({ WebPage.isHTML($0) }) { return .html }
    return format == .claimReview ? .jsonLD : .plainText
  }
}

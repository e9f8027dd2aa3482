import FactArchiveCore
import FactArchiveWebPage

/// Parses an input in its format: a saved page (plain text or HTML, told apart by content)
/// or ClaimReview JSON-LD (a JSON file, or a web page that embeds it).
public enum DocumentParser {
  public static func parse(
    _ bytes: [UInt8], format: DocumentFormat, options: ArticleParser.Options
  ) throws(ParseError) -> ParsedDocument {
    let mediaType = mediaType(of: bytes, format: format)
    var document: ParsedDocument
    switch (format, mediaType) {
    case (.text, .html):
      document = try HTMLDocumentReader.parse(bytes, options: options)
    case (.text, _):
      document = try ArticleParser.parse(bytes, options: options)
    case (.claimReview, .html):
      let page = try WebPage(bytes, url: options.url)
      guard let reviews = try ClaimReviewImporter.parse(blocks: page.jsonLD, options: options)
      else {
        throw ParseError(
          line: nil, "no ClaimReview in the page (no application/ld+json script holds one)")
      }
      document = WebFactCheck.attach(page, to: reviews, options: options)
    case (.claimReview, _):
      document = try ClaimReviewImporter.parse(bytes, options: options)
    }
    document.bytes = bytes
    document.mediaType = mediaType
    return document
  }

  /// What an input is, by its content whatever the file is called: a web page, else JSON-LD
  /// when it was given as ClaimReview, else a copy saved as text.
  public static func mediaType(of bytes: [UInt8], format: DocumentFormat) -> MediaType {
    if bytes.withUnsafeBufferPointer({ WebPage.isHTML($0) }) { return .html }
    return format == .claimReview ? .jsonLD : .plainText
  }
}

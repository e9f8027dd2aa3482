import FactArchiveCore

/// Parses an input in its format: a saved page or ClaimReview JSON-LD.
public enum DocumentParser {
  public static func parse(
    _ bytes: [UInt8], format: DocumentFormat, options: ArticleParser.Options
  ) throws(ParseError) -> ParsedDocument {
    switch format {
    case .text: return try ArticleParser.parse(bytes, options: options)
    case .claimReview: return try ClaimReviewImporter.parse(bytes, options: options)
    }
  }
}

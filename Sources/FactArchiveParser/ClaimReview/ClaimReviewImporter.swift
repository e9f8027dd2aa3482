import FactArchiveCore
import FactArchiveWebPage

/// Reads schema.org ClaimReview from other publishers, in every container seen in real
/// data: a bare object, an array, an `@graph`, a `DataFeed` (`dataFeedElement[].item` an
/// object or an array), objects anywhere inside an API response's wrapper
/// (`{"total_results": 15, "data": […]}`), `@type` as a list (`["Review", "ClaimReview"]`),
/// and the Google Fact Check Tools API's own format (`claims[].claimReview[]`, one claim or
/// a whole response with `nextPageToken`), in a JSON file or in the `application/ld+json`
/// scripts of a saved web page.
///
/// Each review becomes a check (`ClaimReviewEntry` reads one). A review that lacks what a
/// check needs is skipped and reported; the others land. See
/// <https://schema.org/ClaimReview> and
/// <https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims/search>.
public enum ClaimReviewImporter {
  public static func parse(_ bytes: [UInt8], options: ArticleParser.Options = .init())
    throws(ParseError) -> ParsedDocument
  {
    guard !bytes.isEmpty else { throw ParseError(line: 1, "empty file") }
    let json: Any
    do {
      json = try JSONLD.parse(bytes)
    } catch {
      throw ParseError(line: error.line, "not valid JSON: \(error.message)")
    }
    let entries = self.entries(in: json)
    guard !entries.isEmpty else {
      throw ParseError(
        line: 1,
        "no ClaimReview in the file (schema.org ClaimReview in any container, or a Google "
          + "Fact Check Tools API response)")
    }
    var document = try document(from: entries, options: options)
    document.bytes = bytes
    document.mediaType = .jsonLD
    return document
  }

  /// The reviews in a page's JSON-LD scripts (blocks that are not JSON, or hold no review,
  /// are passed over); `nil` when none holds a ClaimReview.
  static func parse(blocks: [[UInt8]], options: ArticleParser.Options) throws(ParseError)
    -> ParsedDocument?
  {
    var entries: [ClaimReviewEntry] = []
    for block in blocks {
      guard let json = try? JSONLD.parse(block) else { continue }
      entries += self.entries(in: json)
    }
    guard !entries.isEmpty else { return nil }
    return try document(from: entries, options: options)
  }

  /// Every review in the JSON: ClaimReview objects wherever they stand (with the graph's
  /// nodes, so `{"@id": …}` references resolve), and the Fact Check Tools API's claims.
  static func entries(in json: Any) -> [ClaimReviewEntry] {
    let nodes = JSONLD.nodesByID(in: json)
    let objects = JSONLD.objects(in: json)
    var entries: [ClaimReviewEntry] = objects.filter {
      JSONLD.types(of: $0).contains("claimreview")
    }.map { .schemaOrg($0, nodes: nodes) }
    if entries.isEmpty {
      entries = FactCheckToolsClaim.entries(in: objects)
    }
    return entries
  }

  private static func document(from entries: [ClaimReviewEntry], options: ArticleParser.Options)
    throws(ParseError) -> ParsedDocument
  {
    var articles: [ParsedArticle] = []
    var skipped: [ParseError] = []
    var warnings: [ParseError] = []
    for (index, entry) in entries.enumerated() {
      let place = "entry \(index + 1) of \(entries.count): "
      switch entry.article(options: options) {
      case .success(let read):
        articles.append(read.article)
        warnings += read.notes.map { ParseError(line: nil, place + $0) }
      case .failure(let reason):
        skipped.append(ParseError(line: nil, place + reason.message))
      }
    }
    guard !articles.isEmpty else {
      throw ParseError(
        line: nil, "no usable ClaimReview: " + skipped.map(\.message).joined(separator: "; "))
    }
    return ParsedDocument(
      bytes: [], articles: articles, format: .claimReview, skipped: skipped, warnings: warnings)
  }
}

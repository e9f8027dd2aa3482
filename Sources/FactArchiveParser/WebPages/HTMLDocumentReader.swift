import FactArchiveCore
import FactArchiveWebPage

/// A saved web page, read (`WebPage`): a page that embeds schema.org ClaimReview is another
/// publisher's fact-check with its article (`WebFactCheck`); a page without fact-check
/// structure is a source article made of the page's main text and metadata (`WebSource`);
/// a Factually page is turned into text and read as a text copy is (its lines come from
/// the whole page, exactly as before the main-text reader existed). The page's own bytes
/// are kept as the document; every summary is rebuilt text, since it is not a slice of
/// them.
enum HTMLDocumentReader {
  /// The page read; `DocumentParser` sets its bytes and media type.
  static func parse(_ bytes: [UInt8], options: ArticleParser.Options) throws(ParseError)
    -> ParsedDocument
  {
    let page = try WebPage(bytes, url: options.url, contentType: options.contentType)
    if !page.jsonLD.isEmpty, options.kind != .source,
      let reviews = try ClaimReviewImporter.parse(blocks: page.jsonLD, options: options)
    {
      return WebFactCheck.attach(page, to: reviews, options: options)
    }
    // The lines leave out boxes named like furniture; the main text may still find an
    // article in one (a theme's `advert-content-wrap`), or in the page's JSON-LD.
    let hasLines = page.lines.text.contains(where: { $0 > 0x20 })
    guard hasLines || !page.mainText.isEmpty else {
      throw ParseError(
        line: nil, "a web page with no text (only scripts, styles and page furniture)")
    }
    if !hasLines || ArticleParser.readsAsSource(page.lines.text, options: options),
      let source = WebSource.source(from: page, options: options)
    {
      return ParsedDocument(bytes: bytes, articles: [], source: source)
    }
    var document: ParsedDocument
    do throws(ParseError) {
      document = try ArticleParser.parse(page.lines.text, options: options)
    } catch {
      throw page.lines.placed(error)
    }
    document.detachBodies()
    document.articles = document.articles.map { article in
      var article = article
      // Lines are the page's: where the article starts in the HTML.
      article.firstLine = page.lines.placed(ParseError(line: article.firstLine, "")).line ?? 1
      return article
    }
    document.warnings = document.warnings.map(page.lines.placed)
    return document
  }
}

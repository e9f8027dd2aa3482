import FactArchiveCore

/// A saved web page, read: a publisher's page carrying schema.org ClaimReview gives its
/// reviews; any other page is turned into text (`HTMLReader`) and read as a text copy is
/// (a fact-check, or a source article whose title, byline, date and links the markup
/// states outright). The page's own bytes are kept as the document; every summary is
/// rebuilt text, since it is not a slice of them.
enum HTMLDocumentReader {
  /// The page read; `DocumentParser` sets its bytes and media type.
  static func parse(_ bytes: [UInt8], options: ArticleParser.Options) throws(ParseError)
    -> ParsedDocument
  {
    let page = try HTMLReader.read(bytes)
    if !page.jsonLD.isEmpty, options.kind != .source,
      let reviews = try ClaimReviewImporter.parse(blocks: page.jsonLD, options: options)
    {
      return reviews
    }
    guard page.text.contains(where: { $0 > 0x20 }) else {
      throw ParseError(
        line: nil, "a web page with no text (only scripts, styles and page furniture)")
    }
    var document: ParsedDocument
    do throws(ParseError) {
      document = try ArticleParser.parse(page.text, options: options)
    } catch {
      throw page.placed(error)
    }
    document.articles = document.articles.map { article in
      var article = article
      // Lines are the page's: where the article starts in the HTML.
      article.firstLine = page.placed(ParseError(line: article.firstLine, "")).line ?? 1
      article.summaries = article.summaries.map { rebuilt($0, in: document) }
      return article
    }
    if var source = document.source {
      if let headline = page.headline ?? page.title { source.title = headline }
      // The markup's author is the byline; a byline line of the text often runs on into
      // the date ("By A. Writer · 22 September 2026").
      if let author = page.author { source.byline = "By " + author }
      if let published = page.published {
        source.publishedOn = published
        source.publishedOnInferred = nil
      }
      if !page.links.isEmpty { source.links = page.links }
      document.source = source
    }
    document.warnings = document.warnings.map(page.placed)
    return document
  }

  /// A summary as text of its own (its citations keep their offsets: they are relative to
  /// the body).
  static func rebuilt(_ summary: ParsedSummary, in document: ParsedDocument) -> ParsedSummary {
    guard case .slice = summary.body else { return summary }
    var copy = summary
    copy.body = .rebuilt(Array(document.body(of: summary).utf8))
    return copy
  }
}

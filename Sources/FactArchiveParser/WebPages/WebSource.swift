import FactArchiveCore
import FactArchiveWebPage

/// A source article from any publisher's page: its main text as the body, the links of that
/// text (not the page's menus) as its links, and the headline, authors, dates, site name,
/// language and address its metadata gives.
enum WebSource {
  /// `nil` when the page has no main text or no headline (the text reader then reads it).
  static func source(from page: WebPage, options: ArticleParser.Options) -> ParsedSource? {
    let main = page.mainText
    guard !main.isEmpty else { return nil }
    let meta = page.metadata
    guard
      let title = meta.title
        ?? main.blocks.first(where: \.isHeading)?.text
    else { return nil }
    let body = main.text
    var inferred: Day?
    if meta.published == nil {
      let bytes = Array(body.utf8)
      inferred = bytes.withUnsafeBufferPointer { buffer in
        TextScan.latestDate(buffer, [0..<buffer.count], notAfter: options.latestPlausibleDay)
      }
    }
    var seen: Set<String> = []
    let links = main.links.filter { seen.insert($0.url).inserted }.map {
      ParsedLink(url: $0.url, domain: WebAddress.domain(of: $0.url), inReferences: $0.inReferences)
    }
    var source = ParsedSource(
      title: title, label: meta.siteName, byline: meta.byline, publishedOn: meta.published,
      publishedOnInferred: inferred, body: body, links: links)
    source.modifiedOn = meta.modified
    source.language = meta.language
    source.url = meta.canonicalURL
    return source
  }
}

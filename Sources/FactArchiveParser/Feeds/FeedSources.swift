import FactArchiveCore
import FactArchiveWebPage

/// A news feed as sources: each item a source article, its body the item's full content
/// (`content:encoded`, Atom `content`, `content_html`) read by the main-text reader as a web
/// page is, else its summary; its title, authors, dates, link and categories from the item,
/// and the feed's title as its label.
enum FeedSources {
  static func parse(_ bytes: [UInt8], options: ArticleParser.Options) throws(ParseError)
    -> ParsedDocument?
  {
    guard
      let feed = try FeedReader.read(bytes, url: options.url, contentType: options.contentType)
    else { return nil }
    var document = ParsedDocument(bytes: bytes, articles: [])
    document.feed = ParsedFeed(title: feed.title, link: feed.link)
    document.feed?.repaired = feed.repaired
    var seen: Set<String> = []
    for item in feed.items {
      guard let key = item.key, seen.insert(key).inserted else {
        document.skipped.append(
          ParseError(
            line: nil,
            item.key == nil
              ? "an item with neither a guid nor a link (\(item.title ?? "untitled")): skipped"
              : "an item listed twice (\(item.key ?? "")): read once"))
        continue
      }
      guard let source = source(of: item, feed: feed, options: options) else {
        document.skipped.append(
          ParseError(line: nil, "an item with no title and no text (\(key)): skipped"))
        continue
      }
      document.feedItems.append(
        ParsedFeedItem(
          key: key, guid: item.guid, link: item.link, categories: item.categories,
          publishedAt: item.published?.utc, updatedAt: item.updated?.utc, source: source,
          document: item.document))
    }
    if document.feedItems.isEmpty, !feed.items.isEmpty {
      throw ParseError(line: nil, "a feed none of whose \(feed.items.count) items could be read")
    }
    return document
  }

  static func source(of item: FeedItem, feed: Feed, options: ArticleParser.Options)
    -> ParsedSource?
  {
    var body = ""
    var links: [ParsedLink] = []
    for html in [item.content, item.summary].compactMap({ $0 }) where body.isEmpty {
      let page = "<html><body><article>\(html)</article></body></html>"
      guard let read = try? WebPage(Array(page.utf8), url: item.link) else { continue }
      body = read.mainText.text
      var seen: Set<String> = []
      links = read.mainText.links.filter { seen.insert($0.url).inserted }.map {
        ParsedLink(
          url: $0.url, domain: WebAddress.domain(of: $0.url), inReferences: $0.inReferences)
      }
    }
    guard let title = item.title ?? body.split(separator: "\n").first.map(String.init),
      !title.isEmpty
    else { return nil }
    var source = ParsedSource(
      title: title, label: feed.title,
      byline: item.authors.isEmpty
        ? nil : item.authors.joined(separator: ", "),
      publishedOn: (item.published ?? item.updated)?.day, publishedOnInferred: nil, body: body,
      links: links)
    if item.published != nil, let updated = item.updated, updated != item.published {
      source.modifiedOn = updated.day
    }
    source.url = item.link.map(WebAddress.withoutSharingParameters)
    return source
  }
}

import FactArchiveCore

/// A news feed, read: RSS 2.0 (and the 0.9x it grew from), RSS 1.0 (RDF), Atom 1.0 or JSON
/// Feed 1.1, told apart by content whatever the file is called (`FeedReader`).
///
/// ```swift
/// let feed = try FeedReader.read(bytes, url: "https://news.example/feed.xml")
/// feed?.title              // "Harbour Gazette"
/// feed?.items.first?.key   // its guid, else its link
/// ```
public struct Feed: Sendable, Equatable {
  public var kind: FeedKind
  /// The feed's own title (the sources' label).
  public var title: String?
  /// The site the feed belongs to.
  public var link: String?
  public var items: [FeedItem]
  /// libxml2 had to repair the feed (a bare `&`, a tag left open): an item's own document
  /// may then read back differently, so the archive finds an item's source by its document.
  public var repaired = false
}

/// The kinds of feed, named by the media type each is served as (`documents.media_type`).
public enum FeedKind: String, Sendable, CaseIterable {
  case rss = "application/rss+xml"
  case rdf = "application/rdf+xml"
  case atom = "application/atom+xml"
  case jsonFeed = "application/feed+json"
}

/// One item (an RSS `<item>`, an Atom `<entry>`, a JSON Feed item).
public struct FeedItem: Sendable, Equatable {
  /// The item's own identifier (`<guid>`, `<id>`, `id`), when it gives one.
  public var guid: String?
  /// The article's address (`<link>`, `url`), absolute.
  public var link: String?
  public var title: String?
  public var published: FeedTime?
  public var updated: FeedTime?
  public var authors: [String] = []
  public var categories: [String] = []
  /// The summary (`<description>`, `<summary>`, `summary`), as HTML or text.
  public var summary: String?
  /// The full content (`<content:encoded>`, `<content>`, `content_html`), as HTML.
  public var content: String?
  /// A feed holding this item alone, with the feed's title and link: what the archive keeps
  /// as the item's document, and reads again as a feed.
  public var document: [UInt8] = []

  /// What identifies the item across readings of its feed: its guid, else its link.
  public var key: String? { guid ?? link }
}

/// A moment a feed gives: the instant, and the calendar day where it was written.
public struct FeedTime: Sendable, Equatable {
  /// `YYYY-MM-DDTHH:MM:SSZ`.
  public var utc: String
  /// The day in the writer's own time zone (`Tue, 10 Jun 2003 23:30 -0500` is 10 June).
  public var day: Day
}

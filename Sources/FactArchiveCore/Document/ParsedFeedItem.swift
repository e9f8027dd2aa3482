/// A news feed, as its items' sources name it.
public struct ParsedFeed: Sendable, Equatable {
  /// The feed's title: its items' sources are labelled with it.
  public var title: String?
  /// The site the feed belongs to.
  public var link: String?
  /// What identifies the feed across readings: its site link, else its title.
  public var key: String { link ?? title ?? "" }
  /// The parser had to repair it (an item's own document may read back differently).
  public var repaired = false

  public init(title: String?, link: String?) {
    self.title = title
    self.link = link
  }
}

/// One item of a news feed, read as a source article.
public struct ParsedFeedItem: Sendable, Equatable {
  /// Its guid, else its link: what makes reading the same feed again add nothing.
  public var key: String
  public var guid: String?
  public var link: String?
  public var categories: [String]
  /// When the feed says it was published and last updated (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
  public var publishedAt: String?
  public var updatedAt: String?
  public var source: ParsedSource
  /// A feed holding this item alone: kept as the source's document.
  public var document: [UInt8]

  public init(
    key: String, guid: String?, link: String?, categories: [String], publishedAt: String?,
    updatedAt: String?, source: ParsedSource, document: [UInt8]
  ) {
    self.key = key
    self.guid = guid
    self.link = link
    self.categories = categories
    self.publishedAt = publishedAt
    self.updatedAt = updatedAt
    self.source = source
    self.document = document
  }
}

/// A news or analysis article that fact-checks cite.
public struct ParsedSource: Sendable, Equatable {
  public var title: String
  /// A publisher or section label above the title (`Trends-UK`, `Tag: Latin America`).
  public var label: String?
  /// The byline as written (`Reported by …`).
  public var byline: String?
  /// The date the page states it was published.
  public var publishedOn: Day?
  /// Without a stated date: the latest full date the text mentions.
  public var publishedOnInferred: Day?
  /// The article text after its title lines, page furniture removed.
  public var body: String
  /// Every http(s) URL it carries, in order, once each (for a web page: the links of its
  /// main text, not its menus).
  public var links: [ParsedLink]
  /// The day the page says it was last changed.
  public var modifiedOn: Day?
  /// The language the page gives (`es`, `pt-BR`).
  public var language: String?
  /// The page's own address (canonical), when it gives one.
  public var url: String?

  public init(
    title: String, label: String?, byline: String?, publishedOn: Day?, publishedOnInferred: Day?,
    body: String, links: [ParsedLink]
  ) {
    self.title = title
    self.label = label
    self.byline = byline
    self.publishedOn = publishedOn
    self.publishedOnInferred = publishedOnInferred
    self.body = body
    self.links = links
  }
}

/// A URL in a source article.
public struct ParsedLink: Sendable, Equatable {
  public var url: String
  public var domain: String?
  /// Listed under a "References" or "Sources" heading rather than in the text.
  public var inReferences: Bool

  public init(
    url: String, domain: String?, inReferences: Bool
  ) {
    self.url = url
    self.domain = domain
    self.inReferences = inReferences
  }
}

import FactArchiveCore

/// The schema.org article a page describes in JSON-LD (`NewsArticle`, `Article`,
/// `ReportageNewsArticle`, `BlogPosting`, …), wherever it stands: a bare object, an array,
/// an `@graph`, or a property of another object. The first one found counts.
struct JSONLDArticle: Equatable {
  var headline: String?
  var people: [String] = []
  /// An author that is an Organization (its name): the publisher when there is no other.
  var organizationAuthor: String?
  var publisher: String?
  var published: String?
  var modified: String?
  var description: String?
  var language: String?
  var url: String?
  /// `articleBody`: the article's whole text as the publisher states it, which a page behind
  /// a paywall may show only the start of.
  var body: String?

  /// schema.org's Article and its subtypes (Readability's `jsonLdArticleTypes`).
  static let types: Set<String> = [
    "article", "newsarticle", "analysisnewsarticle", "askpublicnewsarticle",
    "backgroundnewsarticle", "opinionnewsarticle", "reportagenewsarticle", "reviewnewsarticle",
    "report", "satiricalarticle", "scholarlyarticle", "medicalscholarlyarticle", "blogposting",
    "liveblogposting", "socialmediaposting", "discussionforumposting", "techarticle",
  ]

  /// schema.org's WebPage and its subtypes. Yoast SEO, on millions of WordPress sites,
  /// describes every page as a `WebPage` in its `@graph` with the post's dates, and writes no
  /// `Article` for pages and many themes' posts.
  static let pageTypes: Set<String> = [
    "webpage", "itempage", "aboutpage", "collectionpage", "contactpage", "faqpage",
    "profilepage", "qapage", "medicalwebpage", "searchresultspage",
  ]

  /// The first article object; without one, a fact-check's ClaimReview (its date, authors
  /// and publisher are the page's own); without either, the dates of a `WebPage` (only its
  /// dates: its `name` is the page's `<title>`, site name and all).
  static func first(in blocks: [[UInt8]]) -> JSONLDArticle? {
    var review: JSONLDArticle?
    var page: JSONLDArticle?
    for block in blocks {
      guard let json = try? JSONLD.parse(block) else { continue }
      let nodes = JSONLD.nodesByID(in: json)
      let objects = JSONLD.objects(in: json)
      if let object = objects.first(where: {
        JSONLD.types(of: $0).contains(where: types.contains)
      }) {
        return JSONLDArticle(object, nodes: nodes)
      }
      if review == nil,
        let object = objects.first(where: { JSONLD.types(of: $0).contains("claimreview") })
      {
        var found = JSONLDArticle(object, nodes: nodes)
        found.headline = nil  // the claim, not the article's headline
        review = found
      }
      if page == nil,
        let object = objects.first(where: {
          JSONLD.types(of: $0).contains(where: pageTypes.contains)
            && ($0["datePublished"] != nil || $0["dateModified"] != nil)
        })
      {
        let stated = JSONLDArticle(object, nodes: nodes)
        page = JSONLDArticle(published: stated.published, modified: stated.modified)
      }
    }
    return review ?? page
  }

  init(published: String?, modified: String?) {
    self.published = published
    self.modified = modified
  }

  init(_ object: [String: Any], nodes: [String: [String: Any]]) {
    headline = JSONLD.text(object["headline"]) ?? JSONLD.text(object["name"])
    for author in JSONLD.list(object["author"]) {
      let resolved = JSONLD.resolved(author, nodes: nodes)
      let name = JSONLD.name(resolved, nodes: nodes)
      guard let name, !WebAddress.isWeb(name) else { continue }
      if let node = resolved as? [String: Any],
        JSONLD.types(of: node).contains("organization")
          || JSONLD.types(of: node).contains("newsmediaorganization")
      {
        organizationAuthor = organizationAuthor ?? name
      } else {
        people.append(contentsOf: BylineText.names(name).isEmpty ? [name] : BylineText.names(name))
      }
    }
    publisher = JSONLD.name(JSONLD.resolved(object["publisher"], nodes: nodes), nodes: nodes)
    published = JSONLD.text(object["datePublished"]) ?? JSONLD.text(object["dateCreated"])
    modified = JSONLD.text(object["dateModified"])
    description = JSONLD.text(object["description"])
    body = JSONLD.text(object["articleBody"])
    language = JSONLD.text(object["inLanguage"])
    url = JSONLD.address(object["url"]) ?? JSONLD.address(object["mainEntityOfPage"])
  }
}

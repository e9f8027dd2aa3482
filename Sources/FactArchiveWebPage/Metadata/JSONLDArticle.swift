import FactArchiveCore
import Foundation

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
      guard
        let json = try? JSONSerialization.jsonObject(
          with: Data(block), options: [.fragmentsAllowed])
      else { continue }
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
    url =
      JSONLD.text(object["url"]) ?? JSONLD.text(object["mainEntityOfPage"])
      ?? (object["mainEntityOfPage"] as? [String: Any]).flatMap { JSONLD.text($0["@id"]) }
  }
}

/// Walking JSON-LD as publishers write it.
public enum JSONLD {
  /// Every object in the document, in document order (a bounded walk).
  public static func objects(in json: Any) -> [[String: Any]] {
    var found: [[String: Any]] = []
    var pending: [Any] = [json]
    var visited = 0
    while let value = pending.popLast(), visited < mostValues {
      visited += 1
      if let array = value as? [Any] {
        pending.append(contentsOf: array.reversed())
      } else if let object = value as? [String: Any] {
        found.append(object)
        // Keys in a fixed order (JSON objects have none): the walk is deterministic.
        for key in object.keys.sorted().reversed() {
          if let child = object[key], child is [Any] || child is [String: Any] {
            pending.append(child)
          }
        }
      }
    }
    return found
  }

  /// A bound on the values a walk visits: a hostile document cannot make it run on.
  public static let mostValues = 100_000

  /// `@type`, lowercase, whether a string or a list.
  public static func types(of object: [String: Any]) -> [String] {
    if let type = object["@type"] as? String { return [type.lowercased()] }
    return (object["@type"] as? [Any])?.compactMap { ($0 as? String)?.lowercased() } ?? []
  }

  /// Every object with an `@id`, so a reference (`{"@id": "#org"}`) can be read.
  public static func nodesByID(in json: Any) -> [String: [String: Any]] {
    var nodes: [String: [String: Any]] = [:]
    for object in objects(in: json) {
      if let id = object["@id"] as? String, object.count > 1, nodes[id] == nil {
        nodes[id] = object
      }
    }
    return nodes
  }

  /// A reference replaced by the node it names.
  public static func resolved(_ value: Any?, nodes: [String: [String: Any]]) -> Any? {
    if let object = value as? [String: Any], object.count == 1, let id = object["@id"] as? String {
      return nodes[id] ?? object
    }
    return value
  }

  public static func list(_ value: Any?) -> [Any] {
    if let array = value as? [Any] { return array }
    return value.map { [$0] } ?? []
  }

  /// A name: a string, an object's `name` (an `@id` looked up), or the first of a list.
  public static func name(_ value: Any?, nodes: [String: [String: Any]]) -> String? {
    if let list = value as? [Any] { return list.lazy.compactMap { name($0, nodes: nodes) }.first }
    if let object = value as? [String: Any] {
      if let named = text(object["name"]) { return named }
      if let id = object["@id"] as? String, let node = nodes[id] { return text(node["name"]) }
      return nil
    }
    return text(value)
  }

  /// Text of a string or number; HTML entities and tags reduced to text, white space
  /// (`\r` included) trimmed.
  public static func text(_ value: Any?) -> String? {
    switch value {
    case let string as String:
      let cleaned = HTMLText.plain(string)
      return cleaned.isEmpty ? nil : cleaned
    case let number as Int: return String(number)
    case let number as Double:
      return number == number.rounded() && abs(number) < 1e15
        ? String(Int64(number)) : String(number)
    case let number as NSNumber: return number.stringValue
    case let array as [Any]: return array.lazy.compactMap { text($0) }.first
    default: return nil
    }
  }
}

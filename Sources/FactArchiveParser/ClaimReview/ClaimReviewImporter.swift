import FactArchiveCore
import Foundation

/// Reads schema.org ClaimReview JSON-LD from other publishers: a single object, an array,
/// an `@graph`, or a `DataFeed` whose `dataFeedElement` holds reviews (directly or as
/// `DataFeedItem.item`), in a JSON file or in the `application/ld+json` scripts of a saved
/// web page.
///
/// Each review becomes a check: the question is `claimReviewed` (else the reviewed claim's
/// `name`, else a `headline`), the date `datePublished` (times and zones allowed),
/// the URL `url`, the publisher the review's `author` (an object, a name, or an `@id` that
/// names a node of the graph), the rating `reviewRating` (`alternateName`, else
/// `ratingValue`, a string or a number), and `reviewBody` (or `description`) the executive
/// summary. A review that lacks what a check needs is skipped and reported; the others land.
/// See <https://schema.org/ClaimReview>.
public enum ClaimReviewImporter {
  public static func parse(_ bytes: [UInt8], options: ArticleParser.Options = .init())
    throws(ParseError) -> ParsedDocument
  {
    guard !bytes.isEmpty else { throw ParseError(line: 1, "empty file") }
    let json: Any
    do {
      json = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
      throw ParseError(line: errorLine(error), "not valid JSON: \(describe(error))")
    }
    let reviews = claimReviews(in: json)
    guard !reviews.isEmpty else {
      throw ParseError(line: 1, "no ClaimReview in the file (an object, an array or a DataFeed)")
    }
    var document = try document(from: reviews, nodes: nodesByID(in: json), options: options)
    document.bytes = bytes
    document.mediaType = .jsonLD
    return document
  }

  /// The reviews in a page's JSON-LD scripts (blocks that are not JSON, or hold no review,
  /// are passed over); `nil` when none holds a ClaimReview.
  static func parse(blocks: [[UInt8]], options: ArticleParser.Options) throws(ParseError)
    -> ParsedDocument?
  {
    var reviews: [[String: Any]] = []
    var nodes: [String: [String: Any]] = [:]
    for block in blocks {
      guard
        let json = try? JSONSerialization.jsonObject(
          with: Data(block), options: [.fragmentsAllowed])
      else { continue }
      reviews += claimReviews(in: json)
      nodes.merge(nodesByID(in: json)) { first, _ in first }
    }
    guard !reviews.isEmpty else { return nil }
    return try document(from: reviews, nodes: nodes, options: options)
  }

  private static func document(
    from reviews: [[String: Any]], nodes: [String: [String: Any]], options: ArticleParser.Options
  ) throws(ParseError) -> ParsedDocument {
    var articles: [ParsedArticle] = []
    var skipped: [ParseError] = []
    for (index, review) in reviews.enumerated() {
      switch article(from: review, nodes: nodes, options: options) {
      case .success(let article): articles.append(article)
      case .failure(let reason):
        skipped.append(
          ParseError(line: nil, "entry \(index + 1) of \(reviews.count): \(reason.message)"))
      }
    }
    guard !articles.isEmpty else {
      throw ParseError(
        line: nil, "no usable ClaimReview: " + skipped.map(\.message).joined(separator: "; "))
    }
    return ParsedDocument(
      bytes: [], articles: articles, format: .claimReview, skipped: skipped)
  }

  /// Every object with an `@id`, so a reference (`"author": {"@id": "#org"}`) can be read.
  static func nodesByID(in json: Any) -> [String: [String: Any]] {
    var nodes: [String: [String: Any]] = [:]
    var pending: [Any] = [json]
    var visited = 0
    while let value = pending.popLast(), visited < 100_000 {
      visited += 1
      if let array = value as? [Any] {
        pending.append(contentsOf: array)
      } else if let object = value as? [String: Any] {
        if let id = object["@id"] as? String, object.count > 1, nodes[id] == nil {
          nodes[id] = object
        }
        pending.append(contentsOf: object.values)
      }
    }
    return nodes
  }

  /// Every object typed `ClaimReview`, in document order.
  static func claimReviews(in json: Any) -> [[String: Any]] {
    if let array = json as? [Any] {
      return array.flatMap(claimReviews)
    }
    guard let object = json as? [String: Any] else { return [] }
    if types(of: object).contains("ClaimReview") { return [object] }
    if let graph = object["@graph"] { return claimReviews(in: graph) }
    if let elements = object["dataFeedElement"] { return claimReviews(in: elements) }
    if types(of: object).contains("DataFeedItem"), let item = object["item"] {
      return claimReviews(in: item)
    }
    return []
  }

  private static func types(of object: [String: Any]) -> [String] {
    if let type = object["@type"] as? String { return [type] }
    return object["@type"] as? [String] ?? []
  }

  struct Reason: Error {
    var message: String
  }

  private static func article(
    from review: [String: Any], nodes: [String: [String: Any]], options: ArticleParser.Options
  ) -> Result<ParsedArticle, Reason> {
    let claim = review["itemReviewed"] as? [String: Any]
    guard
      let question = text(review["claimReviewed"]) ?? claim.flatMap({ text($0["name"]) })
        ?? claim.flatMap({ text($0["headline"]) }) ?? text(review["headline"]),
      !question.isEmpty
    else {
      return .failure(Reason(message: "claimReviewed is missing (and no itemReviewed name)"))
    }
    var checkedOn: Day?
    if let published = text(review["datePublished"]) {
      guard let day = Day(iso: published.prefix(10)) else {
        return .failure(Reason(message: "datePublished is not a date: \(published)"))
      }
      checkedOn = day
    }
    let summaryText = text(review["reviewBody"]) ?? text(review["description"]) ?? ""
    let body = Array(summaryText.utf8)
    let summaries =
      summaryText.isEmpty
      ? []
      : [ParsedSummary(position: 0, heading: nil, body: .rebuilt(body), citations: [])]
    var inferred: Day?
    if checkedOn == nil {
      inferred = body.withUnsafeBufferPointer { buffer in
        TextScan.latestDate(buffer, [0..<buffer.count], notAfter: options.latestPlausibleDay)
      }
    }
    var article = ParsedArticle(
      firstLine: 1, question: question, titleURL: text(review["url"]), checkedOn: checkedOn,
      checkedOnInferred: inferred, disclaimer: nil, publisherFlaggedOutdated: false,
      summaries: summaries, followUps: [], references: [], truncated: false, unparsed: nil)
    article.publisher = name(review["author"], nodes: nodes)
    article.rating = rating(review["reviewRating"])
    return .success(article)
  }

  private static func text(_ value: Any?) -> String? {
    switch value {
    case let string as String:
      let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? nil : trimmed
    case let number as Int: return String(number)
    case let number as Double:
      return number == number.rounded() && abs(number) < 1e15
        ? String(Int64(number)) : String(number)
    case let number as NSNumber: return number.stringValue
    default: return nil
    }
  }

  /// An author's name: a string, an object's `name` (an `@id` looked up in the graph), or
  /// the first of a list.
  private static func name(_ value: Any?, nodes: [String: [String: Any]]) -> String? {
    if let list = value as? [Any] { return list.lazy.compactMap { name($0, nodes: nodes) }.first }
    if let object = value as? [String: Any] {
      if let named = text(object["name"]) { return named }
      if let id = object["@id"] as? String { return nodes[id].flatMap { text($0["name"]) } ?? id }
      return nil
    }
    return text(value)
  }

  private static func rating(_ value: Any?) -> String? {
    guard let object = value as? [String: Any] else { return text(value) }
    return text(object["alternateName"]) ?? text(object["ratingValue"]) ?? text(object["name"])
  }

  private static func describe(_ error: Error) -> String {
    let nsError = error as NSError
    return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
  }

  /// The line in Foundation's "around line 3, column 5" message, when it gives one.
  private static func errorLine(_ error: Error) -> Int? {
    let text = describe(error)
    guard let range = text.range(of: "line ") else { return nil }
    return Int(text[range.upperBound...].prefix { $0.isNumber })
  }
}

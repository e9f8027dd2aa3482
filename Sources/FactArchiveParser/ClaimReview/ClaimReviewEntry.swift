import FactArchiveCore
import FactArchiveWebPage
import Foundation

/// One review, as schema.org ClaimReview or a Fact Check Tools API claim gives it, and the
/// check it becomes.
///
/// From ClaimReview: the question is `claimReviewed` (a string, or each of a list), else the
/// reviewed item's `name`, `headline` or `text` (a Claim, a CreativeWork in any
/// capitalisation, a Clip); the date `datePublished`, else `dateModified` (times, zones,
/// fractions, `2020-06-24 00:03`; else the page's own date, `WebFactCheck`); the publisher
/// `publisher`, else an `author` that is an Organization or untyped; the reporters the
/// Person authors; the rating `reviewRating` (`alternateName`, else `name`, else
/// `ratingValue`) with its number on its scale when given; the summary `reviewBody`; who
/// made the claim, when and where it appeared, from the reviewed item (`origin`).
/// Text is cleaned of HTML (`HTMLText`).
enum ClaimReviewEntry {
  case schemaOrg([String: Any], nodes: [String: [String: Any]])
  case factCheckTools(FactCheckToolsClaim, review: [String: Any])

  struct Reason: Error {
    var message: String
  }

  /// A review read, with what was passed over in it (a date it could not read).
  struct Read {
    var article: ParsedArticle
    var notes: [String] = []
  }

  func article(options: ArticleParser.Options) -> Result<Read, Reason> {
    switch self {
    case .schemaOrg(let review, let nodes): return Self.schemaOrg(review, nodes: nodes, options)
    case .factCheckTools(let claim, let review): return claim.article(review: review, options)
    }
  }

  static func schemaOrg(
    _ review: [String: Any], nodes: [String: [String: Any]], _ options: ArticleParser.Options
  ) -> Result<Read, Reason> {
    let item = JSONLD.object(review["itemReviewed"], nodes: nodes)
    let claims = JSONLD.list(review["claimReviewed"]).compactMap { JSONLD.line($0) }
    guard
      let question = claims.isEmpty
        ? item.flatMap({
          JSONLD.line($0["name"]) ?? JSONLD.line($0["headline"]) ?? JSONLD.line($0["text"])
        })
          ?? JSONLD.line(review["headline"])
        : claims.joined(separator: "; "),
      !question.isEmpty
    else {
      return .failure(Reason(message: "claimReviewed is missing (and no itemReviewed name)"))
    }
    var checkedOn: Day?
    var dateSource: DateSource?
    var notes: [String] = []
    for (key, source) in [
      ("datePublished", DateSource.datePublished), ("dateModified", .dateModified),
    ] {
      guard let text = JSONLD.text(review[key]) else { continue }
      switch day(text, key: key, notes: &notes) {
      case .failure(let reason): return .failure(reason)
      case .success(nil): continue
      case .success(let day?):
        checkedOn = day
        dateSource = source
      }
      break
    }
    let summaryText = JSONLD.text(review["reviewBody"]) ?? JSONLD.text(review["description"]) ?? ""
    var article = ParsedArticle(
      firstLine: 1, question: question,
      titleURL: JSONLD.address(review["url"]).map(WebAddress.withoutSharingParameters),
      checkedOn: checkedOn,
      checkedOnInferred: nil, disclaimer: nil, publisherFlaggedOutdated: false,
      summaries: summary(summaryText), followUps: [], references: [], truncated: false,
      unparsed: nil)
    if checkedOn == nil { article.checkedOnInferred = inferred(summaryText, options) }
    article.dateSource = dateSource
    let people = Authors(review["author"], nodes: nodes)
    article.publisher =
      JSONLD.name(JSONLD.resolved(review["publisher"], nodes: nodes), nodes: nodes)
      ?? people.organisation
    article.reporters = people.people
    article.headline = JSONLD.line(review["headline"]).flatMap { $0 == question ? nil : $0 }
    article.language = JSONLD.text(review["inLanguage"])
    let rating: Any? = JSONLD.object(review["reviewRating"], nodes: nodes) ?? review["reviewRating"]
    article.rating = Self.rating(rating)
    article.ratingScale = Self.scale(rating)
    article.claimOrigin = origin(of: item, reviewURL: article.titleURL, nodes: nodes)
    return .success(Read(article: article, notes: notes))
  }

  /// A review's date as written. A day that cannot exist (`2026-02-30`) is an error; a
  /// text that is not a day it can read (`06/11/2023`, whose day and month could be either
  /// way; `0000-00-00`, a CMS's empty date; words) is passed over with a note, and the next
  /// date the review or its page gives stands in.
  static func day(_ text: String, key: String, notes: inout [String]) -> Result<Day?, Reason> {
    if let day = MetadataDate.day(text) { return .success(day) }
    guard !isImpossible(text) else {
      return .failure(Reason(message: "\(key) is not a date: \(text)"))
    }
    notes.append("\(key) is not a date it can read, passed over: \(text)")
    return .success(nil)
  }

  /// An ISO day's shape (`2026-02-30`, times after it allowed) in a year from 1000 on, which
  /// `MetadataDate` refused: its month or day does not exist.
  static func isImpossible(_ text: String) -> Bool {
    let head = Array(text.trimmingSpaces().utf8.prefix(10))
    guard head.count == 10, head[4] == UInt8(ascii: "-"), head[7] == UInt8(ascii: "-"),
      [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(head[$0])
      })
    else { return false }
    return head[0] != UInt8(ascii: "0")
  }

  /// Who made the claim, when, and where it appeared: the reviewed item's `author` (one or
  /// several, people or organisations), its `datePublished` or `dateCreated`, its
  /// `firstAppearance` and `appearance` (objects with a `url` or an `@id`, or addresses),
  /// else the item's own `url` (a `CreativeWork` of ClaimReview's first years is the claim's
  /// page) unless that is the review's own address.
  static func origin(of item: [String: Any]?, reviewURL: String?, nodes: [String: [String: Any]])
    -> ClaimOrigin
  {
    guard let item else { return ClaimOrigin() }
    var origin = ClaimOrigin()
    var claimants: [String] = []
    for author in JSONLD.list(item["author"]) {
      guard
        let name = JSONLD.name(JSONLD.resolved(author, nodes: nodes), nodes: nodes)
          .flatMap(JSONLD.line), !WebAddress.isWeb(name), !claimants.contains(name)
      else { continue }
      claimants.append(name)
    }
    origin.claimant = claimants.isEmpty ? nil : claimants.joined(separator: ", ")
    origin.date = (JSONLD.text(item["datePublished"]) ?? JSONLD.text(item["dateCreated"]))
      .flatMap(MetadataDate.day)
    func address(_ value: Any?) -> String? {
      let resolved = JSONLD.resolved(value, nodes: nodes)
      let url =
        (resolved as? [String: Any]).map { JSONLD.address($0["url"]) ?? JSONLD.text($0["@id"]) }
        ?? JSONLD.text(resolved)
      return url.flatMap { WebAddress.isWeb($0) ? $0 : nil }
    }
    let first = JSONLD.list(item["firstAppearance"]).lazy.compactMap(address).first
    var urls = first.map { [$0] } ?? []
    for url in JSONLD.list(item["appearance"]).compactMap(address) where !urls.contains(url) {
      urls.append(url)
    }
    if urls.isEmpty, let own = JSONLD.address(item["url"]), WebAddress.isWeb(own),
      own != reviewURL
    {
      urls = [own]
    }
    origin.appearances = Array(urls.prefix(ClaimOrigin.mostAppearances))
    origin.firstIsNamed = first != nil
    return origin
  }

  static func summary(_ text: String) -> [ParsedSummary] {
    text.isEmpty
      ? []
      : [ParsedSummary(position: 0, heading: nil, body: .rebuilt(Array(text.utf8)), citations: [])]
  }

  /// For a review without a date: the latest full date its text mentions.
  static func inferred(_ text: String, _ options: ArticleParser.Options) -> Day? {
    Array(text.utf8).withUnsafeBufferPointer { buffer in
      TextScan.latestDate(buffer, [0..<buffer.count], notAfter: options.latestPlausibleDay)
    }
  }

  /// The rating as the publisher words it.
  static func rating(_ value: Any?) -> String? {
    guard let object = value as? [String: Any] else { return JSONLD.text(value) }
    return JSONLD.text(object["alternateName"]) ?? JSONLD.text(object["name"])
      ?? JSONLD.text(object["ratingValue"])
  }

  /// `ratingValue` on its `worstRating`–`bestRating` scale, when it is a number.
  static func scale(_ value: Any?) -> RatingScale? {
    guard let object = value as? [String: Any], let rating = number(object["ratingValue"]) else {
      return nil
    }
    return RatingScale(
      value: rating, worst: number(object["worstRating"]), best: number(object["bestRating"]))
  }

  /// A number written as a number or a string (`4`, `"4"`, `"4.5"`); empty strings are none.
  static func number(_ value: Any?) -> Double? {
    // JSON's true and false arrive as NSNumbers too; their type is a C char.
    if let number = value as? NSNumber, String(cString: number.objCType) != "c" {
      return number.doubleValue
    }
    if let text = value as? String { return Double(text.trimmingSpaces()) }
    return nil
  }
}

/// A review's authors: the people (reporters) and the organisation, told apart by `@type`
/// (an untyped author with a name is taken for the organisation, as ClaimReview's own
/// examples use it).
struct Authors {
  var people: [String] = []
  var organisation: String?

  init(_ value: Any?, nodes: [String: [String: Any]]) {
    for author in JSONLD.list(value) {
      let resolved = JSONLD.resolved(author, nodes: nodes)
      guard let name = JSONLD.name(resolved, nodes: nodes), !WebAddress.isWeb(name) else {
        continue
      }
      let types = (resolved as? [String: Any]).map(JSONLD.types(of:)) ?? []
      if types.contains("person") {
        people.append(name)
      } else if organisation == nil {
        organisation = name
      }
    }
  }
}

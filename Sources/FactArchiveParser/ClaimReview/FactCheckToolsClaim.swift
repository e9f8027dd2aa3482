import FactArchiveCore
import FactArchiveWebPage

/// A claim as the Google Fact Check Tools API returns it: `text`, `claimant`, `claimDate`
/// and `claimReview[]`, each review with `publisher {name, site}`, `url`, `title`,
/// `reviewDate`, `textualRating` and `languageCode`. A response (`claims[]`,
/// `nextPageToken`) or a single claim. See
/// <https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims#Claim>.
struct FactCheckToolsClaim {
  var text: String
  var claimant: String?
  var claimDate: String?

  /// The reviews of every claim-shaped object (`text` and a `claimReview` list).
  static func entries(in objects: [[String: Any]]) -> [ClaimReviewEntry] {
    var entries: [ClaimReviewEntry] = []
    for object in objects {
      guard let reviews = object["claimReview"] as? [Any], object["text"] != nil else { continue }
      let claim = FactCheckToolsClaim(
        text: JSONLD.line(object["text"]) ?? "", claimant: JSONLD.line(object["claimant"]),
        claimDate: JSONLD.text(object["claimDate"]))
      for case let review as [String: Any] in reviews {
        entries.append(.factCheckTools(claim, review: review))
      }
    }
    return entries
  }

  func article(review: [String: Any], _ options: ArticleParser.Options)
    -> Result<ClaimReviewEntry.Read, ClaimReviewEntry.Reason>
  {
    guard !text.isEmpty else {
      return .failure(.init(message: "the claim's text is missing"))
    }
    var checkedOn: Day?
    var notes: [String] = []
    if let date = JSONLD.text(review["reviewDate"]) {
      switch ClaimReviewEntry.day(date, key: "reviewDate", notes: &notes) {
      case .failure(let reason): return .failure(reason)
      case .success(let day): checkedOn = day
      }
    }
    var article = ParsedArticle(
      firstLine: 1, question: text,
      titleURL: JSONLD.text(review["url"]).map(WebAddress.withoutSharingParameters),
      checkedOn: checkedOn,
      checkedOnInferred: nil, disclaimer: nil, publisherFlaggedOutdated: false, summaries: [],
      followUps: [], references: [], truncated: false, unparsed: nil)
    article.dateSource = checkedOn == nil ? nil : .datePublished
    let publisher = review["publisher"] as? [String: Any]
    article.publisher =
      publisher.flatMap { JSONLD.text($0["name"]) ?? JSONLD.text($0["site"]) }
      ?? JSONLD.text(review["url"]).flatMap(WebAddress.domain(of:))
    article.rating = JSONLD.text(review["textualRating"])
    article.headline = JSONLD.text(review["title"]).flatMap { $0 == text ? nil : $0 }
    article.language = JSONLD.text(review["languageCode"])
    article.claimOrigin = ClaimOrigin(
      claimant: claimant, date: claimDate.flatMap(MetadataDate.day))
    return .success(ClaimReviewEntry.Read(article: article, notes: notes))
  }
}

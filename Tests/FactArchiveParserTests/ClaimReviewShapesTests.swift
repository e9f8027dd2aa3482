import FactArchiveCore
import FactArchiveParser
import Foundation
import TestSupport
import Testing

/// ClaimReview in every container seen in real data, and the Google Fact Check Tools API's
/// format, read from `Fixtures/claimreview/`.
@Suite struct ClaimReviewShapesTests {
  func parse(_ name: String) throws -> ParsedDocument {
    try ClaimReviewImporter.parse(try TestPaths.bytes(TestPaths.fixture("claimreview/\(name)")))
  }

  @Test func aFactCheckToolsResponseGivesEachClaimsReviews() throws {
    let document = try parse("google-api-response.json")
    #expect(document.articles.count == 3)
    let first = try #require(document.articles.first)
    #expect(first.question == "Tarrow's mayor banned street musicians from the old town.")
    #expect(first.publisher == "Tarrow Fact Desk")
    #expect(first.headline == "No, Tarrow has not banned street musicians")
    #expect(first.titleURL == "https://tarrowfacts.example/checks/street-musicians")
    #expect(first.checkedOn?.iso == "2026-04-05")
    #expect(first.rating == "False")
    #expect(first.language == "en")
    // A publisher named only by its site.
    #expect(document.articles[1].publisher == "buskers-union.example")
    #expect(document.articles[2].language == "es")
    #expect(document.articles[2].rating == "Falso")
    // One claim on its own.
    let single = try parse("google-api-claim.json")
    #expect(single.articles.map(\.question) == ["Orvana's new bridge cost twice its budget."])
  }

  @Test func reviewsInsideAnAPIWrapperAreFound() throws {
    let document = try parse("api-wrapper.json")
    #expect(document.articles.count == 15)
    #expect(document.articles.allSatisfy { $0.publisher == "API Checker" })
  }

  @Test func everyShapeSeenInTheWildReads() throws {
    let document = try parse("shapes-in-the-wild.json")
    #expect(document.skipped.isEmpty, "\(document.skipped)")
    let byURL = Dictionary(uniqueKeysWithValues: document.articles.map { ($0.titleURL ?? "", $0) })
    // @type as a list, claimReviewed as a list, a date with a space and no seconds, an
    // empty scale.
    let typeList = try #require(byURL["https://shapes.example/type-array"])
    #expect(
      typeList.question
        == "The Sarn river dam will be demolished next year; The dam's reservoir will be drained")
    #expect(typeList.checkedOn?.iso == "2020-06-24")
    #expect(typeList.rating == "Misleading")
    #expect(typeList.ratingScale == nil)
    // A Clip with only a number for its rating.
    let clip = try #require(byURL["https://shapes.example/clip"])
    #expect(clip.question == "Video says Halden port will close in 2027")
    #expect(clip.checkedOn?.iso == "2020-03-27")
    #expect(clip.ratingScale == RatingScale(value: 2, worst: 1, best: 5))
    // creativeWork in lower case; a reporter and the organisation as authors.
    let work = try #require(byURL["https://shapes.example/creativework"])
    #expect(work.question == "Pellmar will ban diesel cars in 2028")
    #expect(work.checkedOn?.iso == "2021-11-05")
    #expect(work.reporters == ["Ivo Marek"])
    #expect(work.publisher == "Shapes Check")
    #expect(work.ratingScale == RatingScale(value: 4, worst: 1, best: 5))
    // Entities, markup and \r\n cleaned; dateModified when datePublished is missing.
    let entities = try #require(byURL["https://shapes.example/entities"])
    #expect(entities.question == "Mayor Rusk's \"new\" budget cuts school meals by half")
    #expect(
      entities.summaries.first.map { document.body(of: $0) }
        == "Partly.\nThe budget cuts the free meals programme by a third, not half.")
    #expect(entities.checkedOn?.iso == "2022-02-01")
    #expect(entities.dateSource == .dateModified)
    #expect(entities.publisher == "Shapes Check")
    #expect(entities.reporters == ["Ada Winn"])
    #expect(entities.rating == "Half True")
    // DataFeed items as a list and as an object.
    for url in [
      "https://shapes.example/feed-1", "https://shapes.example/feed-2",
      "https://shapes.example/feed-3",
    ] {
      #expect(byURL[url] != nil, "\(url)")
    }
    // The reviewed item and the rating each written as a list of one.
    let lists = try #require(byURL["https://shapes.example/lists"])
    #expect(lists.rating == "Mostly true")
    #expect(lists.ratingScale == RatingScale(value: 4, worst: 1, best: 5))
    #expect(
      lists.claimOrigin
        == ClaimOrigin(
          claimant: "Mayor Ilse Varn", appearances: ["https://vellan.example/news/market-days"]))
  }

  /// JSON-LD as RDF tools write it: expanded (every term a full IRI, every value a list of
  /// value objects), or compact with a prefix the context binds to schema.org.
  @Test func expandedAndPrefixedJSONLDRead() throws {
    let expanded = try parse("expanded-form.json")
    #expect(expanded.skipped.isEmpty, "\(expanded.skipped)")
    let kilns = try #require(expanded.articles.first)
    #expect(kilns.question == "The Orlen lime kilns will reopen to burn waste plastic.")
    #expect(kilns.titleURL == "https://quarry-check.example/checks/lime-kilns")
    #expect(kilns.checkedOn?.iso == "2026-03-14")
    #expect(kilns.reporters == ["Mira Lenk"])
    #expect(kilns.publisher == "Quarry Check")
    #expect(kilns.rating == "False")
    #expect(kilns.ratingScale == RatingScale(value: 1, worst: 1, best: 5))
    #expect(
      kilns.summaries.first.map { expanded.body(of: $0) }
        == "The kilns' permit covers lime only; no application to burn waste has been filed.")
    let gravel = try #require(expanded.articles.last)
    #expect(gravel.question == "Orlen county doubled its gravel tax in 2025.")
    #expect(gravel.checkedOn?.iso == "2026-03-20")
    #expect(gravel.dateSource == .dateModified)
    #expect(gravel.publisher == "Quarry Check")
    #expect(gravel.rating == "Mostly true")

    let prefixed = try parse("prefixed-terms.json")
    #expect(
      prefixed.articles.map(\.question) == [
        "La navette du lac sera gratuite dès l'été 2026.",
        "Le pont-levant de Vessy sera démoli en 2027.",
      ])
    #expect(prefixed.articles.map(\.rating) == ["Trompeur", "Faux"])
    #expect(prefixed.articles.map(\.publisher) == ["Lakeside Vérifie", "Lakeside Vérifie"])
    #expect(prefixed.articles.map { $0.checkedOn?.iso } == ["2026-05-02", "2026-05-09"])
    #expect(prefixed.articles.first?.language == "fr")
  }

  /// Who made the claim, when, and where it appeared: a Claim as Google's documentation
  /// writes it, a CreativeWork of ClaimReview's first years, the Fact Check Tools API.
  @Test func theReviewsAddressLosesOnlyItsSharingParameters() throws {
    let json = """
      {"@context": "https://schema.org", "@type": "ClaimReview",
       "url": "https://checks.example/ferry-fares?utm_source=twitter&utm_medium=social&id=7",
       "claimReviewed": "Ferry fares doubled after the storm season",
       "datePublished": "2026-03-01", "reviewRating": {"@type": "Rating", "alternateName": "False"}}
      """
    let document = try ClaimReviewImporter.parse(Array(json.utf8))
    #expect(document.articles.map(\.titleURL) == ["https://checks.example/ferry-fares?id=7"])
  }

  @Test func theClaimsOriginIsRead() throws {
    let document = try parse("claim-origins.json")
    let origins = document.articles.map(\.claimOrigin)
    #expect(
      origins[0]
        == ClaimOrigin(
          claimant: "Brennick Residents' Forum", date: Day(year: 2026, month: 9, day: 9),
          appearances: [
            "https://forum.brennick.example/t/storm-damage/4411",
            "https://brennick-gazette.example/opinion/the-wall-is-gone",
            "https://social.example/brennickwatch/status/7781",
          ], firstIsNamed: true))
    // The CreativeWork's own address is where the claim was made.
    #expect(
      origins[1]
        == ClaimOrigin(
          claimant: "Councillor Ada Penhale", date: Day(year: 2017, month: 4, day: 28),
          appearances: ["https://brennick-gazette.example/2017/04/28/harbour-dues-debate"]))
    // Several claimants, each once; a date that is none; addresses that are not web
    // addresses and the review's own address left out.
    #expect(
      origins[2]
        == ClaimOrigin(
          claimant: "Tom Reske, Lina Osk", appearances: ["https://video.example/watch?v=ferry01"]))
    // The Fact Check Tools API's claimant and claimDate.
    let api = try parse("google-api-response.json").articles.map(\.claimOrigin)
    #expect(
      api.first
        == ClaimOrigin(claimant: "Social media posts", date: Day(year: 2026, month: 4, day: 2)))
    // A review without an item says nothing of its claim.
    #expect(try parse("review-array.json").articles.allSatisfy { $0.claimOrigin == ClaimOrigin() })
  }

  /// A date that cannot exist is an error that skips its review; a date the archive cannot
  /// read (day and month either way, a CMS's empty date) is passed over with a warning, and
  /// the review's next date, its page's date or the date its text implies stands in.
  @Test func aDateThatCannotBeReadIsPassedOverWithAWarning() throws {
    func review(_ claim: String, _ dates: String, body: String = "") -> String {
      "{\"@type\": \"ClaimReview\", \"claimReviewed\": \"\(claim)\", \(dates), "
        + "\"reviewBody\": \"\(body)\", \"author\": {\"@type\": \"Organization\", \"name\": \"D\"}}"
    }
    let json =
      "["
      + [
        review("Slash", "\"datePublished\": \"06/11/2023\", \"dateModified\": \"2023-11-07\""),
        review(
          "Empty", "\"datePublished\": \"0000-00-00 00:00:00\"",
          body: "Checked against the 4 March 2024 minutes."),
        review("Impossible", "\"datePublished\": \"2026-02-30\""),
        review("Words", "\"datePublished\": \"last Tuesday\""),
      ].joined(separator: ",") + "]"
    let document = try ClaimReviewImporter.parse(Array(json.utf8))
    #expect(
      document.articles.map { [$0.question, $0.checkedOn?.iso, $0.checkedOnInferred?.iso] } == [
        ["Slash", "2023-11-07", nil], ["Empty", nil, "2024-03-04"], ["Words", nil, nil],
      ])
    #expect(document.articles.first?.dateSource == .dateModified)
    #expect(
      document.warnings.map(\.message) == [
        "entry 1 of 4: datePublished is not a date it can read, passed over: 06/11/2023",
        "entry 2 of 4: datePublished is not a date it can read, passed over: 0000-00-00 00:00:00",
        "entry 4 of 4: datePublished is not a date it can read, passed over: last Tuesday",
      ])
    #expect(
      document.skipped.map(\.message) == ["entry 3 of 4: datePublished is not a date: 2026-02-30"])

    // On a page, the page's own date stands in.
    let page = """
      <html><head><title>T</title>
      <meta property="article:published_time" content="2023-11-08T10:00:00Z">
      <script type="application/ld+json">\(review("On a page", "\"datePublished\": \"06/11/2023\""))</script>
      </head><body><article><h1>On a page</h1><p>The article's one paragraph, long enough to
      be read as the article, with commas, words, and a sentence.</p></article></body></html>
      """
    let read = try DocumentParser.parse(Array(page.utf8), format: .text, options: .init())
    #expect(read.articles.map { $0.checkedOn?.iso } == ["2023-11-08"])
    #expect(read.articles.first?.dateSource == .page)
    #expect(
      read.warnings.map(\.message) == [
        "entry 1 of 1: datePublished is not a date it can read, passed over: 06/11/2023"
      ])
  }

  @Test func aReporterIsNeverThePublisher() throws {
    let json = """
      {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "X closed the port",
       "datePublished": "2026-01-02", "author": {"@type": "Person", "name": "Rui Sousa"},
       "reviewRating": {"alternateName": "False"}}
      """
    let document = try ClaimReviewImporter.parse(Array(json.utf8))
    #expect(document.articles.first?.publisher == nil)
    #expect(document.articles.first?.reporters == ["Rui Sousa"])
  }
}

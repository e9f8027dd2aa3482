import FactArchiveCore
import FactArchiveWebPage
import Foundation
import Testing

/// Reviews written as microdata or RDFa reach the ClaimReview reader as the JSON-LD they
/// stand for (`WebPage.jsonLD`); other items do not.
@Suite struct EmbeddedItemsTests {
  func objects(_ body: String) throws -> [[String: Any]] {
    let page = try WebPage(
      Array("<!DOCTYPE html><html><head><title>t</title></head><body>\(body)</body></html>".utf8))
    return try page.jsonLD.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
    }
  }

  @Test func microdataFollowsTheSpecificationsValueRules() throws {
    let found = try objects(
      """
      <aside><div itemscope itemtype="https://schema.org/Review https://schema.org/ClaimReview">
        <meta itemprop="datePublished" content="2026-06-24">
        <a itemprop="url sameAs" href="https://checks.example/a">link</a>
        <span itemprop="claimReviewed">  The fare
          doubled  </span>
        <time itemprop="dateModified" datetime="2026-06-25">25 June</time>
        <div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">
          <data itemprop="ratingValue" value="1">one</data>
          <span itemprop="alternateName">False</span></div>
        <div itemprop="author" itemscope itemtype="https://schema.org/Person">
          <span itemprop="name">Ana</span></div>
        <div itemprop="author" itemscope itemtype="https://schema.org/Person">
          <span itemprop="name">Ben</span></div>
        <div itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Not
          a property of the review</span></div>
      </div></aside>
      """)
    #expect(found.count == 1)
    let review = try #require(found.first)
    #expect(review["@type"] as? [String] == ["Review", "ClaimReview"])
    #expect(review["datePublished"] as? String == "2026-06-24")
    #expect(review["url"] as? String == "https://checks.example/a")
    #expect(review["sameAs"] as? String == "https://checks.example/a")
    #expect(review["claimReviewed"] as? String == "The fare doubled")
    #expect(review["dateModified"] as? String == "2026-06-25")
    let rating = try #require(review["reviewRating"] as? [String: Any])
    #expect(rating["@type"] as? String == "Rating")
    #expect(rating["ratingValue"] as? String == "1")
    #expect(rating["alternateName"] as? String == "False")
    let authors = try #require(review["author"] as? [[String: Any]])
    #expect(authors.compactMap { $0["name"] as? String } == ["Ana", "Ben"])
    #expect(review["name"] == nil)
  }

  @Test func rdfaLiteContentWinsAndPrefixesAreDropped() throws {
    let found = try objects(
      """
      <div vocab="https://schema.org/" typeof="schema:ClaimReview">
        <span property="claimReviewed" content="The harbour closes">The harbour…</span>
        <div property="reviewRating" typeof="Rating">
          <span property="alternateName">Mostly false</span></div>
      </div>
      """)
    let review = try #require(found.first)
    #expect(review["@type"] as? String == "ClaimReview")
    #expect(review["claimReviewed"] as? String == "The harbour closes")
    #expect(
      (review["reviewRating"] as? [String: Any])?["alternateName"] as? String == "Mostly false")
  }

  @Test func itemsThatAreNotReviewsAreLeftToTheMetadataReader() throws {
    let found = try objects(
      """
      <article itemscope itemtype="https://schema.org/NewsArticle">
        <h1 itemprop="headline">A story</h1>
        <span itemprop="author" itemscope itemtype="https://schema.org/Person">
          <span itemprop="name">Ana</span></span></article>
      """)
    #expect(found.isEmpty)
  }

  @Test func deeplyNestedItemsStopAtALimit() throws {
    let depth = 200
    let nested =
      String(
        repeating: "<div itemprop=\"item\" itemscope itemtype=\"https://schema.org/Thing\">",
        count: depth)
      + "x" + String(repeating: "</div>", count: depth)
    let found = try objects(
      "<div itemscope itemtype=\"https://schema.org/ClaimReview\">\(nested)</div>")
    var level = try #require(found.first)
    var levels = 0
    while let next = level["item"] as? [String: Any] {
      level = next
      levels += 1
    }
    #expect(levels > 0 && levels <= 12)
  }
}

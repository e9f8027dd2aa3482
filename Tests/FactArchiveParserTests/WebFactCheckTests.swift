import FactArchiveCore
import FactArchiveParser
import Foundation
import TestSupport
import Testing

/// Other publishers' fact-check pages (`Fixtures/pages/*factcheck-*.html`, and one saved by
/// Chrome as an MHTML archive, `.mhtml`): each ClaimReview
/// becomes a check with the page's article — its summary, sections by headings and the
/// links of its text as citations — as the page's `.expected.json` says.
@Suite struct WebFactCheckTests {
  struct Expected: Decodable {
    var title: String
    struct FactCheck: Decodable {
      var question: String
      var publisher: String
      var reporters: [String]
      var rating: String
      var checkedOn: String
      var dateSource: String?
      var summary: String
      var sections: [String?]
      var citations: [String]

      enum CodingKeys: String, CodingKey {
        case question, publisher, reporters, rating, summary, sections, citations
        case checkedOn = "checked_on"
        case dateSource = "date_source"
      }
    }
    var factCheck: FactCheck
    enum CodingKeys: String, CodingKey {
      case title
      case factCheck = "fact_check"
    }
  }

  static let pages: [String] = {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("pages").path)) ?? []
    return names.filter {
      $0.contains("factcheck-") && ($0.hasSuffix(".html") || $0.hasSuffix(".mhtml"))
    }.sorted()
  }()

  @Test func thereIsOnePageInEachOfSixLanguagesOrMore() {
    #expect(Self.pages.count >= 6)
  }

  @Test(arguments: pages)
  func aPublishersPageIsAFactCheckWithItsArticle(_ file: String) throws {
    let bytes = try TestPaths.bytes(TestPaths.fixture("pages/\(file)"))
    let name = file.split(separator: ".").dropLast().joined(separator: ".")
    let expected = try JSONDecoder().decode(
      Expected.self,
      from: Data(try TestPaths.bytes(TestPaths.fixture("pages/\(name).expected.json"))))
    let document = try DocumentParser.parse(bytes, format: .text, options: .init())
    #expect(document.mediaType == (file.hasSuffix(".mhtml") ? .mhtml : .html))
    #expect(document.bytes == bytes, "the document is the file as read")
    let check = try #require(document.articles.first)
    let want = expected.factCheck
    #expect(check.question == want.question)
    #expect(check.headline == expected.title)
    #expect(check.publisher == want.publisher)
    #expect(check.reporters == want.reporters)
    #expect(check.rating == want.rating)
    #expect(check.checkedOn?.iso == want.checkedOn)
    #expect(check.dateSource?.rawValue == (want.dateSource ?? "date_published"))
    let summary = try #require(check.summaries.first)
    #expect(document.body(of: summary) == want.summary)
    #expect(check.summaries.dropFirst().map(\.heading) == want.sections)
    #expect(check.references.map(\.url) == want.citations)
    // Each link is a citation: its anchor is in its sentence, and its number is its URL's.
    let citations = check.summaries.flatMap { part in part.citations.map { (part, $0) } }
    #expect(Set(citations.map(\.1.refNumber)) == Set(check.references.map(\.refNumber)))
    for (part, citation) in citations {
      let sentence = document.sentence(of: citation, in: part)
      let anchor = try #require(citation.anchorText)
      #expect(sentence.contains(anchor), "\(anchor) not in \(sentence)")
      let body = Array(document.body(of: part).unicodeScalars)
      #expect(
        String(
          String.UnicodeScalarView(
            body[citation.markerStart...].prefix(anchor.unicodeScalars.count))) == anchor)
    }
  }

  /// A page without a summary box whose article opens with a short label: the label is
  /// passed over for the first paragraph, and stays in the text.
  @Test(arguments: ["Our verdict: Misleading", "Rating: Half true", "Fact check"])
  func aLabelAtTheArticlesStartIsNotItsSummary(_ label: String) throws {
    let page = """
      <html><head><title>Did the harbour fee double?</title>
      <script type="application/ld+json">{"@type": "ClaimReview", "datePublished": "2026-03-02",
      "claimReviewed": "The harbour fee doubled this year.", "author": {"name": "Bay Checks"},
      "reviewRating": {"alternateName": "Misleading"}}</script></head>
      <body><article><h1>Did the harbour fee double?</h1>
      <p class="rating">\(label)</p>
      <p>A post says the harbour fee doubled this year. The council's tariff shows a rise of a
      tenth, and only for boats longer than ten metres.</p>
      <h2>What the tariff says</h2>
      <p>The fee for a boat of eight metres stays at 410 crowns a year, as it was in 2025.</p>
      </article></body></html>
      """
    let document = try DocumentParser.parse(Array(page.utf8), format: .text, options: .init())
    let check = try #require(document.articles.first)
    let summary = try #require(check.summaries.first)
    #expect(document.body(of: summary).hasPrefix("A post says the harbour fee doubled"))
    let sections = check.summaries.dropFirst().map { document.body(of: $0) }
    #expect(sections.first == label)
    #expect(
      sections.last
        == "The fee for a boat of eight metres stays at 410 crowns a year, as it was in 2025.")
  }

  /// A first paragraph that is a sentence stays the summary however short.
  @Test func aShortSentenceAtTheArticlesStartIsStillItsSummary() throws {
    let page = """
      <html><head><script type="application/ld+json">{"@type": "ClaimReview",
      "datePublished": "2026-03-02", "claimReviewed": "The harbour fee doubled this year.",
      "author": {"name": "Bay Checks"}, "reviewRating": {"alternateName": "False"}}</script>
      </head><body><article><h1>Did the harbour fee double?</h1>
      <p>No, it rose by a tenth.</p>
      <p>The council's tariff for 2026 shows a rise of a tenth, and only for long boats.</p>
      </article></body></html>
      """
    let document = try DocumentParser.parse(Array(page.utf8), format: .text, options: .init())
    let check = try #require(document.articles.first)
    let summary = try #require(check.summaries.first)
    #expect(document.body(of: summary) == "No, it rose by a tenth.")
  }
}

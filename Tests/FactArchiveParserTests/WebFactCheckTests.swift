import FactArchiveCore
import FactArchiveParser
import Foundation
import TestSupport
import Testing

/// Other publishers' fact-check pages (`Fixtures/pages/*factcheck-*.html`): each ClaimReview
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
    return names.filter { $0.contains("factcheck-") && $0.hasSuffix(".html") }
      .map { String($0.dropLast(5)) }.sorted()
  }()

  @Test func thereIsOnePageInEachOfSixLanguagesOrMore() {
    #expect(Self.pages.count >= 6)
  }

  @Test(arguments: pages)
  func aPublishersPageIsAFactCheckWithItsArticle(_ name: String) throws {
    let bytes = try TestPaths.bytes(TestPaths.fixture("pages/\(name).html"))
    let expected = try JSONDecoder().decode(
      Expected.self,
      from: Data(try TestPaths.bytes(TestPaths.fixture("pages/\(name).expected.json"))))
    let document = try DocumentParser.parse(bytes, format: .text, options: .init())
    #expect(document.mediaType == .html)
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
}

import FactArchiveCore
import FactArchiveParser
import TestSupport
import Testing

/// The two Factually seeds in ../shared/seeds, parsed exactly.
@Suite(
  .enabled(
    if: Requirement.met(TestPaths.sharedAvailable), "../shared/seeds not found: seed tests skipped")
)
struct SeedParsingTests {
  @Test func seed000() throws {
    let url = try #require(TestPaths.seed("000_"))
    let document = try ArticleParser.parse(try TestPaths.bytes(url))
    let article = try #require(document.articles.first)
    #expect(document.articles.count == 1)
    #expect(
      article.question
        == "How do criminal groups in Venezuela collaborate with Mexican cartels for US trafficking?"
    )
    #expect(article.checkedOn == Day(iso: "2025-12-03"))
    #expect(article.sectionCount == 7)
    #expect(article.citationCount == 28)
    #expect(article.followUps.count == 5)
    #expect(!article.publisherFlaggedOutdated)
    #expect(article.summaries.first?.heading == "Executive summary")
    #expect(article.summaries.last?.heading == "Bottom line and open questions")
    #expect(article.disclaimer?.hasPrefix("Disclaimer: Factually can make mistakes.") == true)
    #expect(
      article.followUps.last
        == "What differences exist between Venezuelan groups’ cooperation with Mexican cartels versus direct partnerships with Colombian producers?"
    )
  }

  @Test func seed001() throws {
    let url = try #require(TestPaths.seed("001_"))
    let document = try ArticleParser.parse(try TestPaths.bytes(url))
    let article = try #require(document.articles.first)
    #expect(
      article.question
        == "Which Venezuelan organizations or criminal groups are implicated in fentanyl production and trafficking?"
    )
    #expect(article.checkedOn == Day(iso: "2025-12-20"))
    #expect(article.sectionCount == 5)
    #expect(article.citationCount == 23)
    #expect(article.followUps.count == 3)
    #expect(article.publisherFlaggedOutdated)
    #expect(article.summaries.map(\.position) == [0, 1, 2, 3, 4, 5])
  }

  @Test func citationSentencesAreWholeSentencesWithTheirMarkers() throws {
    let url = try #require(TestPaths.seed("000_"))
    let document = try ArticleParser.parse(try TestPaths.bytes(url))
    let article = try #require(document.articles.first)
    for summary in article.summaries {
      for citation in summary.citations {
        let sentence = document.sentence(of: citation, in: summary)
        #expect(sentence.contains("[\(citation.refNumber)]"), "\(sentence)")
        #expect(sentence.hasSuffix(".") || sentence.hasSuffix("]"), "\(sentence)")
      }
    }
    let bottom = try #require(article.summaries.last)
    #expect(
      document.sentence(of: bottom.citations[0], in: bottom).hasPrefix("U.S. authorities assert"))
  }
}

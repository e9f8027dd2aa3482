import FactArchiveCore
import FactArchiveParser
import Foundation
import TestSupport
import Testing

/// The details of the page variants that the fixture table does not show.
@Suite struct VariantDetailTests {
  func parse(_ path: String) throws -> (ParsedDocument, ParsedArticle) {
    let document = try ArticleParser.parse(try TestPaths.bytes(TestPaths.fixture(path)))
    return (document, try #require(document.articles.first))
  }

  @Test func oldLayoutHeadingsLoseNumbersColonsAndBold() throws {
    for path in [
      "articles/old-layout.txt", "articles/old-layout-colons.txt", "articles/old-layout-bold.txt",
      "articles/old-layout-repeated-heading.txt",
    ] {
      let (_, article) = try parse(path)
      #expect(
        article.summaries.map(\.heading) == [
          "Summary of the results", "Missing context/alternative viewpoints",
          "Potential misinformation/bias in the original statement",
        ], "\(path)")
    }
  }

  @Test func repeatedHeadingLinesAreNotBodyText() throws {
    let (document, article) = try parse("articles/old-layout-repeated-heading.txt")
    #expect(document.body(of: article.summaries[0]).hasPrefix("The Lunmark ferry union held"))
    #expect(document.body(of: article.summaries[1]).hasPrefix("  • Ferry services") == false)
    #expect(document.body(of: article.summaries[1]).hasPrefix("• Ferry services"))
  }

  @Test func bulletsNestedListsAndLabelLinesStayInTheBody() throws {
    let (document, article) = try parse("articles/old-layout-bold.txt")
    let body = document.body(of: article.summaries[1])
    #expect(body.hasPrefix("*Farmers' Response:\n- The farmers' union"))
    #expect(body.contains("\n    - Some members have asked for a subsidy scheme."))
    #expect(body.contains("\nKey dates:\n- February 4, 2025"))
  }

  @Test func executiveSummaryHeadingVariants() throws {
    let (quickDocument, quick) = try parse("articles/exec-quick-answer.txt")
    #expect(quick.summaries[0].heading == "Executive Summary — Quick Answer Up Front")
    #expect(quickDocument.body(of: quick.summaries[0]).hasPrefix("No. Valmora raised"))
    let (runInDocument, runIn) = try parse("articles/exec-run-in.txt")
    #expect(runIn.summaries[0].heading == "Executive Summary")
    #expect(runInDocument.body(of: runIn.summaries[0]).hasPrefix("The claim that Selmouth banned"))
    #expect(runIn.summaries[0].citations.count == 3)
    let (plainDocument, plain) = try parse("articles/no-exec-heading.txt")
    #expect(plain.summaries[0].heading == nil)
    #expect(plainDocument.body(of: plain.summaries[0]).hasPrefix("The Brenna Bridge operator"))
  }

  @Test func paragraphsWithoutBlankLinesStaySeparateLines() throws {
    let (document, article) = try parse("articles/no-exec-heading.txt")
    #expect(
      document.body(of: article.summaries[1])
        == "The operator filed its tariff request on November 14, 2025, citing higher maintenance costs after the 2024 resurfacing [1].\nIts request also keeps the commuter discount at 40 percent [1, 2]."
    )
  }

  @Test func chromeIsDroppedWhereverItAppears() throws {
    let (document, article) = try parse("articles/page-chrome.txt")
    let all = article.summaries.map { document.body(of: $0) }.joined() + article.followUps.joined()
    for chrome in [
      "Loading", "Keep Factually", "Whether you agree", "Reach out", "helpful?", "FAQ",
    ] {
      #expect(!all.contains(chrome), "\(chrome)")
    }
    #expect(
      document.body(of: article.summaries[1])
        == "The education committee's draft budget lists school meals at 11.2 million crowns for 2026 [1].\nThe committee says lower food prices explain part of the drop [2] [3]."
    )
    #expect(
      article.followUps == [
        "How are school meals funded in Hallen?", "What do school meals cost per child in Hallen?",
      ])
  }

  @Test func disclaimerInfoVariantAndBannerWithHelpfulLine() throws {
    let (_, article) = try parse("articles/exec-quick-answer.txt")
    #expect(article.disclaimer?.contains("important info or breaking news") == true)
    #expect(article.publisherFlaggedOutdated)
    let (_, runIn) = try parse("articles/exec-run-in.txt")
    #expect(runIn.disclaimer == nil)
  }

  @Test func referenceListsGiveURLsAndDomains() throws {
    let (_, bracketed) = try parse("articles/references-bracketed.txt")
    #expect(bracketed.references.map(\.refNumber) == [1, 2, 3])
    #expect(
      bracketed.references.map(\.domain) == [
        "halden-port.example", "statistics.example.org", "news.example.com",
      ])
    let (_, numbered) = try parse("articles/references-numbered.txt")
    #expect(numbered.references.first?.url == "https://transport.estmark.example/tolls/lorries")
    let (_, bare) = try parse("articles/references-bare-urls.txt")
    #expect(bare.references.map(\.refNumber) == [1, 2])
    // A title link pasted with Google's redirect around it leads to the page.
    let titled = try TestPaths.bytes(TestPaths.fixture("articles/title-markdown-link.txt"))
    let page = "https://factually.co/fact-checks/health/sarnel-fenrix-inhaler-recall-3f2a"
    let wrapped = String(decoding: titled, as: UTF8.self).replacingOccurrences(
      of: "(\(page))", with: "(https://www.google.com/url?q=\(page)&sa=D&source=editors)")
    #expect(try ArticleParser.parse(Array(wrapped.utf8)).articles.first?.titleURL == page)
    // The second was pasted from a Google Doc with Google's redirect around it.
    #expect(bare.references.map(\.domain) == ["coastal-energy.example", "birdwatch.example.org"])
    #expect(bare.unparsed == nil)
  }

  @Test func truncatedCopyKeepsWhatIsThereAndDropsTheCutMarker() throws {
    let (document, article) = try parse("articles/truncated.txt")
    #expect(article.truncated)
    #expect(document.body(of: article.summaries[1]).hasSuffix("as reported in [4"))
    #expect(!article.summaries.flatMap(\.citations).contains { $0.refNumber == 4 })
  }

  @Test func lineEndingsBOMAndNoBreakSpaces() throws {
    let (document, article) = try parse("articles/crlf-bom-nbsp.txt")
    #expect(article.question.first == "D")
    #expect(document.body(of: article.summaries[0]).contains("“a return to normal”"))
    let (crDocument, cr) = try parse("articles/cr-line-endings.txt")
    #expect(crDocument.body(of: cr.summaries[1]).hasPrefix("Members on the standard tariff"))
  }

  @Test func textBeforeTheExecutiveSummaryIsKeptAsUnparsed() throws {
    let page =
      "A question?\n\nChecked on May 1, 2026\n\nStray teaser line.\n\nExecutive summary\n\nThe answer [1].\n"
    let article = try #require(try ArticleParser.parse(Array(page.utf8)).articles.first)
    #expect(article.unparsed == "Stray teaser line.")
    #expect(article.summaries.count == 1)
  }

  @Test func pageWithNoHeadingsKeepsTheRestAsUnparsed() throws {
    let page =
      "A question?\n\nChecked on May 1, 2026\n\nFirst paragraph [1].\n\nSecond paragraph.\n"
    let article = try #require(
      try ArticleParser.parse(Array(page.utf8), options: .init(kind: .factCheck)).articles.first)
    #expect(article.summaries.count == 1)
    #expect(article.unparsed == "Second paragraph.")
  }

  @Test func inferredDatesIgnoreURLsAndTheFuture() throws {
    let page = """
      Is the Dravia tender still open?

      Executive summary

      Bids closed on April 20, 2025 [1]; a report is due December 1, 2030. See https://x.example/2029-01-01/notice [2].
      """
    let options = ArticleParser.Options(kind: .auto, latestPlausibleDay: Day(iso: "2026-11-23"))
    let article = try #require(
      try ArticleParser.parse(Array(page.utf8), options: options).articles.first)
    #expect(article.checkedOn == nil)
    #expect(article.checkedOnInferred == Day(iso: "2025-04-20"))
  }

  @Test func factCheckPrefixWordsAreNotAlwaysAPrefix() throws {
    let page =
      "Fact checking groups in Lunmark: are they funded by the state?\n\nChecked on May 1, 2026\n\nExecutive summary\n\nNo [1].\n"
    let article = try #require(try ArticleParser.parse(Array(page.utf8)).articles.first)
    #expect(article.question == "Fact checking groups in Lunmark: are they funded by the state?")
  }
}

import FactArchiveCore
import FactArchiveParser
import Foundation
import TestSupport
import Testing

/// Pages saved from a browser: read with libxml2 into the text the page reader knows.
@Suite struct HTMLReadingTests {
  static let options = ArticleParser.Options(latestPlausibleDay: Day(iso: "2026-12-01"))

  func parse(_ path: String, format: DocumentFormat = .text) throws -> ParsedDocument {
    try DocumentParser.parse(
      try TestPaths.bytes(TestPaths.fixture(path)), format: format, options: Self.options)
  }

  func parse(html: String) throws(ParseError) -> ParsedDocument {
    try DocumentParser.parse(Array(html.utf8), format: .text, options: Self.options)
  }

  /// Everything a check is made of, as comparable lines.
  static func parts(_ document: ParsedDocument) -> [String] {
    document.articles.flatMap { article in
      var lines = [
        "question \(article.question)", "checked \(article.checkedOn?.iso ?? "-")",
        "inferred \(article.checkedOnInferred?.iso ?? "-")",
        "disclaimer \(article.disclaimer ?? "-")", "banner \(article.publisherFlaggedOutdated)",
        "truncated \(article.truncated)", "unparsed \(article.unparsed ?? "-")",
      ]
      for summary in article.summaries {
        lines.append("summary \(summary.position) \(summary.heading ?? "-")")
        lines.append("body \(document.body(of: summary))")
        for citation in summary.citations {
          lines.append(
            "cites [\(citation.refNumber)] at \(citation.markerStart): "
              + document.sentence(of: citation, in: summary))
        }
      }
      lines += article.followUps.map { "follow-up \($0)" }
      lines += article.references.map { "reference [\($0.refNumber)] \($0.url)" }
      return lines
    }
  }

  @Test func theSameArticleSavedAsTextAndAsHTMLGivesTheSameParts() throws {
    let text = try parse("articles/ferry-fares.txt")
    let html = try parse("html/ferry-fares.html")
    #expect(html.mediaType == .html)
    #expect(text.mediaType == .plainText)
    #expect(Self.parts(html) == Self.parts(text))
    #expect(Self.parts(html).count > 20)
  }

  @Test func aCompleteSaveReadsTheArticleNotThePage() throws {
    let document = try parse("html/complete-save/dredging-permits.html")
    let article = try #require(document.articles.first)
    #expect(article.question == "Has Pellmar suspended all harbour dredging permits?")
    // "Checked on <time datetime="2026-03-14">14 March</time>": the machine-readable date.
    #expect(article.checkedOn?.iso == "2026-03-14")
    #expect(article.publisherFlaggedOutdated)
    #expect(article.disclaimer?.hasPrefix("Disclaimer: Factually can make mistakes") == true)
    #expect(article.sectionCount == 3)
    #expect(article.citationCount == 9)
    #expect(
      article.followUps == [
        "What did Pellmar’s sediment tests find in the Vell harbour?",
        "How long did earlier dredging reviews in Pellmar take?",
      ])
    let bodies = article.summaries.map { document.body(of: $0) }.joined(separator: "\n")
    // Inline elements stay in their sentence; entities are decoded.
    #expect(bodies.contains("Pellmar’s environment ministry paused new dredging permits"))
    #expect(bodies.contains("The claim that all permits were suspended overstates the pause."))
    #expect(bodies.contains("“within the year”"))
    for chrome in ["Menu", "Topics", "Keep Factually", "Donate", "window.", "Privacy", "{"] {
      #expect(!bodies.contains(chrome), "\(chrome)")
    }
    #expect(article.unparsed == nil)
  }

  /// A page saved from the Wayback Machine lands as a source at the address it copied.
  @Test func aWaybackCaptureBecomesASourceAtItsOriginalAddress() throws {
    let source = try #require(try parse("html/wayback-capture.html").source)
    #expect(source.url == "https://www.tidewatch.example/fact-check/brask-tram-cost/")
    #expect(source.publishedOn?.iso == "2026-03-11")
    #expect(source.body.hasPrefix("A post shared widely this week"))
    #expect(source.links.first?.url == "https://brask-council.example/transport/tram-budget-2026")
  }

  @Test func aNewsPageBecomesASourceWithItsMetadata() throws {
    let document = try parse("html/news-source.html")
    let source = try #require(document.source)
    #expect(document.articles.isEmpty)
    #expect(
      source.title == "Ostra harbour dredging to resume after sediment review clears two basins")
    // A web page's byline is its authors' names; its links are those of its main text, not
    // the author's profile in the byline or the related list beside it.
    #expect(source.byline == "Jonas Feldt")
    #expect(source.publishedOn?.iso == "2026-09-22")
    #expect(source.label == "Coastal Desk")
    #expect(source.url == "https://coastaldesk.example/2026/09/22/ostra-dredging-resumes")
    #expect(source.language == "en-GB")
    #expect(
      source.links.map(\.url) == [
        "https://environment.pellmar.example/sediment-review-2026",
        "https://www.ostra-port.example/news/dredging-2026",
      ])
    #expect(source.body.hasPrefix("Pellmar’s environment ministry said on Monday"))
    for chrome in ["We use cookies", "Related", "Ports", "©", "ads.example", "A dredger"] {
      #expect(!source.body.contains(chrome), "\(chrome)")
    }
  }

  /// Each publisher page with ClaimReview, and the checks it gives.
  static let claimReviewPages:
    [(path: String, checks: [(question: String, day: String, publisher: String, rating: String?)])] =
      [
        (
          "html/claimreview/object-number-rating.html",
          [("Ostervik has closed its last public swimming pool.", "2026-04-02", "Fjord Facts", "1")]
        ),
        (
          "html/claimreview/array-string-rating.html",
          [
            (
              "The Brask tram extension will cost 900 million crowns.", "2026-05-18", "Rail Check",
              "Mostly true"
            ),
            ("Brask's tram extension will open in 2027.", "2026-05-18", "Rail Check", "2.5"),
          ]
        ),
        (
          "html/claimreview/graph-author-id.html",
          [
            (
              "Harlund's water utility started adding fluoride to tap water in 2026.", "2026-06-09",
              "Coastline Verify", "False"
            )
          ]
        ),
        (
          "html/claimreview/datafeed-headline.html",
          [
            (
              "The Merrow dam has been drained for inspection.", "2026-07-01", "Delta Desk",
              "Misleading"
            ),
            (
              "Sallow ferry route to be scrapped next spring", "2026-07-03", "Delta Desk",
              "Half true"
            ),
          ]
        ),
        (
          // JSON-LD a theme's template broke: comments, trailing commas, a line break in the
          // claim, two objects in one CDATA-wrapped script, a script escaped as an attribute,
          // quotes left unescaped inside a claim.
          "html/claimreview/template-damage.html",
          [
            (
              "Drivers will pay a toll on the Corrin ring road from January.", "2026-08-11",
              "Moorland Factcheck", "Mostly false"
            ),
            (
              "The Corrin ring road toll will fund a new bus depot.", "2026-08-11",
              "Moorland Factcheck", "Unproven"
            ),
            (
              "Lorries & vans will pay the same Corrin toll.", "2026-08-11", "Moorland Factcheck",
              "False"
            ),
            (
              "The council called the toll \"a done deal\", then dropped it.", "2026-08-11",
              "Moorland Factcheck", "False"
            ),
          ]
        ),
      ]

  @Test(arguments: [DocumentFormat.text, .claimReview])
  func publisherPagesGiveTheirClaimReviews(_ format: DocumentFormat) throws {
    for page in Self.claimReviewPages {
      let document = try parse(page.path, format: format)
      #expect(document.mediaType == .html)
      #expect(document.articles.count == page.checks.count, "\(page.path)")
      for (article, expected) in zip(document.articles, page.checks) {
        #expect(article.question == expected.question)
        #expect(article.checkedOn?.iso == expected.day)
        #expect(article.publisher == expected.publisher)
        #expect(article.rating == expected.rating)
        #expect(!article.summaries.isEmpty)
      }
    }
    let feed = try parse("html/claimreview/datafeed-headline.html", format: format)
    #expect(
      feed.skipped.map(\.message) == [
        "entry 3 of 3: claimReviewed is missing (and no itemReviewed name)"
      ])
  }

  @Test func aPageWithoutClaimReviewIsRefusedByTheImporter() throws {
    let error = try #require(throws: ParseError.self) {
      try parse("html/news-source.html", format: .claimReview)
    }
    #expect(error.message.hasPrefix("no ClaimReview in the page"))
  }

  @Test func htmlIsToldByItsContentNotItsName() throws {
    // A text copy whose title is written as a link is not a web page.
    let linked = try parse("articles/title-html-link.txt")
    #expect(linked.mediaType == .plainText)
    #expect(linked.articles.first?.question == "Did the mayor of Tallis double her own salary?")
    for start in ["<!DOCTYPE html>", "\u{FEFF}  <html>", "<!-- saved -->\n<html>", "<div>", "<P>"] {
      #expect(DocumentParser.mediaType(of: Array((start + "x").utf8), format: .text) == .html)
    }
    for start in ["<a href=\"x\">Q</a>", "<prelude", "Plain text", "{\"@type\": 1}"] {
      #expect(DocumentParser.mediaType(of: Array(start.utf8), format: .text) == .plainText)
    }
    #expect(DocumentParser.mediaType(of: Array("[]".utf8), format: .claimReview) == .jsonLD)
  }

  /// A page whose date is impossible, on its line 4.
  static let impossibleDatePage = """
    <!DOCTYPE html>
    <html><body>
    <h1>Did Pellam County close its last ferry pier?</h1>
    <p>Checked on February 30, 2025</p>
    <h2>Executive summary</h2>
    <p>It did [1].</p>
    </body></html>
    """

  /// A page whose date cannot be read, on its line 4; its article starts on line 2.
  static let unreadableDatePage = """
    <html><body>
    <h1>Did Pellam County close its last ferry pier?</h1>

    <p>Checked on <b>the third of Decembre</b></p>
    <h2>Executive summary</h2>
    <p>It closed on May 2, 2025 [1].</p>
    </body></html>
    """

  @Test func errorsNameTheLineOfTheHTML() throws {
    let error = try #require(throws: ParseError.self) { try parse(html: Self.impossibleDatePage) }
    #expect(error == ParseError(line: 4, "impossible date: February 30, 2025"))
  }

  @Test func aDateLineThatCannotBeReadIsAWarningOnItsLine() throws {
    let document = try parse(html: Self.unreadableDatePage)
    #expect(document.articles.first?.checkedOn == nil)
    #expect(document.articles.first?.checkedOnInferred?.iso == "2025-05-02")
    #expect(document.warnings.map(\.line) == [4])
    #expect(document.warnings.first?.message.hasPrefix("unrecognised date") == true)
  }

  @Test func hostileFixturesAreReadSensibly() throws {
    let expected: [(String, String, String)] = [
      (
        "html/hostile/misnested.html", "Did Vell's ferry operator cancel the winter timetable?",
        "2026-11-04"
      ),
      (
        "html/hostile/charset-says-latin1-is-utf8.html",
        "Did Björnvik’s council sell the Ålgrund marina?", "2026-08-12"
      ),
      (
        "html/hostile/charset-says-utf8-is-cp1252.html",
        "Did Måsvik close its café at the station?",
        "2026-08-13"
      ),
      ("html/hostile/utf16-le.html", "Did Tarnholm ban cars from its old town?", "2026-09-01"),
    ]
    for (path, question, day) in expected {
      let document = try parse(path)
      let article = try #require(document.articles.first, "\(path)")
      #expect(article.question == question)
      #expect(article.checkedOn?.iso == day)
      #expect(article.citationCount >= 2, "\(path)")
    }
    let cp1252 = try parse("html/hostile/charset-says-utf8-is-cp1252.html")
    let body = cp1252.articles.flatMap(\.summaries).map { cp1252.body(of: $0) }
    #expect(body.contains { $0.contains("station owner’s notice") })
    let misnested = try parse("html/hostile/misnested.html")
    #expect(
      misnested.articles.first?.followUps == [
        "Why did Vell's operator drop the late sailing?", "Will the summer timetable change too?",
      ])
  }

  @Test func nulBytesInAPageAreRefusedWithTheirLine() throws {
    let error = try #require(throws: ParseError.self) { try parse("bad/nul-bytes.html") }
    #expect(error == ParseError(line: 1, "binary file: NUL byte at offset 67"))
  }

  /// Every page in Fixtures/html is read by a test above.
  @Test func everyHTMLFixtureIsCovered() throws {
    let covered =
      Set(Self.claimReviewPages.map(\.path)).union([
        "html/ferry-fares.html", "html/complete-save/dredging-permits.html",
        "html/news-source.html", "html/wayback-capture.html", "html/hostile/misnested.html",
        "html/hostile/charset-says-latin1-is-utf8.html",
        "html/hostile/charset-says-utf8-is-cp1252.html", "html/hostile/utf16-le.html",
      ])
    let root = TestPaths.fixture("html")
    let walker = try #require(FileManager.default.enumerator(atPath: root.path))
    var pages: Set<String> = []
    for case let path as String in walker
    where path.hasSuffix(".html") && !path.contains("_files/") {
      pages.insert("html/" + path)
    }
    #expect(pages == covered)
  }
}

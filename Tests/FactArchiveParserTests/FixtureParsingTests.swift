import FactArchiveCore
import FactArchiveParser
import Foundation
import TestSupport
import Testing

/// Every article fixture with what the parser must find in it.
struct FixtureExpectation: Sendable, CustomTestStringConvertible {
  var path: String
  var question: String
  var checkedOn: String?
  var inferred: String? = nil
  var sections: Int
  var citations: Int
  var followUps: Int
  var banner = false
  var truncated = false
  var titleURL: String? = nil
  var references = 0
  var hasExecutiveSummary = true

  var testDescription: String { path }
}

@Suite struct FixtureParsingTests {
  static let expectations: [FixtureExpectation] = [
    .init(
      path: "articles/ferry-fares.txt",
      question:
        "Did the Calloway Harbour Authority double ferry fares after the 2025 storm season?",
      checkedOn: "2026-10-30", sections: 3, citations: 17, followUps: 3),
    .init(
      path: "articles/grain-quotas-2025.txt",
      question: "Is it true that Norvale suspended grain export quotas to Estmark?",
      checkedOn: "2025-06-14", sections: 3, citations: 11, followUps: 2, banner: true),
    .init(
      path: "articles/grain-quotas-2026.txt",
      question: "Is it true that Norvale suspended grain export quotas to Estmark?",
      checkedOn: "2026-09-02", sections: 3, citations: 10, followUps: 2),
    .init(
      path: "articles/wind-leases.txt",
      question: "Which companies won the Tallis Bay coastal wind leases?",
      checkedOn: "2026-02-10", sections: 3, citations: 11, followUps: 3),
    .init(
      path: "articles/old-layout.txt",
      question: "Did the Marrow Creek council sell the old tram depot to a private developer?",
      checkedOn: "2024-08-19", sections: 3, citations: 9, followUps: 0, hasExecutiveSummary: false),
    .init(
      path: "articles/old-layout-colons.txt",
      question: "Kessing Rail cut all night trains on the coastal line this winter",
      checkedOn: "2025-01-08", sections: 3, citations: 8, followUps: 0, hasExecutiveSummary: false),
    .init(
      path: "articles/old-layout-bold.txt", question: "Has Orrin Valley banned private wells?",
      checkedOn: "2025-03-12", sections: 3, citations: 7, followUps: 0, hasExecutiveSummary: false),
    .init(
      path: "articles/old-layout-repeated-heading.txt",
      question: "Did Lunmark's ferry union strike for three weeks in May?",
      checkedOn: "2025-06-02", sections: 3, citations: 6, followUps: 0, hasExecutiveSummary: false),
    .init(
      path: "articles/exec-quick-answer.txt",
      question: "Did Valmora raise tobacco excise by 40 percent in 2025?",
      checkedOn: "2025-12-03", sections: 2, citations: 7, followUps: 2, banner: true),
    .init(
      path: "articles/exec-run-in.txt", question: "DID THE PORT OF SELMOUTH BAN FOREING TRAWLERS?",
      checkedOn: "2025-12-03", sections: 2, citations: 8, followUps: 2),
    .init(
      path: "articles/no-exec-heading.txt",
      question: "Is the Brenna Bridge toll going up to 9 crowns?",
      checkedOn: "2025-12-03", sections: 3, citations: 7, followUps: 2),
    .init(
      path: "articles/undated.txt",
      question: "Are cobalt mining licences in Dravia being auctioned to one company?",
      checkedOn: nil, inferred: "2025-04-20", sections: 2, citations: 7, followUps: 2),
    .init(
      path: "articles/undated-no-dates.txt", question: "Has Vellan Province banned drone imports?",
      checkedOn: nil, sections: 0, citations: 1, followUps: 0),
    .init(
      path: "articles/title-markdown-link.txt",
      question: "Did the Sarnel health agency recall the Fenrix asthma inhaler?",
      checkedOn: "2025-09-09", sections: 1, citations: 3, followUps: 1,
      titleURL: "https://factually.co/fact-checks/health/sarnel-fenrix-inhaler-recall-3f2a"),
    .init(
      path: "articles/title-html-link.txt",
      question: "Did the mayor of Tallis double her own salary?",
      checkedOn: "2025-10-02", sections: 1, citations: 3, followUps: 1,
      titleURL: "https://factually.co/fact-checks/politics/tallis-mayor-salary-7c1e"),
    .init(
      path: "articles/title-bare-url.txt",
      question: "https://factually.co/fact-checks/environment/ostbay-salt-marsh-reclamation-91bd",
      checkedOn: "2025-07-21", sections: 1, citations: 3, followUps: 0,
      titleURL: "https://factually.co/fact-checks/environment/ostbay-salt-marsh-reclamation-91bd"),
    .init(
      path: "articles/non-english.txt",
      question: "¿Subió Valmora el precio del billete de tren un 30 por ciento?",
      checkedOn: "2026-05-05", sections: 2, citations: 5, followUps: 1),
    .init(
      path: "articles/page-chrome.txt", question: "Were Hallen's school meal budgets cut by half?",
      checkedOn: "2025-11-04", sections: 2, citations: 6, followUps: 2),
    .init(
      path: "articles/citation-forms.txt",
      question:
        "Did Corvale's customs office seize a record amount of counterfeit medicine in 2025?",
      checkedOn: "2026-02-02", sections: 2, citations: 19, followUps: 0),
    .init(
      path: "articles/truncated.txt",
      question: "Did Pellmar's fisheries league agree to cut the cod quota?",
      checkedOn: "2026-04-14", sections: 1, citations: 3, followUps: 0, truncated: true),
    .init(
      path: "articles/references-bracketed.txt",
      question: "Did Halden port handle more containers in 2025 than in 2024?",
      checkedOn: "2026-01-20", sections: 1, citations: 4, followUps: 1, references: 3),
    .init(
      path: "articles/references-numbered.txt",
      question: "Has Estmark started charging tolls on the coastal motorway?",
      checkedOn: "2026-03-30", sections: 2, citations: 5, followUps: 0, references: 3),
    .init(
      path: "articles/references-bare-urls.txt",
      question: "Did the Tallis Bay wind farm kill hundreds of seabirds in its first year?",
      checkedOn: "2026-06-18", sections: 1, citations: 3, followUps: 0, references: 2),
    .init(
      path: "articles/crlf-bom-nbsp.txt",
      question: "Did Norvale’s wheat exports fall by a third in 2025?",
      checkedOn: "2025-10-15", sections: 1, citations: 4, followUps: 1),
    .init(
      path: "articles/cr-line-endings.txt",
      question: "Did the Ardent Power Cooperative raise electricity prices in January?",
      checkedOn: "2026-02-16", sections: 1, citations: 3, followUps: 0),
    // The date line after the disclaimer and banner, with a colon, in markdown; and one
    // that cannot be read (a warning: the check keeps the date its text implies).
    .init(
      path: "articles/date-after-disclaimer.txt",
      question: "Did Corvale's transit board scrap night buses on the harbour line?",
      checkedOn: "2025-12-03", sections: 2, citations: 7, followUps: 2, banner: true),
    .init(
      path: "articles/date-with-colon.txt",
      question: "Has the Ostbay water board banned garden hoses this summer?",
      checkedOn: "2026-07-22", sections: 2, citations: 5, followUps: 1),
    .init(
      path: "articles/date-markdown-bold.txt",
      question: "Did Lindmark's library service close four branches?",
      checkedOn: "2025-12-03", sections: 2, citations: 4, followUps: 1),
    .init(
      path: "articles/date-unreadable.txt",
      question: "Did the Selmouth pier reopen after the spring storm?",
      checkedOn: nil, inferred: "2025-06-14", sections: 1, citations: 4, followUps: 1),
    .init(
      path: "articles/soft-hyphens.txt",
      question: "Did the Vellingham council approve a tram line to the airport?",
      checkedOn: "2026-10-14", sections: 2, citations: 5, followUps: 1),
  ]

  @Test(arguments: expectations)
  func parsesFixture(_ expected: FixtureExpectation) throws {
    let document = try ArticleParser.parse(try TestPaths.bytes(TestPaths.fixture(expected.path)))
    #expect(document.articles.count == 1)
    let article = try #require(document.articles.first)
    #expect(article.question == expected.question)
    #expect(article.checkedOn?.iso == expected.checkedOn)
    #expect(article.checkedOnInferred?.iso == expected.inferred)
    #expect(article.sectionCount == expected.sections)
    #expect(article.citationCount == expected.citations)
    #expect(article.followUps.count == expected.followUps)
    #expect(article.publisherFlaggedOutdated == expected.banner)
    #expect(article.truncated == expected.truncated)
    #expect(article.titleURL == expected.titleURL)
    #expect(article.references.count == expected.references)
    #expect((article.summaries.first?.position == 0) == expected.hasExecutiveSummary)
    #expect(article.disclaimer != nil || !expected.path.hasPrefix("articles/date-"))
    #expect(article.unparsed == nil || !expected.path.hasPrefix("articles/date-"))
    // Only a date line that cannot be read gives a warning, on its own line.
    #expect(
      document.warnings.map(\.line) == (expected.path == "articles/date-unreadable.txt" ? [2] : []))
  }

  /// Each file in Fixtures/bad/ and the error the parser gives it, with its line.
  static let badFixtures: [(String, Int?, String)] = [
    ("bad/empty.txt", 1, "empty file"),
    ("bad/binary.txt", 1, "binary file"),
    ("bad/invalid-utf8.txt", 7, "invalid UTF-8: byte 0xFF"),
    ("bad/impossible-date.txt", 3, "impossible date: February 30, 2025"),
    ("bad/missing-question.txt", 2, "missing question"),
    ("bad/bare-fact-check-title.txt", 1, "missing question: the title line is only 'Fact check'"),
    ("bad/listing-page.txt", 1, "not a fact-check article"),
    ("bad/no-article-text.txt", 4, "no article text after the question"),
  ]

  @Test(arguments: badFixtures)
  func rejectsBadFixture(_ path: String, _ line: Int?, _ message: String) throws {
    let bytes = try TestPaths.bytes(TestPaths.fixture(path))
    let error = try #require(throws: ParseError.self) { try ArticleParser.parse(bytes) }
    #expect(error.line == line)
    #expect(error.message.hasPrefix(message), "\(error)")
  }

  /// A browser's text copy keeps the soft hyphens a page's hyphenation put inside long
  /// words (and zero-width spaces, word joiners): the article reads as the same text without
  /// them, the raw bytes are kept as they were, and errors still name the original's lines
  /// and offsets.
  @Test func invisibleBreakHintsAreDroppedAndLinesKept() throws {
    let bytes = try TestPaths.bytes(TestPaths.fixture("articles/soft-hyphens.txt"))
    let hints: [Unicode.Scalar] = ["\u{AD}", "\u{200B}", "\u{2060}"]
    let plain = String(decoding: bytes, as: UTF8.self).unicodeScalars.filter {
      !hints.contains($0)
    }
    let withHints = try ArticleParser.parse(bytes)
    let without = try ArticleParser.parse(Array(String(String.UnicodeScalarView(plain)).utf8))
    // The same article, its bodies text of their own since they are no slice of the file.
    func texts(_ document: ParsedDocument) -> [String] {
      document.articles[0].summaries.map { document.body(of: $0) }
    }
    #expect(texts(withHints) == texts(without) && texts(withHints).count == 3)
    var detached = without
    detached.detachBodies()
    #expect(withHints.articles == detached.articles)
    #expect(withHints.bytes == bytes)
    #expect(withHints.articles[0].followUps == ["How much would a Vellingham airport tram cost?"])

    // An invalid byte after the hints: the offset in the file as it is, on its own line.
    var broken = bytes
    let index = try #require(broken.firstIndex(of: UInt8(ascii: "W")))
    broken[index] = 0xFF
    let error = try #require(throws: ParseError.self) { try ArticleParser.parse(broken) }
    #expect(error.message == "invalid UTF-8: byte 0xFF at offset \(index)")
    #expect(error.line == 8)
    // An impossible date below a line of hints keeps its line.
    let text = String(decoding: bytes, as: UTF8.self)
    let dated = text.replacingOccurrences(of: "October 14, 2026", with: "February 30, 2026")
    let dateError = try #require(throws: ParseError.self) {
      try ArticleParser.parse(Array(dated.utf8))
    }
    #expect(dateError.line == 2)
  }

  /// Files holding more than one article.
  static let multiArticle: [(String, [String])] = [
    ("articles/several-articles.txt", ["2026-05-12", "2026-05-14"]),
    ("articles/form-feed-separated.txt", ["2026-03-01", "2026-06-01"]),
  ]

  @Test(arguments: multiArticle)
  func splitsSeveralArticles(_ path: String, _ dates: [String]) throws {
    let document = try ArticleParser.parse(try TestPaths.bytes(TestPaths.fixture(path)))
    #expect(document.articles.map { $0.checkedOn?.iso ?? "" } == dates)
    #expect(document.articles.allSatisfy { !$0.summaries.isEmpty && !$0.truncated })
  }

  @Test func everyFixtureIsCovered() throws {
    let covered = Set(
      Self.expectations.map(\.path) + Self.badFixtures.map(\.0) + Self.multiArticle.map(\.0)
        + SourceParsingTests.fixtures.map(\.path))
    for folder in ["articles", "bad", "sources"] {
      let names = try FileManager.default.contentsOfDirectory(
        atPath: TestPaths.fixture(folder).path)
      for name in names where name.hasSuffix(".txt") {
        #expect(covered.contains("\(folder)/\(name)"), "no expectation for \(folder)/\(name)")
      }
    }
  }
}

import FactArchiveIngest
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// Every article fixture with what the parser must find in it.
struct FixtureExpectation: Sendable, CustomTestStringConvertible {
  var path: String
  var question: String
  var checkedOn: String?
  var sections: Int
  var citations: Int
  var followUps: Int
  var banner = false

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
  ]

  @Test(arguments: expectations)
  func parsesFixture(_ expected: FixtureExpectation) throws {
    let document = try ArticleParser.parse(try TestPaths.bytes(TestPaths.fixture(expected.path)))
    let article = try #require(document.articles.first)
    #expect(article.question == expected.question)
    #expect(article.checkedOn?.iso == expected.checkedOn)
    #expect(article.sectionCount == expected.sections)
    #expect(article.citationCount == expected.citations)
    #expect(article.followUps.count == expected.followUps)
    #expect(article.publisherFlaggedOutdated == expected.banner)
  }

  /// Each file in Fixtures/bad/ and the error the parser gives it, with its line.
  static let badFixtures: [(String, Int?, String)] = [
    ("bad/empty.txt", 1, "empty file"),
    ("bad/binary.txt", 1, "binary file"),
    ("bad/invalid-utf8.txt", 7, "invalid UTF-8: byte 0xFF"),
    ("bad/impossible-date.txt", 3, "impossible date: February 30, 2025"),
    ("bad/missing-question.txt", 2, "no question"),
    ("bad/no-check-date.txt", 3, "no 'Checked on <date>' line"),
  ]

  @Test(arguments: badFixtures)
  func rejectsBadFixture(_ path: String, _ line: Int?, _ message: String) throws {
    let bytes = try TestPaths.bytes(TestPaths.fixture(path))
    let error = try #require(throws: ParseError.self) { try ArticleParser.parse(bytes) }
    #expect(error.line == line)
    #expect(error.message.hasPrefix(message), "\(error)")
  }

  @Test func everyFixtureIsCovered() throws {
    let covered = Set(Self.expectations.map(\.path) + Self.badFixtures.map(\.0))
    for folder in ["articles", "bad"] {
      let names = try FileManager.default.contentsOfDirectory(
        atPath: TestPaths.fixture(folder).path)
      for name in names where name.hasSuffix(".txt") {
        #expect(covered.contains("\(folder)/\(name)"), "no expectation for \(folder)/\(name)")
      }
    }
  }
}

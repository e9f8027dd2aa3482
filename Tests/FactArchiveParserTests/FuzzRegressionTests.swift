import FactArchiveCore
import FactArchiveFuzzing
import FactArchiveParser
import Foundation
import TestSupport
import Testing

/// Every input a fuzzer ever stopped on is kept under `Fixtures/fuzz/<target>/` and replayed
/// here through the same properties the fuzz targets check, so a fixed bug stays fixed.
/// The seeds `make fuzz` starts from (the article and ClaimReview fixtures) are replayed too.
@Suite struct FuzzRegressionTests {
  static func files(_ folder: String, suffix: String? = nil) -> [String] {
    let url = TestPaths.fixture(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { suffix.map($0.hasSuffix) ?? !$0.hasPrefix(".") }.sorted()
      .map { "\(folder)/\($0)" }
  }

  static let articleInputs =
    files("fuzz/article-parser") + files("articles", suffix: ".txt") + files("bad", suffix: ".txt")
  static let claimReviewInputs =
    files("fuzz/claimreview") + files("claimreview", suffix: ".json")

  static let htmlInputs =
    files("fuzz/html-reader") + files("html", suffix: ".html")
    + files("html/claimreview", suffix: ".html") + files("html/complete-save", suffix: ".html")
    + files("html/hostile", suffix: ".html") + files("bad", suffix: ".html")

  @Test(arguments: htmlInputs)
  func htmlReaderPropertiesHold(_ path: String) throws {
    ParserProperties.htmlReader(try TestPaths.bytes(TestPaths.fixture(path)))
  }

  @Test func theFuzzFoldersHoldTheFoundCrashes() {
    #expect(
      Self.files("fuzz/article-parser").contains(
        "fuzz/article-parser/lone-carriage-returns-b48c2e58"))
    #expect(Self.claimReviewInputs.count >= 4)
  }

  @Test(arguments: articleInputs)
  func articleParserPropertiesHold(_ path: String) throws {
    ParserProperties.articleParser(try TestPaths.bytes(TestPaths.fixture(path)))
  }

  @Test(arguments: claimReviewInputs)
  func claimReviewPropertiesHold(_ path: String) throws {
    ParserProperties.claimReview(try TestPaths.bytes(TestPaths.fixture(path)))
  }

  /// The first crash `make fuzz` found: lone `\r` line ends (old Mac files) count as lines, so
  /// an error's line number may exceed the count of `\n`. The parser and the property agree.
  @Test func loneCarriageReturnsCountAsLines() throws {
    let bytes = try TestPaths.bytes(
      TestPaths.fixture("fuzz/article-parser/lone-carriage-returns-b48c2e58"))
    #expect(ParserProperties.lineCount(bytes) > bytes.count { $0 == 0x0A } + 1)
    #expect(ParserProperties.lineCount(Array("a\r\nb\rc\n".utf8)) == 4)
  }

  @Test func theClaimReviewFixturesImport() throws {
    var landed: [String: Int] = [:]
    var skipped: [String] = []
    for path in Self.files("claimreview", suffix: ".json") {
      let document = try ClaimReviewImporter.parse(try TestPaths.bytes(TestPaths.fixture(path)))
      landed[path] = document.articles.count
      skipped += document.skipped.map(\.message)
    }
    #expect(
      landed == [
        "claimreview/data-feed.json": 2, "claimreview/review-array.json": 2,
        "claimreview/single-review.json": 1, "claimreview/some-bad-entries.json": 1,
      ])
    #expect(
      skipped == [
        "entry 2 of 3: claimReviewed is missing (and no itemReviewed name)",
        "entry 3 of 3: datePublished is not a date: 2026-02-30",
      ])
  }
}

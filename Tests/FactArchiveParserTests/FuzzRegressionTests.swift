import FactArchiveCore
import FactArchiveFuzzing
import FactArchiveParser
import Foundation
import TestSupport
import Testing

/// Every input a fuzzer ever stopped on is kept under `Fixtures/fuzz/<target>/` and replayed
/// here through the same properties the fuzz targets check, so a fixed bug stays fixed.
/// Beside them, `seed-*` inputs start a fuzzer where its mutations would not reach by
/// themselves: MHTML archives (a MIME header, then parts) and a Safari web archive (a binary
/// property list), for the HTML reader.
/// The seeds `make fuzz` starts from (the article, ClaimReview and page fixtures) are
/// replayed too. Each input is a test case of its own, and a folder that is missing or
/// holds nothing fails `everyCorpusFolderHoldsInputs` rather than replaying nothing.
@Suite struct FuzzRegressionTests {
  /// The folders replayed, with the file names each contributes.
  static let folders: [(folder: String, suffix: String?)] = [
    ("fuzz/article-parser", nil), ("articles", ".txt"), ("bad", ".txt"),
    ("fuzz/claimreview", nil), ("claimreview", ".json"),
    ("fuzz/html-reader", nil), ("html", ".html"), ("html/claimreview", ".html"),
    ("html/complete-save", ".html"), ("html/hostile", ".html"), ("bad", ".html"),
    ("fuzz/feed-reader", nil), ("feeds", nil),
  ]

  static func files(_ folder: String, suffix: String? = nil) -> [String] {
    let url = TestPaths.fixture(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { suffix.map($0.hasSuffix) ?? !$0.hasPrefix(".") }.sorted()
      .map { "\(folder)/\($0)" }
  }

  @Test func everyCorpusFolderHoldsInputs() {
    for (folder, suffix) in Self.folders {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: TestPaths.fixture(folder).path, isDirectory: &isFolder)
      #expect(exists && isFolder.boolValue, "Fixtures/\(folder) is missing")
      #expect(
        !Self.files(folder, suffix: suffix).isEmpty,
        "Fixtures/\(folder) holds no \(suffix ?? "") inputs to replay")
    }
    #expect(Self.articleInputs.count >= 40)
    #expect(Self.claimReviewInputs.count >= 5)
    #expect(Self.htmlInputs.count >= 14)
  }

  static let articleInputs =
    files("fuzz/article-parser") + files("articles", suffix: ".txt") + files("bad", suffix: ".txt")
  static let claimReviewInputs =
    files("fuzz/claimreview") + files("claimreview", suffix: ".json")

  static let htmlInputs =
    files("fuzz/html-reader") + files("html", suffix: ".html")
    + files("html/claimreview", suffix: ".html") + files("html/complete-save", suffix: ".html")
    + files("html/hostile", suffix: ".html") + files("bad", suffix: ".html")

  @Test func theHTMLReaderIsFuzzedThroughArchivesToo() throws {
    let seeds = Self.files("fuzz/html-reader").filter { $0.contains("/seed-") }
    #expect(seeds.count == 3)
    for seed in seeds {
      let bytes = try TestPaths.bytes(TestPaths.fixture(seed))
      let kind = DocumentParser.mediaType(of: bytes, format: .text)
      #expect(kind == .mhtml || kind == .webArchive, "\(seed)")
    }
  }

  @Test(arguments: htmlInputs)
  func htmlReaderPropertiesHold(_ path: String) throws {
    let violations = ParserProperties.htmlReader(try TestPaths.bytes(TestPaths.fixture(path)))
    #expect(violations.isEmpty, "\(violations)")
  }

  static let feedInputs = files("fuzz/feed-reader") + files("feeds")

  @Test(arguments: feedInputs)
  func feedReaderPropertiesHold(_ path: String) throws {
    let violations = ParserProperties.feedReader(try TestPaths.bytes(TestPaths.fixture(path)))
    #expect(violations.isEmpty, "\(violations)")
  }

  @Test func theFuzzFoldersHoldTheFoundCrashes() {
    #expect(
      Self.files("fuzz/article-parser").contains(
        "fuzz/article-parser/lone-carriage-returns-b48c2e58"))
    #expect(Self.claimReviewInputs.count >= 4)
  }

  @Test(arguments: articleInputs)
  func articleParserPropertiesHold(_ path: String) throws {
    let violations = ParserProperties.articleParser(try TestPaths.bytes(TestPaths.fixture(path)))
    #expect(violations.isEmpty, "\(violations)")
  }

  @Test(arguments: claimReviewInputs)
  func claimReviewPropertiesHold(_ path: String) throws {
    let violations = ParserProperties.claimReview(try TestPaths.bytes(TestPaths.fixture(path)))
    #expect(violations.isEmpty, "\(violations)")
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
        "claimreview/google-api-response.json": 3, "claimreview/google-api-claim.json": 1,
        "claimreview/api-wrapper.json": 15, "claimreview/shapes-in-the-wild.json": 8,
        "claimreview/expanded-form.json": 2, "claimreview/prefixed-terms.json": 2,
        "claimreview/claim-origins.json": 3,
      ])
    #expect(
      skipped == [
        "entry 2 of 3: claimReviewed is missing (and no itemReviewed name)",
        "entry 3 of 3: datePublished is not a date: 2026-02-30",
      ])
  }
}

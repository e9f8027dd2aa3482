import FactArchiveCore
import FactArchiveParser
import Foundation
import TestSupport
import Testing

struct SourceExpectation: Sendable, CustomTestStringConvertible {
  var path: String
  var title: String
  var label: String?
  var byline: String?
  var publishedOn: String?
  var inferred: String?
  var links: Int
  var bodyStart: String

  var testDescription: String { path }
}

@Suite struct SourceParsingTests {
  static let fixtures: [SourceExpectation] = [
    .init(
      path: "sources/news-byline-dated.txt",
      title: "Halden port workers vote to accept new shift pattern", label: "Coastal Desk",
      byline: "By Mira Okafor", publishedOn: "2026-03-02", inferred: nil, links: 2,
      bodyStart: "Dock workers at Halden port voted"),
    .init(
      path: "sources/analysis-references.txt",
      title: "Why Tallis Bay's wind auction drew so few bidders", label: "Tag: Energy", byline: nil,
      publishedOn: nil, inferred: nil, links: 3, bodyStart: "A thin field\n\nOnly three consortia"),
    .init(
      path: "sources/blog-undated.txt",
      title: "What the Norvale grain licence pause taught small exporters about paperwork",
      label: nil, byline: nil, publishedOn: nil, inferred: "2025-07-01", links: 0,
      bodyStart: "Small grain exporters in Norvale"),
  ]

  func check(_ source: ParsedSource, _ expected: SourceExpectation) {
    #expect(source.title == expected.title)
    #expect(source.label == expected.label)
    #expect(source.byline == expected.byline)
    #expect(source.publishedOn?.iso == expected.publishedOn)
    #expect(source.publishedOnInferred?.iso == expected.inferred)
    #expect(source.links.count == expected.links)
    #expect(source.body.hasPrefix(expected.bodyStart), "\(source.body.prefix(80))")
  }

  @Test(arguments: fixtures)
  func parsesSourceFixture(_ expected: SourceExpectation) throws {
    let document = try ArticleParser.parse(try TestPaths.bytes(TestPaths.fixture(expected.path)))
    #expect(document.articles.isEmpty)
    check(try #require(document.source), expected)
  }

  @Test func footerFurnitureIsNotBodyText() throws {
    let document = try ArticleParser.parse(
      try TestPaths.bytes(TestPaths.fixture("sources/news-byline-dated.txt")))
    let source = try #require(document.source)
    #expect(!source.body.contains("Leave a comment"))
    #expect(!source.body.contains("Share this"))
    #expect(source.links.map(\.domain) == ["dockers-union.example", "halden-port.example"])
  }

  @Test func referencesAreMarked() throws {
    let document = try ArticleParser.parse(
      try TestPaths.bytes(TestPaths.fixture("sources/analysis-references.txt")))
    #expect(document.source?.links.allSatisfy(\.inReferences) == true)
  }

  @Test func kindSourceForcesASourceReading() throws {
    let bytes = try TestPaths.bytes(TestPaths.fixture("articles/wind-leases.txt"))
    let document = try ArticleParser.parse(bytes, options: .init(kind: .source))
    #expect(document.source?.title == "Which companies won the Tallis Bay coastal wind leases?")
  }

  static let seeds: [SourceExpectation] = [
    .init(
      path: "002_",
      title: "Venezuela’s Drug Trade and the Geopolitical Chessboard of Latin America",
      label: "Tag: Latin America", byline: nil, publishedOn: nil, inferred: nil, links: 12,
      bodyStart: "Venezuela’s Role in LATAM as a Narco-State"),
    .init(
      path: "003_", title: "The Web of Venezuelan Generals Accused of Fueling the Cocaine Trade",
      label: nil, byline: "Reported by José de Córdoba", publishedOn: nil, inferred: nil, links: 1,
      bodyStart: "(Summary featured below."),
    .init(
      path: "004_", title: "Venezuelan cartel (which may not exist) now tops US terror list",
      label: "Trends-UK", byline: nil, publishedOn: nil, inferred: "2025-11-23", links: 0,
      bodyStart: "Cartel De Los Soles, the ‘cartel of the suns’"),
  ]

  @Test(
    .enabled(
      if: Requirement.met(TestPaths.sharedAvailable),
      "../shared/seeds not found: seed tests skipped"),
    arguments: seeds)
  func parsesSourceSeed(_ expected: SourceExpectation) throws {
    let url = try #require(TestPaths.seed(expected.path))
    let document = try ArticleParser.parse(try TestPaths.bytes(url))
    check(try #require(document.source), expected)
    #expect(!(document.source?.body.contains("Leave a") ?? true))
  }
}

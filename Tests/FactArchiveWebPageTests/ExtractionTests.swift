import FactArchiveCore
import FactArchiveWebPage
import Foundation
import TestSupport
import Testing

/// Every page of `Fixtures/pages/` read as any publisher's page, against the main text and
/// metadata written beside it (`NAME.expected.json`). The targets of the extraction
/// benchmark hold here too: mean token F1 ≥ 0.95, no page under 0.8, title and byline exact
/// on at least 95% of the pages.
@Suite struct ExtractionTests {
  struct Expected: Decodable {
    var title: String
    var byline: String?
    var published: String?
    var site: String?
    var language: String?
    var text: String
  }

  /// The pages' file names: saved as HTML, or as MHTML or Safari archives (`.mhtml`, `.mht`,
  /// `.webarchive`).
  static let pages: [String] = {
    let folder = TestPaths.fixture("pages")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter {
      [".html", ".mhtml", ".mht", ".webarchive"].contains(".\($0.split(separator: ".").last ?? "")")
    }
    .sorted()
  }()

  static func read(_ file: String) throws -> (WebPage, Expected) {
    let bytes = try TestPaths.bytes(TestPaths.fixture("pages/\(file)"))
    let name = file.split(separator: ".").dropLast().joined(separator: ".")
    let expected = try JSONDecoder().decode(
      Expected.self,
      from: Data(TestPaths.bytes(TestPaths.fixture("pages/\(name).expected.json"))))
    guard let archive = try SavedArchive.open(bytes) else { return (try WebPage(bytes), expected) }
    return (try WebPage(archive.html, url: archive.url, contentType: archive.contentType), expected)
  }

  @Test func pagesSavedAsArchivesAreAmongThem() {
    #expect(
      [".mhtml", ".mht", ".webarchive"].allSatisfy { kind in
        Self.pages.contains { $0.hasSuffix(kind) }
      }
    )
  }

  @Test func thereAreTwentyPagesOrMore() {
    #expect(Self.pages.count >= 20, "\(Self.pages)")
  }

  @Test(arguments: pages)
  func mainTextAndMetadata(_ name: String) throws {
    let (page, expected) = try Self.read(name)
    let overlap = TokenOverlap(extracted: page.mainText.text, expected: expected.text)
    #expect(
      overlap.f1 >= 0.8,
      "F1 \(overlap.f1) (precision \(overlap.precision), recall \(overlap.recall))\n\(page.mainText.text)"
    )
    #expect(page.metadata.published?.iso == expected.published)
    #expect(page.metadata.language == expected.language)
    if let site = expected.site { #expect(page.metadata.siteName == site) }
  }

  @Test func theBenchmarkTargetsHold() throws {
    var f1s: [Double] = []
    var titles = 0
    var bylines = 0
    for name in Self.pages {
      let (page, expected) = try Self.read(name)
      let overlap = TokenOverlap(extracted: page.mainText.text, expected: expected.text)
      f1s.append(overlap.f1)
      print("extraction: \(name) F1 \(overlap.f1) P \(overlap.precision) R \(overlap.recall)")
      if page.metadata.title == expected.title {
        titles += 1
      } else {
        Issue.record("\(name): title \(page.metadata.title ?? "nil") ≠ \(expected.title)")
      }
      if page.metadata.byline == expected.byline {
        bylines += 1
      } else {
        Issue.record(
          "\(name): byline \(page.metadata.byline ?? "nil") ≠ \(expected.byline ?? "nil")")
      }
    }
    let mean = f1s.reduce(0, +) / Double(max(1, f1s.count))
    print(
      "extraction: \(f1s.count) pages, mean F1 \(mean), lowest \(f1s.min() ?? 0), titles \(titles), bylines \(bylines)"
    )
    #expect(mean >= 0.95)
    #expect(Double(titles) >= 0.95 * Double(f1s.count))
    #expect(Double(bylines) >= 0.95 * Double(f1s.count))
  }
}

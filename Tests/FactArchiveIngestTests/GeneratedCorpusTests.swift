import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// Robustness on corpora from ../shared/bench/gen_corpus.py, malformed files included.
@Suite(
  .enabled(
    if: Requirement.met(GeneratedCorpus.available),
    "../shared/bench/gen_corpus.py not found: skipped"))
struct GeneratedCorpusTests {
  /// Kinds the archive keeps (an undated check, a truncated copy) rather than rejects.
  static let keptKinds: Set<String> = ["missing_checked_on", "truncated"]

  @Test func everyMalformedFileIsHandledAsThePolicySays() throws {
    let folder = try TemporaryFolder()
    let corpus = folder.file("corpus")
    try GeneratedCorpus.generate(into: corpus, count: 700, seed: 11, bad: 0.02)
    let expectedBad = try GeneratedCorpus.rows(corpus.appendingPathComponent("EXPECTED_BAD.tsv"))
    #expect(Set(expectedBad.map { $0[2] }).count == 7, "every kind of malformed file is present")

    let db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    var rejected: [String: ParseError] = [:]
    let tally = try IngestSession(database: db).run(InputFiles(paths: [corpus.path])) {
      document, outcome in
      if case .rejected(let error) = outcome {
        rejected[String(document.input.path.dropFirst(corpus.path.count + 1))] = error
      }
    }
    let rejectedKinds = expectedBad.filter { !Self.keptKinds.contains($0[2]) }
    #expect(tally.rejected == rejectedKinds.count)
    for row in expectedBad {
      let (path, line, kind) = (row[0], Int(row[1]) ?? 0, row[2])
      if Self.keptKinds.contains(kind) {
        #expect(rejected[path] == nil, "\(path) (\(kind)) should be kept")
        let column = kind == "truncated" ? "truncated = 1" : "checked_on IS NULL"
        #expect(
          try db.scalarInt(
            "SELECT count(*) FROM checks c JOIN documents d ON d.id = c.document_id WHERE d.path LIKE ? AND \(column)",
            ["%" + path]) == 1, "\(path) \(kind)")
      } else {
        let error = try #require(rejected[path], "\(path) (\(kind)) should be rejected")
        if line > 0 { #expect(error.line == line, "\(path) \(kind): \(error)") }
      }
    }
    // Every other article landed, and re-checks were recognised.
    let manifest = try GeneratedCorpus.rows(corpus.appendingPathComponent("MANIFEST.tsv"))
    let landed = manifest.filter { row in !rejectedKinds.contains { $0[0] == row[0] } }
    #expect(try db.scalarInt("SELECT count(*) FROM checks") == landed.count)
    let questions = Set(landed.map { $0[3] })
    #expect(try db.scalarInt("SELECT count(*) FROM questions") == questions.count)
    #expect(try db.scalarInt("PRAGMA foreign_key_check") == 0)
  }

  @Test func severalArticlesPerFileSplitOnFormFeeds() throws {
    let folder = try TemporaryFolder()
    let corpus = folder.file("corpus")
    try GeneratedCorpus.generate(into: corpus, count: 90, seed: 3, perFile: 9)
    let db = try Connection.openArchive(path: folder.file("archive.sqlite").path)
    let tally = try IngestSession(database: db).run(InputFiles(paths: [corpus.path]))
    #expect(tally.files == 10)
    #expect(tally.rejected == 0)
    #expect(try db.scalarInt("SELECT count(*) FROM checks") == 90)
    let manifest = try GeneratedCorpus.rows(corpus.appendingPathComponent("MANIFEST.tsv"))
    // Each check starts at its question: the article's first line, or just after the page
    // chrome (up to three lines and a blank) that some articles open with.
    let firstLines = try db.query("SELECT first_line FROM checks ORDER BY id") { $0.int(at: 0) }
    #expect(firstLines.count == manifest.count)
    for (ours, row) in zip(firstLines, manifest) {
      let articleStart = Int(row[2]) ?? 0
      #expect(ours >= articleStart && ours <= articleStart + 4, "\(row)")
    }
  }
}

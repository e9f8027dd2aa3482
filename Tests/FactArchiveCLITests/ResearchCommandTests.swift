import FactArchiveDigest
import Foundation
import TestSupport
import Testing

/// `sql`, `search`, `export`, `import-claimreview` and `datasette-metadata` through the binary.
@Suite struct ResearchCommandTests {
  let folder: TemporaryFolder
  var db: String { folder.file("archive.sqlite").path }

  init() throws {
    folder = try TemporaryFolder()
    let result = try CommandRunner.run([
      "ingest", "--db", db, TestPaths.fixture("articles").path, TestPaths.fixture("sources").path,
    ])
    precondition(result.status == 0)
  }

  func factarchive(_ arguments: String...) throws -> CommandResult {
    try CommandRunner.run(arguments, workingDirectory: folder.url)
  }

  func fileHash() throws -> String {
    SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: db))))
  }

  @Test func sqlReadsAndRefusesWithExitTwo() throws {
    let json = try factarchive(
      "sql", "--db", db, "SELECT id, text FROM questions WHERE id <= :n ORDER BY id", "--param",
      "n=2", "--format", "json")
    #expect(json.status == 0)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(rows.map { $0["id"] as? Int } == [1, 2])
    let before = try fileHash()
    for attempt in [
      "DROP TABLE checks", "ATTACH 'x.sqlite' AS x", "PRAGMA user_version = 1",
      "SELECT 1; DELETE FROM checks",
    ] {
      let refused = try factarchive("sql", "--db", db, attempt)
      #expect(refused.status == 2, "\(attempt)")
      #expect(refused.stderr.hasPrefix("factarchive sql: "), "\(attempt)")
      #expect(refused.stdout.isEmpty)
    }
    #expect(try fileHash() == before)
    #expect(!FileManager.default.fileExists(atPath: folder.file("x.sqlite").path))
    let missing = try factarchive("sql", "--db", folder.file("absent.sqlite").path, "SELECT 1")
    #expect(missing.status == 4)
    #expect(!FileManager.default.fileExists(atPath: folder.file("absent.sqlite").path))
    let ndjson = try factarchive(
      "sql", "--db", db, "SELECT name FROM staleness_rules ORDER BY name", "--format", "ndjson")
    #expect(
      ndjson.stdout
        == "{\"name\":\"default\"}\n{\"name\":\"elections\"}\n{\"name\":\"history\"}\n{\"name\":\"time-sensitive\"}\n"
    )
  }

  @Test func searchRanksAndReportsBadQueries() throws {
    let table = try factarchive("search", "--db", db, "\"school meal\"", "--limit", "2")
    #expect(table.status == 0)
    #expect(table.stdout.hasPrefix("1. check "))
    #expect(table.stdout.contains("Were Hallen's school meal budgets cut by half?"))
    let bad = try factarchive("search", "--db", db, "\"unclosed")
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("search query: unterminated string"))
    let none = try factarchive("search", "--db", db, "zzzunknownword")
    #expect(none.stdout == "Nothing matches zzzunknownword.\n")
    // Sources too: labelled, and chosen with --in.
    let sources = try factarchive(
      "search", "--db", db, "--in", "sources", "grain", "--format", "csv")
    let rows = sources.stdout.split(separator: "\n").dropFirst()
    #expect(sources.stdout.hasPrefix("rank,kind,id,question_id,title,date,"))
    #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(",source,") })
    let both = try factarchive("search", "--db", db, "grain")
    #expect(both.stdout.contains(". check ") && both.stdout.contains(". source "))
    let wrong = try factarchive("search", "--db", db, "--in", "web", "Norvik")
    #expect(wrong.status == 2)
  }

  @Test func exportAndImportRoundTrip() throws {
    let file = folder.file("reviews.json").path
    let export = try factarchive("export", "--db", db, "--format", "claimreview", "--out", file)
    #expect(export.status == 0, "\(export.stderr)")
    let other = folder.file("other.sqlite").path
    let imported = try factarchive("import-claimreview", "--db", other, file)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.hasPrefix("1 file: 33 new, 1 re-check"))
    let csv = try factarchive("export", "--db", db, "--format", "csv")
    #expect(csv.stdout.hasPrefix("check_id,question_id,question,"))
    let ndjson = try factarchive("export", "--db", db, "--format", "ndjson")
    #expect(ndjson.stdout.split(separator: "\n").count == 34)
  }

  @Test func importReportsSkippedEntries() throws {
    let file = try folder.write(
      "mixed.json",
      "[{\"@type\": \"ClaimReview\", \"claimReviewed\": \"Q?\", \"datePublished\": \"2026-01-05\"}, {\"@type\": \"ClaimReview\"}]"
    )
    let result = try factarchive("import-claimreview", "--db", db, file)
    #expect(result.status == 1)
    #expect(result.stderr.contains("mixed.json: entry 2 of 2: claimReviewed is missing"))
    #expect(result.stdout.hasSuffix(", 1 entry skipped\n"))
  }

  @Test func datasetteMetadataDescribesTheTables() throws {
    let result = try factarchive("datasette-metadata", "--db", db)
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let databases = try #require(object["databases"] as? [String: [String: Any]])
    #expect(databases.keys.sorted() == ["archive"])
    let out = folder.file("metadata.json").path
    #expect(try factarchive("datasette-metadata", "--db", db, "--out", out).status == 0)
    #expect(FileManager.default.fileExists(atPath: out))
  }
}

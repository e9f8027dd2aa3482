import Foundation
import TestSupport
import Testing

/// `rejected`, `reparse` and `ingest --kind` through the binary.
@Suite struct RecoveryCommandTests {
  let folder: TemporaryFolder
  var db: String { folder.file("archive.sqlite").path }

  init() throws {
    folder = try TemporaryFolder()
  }

  @Test func rejectedListsWhereAndWhy() throws {
    _ = try CommandRunner.run(["ingest", "--db", db, TestPaths.fixture("bad").path])
    let table = try CommandRunner.run(["rejected", "--db", db])
    #expect(table.status == 0)
    #expect(table.stdout.contains("bad/impossible-date.txt:3: impossible date: February 30, 2025"))
    #expect(table.stdout.split(separator: "\n").count == 10)
    let json = try CommandRunner.run(["rejected", "--db", db, "--format", "json"])
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 9)
    #expect(
      array.contains { ($0["error"] as? String)?.hasPrefix("not a fact-check article") == true })
  }

  @Test func reparseReportsStillRejectedAndExitsOne() throws {
    _ = try CommandRunner.run(
      ["ingest", "--db", db, TestPaths.fixture("bad").path] + TestPaths.coreArticles)
    let result = try CommandRunner.run(["reparse", "--db", db, "--rejected"])
    #expect(result.status == 1)
    #expect(result.stdout == "9 documents: 0 updated, 0 now parsed, 9 still rejected, 0 failed\n")
    #expect(
      result.stderr.contains(
        "impossible-date.txt:3: impossible date: February 30, 2025 (still rejected)"))
    let all = try CommandRunner.run(["reparse", "--db", db, "--all", "--quiet"])
    #expect(all.stdout.isEmpty)
    let none = try CommandRunner.run(["reparse", "--db", db])
    #expect(none.status == 0)
    #expect(none.stdout == "0 documents: 0 updated, 0 now parsed, 0 still rejected, 0 failed\n")
    let both = try CommandRunner.run(["reparse", "--db", db, "--all", "--rejected"])
    #expect(both.status == 2)
  }

  @Test func kindSourceStoresASource() throws {
    let result = try CommandRunner.run([
      "ingest", "--db", db, "--kind", "source", TestPaths.fixture("articles/wind-leases.txt").path,
    ])
    #expect(result.status == 0)
    #expect(result.stdout == "1 file: 1 new (1 source), 0 re-checks, 0 unchanged, 0 rejected\n")
  }

  @Test func showPrintsTheVariantDetails() throws {
    _ = try CommandRunner.run([
      "ingest", "--db", db, TestPaths.fixture("articles/truncated.txt").path,
      TestPaths.fixture("articles/undated.txt").path,
      TestPaths.fixture("articles/references-bracketed.txt").path,
    ])
    let truncated = try CommandRunner.run(["show", "--db", db, "1"])
    #expect(truncated.stdout.contains("This copy of the page is truncated"))
    let undated = try CommandRunner.run(["show", "--db", db, "2"])
    #expect(undated.stdout.contains("no check date (newest date mentioned: 2025-04-20)"))
    let references = try CommandRunner.run(["show", "--db", db, "3", "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(references.stdout.utf8)) as? [String: Any])
    #expect((object["references"] as? [Any])?.count == 3)
  }
}

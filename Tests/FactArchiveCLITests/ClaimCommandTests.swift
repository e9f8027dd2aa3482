import Foundation
import TestSupport
import Testing

/// `merge-questions`, `split-question`, and the claim links `show`, `stale --format json` and
/// `evidence --rebuild` print, through the binary, on `Fixtures/claims`.
@Suite struct ClaimCommandTests {
  let folder: TemporaryFolder
  var db: String { folder.file("archive.sqlite").path }

  init() throws {
    folder = try TemporaryFolder()
    let result = try CommandRunner.run([
      "ingest", "--db", db, TestPaths.fixture("articles/ferry-fares.txt").path,
      TestPaths.fixture("claims").path,
    ])
    precondition(result.status == 0)
  }

  func factarchive(_ arguments: String...) throws -> CommandResult {
    try CommandRunner.run(arguments, environment: ["USER": "ana"], workingDirectory: folder.url)
  }

  func scalar(_ sql: String) throws -> String {
    try factarchive("sql", "--db", db, sql, "--format", "csv").stdout
      .split(separator: "\n").dropFirst().first.map(String.init) ?? ""
  }

  @Test func mergeThenSplitThroughTheCLI() throws {
    let original = try scalar(
      "SELECT id FROM questions WHERE text LIKE 'Did the Calloway Harbour Authority double%'")
    let reworded = try scalar("SELECT id FROM questions WHERE text LIKE 'Did Calloway''s harbour%'")
    let check = try scalar("SELECT id FROM checks WHERE question_id = \(original)")
    let shown = try factarchive("show", "--db", db, check)
    #expect(shown.stdout.contains("Possibly the same question"))
    #expect(shown.stdout.contains("factarchive merge-questions \(original) \(reworded)"))
    #expect(shown.stdout.contains("Other publishers' later verdicts"))
    // stale --format json carries them too.
    let stale = try factarchive("stale", "--db", db, "--as-of", "2026-12-01", "--format", "json")
    #expect(stale.stdout.contains("\"possibly_same_questions\""))
    #expect(stale.stdout.contains("\"other_verdicts\""))

    let merged = try factarchive("merge-questions", "--db", db, original, reworded)
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(
      merged.stdout
        == "question \(reworded) merged into question \(original): 1 check moved; "
        + "undo with: factarchive split-question \(reworded)\n")
    #expect(
      try scalar("SELECT merged_by FROM question_merges WHERE merged_id = \(reworded)") == "ana")
    let again = try factarchive("merge-questions", "--db", db, original, reworded)
    #expect(again.status == 1)
    #expect(again.stderr.contains("no question \(reworded)"))

    let split = try factarchive("split-question", "--db", db, reworded)
    #expect(split.status == 0, "\(split.stderr)")
    #expect(split.stdout == "question \(reworded) is back: 1 check moved back\n")
    #expect(
      try scalar("SELECT split_by FROM question_merges WHERE merged_id = \(reworded)") == "ana")
    let twice = try factarchive("split-question", "--db", db, reworded)
    #expect(twice.status == 1)
    #expect(twice.stderr.contains("is not merged"))
    #expect(try factarchive("check", "--db", db).status == 0)
  }

  @Test func evidenceRebuildFindsTheSameClaimLinks() throws {
    let links =
      "SELECT group_concat(check_id || '-' || other_check_id, ' ') FROM (SELECT * FROM other_verdicts ORDER BY 1, 2)"
    let before = try scalar(links)
    #expect(!before.isEmpty)
    let rebuilt = try factarchive("evidence", "--db", db, "--rebuild")
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    #expect(
      rebuilt.stdout.contains(
        "3 other publishers' verdicts on 3 checks (1 disagrees); 1 pair of questions possibly the same"
      ))
    #expect(try scalar(links) == before)
  }
}

import Foundation
import TestSupport
import Testing

/// The editor's and the nightly job's commands through the binary.
@Suite struct QueueCommandTests {
  let folder: TemporaryFolder
  var db: String { folder.file("archive.sqlite").path }

  init() throws {
    folder = try TemporaryFolder()
    let result = try CommandRunner.run(
      ["ingest", "--db", db] + TestPaths.coreArticles + [
        TestPaths.fixture("articles/exec-quick-answer.txt").path
      ])
    precondition(result.status == 0)
  }

  func factarchive(_ arguments: String...) throws -> CommandResult {
    try CommandRunner.run(arguments, workingDirectory: folder.url)
  }

  @Test func staleFilters() throws {
    let all = try factarchive("stale", "--db", db, "--as-of", "2026-11-23", "--format", "csv")
    #expect(all.stdout.split(separator: "\n").count == 3)
    let flagged = try factarchive(
      "stale", "--db", db, "--as-of", "2026-11-23", "--reason", "publisher_flag", "--format", "csv")
    #expect(flagged.stdout.contains("Valmora raise tobacco excise"))
    #expect(flagged.stdout.split(separator: "\n").count == 2)
    let limited = try factarchive(
      "stale", "--db", db, "--as-of", "2026-11-23", "--limit", "1", "--format", "json")
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 1)
    let topic = try factarchive(
      "stale", "--db", db, "--as-of", "2026-11-23", "--topic", "elections")
    #expect(topic.stdout == "No stale checks as of 2026-11-23.\n")
    #expect(try factarchive("stale", "--db", db, "--reason", "nonsense").status == 2)
    #expect(try factarchive("stale", "--db", db, "--limit", "0").status == 2)
  }

  @Test func snoozeUnsnoozeAndHistory() throws {
    let snooze = try factarchive(
      "snooze", "--db", db, "4", "--until", "2099-01-01", "--note", "court ruling due")
    #expect(snooze.status == 0, "\(snooze.stderr)")
    #expect(snooze.stdout == "check 4 snoozed until 2099-01-01\n")
    let queue = try factarchive("stale", "--db", db, "--as-of", "2026-11-23", "--format", "csv")
    #expect(!queue.stdout.contains("Tallis Bay"))
    let history = try factarchive("history", "--db", db, "3")
    #expect(history.stdout.contains("Which companies won the Tallis Bay coastal wind leases?"))
    #expect(history.stdout.contains("snoozed until 2099-01-01 by"))
    #expect(history.stdout.contains(": court ruling due"))
    #expect(try factarchive("unsnooze", "--db", db, "4").stdout == "check 4 is back in the queue\n")
    let again = try factarchive("unsnooze", "--db", db, "4")
    #expect(again.status == 1)
    #expect(again.stderr.contains("check 4 is not snoozed"))
    #expect(
      try factarchive("snooze", "--db", db, "4", "--until", "2020-01-01", "--note", "x").status == 2
    )
    #expect(
      try factarchive("snooze", "--db", db, "99", "--until", "2099-01-01", "--note", "x").status
        == 1)
    let grain = try factarchive("history", "--db", db, "2", "--format", "json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(grain.stdout.utf8)) as? [String: Any])
    #expect((object["checks"] as? [[String: Any]])?.map { $0["latest"] as? Bool } == [false, true])
  }

  @Test func policyListSetRemove() throws {
    let list = try factarchive("policy", "list", "--db", db)
    #expect(list.stdout.contains("default         90 days"))
    let set = try factarchive(
      "policy", "set", "ports", "--db", db, "--max-age", "20", "--words", "port, harbour")
    #expect(set.status == 0, "\(set.stderr)")
    #expect(set.stdout == "rule 'ports' saved; 5 checks judged again\n")
    let ports = try factarchive(
      "stale", "--db", db, "--as-of", "2026-11-23", "--topic", "ports", "--format", "csv")
    #expect(ports.stdout.contains("Calloway Harbour"))
    #expect(
      try factarchive(
        "policy", "set", "bad", "--db", db, "--max-age", "5", "--pattern", "(unclosed"
      ).status == 2)
    #expect(try factarchive("policy", "set", "default", "--db", db, "--words", "x").status == 2)
    #expect(try factarchive("policy", "remove", "ports", "--db", db).status == 0)
    let json = try factarchive("policy", "list", "--db", db, "--format", "json")
    let rules = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(
      rules.map { $0["name"] as? String } == ["default", "time-sensitive", "elections", "history"])
    #expect(try factarchive("policy", "remove", "default", "--db", db).status == 1)
  }

  @Test func reportExitCodesOutAndRepeats() throws {
    let first = try factarchive("report", "--db", db, "--as-of", "2026-11-22", "--fail-on", "new")
    #expect(first.status == 3)
    #expect(first.stdout.hasPrefix("# Staleness report for 2026-11-22"))
    let repeat1 = try factarchive("report", "--db", db, "--as-of", "2026-11-22", "--fail-on", "new")
    #expect(repeat1.stdout == first.stdout)
    let next = try factarchive("report", "--db", db, "--as-of", "2026-11-23", "--fail-on", "new")
    #expect(next.status == 0)
    #expect(
      try factarchive("report", "--db", db, "--as-of", "2026-11-23", "--fail-on", "any").status == 3
    )
    let out = folder.file("nightly.html").path
    let html = try factarchive(
      "report", "--db", db, "--as-of", "2026-11-23", "--format", "html", "--out", out)
    #expect(html.status == 0)
    #expect(html.stdout.isEmpty)
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    #expect(try factarchive("report", "--db", db, "--format", "pdf").status == 2)
  }
}

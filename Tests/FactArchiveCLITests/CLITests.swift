import Foundation
import TestSupport
import Testing

/// End-to-end: the built `factarchive` binary, its stdout, stderr and exit status.
@Suite struct CLITests {
  let folder: TemporaryFolder
  var db: String { folder.file("archive.sqlite").path }

  init() throws {
    folder = try TemporaryFolder()
  }

  func factarchive(
    _ arguments: String..., stdin: [UInt8]? = nil, environment: [String: String?] = [:]
  )
    throws -> CommandResult
  {
    try factarchive(arguments, stdin: stdin, environment: environment)
  }

  func factarchive(
    _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String?] = [:]
  ) throws -> CommandResult {
    try CommandRunner.run(
      arguments, stdin: stdin, environment: environment, workingDirectory: folder.url)
  }

  @Test func ingestReportsAndExitsOneWhenSomeAreRejected() throws {
    let result = try factarchive("ingest", "--db", db, TestPaths.fixtures.path)
    #expect(result.status == 1)
    // ferry-fares.html is the same check as ferry-fares.txt (a copy: unchanged); one entry of
    // a ClaimReview page and two of a ClaimReview file are skipped; one date line cannot be
    // read (a warning). The walk reads the ClaimReview files and the JSON Feed, and passes
    // over the pages' `.expected.json`.
    #expect(
      result.stdout
        == "182 files: 210 new (93 sources), 1 re-check, 1 unchanged, 9 rejected, "
        + "3 ClaimReview entries skipped\n")
    let errors = result.stderr.split(separator: "\n")
    #expect(errors.count == 13)
    #expect(
      errors.contains {
        $0.hasSuffix("Fixtures/bad/impossible-date.txt:3: impossible date: February 30, 2025")
      })
    #expect(
      errors.contains {
        $0.hasSuffix("Fixtures/bad/nul-bytes.html:1: binary file: NUL byte at offset 67")
      })
    #expect(errors.filter { $0.contains(": warning: ") }.count == 1)
    #expect(
      errors.allSatisfy {
        $0.contains(".txt:") || $0.contains(".html:") || $0.contains("some-bad-entries.json:")
      })
  }

  @Test func anUnreadableCheckDateIsAWarningAndTheCheckLands() throws {
    let path = TestPaths.fixture("articles/date-unreadable.txt").path
    let result = try factarchive("ingest", "--db", db, path)
    #expect(result.status == 0)
    #expect(result.stdout == "1 file: 1 new, 0 re-checks, 0 unchanged, 0 rejected\n")
    #expect(
      result.stderr
        == "\(path):2: warning: unrecognised date in the 'Checked on' line: the third of "
        + "Decembre (the check keeps the date its text implies)\n")
  }

  @Test func savedPagesAndTheirClaimReviewLand() throws {
    let pages = TestPaths.fixture("html").path
    let result = try factarchive("ingest", "--db", db, pages)
    #expect(result.status == 1)
    #expect(
      result.stdout
        == "13 files: 18 new (2 sources), 0 re-checks, 0 unchanged, 0 rejected, "
        + "1 ClaimReview entry skipped\n")
    #expect(
      result.stderr.contains("datafeed-headline.html: entry 3 of 3: claimReviewed is missing"))
    let imported = try factarchive(
      "import-claimreview", "--db", folder.file("cr.sqlite").path,
      TestPaths.fixture("html/claimreview/graph-author-id.html").path)
    #expect(imported.status == 0)
    #expect(imported.stdout == "1 file: 1 new, 0 re-checks, 0 unchanged, 0 rejected\n")
    let refused = try factarchive(
      "import-claimreview", "--db", folder.file("cr.sqlite").path,
      TestPaths.fixture("html/news-source.html").path)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("news-source.html: no ClaimReview in the page"))
  }

  @Test func showNamesEveryCopyOfACheck() throws {
    let text = TestPaths.fixture("articles/ferry-fares.txt").path
    let html = TestPaths.fixture("html/ferry-fares.html").path
    let ingest = try factarchive("ingest", "--db", db, text, html)
    #expect(ingest.stdout == "2 files: 1 new, 0 re-checks, 1 unchanged, 0 rejected\n")
    let shown = try factarchive("show", "--db", db, "1")
    #expect(
      shown.stdout.contains(
        "from \(text) (document 1)\nalso saved as \(html) (document 2, text/html)\n"))
    let json = try factarchive("show", "--db", db, "1", "--format", "json")
    #expect(json.stdout.contains("\"media_type\": \"text/html\""))
  }

  @Test func ingestTwiceSaysUnchangedAndExitsZero() throws {
    let articles = TestPaths.fixture("articles").path
    #expect(try factarchive("ingest", "--db", db, articles).status == 0)
    let again = try factarchive("ingest", "--db", db, articles)
    #expect(again.status == 0)
    #expect(again.stdout == "32 files: 0 new, 0 re-checks, 32 unchanged, 0 rejected\n")
    #expect(again.stderr.isEmpty)
  }

  @Test func ingestReadsStandardInput() throws {
    let bytes = try TestPaths.bytes(TestPaths.fixture("articles/wind-leases.txt"))
    let result = try factarchive("ingest", "--db", db, "-", stdin: bytes)
    #expect(result.status == 0)
    #expect(result.stdout == "1 file: 1 new, 0 re-checks, 0 unchanged, 0 rejected\n")
    let show = try factarchive("show", "--db", db, "1")
    #expect(show.stdout.contains("from - (document 1)"))
  }

  @Test func ingestReadsTheFilesAList() throws {
    let a = TestPaths.fixture("articles/wind-leases.txt").path
    let b = TestPaths.fixture("articles/ferry-fares.txt").path
    let missing = folder.file("missing.txt").path
    let list = folder.file("list.txt")
    try Data("\(a)\r\n\n\(missing)\n".utf8).write(to: list)
    let listed = try factarchive("ingest", "--db", db, "--files-from", list.path, b)
    #expect(listed.status == 1)
    #expect(listed.stdout == "3 files: 2 new, 0 re-checks, 0 unchanged, 1 rejected\n")
    #expect(listed.stderr.contains("\(missing): No such file or directory"))
    // find -print0's list, from standard input.
    let nulList = Array("\(a)\u{0}\(b)\u{0}".utf8)
    let again = try factarchive("ingest", "--db", db, "--files-from", "-", stdin: nulList)
    #expect(again.stdout == "2 files: 0 new, 0 re-checks, 2 unchanged, 0 rejected\n")
    for arguments in [
      ["--files-from", folder.file("no-list").path], ["--files-from", "-", "-"],
    ] {
      let refused = try factarchive(["ingest", "--db", db] + arguments)
      #expect(refused.status == 2, "\(arguments)")
    }
  }

  @Test func quietPrintsOnlyErrors() throws {
    let result = try factarchive(
      "ingest", "--quiet", "--db", db, TestPaths.fixture("bad/empty.txt").path)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasSuffix("Fixtures/bad/empty.txt:1: empty file\n"))
  }

  @Test func usageErrorsExitTwoWithTheUsageLine() throws {
    for arguments in [
      ["ingest"], ["stale", "--as-of", "2026-02-30"], ["show", "abc"], ["frobnicate"],
      ["ingest", "--db", db, "/no/such/file.txt"], ["stale", "--format", "xml"],
      ["ingest", "--batch-size", "0", "--db", db, "Fixtures"],
    ] {
      let result = try CommandRunner.run(arguments, workingDirectory: folder.url)
      #expect(result.status == 2, "\(arguments)")
      #expect(
        result.stderr.contains("Usage: factarchive") || result.stderr.contains("Error:"),
        "\(arguments)")
    }
  }

  @Test func staleJsonAndCsvAtAChosenDate() throws {
    _ = try CommandRunner.run(["ingest", "--db", db] + TestPaths.coreArticles)
    let json = try factarchive("stale", "--db", db, "--as-of", "2026-11-23", "--format", "json")
    #expect(json.status == 0)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 1)
    #expect(
      array.first?["question"] as? String
        == "Which companies won the Tallis Bay coastal wind leases?")
    #expect(array.first?["age_days"] as? Int == 286)
    let csv = try factarchive(
      "stale", "--db", db, "--as-of", "2026-11-23", "--max-age", "20", "--format", "csv")
    #expect(csv.stdout.split(separator: "\n").count == 4)
    let table = try factarchive("stale", "--db", db, "--as-of", "2026-11-23")
    #expect(table.stdout.contains("↳ age: checked 286 days ago"))
    #expect(!table.stdout.contains("\u{1B}["))
  }

  @Test func showPrintsTheWholeCheck() throws {
    _ = try factarchive("ingest", "--db", db, TestPaths.fixture("articles/ferry-fares.txt").path)
    let text = try factarchive("show", "--db", db, "1")
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("Did the Calloway Harbour Authority double ferry fares"))
    let json = try factarchive("show", "--db", db, "1", "--format", "json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((object["summaries"] as? [Any])?.count == 4)
    let missing = try factarchive("show", "--db", db, "42")
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no check 42"))
  }

  @Test func databaseComesFromTheEnvironmentThenTheCurrentFolder() throws {
    let fromEnv = folder.file("env.sqlite").path
    let article = TestPaths.fixture("articles/wind-leases.txt").path
    #expect(
      try factarchive("ingest", article, environment: ["FACTARCHIVE_DB": fromEnv]).status == 0)
    #expect(FileManager.default.fileExists(atPath: fromEnv))
    #expect(try factarchive("ingest", article, environment: ["FACTARCHIVE_DB": nil]).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.file("factarchive.sqlite").path))
  }

  @Test func aCopiedBinaryCarriesItsSchema() throws {
    let elsewhere = try TemporaryFolder()
    let copy = elsewhere.file("factarchive")
    try FileManager.default.copyItem(at: CommandRunner.binary, to: copy)
    let result = try CommandRunner.run(
      executable: copy, ["ingest", TestPaths.fixture("articles/wind-leases.txt").path],
      environment: ["FACTARCHIVE_DB": nil], workingDirectory: elsewhere.url)
    #expect(result.status == 0, "\(result.stderr)")
    let stale = try CommandRunner.run(
      executable: copy, ["stale", "--as-of", "2026-11-23", "--format", "csv"],
      workingDirectory: elsewhere.url)
    #expect(stale.stdout.contains("Tallis Bay"))
    #expect(FileManager.default.fileExists(atPath: elsewhere.file("factarchive.sqlite").path))
  }

  @Test func helpShowsAnExamplePerCommandAndVersionPrints() throws {
    for command in ["ingest", "stale", "show"] {
      let help = try CommandRunner.run([command, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("Example: factarchive \(command)"), "\(command)")
    }
    let root = try CommandRunner.run(["--help"])
    #expect(root.stdout.contains("Exit status"))
    let version = try CommandRunner.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.first?.isNumber == true)
  }

  @Test func noProgressBarOrColourInPipes() throws {
    let result = try factarchive(
      "ingest", "--db", db, TestPaths.fixture("articles").path, environment: ["NO_COLOR": nil])
    #expect(!result.stderr.contains("\r"))
    #expect(!result.stderr.contains("articles/s"))
    let table = try factarchive(
      "stale", "--db", db, "--as-of", "2026-11-23", environment: ["NO_COLOR": nil])
    #expect(!table.stdout.contains("\u{1B}["))
  }

  @Test func completionScriptsAreGenerated() throws {
    for shell in ["bash", "zsh", "fish"] {
      let result = try CommandRunner.run(["--generate-completion-script", shell])
      #expect(result.status == 0)
      #expect(result.stdout.contains("factarchive"))
    }
  }
}

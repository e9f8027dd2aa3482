import Foundation
import TestSupport
import Testing

/// Other publishers' fact-checks through the binary: the queue filtered by their rating's
/// class, `show` with their headline, publisher, reporters and rating, the report's counts.
@Suite struct AnyPublisherCommandTests {
  let folder: TemporaryFolder
  var db: String { folder.file("archive.sqlite").path }

  init() throws {
    folder = try TemporaryFolder()
    let result = try CommandRunner.run(
      ["ingest", "--db", db, TestPaths.fixture("pages").path] + TestPaths.coreArticles)
    precondition(result.status == 0, result.stderr)
  }

  func json(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try CommandRunner.run(arguments + ["--db", db, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
  }

  @Test func theQueueFiltersByRatingClass() throws {
    let all = try json(["stale", "--as-of", "2027-06-01"])
    let falseOnes = try json(["stale", "--as-of", "2027-06-01", "--rating-class", "false"])
    let mostlyFalse = try json(["stale", "--as-of", "2027-06-01", "--rating-class", "mostly-false"])
    #expect(all.count > falseOnes.count)
    #expect(falseOnes.count == 8)
    #expect(mostlyFalse.count == 3)
    #expect(
      falseOnes.allSatisfy { $0["rating_class"] as? String == "false" && $0["publisher"] != nil })
    // Factually checks carry neither field.
    #expect(all.contains { $0["publisher"] == nil })
    let wrong = try CommandRunner.run(["stale", "--db", db, "--rating-class", "fake"])
    #expect(wrong.status == 2)
  }

  @Test func showSaysWhoPublishedItAndHowItWasRated() throws {
    let list = try json(["stale", "--as-of", "2027-06-01", "--rating-class", "mostly-false"])
    let german = list.first { ($0["question"] as? String)?.contains("Hagenfurt") == true }
    let id = try #require(german?["check_id"] as? Int)
    let shown = try CommandRunner.run(["show", String(id), "--db", db])
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("headline: Hat Hagenfurt die Grundsteuer verdreifacht?"))
    #expect(shown.stdout.contains("published by Faktencheck Nord; reported by Jonas Keller"))
    #expect(shown.stdout.contains("rated Größtenteils falsch (mostly-false)"))
    let french = try json(["stale", "--as-of", "2027-06-01", "--text", "robinet"])
    let frenchID = try #require(french.first?["check_id"] as? Int)
    let dated = try CommandRunner.run(["show", String(frenchID), "--db", db])
    #expect(dated.stdout.contains("(the review's dateModified: it gives no datePublished)"))
  }

  @Test func theReportCountsOtherPublishersChecksByRating() throws {
    let report = try CommandRunner.run(["report", "--db", db, "--as-of", "2027-06-01"])
    #expect(report.status == 0)
    #expect(report.stdout.contains("## Other publishers' checks by rating"))
    #expect(report.stdout.contains("| false | 8 |"))
    #expect(report.stdout.contains("| mostly\\_false | 3 |"))
  }
}

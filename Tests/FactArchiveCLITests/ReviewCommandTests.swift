import Foundation
import TestSupport
import Testing

/// Editors' review verdicts through the binary: each verdict, repeated reviews, a review
/// then newer evidence, a review then a re-check, the tiered queue and the nightly report.
@Suite struct ReviewCommandTests {
  let folder: TemporaryFolder
  var db: String { folder.file("archive.sqlite").path }
  /// Check 4: "Which companies won the Tallis Bay coastal wind leases?", checked 2026-02-10.
  let windLeases = "4"

  init() throws {
    folder = try TemporaryFolder()
    let result = try CommandRunner.run(["ingest", "--db", db] + TestPaths.coreArticles)
    precondition(result.status == 0)
  }

  func factarchive(_ arguments: String...) throws -> CommandResult {
    try CommandRunner.run(arguments, environment: ["USER": "ana"], workingDirectory: folder.url)
  }

  func queue(_ asOf: String, _ extra: String...) throws -> [[String: Any]] {
    let result = try CommandRunner.run(
      ["stale", "--db", db, "--as-of", asOf, "--format", "json"] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
  }

  func entry(_ checkID: String, asOf: String) throws -> [String: Any]? {
    try queue(asOf).first { ($0["check_id"] as? Int).map(String.init) == checkID }
  }

  func reasonCodes(_ entry: [String: Any]?) -> [String] {
    (entry?["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
  }

  func ingest(_ name: String, _ text: String) throws {
    let path = try folder.write(name, text)
    let result = try CommandRunner.run(["ingest", "--db", db, path])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func stillAccurateRestartsTheClockFromTheReviewDay() throws {
    #expect(try entry(windLeases, asOf: "2026-11-23") != nil)
    let review = try factarchive(
      "review", "--db", db, windLeases, "--verdict", "still-accurate", "--note",
      "auction results unchanged", "--on", "2026-11-20")
    #expect(review.status == 0, "\(review.stderr)")
    #expect(
      review.stdout
        == "check 4 found still accurate on 2026-11-20 by ana: auction results unchanged; next due 2027-02-19\n"
    )
    #expect(try entry(windLeases, asOf: "2026-11-23") == nil)
    #expect(try entry(windLeases, asOf: "2027-02-18") == nil)
    let again = try #require(try entry(windLeases, asOf: "2027-03-01"))
    #expect(reasonCodes(again) == ["age"])
    let detail = (again["reasons"] as? [[String: Any]])?.first?["detail"] as? String
    #expect(
      detail == "reviewed on 2026-11-20 and found still accurate, 101 days ago; "
        + "the default rule allows 90")
    let last = try #require(again["last_review"] as? [String: Any])
    #expect(last["verdict"] as? String == "still_accurate")
    #expect(last["reviewed_by"] as? String == "ana")
  }

  @Test func needsUpdateGoesToTheTopUntilANewerCheckLands() throws {
    // Another stale check, older and more overdue, would otherwise come first.
    try ingest(
      "old.txt",
      ArticleText.factCheck(
        question: "Did Orlen Bay close its fish market?", checkedOn: "January 1, 2025"))
    let review = try factarchive(
      "review", "--db", db, windLeases, "--verdict", "needs-update", "--note", "the court ruled")
    #expect(review.status == 0, "\(review.stderr)")
    let today = ISO8601DateFormatter.string(
      from: Date(), timeZone: .current, formatOptions: [.withFullDate])
    let top = try #require(try queue(today).first)
    #expect((top["check_id"] as? Int) == 4)
    #expect((top["tier"] as? Int) == 1)
    #expect(reasonCodes(top).first == "review")
    let detail = (top["reasons"] as? [[String: Any]])?.first?["detail"] as? String
    #expect(detail == "marked needs update on \(today) by ana: the court ruled")
    // A newer check of the question lands: the reviewed one is superseded and leaves.
    try ingest(
      "recheck.txt",
      ArticleText.factCheck(
        question: "Which companies won the Tallis Bay coastal wind leases?",
        checkedOn: "November 25, 2026", summary: "Brenwick Offshore still holds two areas [1]."))
    #expect(try entry(windLeases, asOf: today) == nil)
    let history = try factarchive("history", "--db", db, "3")
    #expect(
      history.stdout.contains("reviewed: marked needs update on \(today) by ana: the court ruled"))
  }

  @Test func withdrawnLeavesTheQueueForGood() throws {
    let review = try factarchive(
      "review", "--db", db, windLeases, "--verdict", "withdrawn", "--note",
      "duplicate of a newer page")
    #expect(review.stdout.hasSuffix("; it has left the queue\n"), "\(review.stdout)")
    for day in ["2026-11-23", "2027-06-01", "2030-01-01"] {
      #expect(try entry(windLeases, asOf: day) == nil, "\(day)")
    }
    #expect(try queue("2030-01-01", "--max-age", "1").allSatisfy { ($0["check_id"] as? Int) != 4 })
    let show = try factarchive("show", "--db", db, windLeases)
    #expect(show.stdout.contains("Withdrawn: withdrawn on"), "\(show.stdout)")
    let history = try factarchive("history", "--db", db, "3")
    #expect(history.stdout.contains("latest, withdrawn"), "\(history.stdout)")
    // Opening the archive again does not take it for an unjudged check.
    #expect(try factarchive("check", "--db", db).status == 0)
    #expect(try entry(windLeases, asOf: "2030-01-01") == nil)
  }

  @Test func repeatedReviewsAreAllKeptAndTheLatestCounts() throws {
    #expect(
      try factarchive(
        "review", "--db", db, windLeases, "--verdict", "needs-update", "--note", "new bids",
        "--on", "2026-11-01"
      ).status == 0)
    #expect(
      try factarchive(
        "review", "--db", db, windLeases, "--verdict", "still-accurate", "--on", "2026-11-10"
      ).status == 0)
    // An earlier day recorded later does not outrank the later day.
    #expect(
      try factarchive(
        "review", "--db", db, windLeases, "--verdict", "needs-update", "--note", "typo",
        "--on", "2026-11-05"
      ).status == 0)
    let listed = try #require(try entry(windLeases, asOf: "2027-03-01"))
    #expect((listed["last_review"] as? [String: Any])?["reviewed_on"] as? String == "2026-11-10")
    #expect(try entry(windLeases, asOf: "2026-11-23") == nil)
    let json = try factarchive("show", "--db", db, windLeases, "--format", "json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((object["reviews"] as? [[String: Any]])?.count == 3)
  }

  @Test func afterAReviewOnlyLaterEvidenceCounts() throws {
    #expect(
      try factarchive(
        "review", "--db", db, windLeases, "--verdict", "still-accurate", "--on", "2026-11-01"
      ).status == 0)
    // Published after the check but before the review: already seen by the editor.
    try ingest(
      "before.txt",
      ArticleText.source(
        title: "Brenwick Offshore starts surveys", published: "October 12, 2026",
        body: "Brenwick Offshore began seabed surveys in the Tallis Bay lease areas."))
    #expect(try entry(windLeases, asOf: "2026-11-23") == nil)
    // Published after the review: evidence again.
    try ingest(
      "after.txt",
      ArticleText.source(
        title: "Regulator reopens Tallis Bay lease awards", published: "November 18, 2026",
        body:
          "The coastal energy office reopened the Tallis Bay awards after a complaint from Brenwick Offshore."
      ))
    let back = try #require(try entry(windLeases, asOf: "2026-11-23"))
    #expect(reasonCodes(back).contains("newer_evidence"))
    #expect((back["due_on"] as? String) == "2026-11-18")
    #expect((back["tier"] as? Int) == 2)
    let sources = try #require(back["newer_sources"] as? [[String: Any]])
    #expect(sources.map { $0["title"] as? String } == ["Regulator reopens Tallis Bay lease awards"])
  }

  @Test func reviewRefusesWhatCannotBeReviewed() throws {
    #expect(
      try factarchive("review", "--db", db, "99", "--verdict", "withdrawn").status == 1)
    let superseded = try factarchive("review", "--db", db, "2", "--verdict", "still-accurate")
    #expect(superseded.status == 1)
    #expect(superseded.stderr.contains("superseded by check 3"), "\(superseded.stderr)")
    #expect(try factarchive("review", "--db", db, "4", "--verdict", "maybe").status == 2)
    #expect(
      try factarchive("review", "--db", db, "4", "--verdict", "needs-update").status == 2,
      "needs-update must say what")
    #expect(
      try factarchive(
        "review", "--db", db, "4", "--verdict", "still-accurate", "--on", "2999-01-01"
      ).status == 2)
  }

  @Test func theDefaultOrderTakesTiersInTurn() throws {
    try ingest(
      "tiers.txt",
      [
        ArticleText.factCheck(
          question: "Did Orlen Bay close its fish market?", checkedOn: "January 1, 2025"),
        ArticleText.factCheck(
          question: "Did Pellmar raise bus fares?", checkedOn: "October 1, 2026", banner: true),
        ArticleText.factCheck(
          question: "Is the Tarrow dam currently closed?", checkedOn: "September 1, 2026",
          summary: "The dam is closed for repairs [1]."),
      ].joined(separator: "\u{0C}\n"))
    let tiered = try queue("2026-11-23")
    let tiers = tiered.compactMap { $0["tier"] as? Int }
    #expect(tiers == tiers.sorted(), "\(tiers)")
    #expect(tiered.first?["question"] as? String == "Did Pellmar raise bus fares?")
    #expect(
      tiered.last?["question"] as? String == "Did Orlen Bay close its fish market?"
        || tiers.last == 4)
    // --order overdue is the old order: the longest overdue first.
    let overdue = try queue("2026-11-23", "--order", "overdue")
    #expect(overdue.first?["question"] as? String == "Did Orlen Bay close its fish market?")
    let citations = try queue("2026-11-23", "--order", "citations")
    let counts = citations.compactMap { $0["citation_count"] as? Int }
    #expect(counts == counts.sorted(by: >))
    let csv = try CommandRunner.run([
      "stale", "--db", db, "--as-of", "2026-11-23", "--format", "csv",
    ])
    #expect(
      csv.stdout.hasPrefix("check_id,") && csv.stdout.split(separator: "\n")[0].hasSuffix(",tier"))
  }

  @Test func theNightlyReportListsReviewsSinceTheLastReport() throws {
    let first = try factarchive("report", "--db", db, "--as-of", "2026-11-20", "--format", "json")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      try factarchive(
        "review", "--db", db, windLeases, "--verdict", "still-accurate", "--note", "fine",
        "--on", "2026-11-21"
      ).status == 0)
    let second = try factarchive("report", "--db", db, "--as-of", "2026-11-22", "--format", "json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
    #expect((object["totals"] as? [String: Any])?["reviewed"] as? Int == 1)
    let reviewed = try #require(object["reviewed"] as? [[String: Any]])
    #expect(reviewed.map { $0["check_id"] as? Int } == [4])
    #expect(
      (reviewed.first?["last_review"] as? [String: Any])?["verdict"] as? String
        == "still_accurate")
    let tiers = try #require(object["by_tier"] as? [[String: Any]])
    #expect(
      tiers.map { $0["name"] as? String } == [
        "1 needs update", "2 banner or newer evidence", "3 time-sensitive", "4 only old",
      ])
    let markdown = try factarchive("report", "--db", db, "--as-of", "2026-11-22")
    #expect(markdown.stdout.contains("## Reviewed since 2026-11-20 (1)"))
    #expect(markdown.stdout.contains("reviewed: found still accurate on 2026-11-21 by ana: fine"))
    // The next report has none: nothing was reviewed since.
    let third = try factarchive("report", "--db", db, "--as-of", "2026-11-23")
    #expect(third.stdout.contains("## Reviewed since 2026-11-22 (0)"))
    #expect(
      try Archive.scalar(db, "SELECT reviewed FROM staleness_runs WHERE as_of = '2026-11-22'") == 1)
  }
}

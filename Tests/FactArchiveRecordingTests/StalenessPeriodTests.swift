import ArchiveTestSupport
import FactArchiveCore
import FactArchiveIngest
import FactArchiveParser
import FactArchivePolicy
import FactArchiveQuery
import FactArchiveRecording
import FactArchiveSchema
import FactArchiveStore
import Foundation
import TestSupport
import Testing

/// The nightly report's periods: each run writes what changed, and the open periods are
/// always exactly the queue as it stands, whatever happened in between.
@Suite struct StalenessPeriodTests {
  let scenario: Scenario
  var db: Connection { scenario.db }

  init() throws {
    scenario = try Scenario()
  }

  @discardableResult
  func run(_ asOf: String) throws -> ReportContent {
    let content = try NightlyReport.run(
      asOf: day(asOf), by: "cron", at: "\(asOf)T03:00:00Z", on: db)
    try expectPeriodsMatchTheQueue(asOf)
    return content
  }

  /// The open periods are the queue (queued) and the snoozed stale checks (snoozed), and
  /// nothing is left for the next run to look at.
  func expectPeriodsMatchTheQueue(_ asOf: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    func ids(_ sql: String) throws -> [Int64] {
      try db.query(sql, [asOf]) { $0.int64(at: 0) }
    }
    let snoozed =
      "SELECT check_id FROM snoozes WHERE ended_at IS NULL AND until > ?1"
    #expect(
      try ids(
        "SELECT check_id FROM staleness_periods WHERE closed_run IS NULL AND state = 'queued' AND ?1 = ?1 ORDER BY 1"
      )
        == ids(
          "SELECT id FROM checks WHERE superseded = 0 AND due_on <= ?1 AND id NOT IN (\(snoozed)) ORDER BY 1"
        ), sourceLocation: sourceLocation)
    #expect(
      try ids(
        "SELECT check_id FROM staleness_periods WHERE closed_run IS NULL AND state = 'snoozed' AND ?1 = ?1 ORDER BY 1"
      )
        == ids(
          "SELECT id FROM checks WHERE superseded = 0 AND due_on <= ?1 AND id IN (\(snoozed)) ORDER BY 1"
        ), sourceLocation: sourceLocation)
    #expect(try db.scalarInt("SELECT count(*) FROM staleness_changes") == 0)
  }

  func checkID(_ question: String) throws -> Int64 {
    try db.scalarInt(
      "SELECT c.id FROM checks c JOIN questions q ON q.id = c.question_id WHERE q.text = ? AND c.superseded = 0",
      [question])
  }

  func closedAs(_ checkID: Int64) throws -> [String] {
    try db.query(
      "SELECT coalesce(closed_as, 'open') FROM staleness_periods WHERE check_id = ? ORDER BY id",
      [checkID]
    ) { $0.text(at: 0) ?? "" }
  }

  @Test func aQuietNightWritesNothingButItsRun() throws {
    let first = try run("2026-11-21")
    let periods = try db.scalarInt("SELECT count(*) FROM staleness_periods")
    #expect(periods == Int64(first.totals.stale + first.totals.snoozed))
    let second = try run("2026-11-22")
    #expect(try db.scalarInt("SELECT count(*) FROM staleness_periods") == periods)
    #expect(second.totals.newStale == 0 && second.totals.stillStale == first.totals.stale)
    // The dateless check falls due on its ingest day: one period more, nothing else.
    let third = try run("2026-11-23")
    #expect(try db.scalarInt("SELECT count(*) FROM staleness_periods") == periods + 1)
    #expect(third.newlyStale.map(\.question) == ["Is the Lune tunnel toll-free?"])
    #expect(
      try db.query("SELECT check_id FROM newly_stale") { $0.int64(at: 0) }
        == [try checkID("Is the Lune tunnel toll-free?")])
  }

  @Test func reviewsSnoozesWithdrawalsAndRefreshesCloseTheirPeriods() throws {
    try run("2026-11-21")
    let market = try checkID("Did Orlen Bay close its fish market?")
    let fares = try checkID("Did Pellmar raise bus fares?")
    let dam = try checkID("Is the Tarrow dam currently closed?")
    let grain = try checkID("Did the Valmora Grain Council cut exports to Estmark?")
    try Reviews.record(
      checkID: market, verdict: .stillAccurate, note: "unchanged", on: day("2026-11-21"),
      by: "ana", at: "t", in: db)
    try Reviews.record(
      checkID: fares, verdict: .withdrawn, note: "page gone", on: day("2026-11-21"), by: "ana",
      at: "t", in: db)
    try Snoozes.snooze(
      checkID: dam, until: day("2026-11-25"), note: "inspection", by: "ana", at: "t", in: db)
    try scenario.ingest([
      (
        "grain-2026.txt",
        ArticleText.factCheck(
          question: "Did the Valmora Grain Council cut exports to Estmark?",
          checkedOn: "November 21, 2026")
      )
    ])
    let second = try run("2026-11-22")
    #expect(try closedAs(market) == ["reviewed"])
    #expect(try closedAs(fares) == ["withdrawn"])
    #expect(try closedAs(dam) == ["snoozed", "open"])
    #expect(try closedAs(grain) == ["refreshed"])
    #expect(second.refreshed.map(\.checkID) == [grain])
    #expect(second.snoozed.map(\.checkID) == [dam])
    #expect(
      try db.query("SELECT check_id FROM refreshed_since_last_run") { $0.int64(at: 0) } == [grain]
    )
    // The snooze ends by itself: the dam is back, still stale (not new).
    let back = try run("2026-11-25")
    #expect(try closedAs(dam) == ["snoozed", "unsnoozed", "open"])
    #expect(!back.newlyStale.contains { $0.checkID == dam })
    #expect(back.stillStale.contains { $0.checkID == dam })
    // The flags view tells the same story as the runs did.
    #expect(
      try db.query(
        """
        SELECT r.as_of || ' ' || f.status FROM staleness_flags f
        JOIN staleness_runs r ON r.id = f.run_id WHERE f.check_id = ? ORDER BY r.as_of
        """, [dam]
      ) { $0.text(at: 0) ?? "" }
        == ["2026-11-21 new", "2026-11-22 snoozed", "2026-11-25 still"])
  }

  @Test func aRuleChangeMovesDueDatesAndTheNextRunFollows() throws {
    try run("2026-11-21")
    // Every check may now be a year old: most leave the queue.
    var rule = try #require(try StalenessRule.all(in: db).first { $0.name == "default" })
    rule.maxAgeDays = 400
    try PolicyChange.set(rule, in: db)
    let after = try run("2026-11-22")
    #expect(after.totals.stale < 6)
    #expect(
      try db.scalarInt("SELECT count(*) FROM staleness_periods WHERE closed_as = 'not_due'") > 0)
  }

  /// A reparse that moves the latest check of a question elsewhere, or removes it, makes
  /// the check before it the latest again: the next run finds it (no trigger watches
  /// `superseded` itself) and opens its period.
  @Test(arguments: ["moved to another question", "removed"])
  func aReparseThatUncoversAnOlderCheckOpensItsPeriod(how: String) throws {
    try run("2026-11-21")
    let older = try db.scalarInt(
      "SELECT id FROM checks WHERE superseded = 1 AND checked_on = '2025-01-05'")
    #expect(try closedAs(older).isEmpty)
    let reparser = try Reparser(database: db) { bytes, format, options throws(ParseError) in
      var document = try DocumentParser.parse(bytes, format: format, options: options)
      guard document.articles.first?.checkedOn == day("2026-11-20") else { return document }
      if how == "removed" {
        return try DocumentParser.parse(
          Array(
            ArticleText.source(
              title: "Hallen council notes", published: "November 20, 2026",
              body: "The council met on Friday."
            ).utf8), format: format, options: options)
      }
      document.articles[0].question = "Did Hallen ban e-bikes?"
      return document
    }
    try reparser.run(.all)
    #expect(try db.scalarInt("SELECT superseded FROM checks WHERE id = ?", [older]) == 0)
    let second = try run("2026-11-22")
    #expect(try closedAs(older) == ["open"])
    #expect(second.newlyStale.map(\.checkID) == [older])
  }

  @Test func runsAreRecordedInDayOrder() throws {
    try run("2026-11-22")
    #expect(throws: NightlyReport.OutOfOrder.self) { try run("2026-11-21") }
    // A recorded day is read back.
    #expect(
      try NightlyReport.run(asOf: day("2026-11-22"), by: "x", on: db).asOf == day("2026-11-22"))
  }
}

@Suite struct StalenessPeriodMigrationTests {
  /// Version 8 turns three recorded runs' flags into periods; the `staleness_flags` view
  /// gives back every run's rows as the table held them.
  @Test func threeRecordedRunsBecomePeriodsWithTheirHistory() throws {
    let folder = try TemporaryFolder()
    let db = try Connection(path: folder.file("v7.sqlite").path)
    try db.migrate(Array(Migration.all.prefix(7)))
    try db.execute("PRAGMA foreign_keys = OFF")
    for (id, day) in [(1, "2026-11-20"), (2, "2026-11-21"), (3, "2026-11-22")] {
      try db.execute(
        """
        INSERT INTO staleness_runs (id, as_of, created_at, created_by, checks, stale, new_stale,
          refreshed, snoozed, undated, report)
        VALUES (?, ?, 't', 'cron', 5, 0, 0, 0, 0, 0, '{}')
        """, [id, day])
    }
    // check 1: stale all along; 2: refreshed on the second night; 3: snoozed on the second
    // night, back on the third; 4: new on the second night, reviewed away by the third;
    // 5: stale on the first night only.
    let flags: [(Int, Int, String)] = [
      (1, 1, "new"), (2, 1, "still"), (3, 1, "still"),
      (1, 2, "new"), (2, 2, "refreshed"),
      (1, 3, "new"), (2, 3, "snoozed"), (3, 3, "still"),
      (2, 4, "new"),
      (1, 5, "new"),
    ]
    for (run, check, status) in flags {
      try db.execute(
        "INSERT INTO staleness_flags (run_id, check_id, status, reasons, due_on) VALUES (?, ?, ?, 'age', '2026-01-01')",
        [run, check, status])
    }
    try db.execute(
      """
      INSERT INTO reviews (check_id, verdict, note, reviewed_on, reviewed_by, created_at)
      VALUES (4, 'still_accurate', '', '2026-11-21', 'ana', 't')
      """)
    let before = try db.query(
      "SELECT run_id, check_id, status FROM staleness_flags ORDER BY 1, 2"
    ) { "\($0.int(at: 0)) \($0.int(at: 1)) \($0.text(at: 2) ?? "")" }
    try db.migrate(Migration.all)
    let after = try db.query(
      "SELECT run_id, check_id, status FROM staleness_flags ORDER BY 1, 2"
    ) { "\($0.int(at: 0)) \($0.int(at: 1)) \($0.text(at: 2) ?? "")" }
    #expect(after == before)
    let periods = try db.query(
      """
      SELECT check_id || ' ' || state || ' ' || opened_on || '..' || coalesce(closed_on, '')
             || ' ' || coalesce(closed_as, 'open')
      FROM staleness_periods ORDER BY check_id, opened_on
      """
    ) { $0.text(at: 0) ?? "" }
    #expect(
      periods == [
        "1 queued 2026-11-20.. open",
        "2 queued 2026-11-20..2026-11-21 refreshed",
        "3 queued 2026-11-20..2026-11-21 snoozed",
        "3 snoozed 2026-11-21..2026-11-22 unsnoozed",
        "3 queued 2026-11-22.. open",
        "4 queued 2026-11-21..2026-11-22 reviewed",
        "5 queued 2026-11-20..2026-11-21 not_due",
      ])
    #expect(try db.query("SELECT check_id FROM newly_stale ORDER BY 1") { $0.int(at: 0) } == [])
  }
}

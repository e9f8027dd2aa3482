import FactArchiveCore
import FactArchiveDatabase
import FactArchivePolicy
import FactArchiveStore
import Foundation

/// The nightly staleness report: each run (one per `--as-of` day, in day order) is recorded
/// in `staleness_runs`, and the queue as periods in `staleness_periods` (`StalenessPeriods`:
/// a run writes what changed since the night before), so "newly stale since last night" is
/// answerable in SQL (`newly_stale`, `staleness_flags`); running the same day again prints
/// the stored report.
///
/// ```swift
/// let content = try NightlyReport.run(asOf: Day(iso: "2026-11-22")!, by: "cron", on: db)
/// print(ReportRenderer.markdown(content))
/// ```
public enum NightlyReport {
  /// The report for `asOf`: recorded now, or read back when that day was recorded before.
  public static func run(asOf: Day, by user: String, at time: String = "", on db: Database) throws
    -> ReportContent
  {
    // Weights move as the archive grows: judge every evidence link again first when it has
    // grown enough since they were (see `CheckAssessor.rebuildEvidence`).
    let recorded = try db.scalarInt(
      "SELECT count(*) FROM staleness_runs WHERE as_of = ?", [asOf.iso])
    if recorded == 0 {
      let assessor = try CheckAssessor(database: db)
      if try assessor.evidenceNeedsJudging() { try assessor.rebuildEvidence() }
    }
    return try db.transaction(.immediate) {
      if let stored = try db.queryFirst(
        "SELECT report FROM staleness_runs WHERE as_of = ?", [asOf.iso], { $0.text("report") ?? "" }
      ) {
        return try decode(stored)
      }
      return try record(asOf: asOf, by: user, at: time, on: db)
    }
  }

  /// A report asked for a day before the latest recorded run, which was not recorded then:
  /// the periods only move forward.
  public struct OutOfOrder: Error, CustomStringConvertible {
    public var asOf: Day
    public var latest: Day
    public var description: String {
      "no report was recorded for \(asOf.iso), and runs are recorded in day order: the latest "
        + "is for \(latest.iso) (`factarchive report --list` shows the recorded days)"
    }
  }

  /// One recorded run, as `staleness_runs` holds it.
  public struct RecordedRun: Sendable, Equatable {
    public var asOf: Day
    public var recordedAt: String
    public var recordedBy: String
    public var checks: Int
    public var stale: Int
    public var newStale: Int
    public var refreshed: Int
    public var snoozed: Int
    public var reviewed: Int
  }

  /// Every recorded run, newest first (at most `limit`).
  public static func recordedRuns(limit: Int = 365, on db: Database) throws -> [RecordedRun] {
    try db.query(
      """
      SELECT as_of, created_at, created_by, checks, stale, new_stale, refreshed, snoozed, reviewed
      FROM staleness_runs ORDER BY as_of DESC LIMIT ?
      """, [limit]
    ) { row in
      RecordedRun(
        asOf: row.day("as_of") ?? Day(daysSinceEpoch: 0), recordedAt: row.text("created_at") ?? "",
        recordedBy: row.text("created_by") ?? "", checks: row.int("checks"),
        stale: row.int("stale"),
        newStale: row.int("new_stale"), refreshed: row.int("refreshed"),
        snoozed: row.int("snoozed"), reviewed: row.int("reviewed"))
    }
  }

  /// The report recorded for `asOf`, read back without recording anything; `nil` when that
  /// day was not recorded.
  public static func recorded(asOf: Day, on db: Database) throws -> ReportContent? {
    guard
      let stored = try db.queryFirst(
        "SELECT report FROM staleness_runs WHERE as_of = ?", [asOf.iso], { $0.text("report") ?? "" }
      )
    else { return nil }
    return try decode(stored)
  }

  static func decode(_ text: String) throws -> ReportContent {
    try JSONDecoder().decode(ReportContent.self, from: Data(text.utf8))
  }

  static func encode(_ content: ReportContent) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(content), as: UTF8.self)
  }

  private static func record(asOf: Day, by user: String, at time: String, on db: Database) throws
    -> ReportContent
  {
    let latest = try db.queryFirst(
      "SELECT as_of FROM staleness_runs ORDER BY as_of DESC LIMIT 1", [], { $0.day("as_of") })
    if let latest = latest ?? nil, latest > asOf {
      throw OutOfOrder(asOf: asOf, latest: latest)
    }
    let previous = try db.queryFirst(
      "SELECT id, as_of, last_check_id FROM staleness_runs ORDER BY as_of DESC LIMIT 1", []
    ) {
      (
        id: $0.int64("id"),
        run: StalenessPeriods.PreviousRun(
          asOf: $0.day("as_of") ?? asOf,
          lastCheckID: $0.optionalInt("last_check_id").map(Int64.init))
      )
    }
    try db.execute(
      """
      INSERT INTO staleness_runs
        (as_of, created_at, created_by, checks, stale, new_stale, refreshed, snoozed, undated, report,
         last_check_id)
      VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, '', (SELECT coalesce(max(id), 0) FROM checks))
      """, [asOf.iso, time, user])
    let runID = db.lastInsertedRowID
    try StalenessPeriods.advance(runID: runID, asOf: asOf, previous: previous?.run, on: db)

    let explainer = try ReasonExplainer(database: db, asOf: asOf)
    let reviews = try Reviews.dated(after: previous?.run.asOf, through: asOf, in: db)
    func count(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> Int {
      Int(try db.scalarInt(sql, arguments))
    }
    let newStale = try count(
      "SELECT count(*) FROM staleness_periods AS p WHERE \(StalenessPeriods.newlyStale(run: "?"))",
      [runID])
    let refreshed = try count(
      "SELECT count(*) FROM staleness_periods WHERE closed_run = ? AND closed_as = 'refreshed'",
      [runID])
    let queue = try QueueCounts(asOf: asOf, on: db)
    let (ageBands, latestChecks, undated) = try ageBands(asOf: asOf, on: db)
    let totals = ReportContent.Totals(
      checks: latestChecks, stale: queue.stale, newStale: newStale,
      stillStale: queue.stale - newStale, refreshed: refreshed, snoozed: queue.snoozed,
      undated: undated, reviewed: reviews.count)
    try db.execute(
      """
      UPDATE staleness_runs SET checks = ?, stale = ?, new_stale = ?, refreshed = ?, snoozed = ?,
        undated = ?, reviewed = ?
      WHERE id = ?
      """,
      [
        totals.checks, totals.stale, totals.newStale, totals.refreshed, totals.snoozed,
        totals.undated, reviews.count, runID,
      ])
    let lists = ReportLists(runID: runID, asOf: asOf, explainer: explainer, db: db)
    let history = try db.query(
      """
      SELECT as_of, stale FROM (
        SELECT as_of, stale FROM staleness_runs WHERE as_of <= ? ORDER BY as_of DESC LIMIT 60)
      ORDER BY as_of
      """, [asOf.iso]
    ) { ReportContent.Count(name: $0.text("as_of") ?? "", count: $0.int("stale")) }
    let content = ReportContent(
      asOf: asOf, recordedAt: time, previousAsOf: previous?.run.asOf, totals: totals,
      byTopic: queue.byTopic, byReason: queue.byReason, ageBands: ageBands, history: history,
      newlyStale: try lists.newlyStale(count: newStale), stillStale: try lists.stillStale(),
      refreshed: try lists.refreshed(), snoozed: try lists.snoozed(),
      oldest: try oldest(asOf: asOf, explainer: explainer, on: db), byTier: queue.byTier,
      reviewed: try reviewedChecks(reviews, asOf: asOf, explainer: explainer, on: db))
    try db.execute(
      "UPDATE staleness_runs SET report = ? WHERE id = ?", [try encode(content), runID])
    return content
  }

  /// The latest checks by age band on `asOf`, how many there are, and how many have no
  /// `Checked on` date: one pass over the `checks_by_age` index, comparing dates (a check
  /// is at most N days old when its date is on or after `asOf` minus N days).
  private static func ageBands(asOf: Day, on db: Database) throws
    -> (bands: [ReportContent.Count], checks: Int, undated: Int)
  {
    let bands: [(String, Int)] = [
      ("0–30 days", 30), ("31–90 days", 90), ("91–180 days", 180), ("181–365 days", 365),
      ("1–2 years", 730),
    ]
    let date = "coalesce(checked_on, checked_on_inferred)"
    var sums: [String] = []
    var values: [any DatabaseValueConvertible] = []
    var newer: String?
    for (_, days) in bands {
      let since = asOf.adding(days: -days).iso
      sums.append("sum(\(date) >= ?" + (newer == nil ? "" : " AND \(date) < ?") + ")")
      values.append(since)
      if let newer { values.append(newer) }
      newer = since
    }
    sums.append("sum(\(date) < ?)")
    values.append(newer ?? asOf.iso)
    let counts =
      try db.queryFirst(
        """
        SELECT count(*) AS checks, sum(checked_on IS NULL) AS undated, sum(\(date) IS NULL),
               \(sums.joined(separator: ", "))
        FROM checks WHERE superseded = 0
        """, values
      ) { row in (0..<(3 + bands.count + 1)).map { row.int(at: Int32($0)) } } ?? []
    guard counts.count == 3 + bands.count + 1 else { return ([], 0, 0) }
    let names = bands.map(\.0) + ["over 2 years", "no date"]
    let perBand = Array(counts[3...]) + [counts[2]]
    return (
      zip(names, perBand).map { ReportContent.Count(name: $0, count: $1) }, counts[0], counts[1]
    )
  }

  /// The checks behind `reviews` (the latest review of each, newest first), as they stand.
  private static func reviewedChecks(
    _ reviews: [Review], asOf: Day, explainer: ReasonExplainer, on db: Database
  ) throws -> [StaleCheck] {
    var latest: [Int64: Review] = [:]
    for review in reviews { latest[review.checkID] = review }
    let ordered = latest.values.sorted {
      ($0.reviewedOn, $0.id) > ($1.reviewedOn, $1.id)
    }.prefix(ReportContent.listLimit)
    let statement = try db.prepare(
      """
      SELECT \(StaleQueue.columns())
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE c.id = :id
      """)
    var result: [StaleCheck] = []
    for review in ordered {
      try statement.bind(named: [":id": review.checkID, ":as_of": asOf.iso])
      try statement.forEachRow { row in
        var check = try explainer.check(from: row, maxAgeOverride: nil)
        if check.dueOn > asOf || row.isNull("due_on") { check.reasons = [] }
        check.lastReview = review
        result.append(check)
      }
    }
    return result
  }

  /// The oldest latest checks (by their stated or inferred date), whatever their state.
  private static func oldest(asOf: Day, explainer: ReasonExplainer, on db: Database) throws
    -> [StaleCheck]
  {
    let statement = try db.prepare(
      """
      SELECT \(StaleQueue.columns())
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE c.superseded = 0 AND coalesce(c.checked_on, c.checked_on_inferred) <= :as_of
      ORDER BY coalesce(c.checked_on, c.checked_on_inferred), c.id
      LIMIT :limit
      """)
    try statement.bind(named: [":as_of": asOf.iso, ":limit": ReportContent.oldestLimit])
    var result: [StaleCheck] = []
    try statement.forEachRow { row in
      var check = try explainer.check(from: row, maxAgeOverride: nil)
      if check.dueOn > asOf { check.reasons = [] }
      result.append(check)
    }
    return result
  }
}

import FactArchiveCore
import FactArchiveDatabase
import FactArchivePolicy
import FactArchiveStore
import Foundation

/// The nightly staleness report: each run (one per `--as-of` day) is recorded in
/// `staleness_runs` with every flagged check in `staleness_flags`, so "newly stale since
/// last night" is answerable in SQL; running the same day again prints the stored report.
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
    let previous = try db.queryFirst(
      "SELECT id, as_of FROM staleness_runs WHERE as_of < ? ORDER BY as_of DESC LIMIT 1", [asOf.iso]
    ) { (id: $0.int64("id"), asOf: $0.day("as_of")) }
    try db.execute(
      """
      INSERT INTO staleness_runs
        (as_of, created_at, created_by, checks, stale, new_stale, refreshed, snoozed, undated, report)
      VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, '')
      """, [asOf.iso, time, user])
    let runID = db.lastInsertedRowID
    let values: [String: any DatabaseValueConvertible] = [
      ":run": runID, ":previous": previous?.id ?? 0, ":as_of": asOf.iso,
    ]
    // Every stale latest check, with its status against the previous run.
    try execute(
      db,
      """
      INSERT INTO staleness_flags (run_id, check_id, status, reasons, due_on)
      SELECT :run, c.id,
             CASE WHEN \(StaleQueue.snoozedUntil) IS NOT NULL THEN 'snoozed'
                  WHEN EXISTS (SELECT 1 FROM staleness_flags AS p
                               WHERE p.run_id = :previous AND p.check_id = c.id
                                 AND p.status IN ('new', 'still', 'snoozed')) THEN 'still'
                  ELSE 'new' END,
             \(StaleQueue.reasonCodes()), c.due_on
      FROM checks AS c
      WHERE c.superseded = 0 AND c.due_on <= :as_of
      """, values)
    // Checks the previous run flagged that a newer check has replaced since.
    try execute(
      db,
      """
      INSERT INTO staleness_flags (run_id, check_id, status, reasons, due_on)
      SELECT :run, p.check_id, 'refreshed', p.reasons, p.due_on
      FROM staleness_flags AS p JOIN checks AS c ON c.id = p.check_id
      WHERE p.run_id = :previous AND p.status IN ('new', 'still', 'snoozed') AND c.superseded = 1
      """, values.filter { $0.key != ":as_of" })

    let explainer = try ReasonExplainer(database: db, asOf: asOf)
    let reviews = try Reviews.dated(after: previous?.asOf, through: asOf, in: db)
    func items(_ status: String, limit: Int = ReportContent.listLimit) throws -> [StaleCheck] {
      let statement = try db.prepare(
        """
        SELECT \(StaleQueue.columns())
        FROM staleness_flags AS f JOIN checks AS c ON c.id = f.check_id
        JOIN questions AS q ON q.id = c.question_id
        WHERE f.run_id = :run AND f.status = :status
        ORDER BY \(StaleQueue.orderBy(.tier)) LIMIT :limit
        """)
      try statement.bind(named: [
        ":run": runID, ":status": status, ":as_of": asOf.iso, ":limit": limit,
      ])
      var result: [StaleCheck] = []
      try statement.forEachRow { result.append(try explainer.check(from: $0, maxAgeOverride: nil)) }
      return result
    }
    func count(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> Int {
      Int(try db.scalarInt(sql, arguments))
    }
    let statusCounts = Dictionary(
      uniqueKeysWithValues: try db.query(
        """
        SELECT status, count(*) AS flags FROM staleness_flags WHERE run_id = ? GROUP BY status
        """, [runID]
      ) { ($0.text("status") ?? "", $0.int("flags")) })
    let queued = "f.run_id = \(runID) AND f.status IN ('new', 'still')"
    let totals = ReportContent.Totals(
      checks: try count("SELECT count(*) FROM checks WHERE superseded = 0"),
      stale: (statusCounts["new"] ?? 0) + (statusCounts["still"] ?? 0),
      newStale: statusCounts["new"] ?? 0, stillStale: statusCounts["still"] ?? 0,
      refreshed: statusCounts["refreshed"] ?? 0, snoozed: statusCounts["snoozed"] ?? 0,
      undated: try count("SELECT count(*) FROM checks WHERE superseded = 0 AND checked_on IS NULL"),
      reviewed: reviews.count)
    let byTopic = try db.query(
      """
      SELECT coalesce(c.topic, 'default') AS topic, count(*) AS checks
      FROM staleness_flags AS f JOIN checks AS c ON c.id = f.check_id
      WHERE \(queued) GROUP BY 1 ORDER BY 2 DESC, 1
      """
    ) { ReportContent.Count(name: $0.text("topic") ?? "", count: $0.int("checks")) }
    var byReason: [ReportContent.Count] = []
    for code in StaleReason.Code.allCases {
      let number = try count(
        "SELECT count(*) FROM staleness_flags AS f WHERE \(queued) AND ',' || f.reasons || ',' LIKE ?",
        ["%," + code.rawValue + ",%"])
      byReason.append(ReportContent.Count(name: code.rawValue, count: number))
    }
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
    let tierCounts = Dictionary(
      uniqueKeysWithValues: try db.query(
        """
        SELECT c.queue_tier AS tier, count(*) AS checks
        FROM staleness_flags AS f JOIN checks AS c ON c.id = f.check_id
        WHERE \(queued) AND c.queue_tier IS NOT NULL GROUP BY 1
        """
      ) { ($0.int("tier"), $0.int("checks")) })
    let byTier = QueueTier.all.map {
      ReportContent.Count(name: "\($0) \(QueueTier.name($0))", count: tierCounts[$0] ?? 0)
    }
    let history = try db.query(
      """
      SELECT as_of, stale FROM (
        SELECT as_of, stale FROM staleness_runs WHERE as_of <= ? ORDER BY as_of DESC LIMIT 60)
      ORDER BY as_of
      """, [asOf.iso]
    ) { ReportContent.Count(name: $0.text("as_of") ?? "", count: $0.int("stale")) }
    let content = ReportContent(
      asOf: asOf, recordedAt: time, previousAsOf: previous?.asOf, totals: totals, byTopic: byTopic,
      byReason: byReason, ageBands: try ageBands(asOf: asOf, on: db), history: history,
      newlyStale: try items("new"), stillStale: try items("still"),
      refreshed: try items("refreshed"),
      snoozed: try items("snoozed"), oldest: try oldest(asOf: asOf, explainer: explainer, on: db),
      byTier: byTier,
      reviewed: try reviewedChecks(reviews, asOf: asOf, explainer: explainer, on: db))
    try db.execute(
      "UPDATE staleness_runs SET report = ? WHERE id = ?", [try encode(content), runID])
    return content
  }

  private static func execute(
    _ db: Database, _ sql: String, _ values: [String: any DatabaseValueConvertible]
  ) throws {
    let statement = try db.prepare(sql)
    try statement.bind(named: values)
    while try statement.step() {}
  }

  /// The latest checks by age band on `asOf`.
  private static func ageBands(asOf: Day, on db: Database) throws -> [ReportContent.Count] {
    let bands: [(String, Int)] = [
      ("0–30 days", 30), ("31–90 days", 90), ("91–180 days", 180), ("181–365 days", 365),
      ("1–2 years", 730), ("over 2 years", Int.max),
    ]
    var counts = [Int](repeating: 0, count: bands.count + 1)
    try db.cachedStatement(
      """
      SELECT CAST(julianday(?) - julianday(coalesce(checked_on, checked_on_inferred)) AS INTEGER)
        AS age
      FROM checks WHERE superseded = 0
      """
    ).forEachRow([asOf.iso]) { row in
      guard let age = row.optionalInt("age").map({ max(0, $0) }) else {
        counts[bands.count] += 1
        return
      }
      counts[bands.firstIndex { age <= $0.1 } ?? bands.count - 1] += 1
    }
    return zip(bands.map(\.0) + ["no date"], counts).map {
      ReportContent.Count(name: $0, count: $1)
    }
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

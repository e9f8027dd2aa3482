import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore

/// Recording the nightly staleness report: each run (one per `--as-of` day, in day order)
/// is recorded in `staleness_runs`, and the queue as periods in `staleness_periods`
/// (`StalenessPeriods`: a run writes what changed since the night before), so "newly stale
/// since last night" is answerable in SQL (`newly_stale`, `staleness_flags`); running the
/// same day again prints the stored report.
///
/// ```swift
/// let content = try NightlyReport.run(asOf: Day(iso: "2026-11-22")!, by: "cron", on: db)
/// print(ReportRenderer.markdown(content))
/// ```
extension NightlyReport {
  /// The report for `asOf`: recorded now, or read back when that day was recorded before.
  public static func run(asOf: Day, by user: String, at time: String = "", on db: Connection)
    throws -> ReportContent
  {
    // Weights move as the archive grows: judge every evidence link again first when it has
    // grown enough since they were (see `CheckAssessor.rebuildEvidence`).
    if try recorded(asOf: asOf, on: db) == nil {
      let assessor = try CheckAssessor(database: db)
      if try assessor.evidenceNeedsJudging() { try assessor.rebuildEvidence() }
    }
    return try db.transaction(.immediate) {
      if let stored = try recorded(asOf: asOf, on: db) { return stored }
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

  private static func record(asOf: Day, by user: String, at time: String, on db: Connection)
    throws -> ReportContent
  {
    if let latest = try latestRecordedDay(on: db), latest > asOf {
      throw OutOfOrder(asOf: asOf, latest: latest)
    }
    let previous = try db.queryFirst(
      "SELECT as_of, last_check_id FROM staleness_runs ORDER BY as_of DESC LIMIT 1", []
    ) {
      StalenessPeriods.PreviousRun(
        asOf: $0.day("as_of") ?? asOf,
        lastCheckID: $0.optionalInt("last_check_id").map(Int64.init))
    }
    try db.execute(
      """
      INSERT INTO staleness_runs
        (as_of, created_at, created_by, checks, stale, new_stale, refreshed, snoozed, undated, report,
         last_check_id)
      VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, '', (SELECT coalesce(max(id), 0) FROM checks))
      """, [asOf.iso, time, user])
    let runID = db.lastInsertedRowID
    try StalenessPeriods.advance(runID: runID, asOf: asOf, previous: previous, on: db)
    let content = try ReportBuilder(
      runID: runID, asOf: asOf, previousAsOf: previous?.asOf, recordedAt: time
    ).content(on: db)
    let totals = content.totals
    try db.execute(
      """
      UPDATE staleness_runs SET checks = ?, stale = ?, new_stale = ?, refreshed = ?, snoozed = ?,
        undated = ?, reviewed = ?, report = ?
      WHERE id = ?
      """,
      [
        totals.checks, totals.stale, totals.newStale, totals.refreshed, totals.snoozed,
        totals.undated, totals.reviewed ?? 0, StoredReport.encode(content), runID,
      ])
    return content
  }
}

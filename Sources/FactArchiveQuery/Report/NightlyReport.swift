import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// The nightly staleness report, read: each run (one per `--as-of` day, in day order) is
/// recorded in `staleness_runs` with its report in the one JSON shape (`StoredReport`).
/// Runs are recorded by `NightlyReport.run` (`FactArchiveRecording`).
///
/// ```swift
/// let content = try NightlyReport.recorded(asOf: Day(iso: "2026-11-22")!, on: db)
/// ```
public enum NightlyReport {
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
  public static func recordedRuns(limit: Int = 365, on db: Connection) throws -> [RecordedRun] {
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
  public static func recorded(asOf: Day, on db: Connection) throws -> ReportContent? {
    guard
      let stored = try db.queryFirst(
        "SELECT report FROM staleness_runs WHERE as_of = ?", [asOf.iso], { $0.text("report") ?? "" }
      )
    else { return nil }
    return try StoredReport.decode(stored)
  }

  /// The latest recorded day, if any run was recorded.
  public static func latestRecordedDay(on db: Connection) throws -> Day? {
    try db.queryFirst(
      "SELECT as_of FROM staleness_runs ORDER BY as_of DESC LIMIT 1", [], { $0.day("as_of") })
      ?? nil
  }
}

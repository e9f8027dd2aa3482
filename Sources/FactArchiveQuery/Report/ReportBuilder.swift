import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

/// What a nightly report says, read from the archive once its run has brought the queue's
/// periods up to the day (`NightlyReport.run` in `FactArchiveRecording` records both).
public struct ReportBuilder {
  public var runID: Int64
  public var asOf: Day
  public var previousAsOf: Day?
  public var recordedAt: String

  public init(runID: Int64, asOf: Day, previousAsOf: Day?, recordedAt: String) {
    self.runID = runID
    self.asOf = asOf
    self.previousAsOf = previousAsOf
    self.recordedAt = recordedAt
  }

  public func content(on db: Connection) throws -> ReportContent {
    let explainer = try ReasonExplainer(database: db, asOf: asOf)
    let reviews = try Reviews.dated(after: previousAsOf, through: asOf, in: db)
    let newStale = Int(
      try db.scalarInt(
        "SELECT count(*) FROM staleness_periods AS p WHERE \(PeriodSQL.newlyStale(run: "?"))",
        [runID]))
    let refreshed = Int(
      try db.scalarInt(
        "SELECT count(*) FROM staleness_periods AS p WHERE \(PeriodSQL.refreshed(run: "?"))",
        [runID]))
    let queue = try QueueCounts(asOf: asOf, on: db)
    let ages = try AgeBands(asOf: asOf, on: db)
    var totals = ReportContent.Totals(
      checks: ages.checks, stale: queue.stale, newStale: newStale,
      stillStale: queue.stale - newStale, refreshed: refreshed, snoozed: queue.snoozed,
      undated: ages.undated, reviewed: reviews.count)
    (totals.otherVerdicts, totals.disagreements) = try otherVerdicts(on: db)
    let lists = ReportLists(runID: runID, asOf: asOf, explainer: explainer, db: db)
    let history = try db.query(
      """
      SELECT as_of, stale FROM (
        SELECT as_of, stale FROM staleness_runs WHERE as_of <= ? AND id <> ?
        ORDER BY as_of DESC LIMIT 59)
      ORDER BY as_of
      """, [asOf.iso, runID]
    ) { ReportContent.Count(name: $0.text("as_of") ?? "", count: $0.int("stale")) }
    var content = ReportContent(
      asOf: asOf, recordedAt: recordedAt, previousAsOf: previousAsOf, totals: totals,
      byTopic: queue.byTopic, byReason: queue.byReason, ageBands: ages.bands,
      history: history + [ReportContent.Count(name: asOf.iso, count: totals.stale)],
      newlyStale: try lists.newlyStale(count: newStale), stillStale: try lists.stillStale(),
      refreshed: try lists.refreshed(), snoozed: try lists.snoozed(),
      oldest: try lists.oldest(), byTier: queue.byTier,
      reviewed: try lists.reviewed(reviews))
    content.byRatingClass = queue.byRatingClass
    content.feeds = try feeds(on: db)
    return content
  }

  /// Requests since the previous report (the day after it, UTC), the feed items they added,
  /// and every address whose last request failed; `nil` when nothing was ever fetched.
  func feeds(on db: Connection) throws -> FeedsSection? {
    guard try db.scalarInt("SELECT count(*) FROM fetched_urls") > 0 else { return nil }
    let since = previousAsOf.map { $0.adding(days: 1).iso } ?? ""
    let through = asOf.adding(days: 1).iso
    let fetched = try db.scalarInt(
      "SELECT count(*) FROM fetched_urls WHERE last_fetched_at >= ? AND last_fetched_at < ?",
      [since, through])
    let newItems = try db.scalarInt(
      "SELECT count(*) FROM feed_items WHERE first_seen_at >= ? AND first_seen_at < ?",
      [since, through])
    let failing = try db.query(
      """
      SELECT url, last_error, failing_since FROM fetched_urls
      WHERE failing_since IS NOT NULL ORDER BY failing_since, url
      """
    ) {
      FailingFeed(
        url: $0.text("url") ?? "", error: $0.text("last_error") ?? "",
        since: $0.text("failing_since") ?? "")
    }
    return FeedsSection(fetched: Int(fetched), newItems: Int(newItems), failing: failing)
  }

  /// Other publishers' verdicts on latest checks dated since the previous report (through
  /// the report's day), and how many disagree with ours.
  func otherVerdicts(on db: Connection) throws -> (Int, Int) {
    try db.queryFirst(
      """
      SELECT count(*) AS verdicts, coalesce(sum(o.disagrees), 0) AS disagreements
      FROM other_verdicts AS o JOIN checks AS c ON c.id = o.check_id
      WHERE c.superseded = 0 AND o.other_date > coalesce(:previous, '') AND o.other_date <= :as_of
      """, [previousAsOf?.iso, asOf.iso]
    ) { ($0.int("verdicts"), $0.int("disagreements")) } ?? (0, 0)
  }
}

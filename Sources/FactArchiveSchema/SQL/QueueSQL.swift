import FactArchiveCore
import FactArchivePolicy

/// "In the queue" as SQL: the one definition every reader of the queue uses (the stale
/// list, the desk's counts, the nightly report, the runs' periods and the `stale_now`
/// view), with the check's alias and the day as parameters.
///
/// A check is in the queue on a day when it is the latest of its question (`live`), its
/// stored due date has come (`due`: a withdrawn check has none) and no snooze is in force
/// (`snoozed`). Due dates are the policy's (`DueDate`, stored in `checks.due_on`), so the
/// queue is a range scan of an index.
///
/// ```swift
/// let queue = QueueSQL()  // c, :as_of
/// "SELECT c.id FROM checks AS c WHERE \(queue.queued) ORDER BY \(queue.orderBy(.tier))"
/// ```
public struct QueueSQL: Sendable {
  /// The check the conditions are about.
  public var check: CheckSQL
  /// The day, as SQL: a parameter (`:as_of`) or, in a view, `QueueSQL.today`.
  public var day: String

  public init(check alias: String = "c", day: String = ":as_of") {
    check = CheckSQL(alias)
    self.day = day
  }

  /// Today in local time, for views (researchers' `stale_now`).
  public static let today = "date('now', 'localtime')"

  var c: String { check.alias }

  // MARK: - Membership

  /// The latest check of its question.
  public var live: String { "\(c).superseded = 0" }

  /// Due on the day.
  public var due: String { "\(c).due_on <= \(day)" }

  /// Live and due, snoozed or not.
  public var stale: String { "\(live) AND \(due)" }

  /// Snooze `z` is in force on `day`: not ended early, and its day has not come.
  public static func snoozeInForce(_ z: String = "z", day: String) -> String {
    "\(z).ended_at IS NULL AND \(z).until > \(day)"
  }

  /// The checks a snooze holds out of the queue on the day (read once per statement).
  public var snoozedChecks: String {
    "SELECT z.check_id FROM snoozes AS z WHERE \(Self.snoozeInForce(day: day))"
  }

  /// A snooze holds the check out of the queue on the day.
  public var snoozed: String { "\(c).id IN (\(snoozedChecks))" }

  /// The last day of the snoozes in force, or NULL.
  public var snoozedUntil: String {
    "(SELECT max(z.until) FROM snoozes AS z WHERE z.check_id = \(c).id AND "
      + Self.snoozeInForce(day: day) + ")"
  }

  /// In the queue on the day: stale and not snoozed.
  public var queued: String { "\(stale) AND NOT \(snoozed)" }

  /// Stale, but snoozed.
  public var staleButSnoozed: String { "\(stale) AND \(snoozed)" }

  // MARK: - Order

  /// An order as an SQL `ORDER BY`, generated from `QueueOrder`.
  public func orderBy(_ order: QueueOrder) -> String {
    order.sql { key in
      switch key {
      case .tier: return "\(c).queue_tier"
      case .dueOn: return "\(c).due_on"
      case .reasonCount: return reasonCount()
      case .citationCount: return "\(c).citation_count"
      case .undated: return "\(check.baseDate) IS NULL"
      case .checkID: return "\(c).id"
      }
    }
  }

  // MARK: - The view

  /// `stale_now`: the queue today, for researchers, in the default order. Migration 010
  /// holds this text; a test fails when the two differ (then write a migration that
  /// creates the view again with the text the test prints).
  public static var staleNowView: String {
    let queue = QueueSQL(day: today)
    return """
      CREATE VIEW stale_now AS
      SELECT c.id AS check_id, c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred,
             c.due_on, CAST(julianday(\(today)) - julianday(c.due_on) AS INTEGER) AS overdue_days,
             c.topic, c.publisher_flagged_outdated, c.time_sensitive_terms, c.queue_tier, c.review_verdict
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE \(queue.queued)
      ORDER BY \(queue.orderBy(.tier))
      """
  }
}

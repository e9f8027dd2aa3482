import FactArchivePolicy
import FactArchiveStore

/// The refresh queue: the latest check of each question that is stale on a day, most
/// urgent first.
///
/// ```swift
/// let queue = try StaleQueue(asOf: Day(iso: "2026-11-22")!, limit: 100).run(on: db)
/// queue.first?.reasons.map(\.code)  // [.age, .publisherFlag]
/// ```
///
/// A check is stale from its stored due date (`checks.due_on`, set by the policy), so the
/// queue is a range scan of the `checks_stale_queue` index. Priority: the longest overdue
/// first (earliest due date), then the most reasons, then the most citations; a check with
/// no date at all comes last among equals. Superseded checks are never listed; snoozed
/// checks are left out until their snooze ends.
public struct StaleQueue: Sendable {
  public var asOf: Day
  /// Only checks of this topic (a topic rule's name; `default` for checks no topic claims).
  public var topic: String?
  /// Only checks stale for this reason.
  public var reason: StaleReason.Code?
  public var limit: Int?
  /// Judge every check with this maximum age instead of the policy (no index: a full scan).
  public var maxAgeOverride: Int?
  /// Include snoozed checks (marked with `snoozedUntil`).
  public var includeSnoozed = false

  public init(
    asOf: Day, topic: String? = nil, reason: StaleReason.Code? = nil, limit: Int? = nil,
    maxAgeOverride: Int? = nil
  ) {
    self.asOf = asOf
    self.topic = topic
    self.reason = reason
    self.limit = limit
    self.maxAgeOverride = maxAgeOverride
  }

  // MARK: - SQL

  static let baseDate = "coalesce(c.checked_on, c.checked_on_inferred)"

  /// Each reason as an SQL condition on `c` (a check) and `:as_of`.
  static func condition(_ code: StaleReason.Code, maxAge: String = "c.max_age_days") -> String {
    switch code {
    case .age:
      return "(\(baseDate) IS NOT NULL AND julianday(:as_of) - julianday(\(baseDate)) > \(maxAge))"
    case .publisherFlag:
      return "c.publisher_flagged_outdated = 1"
    case .timeSensitive:
      return "c.time_sensitive_terms IS NOT NULL"
    case .newerEvidence:
      return
        "EXISTS (SELECT 1 FROM check_evidence AS e WHERE e.check_id = c.id AND e.source_date <= :as_of)"
    case .undated:
      return "c.checked_on IS NULL"
    }
  }

  static let snoozedUntil =
    "(SELECT max(z.until) FROM snoozes AS z WHERE z.check_id = c.id AND z.ended_at IS NULL AND z.until > :as_of)"

  static var reasonCount: String {
    "(" + StaleReason.Code.allCases.map { "(\(condition($0)))" }.joined(separator: " + ") + ")"
  }

  /// The reason codes as `age,publisher_flag`, for recording runs.
  static var reasonCodes: String {
    "rtrim("
      + StaleReason.Code.allCases.map {
        "CASE WHEN \(condition($0)) THEN '\($0.rawValue),' ELSE '' END"
      }
      .joined(separator: " || ") + ", ',')"
  }

  /// The priority order, most urgent first.
  static var priority: String {
    "c.due_on, \(reasonCount) DESC, c.citation_count DESC, \(baseDate) IS NULL, c.id"
  }

  static let columns = """
    c.id, c.question_id, q.text, c.checked_on, c.checked_on_inferred, c.due_on, c.topic,
    c.max_age_days, c.publisher_flagged_outdated, c.time_sensitive_terms, c.citation_count,
    \(snoozedUntil)
    """

  // MARK: - Running

  public func run(on db: Database) throws -> [StaleCheck] {
    let explainer = try ReasonExplainer(database: db, asOf: asOf)
    if let maxAgeOverride {
      return try runOverride(on: db, maxAge: maxAgeOverride, explainer: explainer)
    }
    let statement = try prepareQueue(on: db)
    var checks: [StaleCheck] = []
    while try statement.step() {
      checks.append(try explainer.check(from: statement, maxAgeOverride: nil))
    }
    return checks
  }

  /// The queue's statement, bound: a range scan of `checks_stale_queue` up to the day.
  private func prepareQueue(on db: Database, prefix: String = "") throws -> Statement {
    var filters = ["c.superseded = 0", "c.due_on <= :as_of"]
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    if let topic {
      filters.append(topic == StalenessRule.defaultName ? "c.topic IS NULL" : "c.topic = :topic")
      if topic != StalenessRule.defaultName { values[":topic"] = topic }
    }
    if let reason { filters.append(Self.condition(reason)) }
    if !includeSnoozed { filters.append("\(Self.snoozedUntil) IS NULL") }
    var sql = """
      \(prefix)SELECT \(Self.columns)
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE \(filters.joined(separator: " AND "))
      ORDER BY \(Self.priority)
      """
    if let limit {
      sql += " LIMIT :limit"
      values[":limit"] = limit
    }
    let statement = try db.prepare(sql)
    try statement.bind(named: values)
    return statement
  }

  /// SQLite's plan for the queue query (`EXPLAIN QUERY PLAN`), one line per step: how the
  /// queue is found, for tests and for anyone tuning a large archive.
  public func queryPlan(on db: Database) throws -> [String] {
    let statement = try prepareQueue(on: db, prefix: "EXPLAIN QUERY PLAN ")
    var plan: [String] = []
    while try statement.step() { plan.append(statement.text(at: 3) ?? "") }
    return plan
  }

  /// `--max-age`: every check judged by one maximum age, computed here rather than stored.
  private func runOverride(on db: Database, maxAge: Int, explainer: ReasonExplainer) throws
    -> [StaleCheck]
  {
    var filters = ["c.superseded = 0"]
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    if let topic {
      filters.append(topic == StalenessRule.defaultName ? "c.topic IS NULL" : "c.topic = :topic")
      if topic != StalenessRule.defaultName { values[":topic"] = topic }
    }
    if !includeSnoozed { filters.append("\(Self.snoozedUntil) IS NULL") }
    let statement = try db.prepare(
      """
      SELECT \(Self.columns), substr(d.ingested_at, 1, 10)
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      JOIN documents AS d ON d.id = c.document_id
      WHERE \(filters.joined(separator: " AND "))
      """)
    try statement.bind(named: values)
    var checks: [StaleCheck] = []
    while try statement.step() {
      var check = try explainer.check(from: statement, maxAgeOverride: maxAge)
      let ingested = statement.text(at: 12).flatMap { Day(iso: $0) } ?? asOf
      var due = check.baseDate.map { $0.adding(days: maxAge + 1) } ?? ingested
      if let base = check.baseDate, statement.bool(at: 8) { due = min(due, base) }
      if let evidence = check.evidence.map(\.date).min() { due = min(due, evidence) }
      guard due <= asOf else { continue }
      check.dueOn = due
      check.overdueDays = asOf.days(since: due)
      if let reason, !check.reasons.contains(where: { $0.code == reason }) { continue }
      checks.append(check)
    }
    checks.sort(by: Self.isMoreUrgent)
    if let limit { return Array(checks.prefix(limit)) }
    return checks
  }

  /// The priority order as a comparison (the same as the SQL `ORDER BY`).
  static func isMoreUrgent(_ left: StaleCheck, _ right: StaleCheck) -> Bool {
    if left.dueOn != right.dueOn { return left.dueOn < right.dueOn }
    if left.reasons.count != right.reasons.count { return left.reasons.count > right.reasons.count }
    if left.citationCount != right.citationCount { return left.citationCount > right.citationCount }
    if (left.baseDate == nil) != (right.baseDate == nil) { return left.baseDate != nil }
    return left.checkID < right.checkID
  }
}

import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

/// The refresh queue: the latest check of each question that is stale on a day, most
/// urgent first.
///
/// ```swift
/// let queue = try StaleQueue(asOf: Day(iso: "2026-11-22")!, limit: 100).run(on: db)
/// queue.first?.reasons.map(\.code)  // [.age, .publisherFlag]
/// ```
///
/// A check is stale from its stored due date (`checks.due_on`, set by the policy). The
/// default order takes checks tier by tier (`QueueTier`, stored as `checks.queue_tier`): a
/// scan of the `checks_by_tier` index. Superseded and withdrawn checks are never listed;
/// snoozed checks are left out until their snooze ends.
public struct StaleQueue: Sendable {
  public var asOf: Day
  /// The order of the list (`QueueOrder`).
  public var order: QueueOrder = .tier
  /// Only checks of this topic (a topic rule's name; `default` for checks no topic claims).
  public var topic: String?
  /// Only checks stale for this reason.
  public var reason: StaleReason.Code?
  public var limit: Int?
  /// Judge every check with this maximum age instead of the policy (no index: a full scan).
  public var maxAgeOverride: Int?
  /// Include snoozed checks (marked with `snoozedUntil`).
  public var includeSnoozed = false
  /// Only checks in this tier.
  public var tier: QueueTier?
  /// Only other publishers' checks whose rating has this class.
  public var ratingClass: RatingClass?
  /// Only checks whose question contains this text (any case for ASCII letters).
  public var text: String?
  /// Skip this many checks of the list (for paging).
  public var offset: Int?

  public init(
    asOf: Day, topic: String? = nil, reason: StaleReason.Code? = nil, limit: Int? = nil,
    maxAgeOverride: Int? = nil, order: QueueOrder = .tier
  ) {
    self.asOf = asOf
    self.order = order
    self.topic = topic
    self.reason = reason
    self.limit = limit
    self.maxAgeOverride = maxAgeOverride
  }

  // MARK: - SQL

  /// The queue's rule, on `c` and `:as_of` (`QueueSQL`: the one definition).
  static let queue = QueueSQL()

  /// What `ReasonExplainer` reads, from `checks AS c JOIN questions AS q`.
  static func columns(overridden: Bool = false) -> String {
    """
    c.id, c.question_id, q.text AS question, c.checked_on, c.checked_on_inferred, c.due_on,
    c.topic, c.max_age_days, c.time_sensitive_terms, c.citation_count, c.queue_tier,
    c.review_verdict, c.reviewed_on, c.publisher, c.rating_class,
    \(queue.check.agedFrom) AS aged_from,
    \(queue.snoozedUntil) AS snoozed_until,
    \(queue.reasonCodes(overridden: overridden)) AS reason_codes
    """
  }

  /// The filters every form of the queue shares: live checks, the topic, the tier, the
  /// question's text, snoozes.
  private func commonFilters(_ values: inout [String: any DatabaseValueConvertible]) -> [String] {
    var filters = [Self.queue.live]
    if let tier {
      filters.append("c.queue_tier = :tier")
      values[":tier"] = tier.rawValue
    }
    if let ratingClass {
      filters.append("c.rating_class = :rating_class")
      values[":rating_class"] = ratingClass.rawValue
    }
    if let text, !text.isEmpty {
      filters.append("q.text LIKE :text ESCAPE '\\'")
      values[":text"] = "%" + Self.escapeLike(text) + "%"
    }
    if let topic {
      if topic == StalenessRule.defaultName {
        filters.append("c.topic IS NULL")
      } else {
        filters.append("c.topic = :topic")
        values[":topic"] = topic
      }
    }
    if !includeSnoozed { filters.append("NOT \(Self.queue.snoozed)") }
    return filters
  }

  // MARK: - Running

  public func run(on db: Connection) throws -> [StaleCheck] {
    let explainer = try ReasonExplainer(database: db, asOf: asOf)
    if let maxAgeOverride {
      return try runOverride(on: db, maxAge: maxAgeOverride, explainer: explainer)
    }
    let statement = try prepareQueue(on: db)
    var checks: [StaleCheck] = []
    try statement.forEachRow { row in
      checks.append(try explainer.check(from: row, maxAgeOverride: nil))
    }
    return checks
  }

  /// The queue's statement, bound: a range scan of `checks_stale_queue` up to the day.
  private func prepareQueue(on db: Connection, prefix: String = "") throws -> Statement {
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    var filters = commonFilters(&values) + [Self.queue.due]
    if order == .tier {
      // Listing the tiers lets SQLite walk `checks_by_tier` one tier after another, each a
      // range scan by due date, and stop at the limit.
      let tiers = QueueTier.allCases.map { String($0.rawValue) }.joined(separator: ", ")
      filters.append("c.queue_tier IN (\(tiers))")
    }
    if let reason { filters.append(Self.queue.reason(reason)) }
    var sql = """
      \(prefix)SELECT \(Self.columns())
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE \(filters.joined(separator: " AND "))
      ORDER BY \(Self.queue.orderBy(order))
      """
    if let limit {
      sql += " LIMIT :limit"
      values[":limit"] = limit
      if let offset, offset > 0 {
        sql += " OFFSET :offset"
        values[":offset"] = offset
      }
    }
    let statement = try db.prepare(sql)
    try statement.bind(named: values)
    return statement
  }

  /// SQLite's plan for the queue query (`EXPLAIN QUERY PLAN`), one line per step: how the
  /// queue is found, for tests and for anyone tuning a large archive.
  public func queryPlan(on db: Connection) throws -> [String] {
    let statement = try prepareQueue(on: db, prefix: "EXPLAIN QUERY PLAN ")
    var plan: [String] = []
    try statement.forEachRow { plan.append($0.text("detail") ?? "") }
    return plan
  }

  /// `--max-age`: every check judged by one maximum age, its due date computed here by
  /// `DueDate` rather than read from the archive.
  private func runOverride(on db: Connection, maxAge: Int, explainer: ReasonExplainer) throws
    -> [StaleCheck]
  {
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso, ":max_age": maxAge]
    var filters = commonFilters(&values)
    if let reason { filters.append(Self.queue.reason(reason, overridden: true)) }
    let statement = try db.prepare(
      """
      SELECT \(Self.columns(overridden: true)), \(CheckTimeline.columns)
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      JOIN documents AS d ON d.id = c.document_id
      WHERE \(filters.joined(separator: " AND "))
      """)
    try statement.bind(named: values)
    var checks: [StaleCheck] = []
    try statement.forEachRow { row in
      guard
        let due = DueDate.of(
          CheckTimeline(row: row, ingestedOnFallback: asOf), maxAgeDays: maxAge),
        due <= asOf
      else { return }
      var check = try explainer.check(from: row, maxAgeOverride: maxAge)
      check.dueOn = due
      check.overdueDays = asOf.days(since: due)
      checks.append(check)
    }
    checks.sort { order.isMoreUrgent($0, $1) { $0.priorityValue($1) } }
    let start = min(checks.count, max(0, offset ?? 0))
    let end = limit.map { min(checks.count, start + $0) } ?? checks.count
    return Array(checks[start..<end])
  }

  /// How many checks the queue holds in each tier (with every filter but the tier, the
  /// reason, the limit and the offset): what the desk's tabs show.
  public func tierCounts(on db: Connection) throws -> [QueueTier: Int] {
    if text == nil, ratingClass == nil { return try tierCountsKept(on: db) }
    var unfiltered = self
    unfiltered.tier = nil
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    let filters = unfiltered.commonFilters(&values) + [Self.queue.due]
    let statement = try db.prepare(
      """
      SELECT c.queue_tier AS tier, count(*) AS checks
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE \(filters.joined(separator: " AND ")) AND c.queue_tier IS NOT NULL
      GROUP BY c.queue_tier
      """)
    try statement.bind(named: values)
    var counts: [QueueTier: Int] = [:]
    try statement.forEachRow { row in
      if let tier = QueueTier(rawValue: row.int("tier")) { counts[tier] = row.int("checks") }
    }
    return counts
  }

  /// The tier counts without text or verdict filters (of one topic or all), summed from
  /// `queue_counts` (live checks per tier, topic and due day, kept by every change that
  /// moves a check: `TierCounts`), less the few snoozed checks: a few thousand rows at any
  /// size, where counting the stale entries of `checks_by_tier` read about 900,000 of them
  /// at a million articles (129 ms; 278 ms for one topic).
  private func tierCountsKept(on db: Connection) throws -> [QueueTier: Int] {
    var counts = Dictionary(uniqueKeysWithValues: QueueTier.allCases.map { ($0, 0) })
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    if let topic { values[":topic"] = TierCounts.topicKey(filter: topic) }
    let sums = try db.query(TierCounts.dueBy(oneTopic: topic != nil), named: values) { row in
      (tier: QueueTier(rawValue: row.int("tier")), checks: row.int("checks"))
    }
    for row in sums {
      if let tier = row.tier { counts[tier] = row.checks }
    }
    guard !includeSnoozed else { return counts }
    let snoozed = try db.query(
      """
      SELECT c.queue_tier AS tier, count(*) AS checks FROM checks AS c
      WHERE \(Self.queue.staleButSnoozed) AND c.queue_tier IS NOT NULL
        \(topic == nil ? "" : "AND \(TierCounts.topicKey("c")) = :topic")
      GROUP BY c.queue_tier
      """, named: values
    ) { row in (tier: QueueTier(rawValue: row.int("tier")), checks: row.int("checks")) }
    for row in snoozed {
      if let tier = row.tier { counts[tier, default: 0] -= row.checks }
    }
    return counts
  }

  /// One live check as the queue would show it on `asOf`, whether or not it is due: its
  /// tier, due date, evidence, latest review and the reasons that apply that day.
  /// `nil` when there is no such check.
  public static func standing(of checkID: Int64, asOf: Day, on db: Connection) throws -> StaleCheck?
  {
    let explainer = try ReasonExplainer(database: db, asOf: asOf)
    let statement = try db.prepare(
      """
      SELECT \(columns())
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE c.id = :id
      """)
    try statement.bind(named: [":id": checkID, ":as_of": asOf.iso])
    var check: StaleCheck?
    try statement.forEachRow { check = try explainer.check(from: $0, maxAgeOverride: nil) }
    return check
  }

  /// `text` with LIKE's wildcards (and the escape character) escaped by a backslash.
  static func escapeLike(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      if scalar == "%" || scalar == "_" || scalar == "\\" { output += "\\" }
      output.unicodeScalars.append(scalar)
    }
    return output
  }
}

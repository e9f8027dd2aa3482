import FactArchiveCore
import FactArchiveDatabase
import FactArchivePolicy
import FactArchiveStore

/// What the nightly report counts of the queue on a day: how many checks, by tier, by
/// topic and by reason, and how many are snoozed. One aggregate over the covering
/// `checks_stale_queue` index (it carries every column the reasons read; the newer-evidence
/// reason looks each check up in `check_evidence`): no row of `checks` is read.
struct QueueCounts {
  var stale = 0
  var snoozed = 0
  var byTier: [ReportContent.Count] = []
  var byTopic: [ReportContent.Count] = []
  var byReason: [ReportContent.Count] = []

  /// In the queue: live, due, not snoozed (`c`, `:as_of`). (The snoozes in force are read
  /// once, not once per check.)
  static let queued = """
    c.superseded = 0 AND c.due_on <= :as_of \
    AND c.id NOT IN (SELECT check_id FROM snoozes WHERE ended_at IS NULL AND until > :as_of)
    """

  init(asOf: Day, on db: Database) throws {
    let codes = StaleReason.Code.allCases
    let tiers = QueueTier.all
    // The topics the rules name (a check's topic is one of them, or NULL for the default).
    let topics = try StalenessRule.all(in: db).filter { $0.kind == .topic }.map(\.name)
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    for (index, topic) in topics.enumerated() { values[":topic\(index)"] = topic }
    let sums =
      tiers.map { "coalesce(sum(c.queue_tier = \($0)), 0)" }
      + codes.map { "coalesce(sum(\(StaleQueue.condition($0))), 0)" }
      + ["coalesce(sum(c.topic IS NULL), 0)"]
      + topics.indices.map { "coalesce(sum(c.topic = :topic\($0)), 0)" }
    let aggregate = try db.prepare(
      "SELECT count(*), \(sums.joined(separator: ", ")) FROM checks AS c WHERE \(Self.queued)")
    try aggregate.bind(named: values)
    var counts: [Int] = []
    try aggregate.forEachRow { row in
      counts = (0...sums.count).map { row.int(at: Int32($0)) }
    }
    guard counts.count == 1 + sums.count else { return }
    stale = counts[0]
    byTier = tiers.enumerated().map { index, tier in
      ReportContent.Count(name: "\(tier) \(QueueTier.name(tier))", count: counts[1 + index])
    }
    byReason = codes.enumerated().map { index, code in
      ReportContent.Count(name: code.rawValue, count: counts[1 + tiers.count + index])
    }
    let perTopic = zip(
      [StalenessRule.defaultName] + topics, counts[(1 + tiers.count + codes.count)...])
    byTopic = perTopic.filter { $0.1 > 0 }.map { ReportContent.Count(name: $0.0, count: $0.1) }
      .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    if byTopic.reduce(0, { $0 + $1.count }) != stale {
      // A topic no rule names any more (a rule removed mid-way): count by the column.
      try countTopics(asOf: asOf, on: db)
    }
    snoozed = Int(
      try db.scalarInt(
        """
        SELECT count(*) FROM checks AS c
        WHERE c.superseded = 0 AND c.due_on <= ?1
          AND c.id IN (SELECT check_id FROM snoozes WHERE ended_at IS NULL AND until > ?1)
        """, [asOf.iso]))
  }

  private mutating func countTopics(asOf: Day, on db: Database) throws {
    byTopic = []
    let statement = try db.prepare(
      """
      SELECT coalesce(c.topic, '\(StalenessRule.defaultName)') AS topic, count(*) AS checks
      FROM checks AS c WHERE \(Self.queued) GROUP BY c.topic ORDER BY 2 DESC, 1
      """)
    try statement.bind(named: [":as_of": asOf.iso])
    try statement.forEachRow { row in
      byTopic.append(ReportContent.Count(name: row.text("topic") ?? "", count: row.int("checks")))
    }
  }
}

/// The report's lists (at most `ReportContent.listLimit` each, in the queue's order), each
/// read from where it is small: tonight's new periods, the queue's index for the rest.
struct ReportLists {
  var runID: Int64
  var asOf: Day
  var explainer: ReasonExplainer
  var db: Database

  /// Past this many new checks, the new list is read from the queue in order (stopping at
  /// the limit) rather than from the new periods (sorting them all).
  static let manyNew = 10_000

  /// The queue read in its order (tier, then due date), so a list stops after its first
  /// checks instead of sorting the whole queue.
  static let queueInOrder = "checks AS c INDEXED BY checks_by_tier"

  func newlyStale(count: Int) throws -> [StaleCheck] {
    let isNew =
      "EXISTS (SELECT 1 FROM staleness_periods AS p WHERE p.check_id = c.id AND \(StalenessPeriods.newlyStale(perCheck: true)))"
    if count > Self.manyNew {
      return try checks(
        "SELECT c.id FROM \(Self.queueInOrder) WHERE \(QueueCounts.queued) AND \(isNew)")
    }
    return try checks(
      """
      SELECT c.id FROM staleness_periods AS p JOIN checks AS c ON c.id = p.check_id
      WHERE \(StalenessPeriods.newlyStale())
      """)
  }

  func stillStale() throws -> [StaleCheck] {
    try checks(
      """
      SELECT c.id FROM \(Self.queueInOrder) WHERE \(QueueCounts.queued)
        AND NOT EXISTS (SELECT 1 FROM staleness_periods AS p
                        WHERE p.check_id = c.id AND \(StalenessPeriods.newlyStale(perCheck: true)))
      """)
  }

  func refreshed() throws -> [StaleCheck] {
    try checks(
      """
      SELECT c.id FROM staleness_periods AS p JOIN checks AS c ON c.id = p.check_id
      WHERE p.closed_run = :run AND p.closed_as = 'refreshed'
      """)
  }

  func snoozed() throws -> [StaleCheck] {
    try checks(
      """
      SELECT c.id FROM checks AS c
      WHERE c.superseded = 0 AND c.due_on <= :as_of
        AND c.id IN (SELECT check_id FROM snoozes WHERE ended_at IS NULL AND until > :as_of)
      """)
  }

  /// The checks `ids` selects (from `checks AS c`), most urgent first, explained.
  private func checks(_ ids: String) throws -> [StaleCheck] {
    let order = StaleQueue.orderBy(.tier)
    let statement = try StalenessPeriods.prepare(
      """
      SELECT \(StaleQueue.columns())
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE c.id IN (\(ids) ORDER BY \(order) LIMIT :limit)
      ORDER BY \(order)
      """, [":run": runID, ":as_of": asOf.iso, ":limit": ReportContent.listLimit], on: db)
    var result: [StaleCheck] = []
    try statement.forEachRow { result.append(try explainer.check(from: $0, maxAgeOverride: nil)) }
    return result
  }
}

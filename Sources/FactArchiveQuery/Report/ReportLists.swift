import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

/// The report's lists (at most `ReportContent.listLimit` each, in the queue's order), each
/// read from where it is small: tonight's new periods, the queue's index for the rest.
struct ReportLists {
  var runID: Int64
  var asOf: Day
  var explainer: ReasonExplainer
  var db: Connection

  /// Past this many new checks, the new list is read from the queue in order (stopping at
  /// the limit) rather than from the new periods (sorting them all).
  static let manyNew = 10_000

  /// The queue read in its order (tier, then due date), so a list stops after its first
  /// checks instead of sorting the whole queue.
  static let queueInOrder = "checks AS c INDEXED BY checks_by_tier"

  var queue: QueueSQL { QueueSQL() }

  func newlyStale(count: Int) throws -> [StaleCheck] {
    let isNew =
      "EXISTS (SELECT 1 FROM staleness_periods AS p WHERE p.check_id = c.id AND \(PeriodSQL.newlyStale(perCheck: true)))"
    if count > Self.manyNew {
      return try checks(
        "SELECT c.id FROM \(Self.queueInOrder) WHERE \(queue.queued) AND \(isNew)")
    }
    return try checks(
      """
      SELECT c.id FROM staleness_periods AS p JOIN checks AS c ON c.id = p.check_id
      WHERE \(PeriodSQL.newlyStale())
      """)
  }

  func stillStale() throws -> [StaleCheck] {
    try checks(
      """
      SELECT c.id FROM \(Self.queueInOrder) WHERE \(queue.queued)
        AND NOT EXISTS (SELECT 1 FROM staleness_periods AS p
                        WHERE p.check_id = c.id AND \(PeriodSQL.newlyStale(perCheck: true)))
      """)
  }

  func refreshed() throws -> [StaleCheck] {
    try checks(
      """
      SELECT c.id FROM staleness_periods AS p JOIN checks AS c ON c.id = p.check_id
      WHERE \(PeriodSQL.refreshed())
      """)
  }

  func snoozed() throws -> [StaleCheck] {
    try checks("SELECT c.id FROM checks AS c WHERE \(queue.staleButSnoozed)")
  }

  /// The checks `ids` selects (from `checks AS c`), most urgent first, explained.
  private func checks(_ ids: String) throws -> [StaleCheck] {
    let order = queue.orderBy(.tier)
    let sql = """
      SELECT \(StaleQueue.columns())
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE c.id IN (\(ids) ORDER BY \(order) LIMIT :limit)
      ORDER BY \(order)
      """
    let statement = try db.prepare(sql)
    let values: [String: any DatabaseValueConvertible] = [
      ":run": runID, ":as_of": asOf.iso, ":limit": ReportContent.listLimit,
    ]
    try statement.bind(named: values.filter { sql.contains($0.key) })
    var result: [StaleCheck] = []
    try statement.forEachRow { result.append(try explainer.check(from: $0, maxAgeOverride: nil)) }
    return result
  }

  /// The oldest latest checks (by their stated or inferred date), whatever their state.
  func oldest() throws -> [StaleCheck] {
    let date = queue.check.baseDate
    let statement = try db.prepare(
      """
      SELECT \(StaleQueue.columns())
      FROM checks AS c JOIN questions AS q ON q.id = c.question_id
      WHERE \(queue.live) AND \(date) <= :as_of
      ORDER BY \(date), c.id
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

  /// The checks behind `reviews` (the latest review of each, newest first), as they stand.
  func reviewed(_ reviews: [Review]) throws -> [StaleCheck] {
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
}

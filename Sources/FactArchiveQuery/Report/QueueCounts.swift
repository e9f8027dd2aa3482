import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

/// What the nightly report counts of the queue on a day: how many checks, by tier, by
/// topic and by reason, and how many are snoozed. One aggregate over the covering
/// `checks_stale_queue` index (it carries every column the reasons read; the newer-evidence
/// reason looks each check up in `check_evidence`): no row of `checks` is read. Each count
/// is a named column (`tier_1`, `reason_age`, `topic_0`), read by its name, so adding a
/// tier, a reason or a topic cannot shift another's count.
struct QueueCounts {
  var stale = 0
  var snoozed = 0
  var byTier: [ReportContent.Count] = []
  var byTopic: [ReportContent.Count] = []
  var byReason: [ReportContent.Count] = []
  var byRatingClass: [ReportContent.Count] = []

  init(asOf: Day, on db: Connection) throws {
    let queue = QueueSQL()
    // The topics the rules name (a check's topic is one of them, or NULL for the default).
    let topics = try StalenessRule.all(in: db).filter { $0.kind == .topic }.map(\.name)
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    for (index, topic) in topics.enumerated() { values[":topic_\(index)"] = topic }
    let sums =
      QueueTier.allCases.map {
        "coalesce(sum(c.queue_tier = \($0.rawValue)), 0) AS tier_\($0.rawValue)"
      }
      + StaleReason.Code.allCases.map {
        "coalesce(sum(\(queue.reason($0))), 0) AS reason_\($0.rawValue)"
      }
      + ["coalesce(sum(c.topic IS NULL), 0) AS topic_default"]
      + topics.indices.map { "coalesce(sum(c.topic = :topic_\($0)), 0) AS topic_\($0)" }
    let aggregate = try db.prepare(
      "SELECT count(*) AS stale, \(sums.joined(separator: ", ")) FROM checks AS c WHERE \(queue.queued)"
    )
    try aggregate.bind(named: values)
    var perTopic: [(name: String, count: Int)] = []
    try aggregate.forEachRow { row in
      stale = row.int("stale")
      byTier = QueueTier.allCases.map {
        ReportContent.Count(name: $0.label, count: row.int("tier_\($0.rawValue)"))
      }
      byReason = StaleReason.Code.allCases.map {
        ReportContent.Count(name: $0.rawValue, count: row.int("reason_\($0.rawValue)"))
      }
      perTopic =
        [(StalenessRule.defaultName, row.int("topic_default"))]
        + topics.enumerated().map { ($0.element, row.int("topic_\($0.offset)")) }
    }
    byTopic = perTopic.filter { $0.count > 0 }.map {
      ReportContent.Count(name: $0.name, count: $0.count)
    }
    .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    if byTopic.reduce(0, { $0 + $1.count }) != stale {
      // A topic no rule names any more (a rule removed mid-way): count by the column.
      try countTopics(asOf: asOf, on: db)
    }
    byRatingClass = try db.query(
      """
      SELECT c.rating_class AS rating_class, count(*) AS checks FROM checks AS c
      WHERE \(queue.queued) AND c.rating_class IS NOT NULL GROUP BY c.rating_class
      """, named: [":as_of": asOf.iso]
    ) { row in (row.text("rating_class").flatMap(RatingClass.init(rawValue:)), row.int("checks")) }
    .compactMap { rating, count in rating.map { (rating: $0, count: count) } }
    .sorted { Self.rank($0.rating) < Self.rank($1.rating) }
    .map { ReportContent.Count(name: $0.rating.rawValue, count: $0.count) }
    snoozed = Int(
      try db.scalarInt(
        "SELECT count(*) FROM checks AS c WHERE \(QueueSQL().staleButSnoozed)",
        named: [":as_of": asOf.iso]))
  }

  /// Rating classes from false to true, then unproven and other.
  static func rank(_ rating: RatingClass) -> Int {
    RatingClass.allCases.firstIndex(of: rating) ?? RatingClass.allCases.count
  }

  private mutating func countTopics(asOf: Day, on db: Connection) throws {
    byTopic = []
    let statement = try db.prepare(
      """
      SELECT coalesce(c.topic, '\(StalenessRule.defaultName)') AS topic, count(*) AS checks
      FROM checks AS c WHERE \(QueueSQL().queued) GROUP BY c.topic ORDER BY 2 DESC, 1
      """)
    try statement.bind(named: [":as_of": asOf.iso])
    try statement.forEachRow { row in
      byTopic.append(ReportContent.Count(name: row.text("topic") ?? "", count: row.int("checks")))
    }
  }
}

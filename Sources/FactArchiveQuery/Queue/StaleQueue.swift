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

  // MARK: - The text filter

  /// How the queue finds the checks whose question contains `text`.
  ///
  /// Every question holding the text holds each of its three-character runs, so
  /// `questions_trigram` gives a few more questions than match and LIKE drops the rest
  /// (`QuestionTextIndex`); a shorter text, which the index cannot look up, is compared with
  /// the questions' own rows, read in order. When few questions match, the queue is read from
  /// their checks and sorted; when many do, the queue is walked in its order as without a
  /// text, since a common text is met within its first rows.
  ///
  /// A reason or a verdict that few checks have is looked up the same way, when the text
  /// does not already lead (`fromChecks`): an index holding only the checks it can apply to
  /// gives them, and the queue is read from them.
  enum Plan {
    /// No text: nothing to look up.
    case compareEach
    /// Held by more than `countedQuestions` questions: listed in the queue's order, each
    /// question compared, and not counted.
    case common
    /// The checks of the questions `select` gives (an SQL `SELECT … AS id` reading
    /// `:questions`, bound to `value`): `matching` of them.
    case fromQuestions(select: String, value: String, matching: Int)
    /// The checks `select` gives (an SQL `SELECT … AS id` reading the queue's own
    /// parameters), at most `drivenChecks` of them.
    case fromChecks(select: String)

    /// Whether the queue is read from the looked-up questions or checks, then sorted.
    var leads: Bool {
      switch self {
      case .fromQuestions, .fromChecks: return true
      case .compareEach, .common: return false
      }
    }
  }

  /// Questions matching the text at most for the queue to be read from their checks (about
  /// 7 µs a question, its row and its checks', at 100,000 articles); a text that more
  /// questions hold is met within the first few hundred checks of the queue in order, of
  /// 100,000, or the first few thousand of 1,000,000 (about 8 µs a check compared).
  public var drivenQuestions = 5_000
  /// Questions matching the text at most for the desk's tier counts to be counted: each
  /// matching question and its checks are read (about 7 µs a question at 100,000 articles,
  /// so at most about 70 ms).
  public var countedQuestions = StaleQueue.defaultCountedQuestions
  public static let defaultCountedQuestions = 10_000
  /// Checks a reason or a verdict may apply to at most for the queue to be read from them
  /// (sorted: about 5 ms for 5,000 at 1,000,000 articles); a reason or verdict more checks
  /// have is met within the queue's first rows, walked in its order.
  public var drivenChecks = 5_000

  /// How this queue's text is looked up: the index (or, under three characters, the
  /// questions' rows) asked which questions hold it, up to `countedQuestions` + 1.
  func textPlan(on db: Connection) throws -> Plan {
    guard let text, !text.isEmpty else { return .compareEach }
    if let trigrams = QuestionTextIndex.trigrams(of: text) {
      let matching =
        try db.queryFirst(
          """
          SELECT count(*) FROM (SELECT 1 FROM questions_trigram WHERE questions_trigram MATCH ?
                                LIMIT ?)
          """, [trigrams, countedQuestions + 1]
        ) { $0.int(at: 0) } ?? 0
      guard matching <= countedQuestions else { return .common }
      return .fromQuestions(
        select:
          "SELECT rowid AS id FROM questions_trigram WHERE questions_trigram MATCH :questions",
        value: trigrams, matching: matching)
    }
    // The questions' rows in order (about 0.3 µs each: a quarter of a second at 1,000,000
    // articles for a text few hold, where comparing each queued check took seven), their
    // ids then handed to the queue as a JSON array.
    let ids = try db.query(
      "SELECT id FROM questions WHERE text LIKE ? ESCAPE '\\' LIMIT ?",
      [Self.likePattern(text), countedQuestions + 1]
    ) { $0.int64(at: 0) }
    guard ids.count <= countedQuestions else { return .common }
    return .fromQuestions(
      select: "SELECT value AS id FROM json_each(:questions)",
      value: "[" + ids.map(String.init).joined(separator: ",") + "]", matching: ids.count)
  }

  /// The queue's `FROM`: the checks and their questions, or, when `plan` reads the queue from
  /// the questions holding the text, those questions first (`CROSS JOIN` keeps SQLite to
  /// that order), then each one's checks by question: with a tier or topic filter SQLite
  /// would otherwise search the tier's or topic's index once per question (minutes at
  /// 100,000 articles).
  ///
  /// In the `citations` order the checks are walked in `checks_by_citations` whatever else
  /// filters them: with a tier or a topic SQLite would take that filter's index and sort
  /// every check it holds (8 s at 1,000,000 articles), where the walk stops at the page's
  /// end, filtering on the tier and topic the index holds.
  ///
  /// `questions: false` leaves the questions out of a walk that filters nothing by them.
  static func from(
    _ plan: Plan, order: QueueOrder = .tier, questions: Bool = true,
    _ values: inout [String: any DatabaseValueConvertible]
  ) -> String {
    if case .fromChecks(let select) = plan {
      return """
        (\(select)) AS m
        CROSS JOIN checks AS c ON c.id = m.id
        JOIN questions AS q ON q.id = c.question_id
        """
    }
    guard case .fromQuestions(let select, let value, _) = plan else {
      let walk = order == .citations ? " INDEXED BY checks_by_citations" : ""
      return "checks AS c\(walk)"
        + (questions ? " JOIN questions AS q ON q.id = c.question_id" : "")
    }
    values[":questions"] = value
    return """
      (\(select)) AS m
      CROSS JOIN questions AS q ON q.id = m.id
      CROSS JOIN checks AS c INDEXED BY checks_by_question ON c.question_id = q.id
      """
  }

  /// The plan for listing: from the questions only when few match; else, from the checks a
  /// rare reason or verdict can apply to (`candidates`), when there are any such.
  func listing(_ plan: Plan, on db: Connection, _ values: [String: any DatabaseValueConvertible])
    throws -> Plan
  {
    if case .fromQuestions = textLeading(plan) { return plan }
    return try candidates(on: db, values).map { .fromChecks(select: $0) } ?? .compareEach
  }

  /// `plan` when it reads the queue from few enough questions, else `compareEach`.
  func textLeading(_ plan: Plan) -> Plan {
    if case .fromQuestions(_, _, let matching) = plan, matching <= drivenQuestions {
      return plan
    }
    return .compareEach
  }

  /// The fewest checks a filter with an index of its own can hold (the reason's,
  /// `QueueSQL.candidates`; the verdict's, `checks_by_rating_class`; in the citations order,
  /// the tier's and the topic's), as `SELECT … AS id`, when they are at most `drivenChecks`;
  /// `nil` when no filter is that narrow.
  ///
  /// The citations order walks `checks_by_citations` whatever the tier or topic (`from`), so
  /// a tier or topic with few stale checks was found by walking the whole index (60 ms at
  /// 1,000,000 articles for an empty tier); the other orders' walks are the tier's and
  /// topic's own indexes.
  func candidates(on db: Connection, _ values: [String: any DatabaseValueConvertible]) throws
    -> String?
  {
    var selects: [String] = []
    if let reason, let select = Self.queue.candidates(reason) { selects.append(select) }
    if ratingClass != nil {
      selects.append(
        """
        SELECT id FROM checks INDEXED BY checks_by_rating_class
        WHERE superseded = 0 AND rating_class = :rating_class
        """)
    }
    if order == .citations {
      let due = "superseded = 0 AND \(QueueSQL(check: "checks").due)"
      if tier != nil {
        selects.append(
          "SELECT id FROM checks INDEXED BY checks_by_tier WHERE \(due) AND queue_tier = :tier")
      }
      if let topic {
        let named = topic == StalenessRule.defaultName ? "topic IS NULL" : "topic = :topic"
        selects.append(
          "SELECT id FROM checks INDEXED BY checks_by_topic_tier WHERE \(due) AND \(named)")
      }
    }
    var narrowest: (select: String, count: Int)?
    for select in selects {
      let statement = try db.prepare(
        "SELECT count(*) FROM (\(select) LIMIT \(drivenChecks + 1))")
      try statement.bind(named: values.filter { select.contains($0.key) })
      let count = try statement.step() ? statement.currentRow.int(at: 0) : 0
      statement.reset()
      if count <= drivenChecks, count < narrowest?.count ?? Int.max {
        narrowest = (select, count)
      }
    }
    return narrowest?.select
  }

  /// `LIKE`'s pattern for a text anywhere (`escapeLike`).
  static func likePattern(_ text: String) -> String {
    "%" + escapeLike(text) + "%"
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
      // `+` keeps SQLite from answering with `checks_by_rating_class` and a sort of every
      // check of the class (0.58 s at 1,000,000 articles for 63,000 such): a few are read
      // from that index first (`candidates`), many are met walking the queue's order.
      filters.append("+c.rating_class = :rating_class")
      values[":rating_class"] = ratingClass.rawValue
    }
    if let text, !text.isEmpty {
      filters.append("q.text LIKE :text ESCAPE '\\'")
      values[":text"] = Self.likePattern(text)
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
    try run(on: db, plan: try textPlan(on: db))
  }

  /// The list and its tier counts (`tierCounts`), the text looked up once: the desk's queue
  /// page.
  public func runCounting(on db: Connection) throws -> (
    checks: [StaleCheck], tierCounts: [QueueTier: Int]?
  ) {
    let plan = try textPlan(on: db)
    return (try run(on: db, plan: plan), try tierCounts(on: db, plan: plan))
  }

  private func run(on db: Connection, plan: Plan) throws -> [StaleCheck] {
    let explainer = try ReasonExplainer(database: db, asOf: asOf)
    if let maxAgeOverride {
      return try runOverride(on: db, maxAge: maxAgeOverride, explainer: explainer, plan: plan)
    }
    let statement = try prepareQueue(on: db, plan: plan)
    var checks: [StaleCheck] = []
    try statement.forEachRow { row in
      checks.append(try explainer.check(from: row, maxAgeOverride: nil))
    }
    return checks
  }

  /// The queue's statement, bound: a range scan of `checks_stale_queue` up to the day.
  private func prepareQueue(on db: Connection, plan: Plan, prefix: String = "") throws
    -> Statement
  {
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    var filters = commonFilters(&values) + [Self.queue.due]
    if order == .tier {
      // Listing the tiers lets SQLite walk `checks_by_tier` one tier after another, each a
      // range scan by due date, and stop at the limit.
      let tiers = QueueTier.allCases.map { String($0.rawValue) }.joined(separator: ", ")
      filters.append("c.queue_tier IN (\(tiers))")
    }
    if let reason { filters.append(Self.queue.reason(reason)) }
    let listed = try listing(plan, on: db, values)
    let orderBy = Self.queue.orderBy(order)
    var page = ""
    if let limit {
      page = " LIMIT :limit"
      values[":limit"] = limit
      if let offset, offset > 0 {
        page += " OFFSET :offset"
        values[":offset"] = offset
      }
    }
    // A page past the first is chosen by id too: the checks skipped are then passed over in
    // the walked index, without their rows or questions (page 5,000 at 1,000,000 articles:
    // 2.5–4.2 s read row by row, 50 ms in the index, migration 022).
    let byID = listed.leads || (limit != nil && (offset ?? 0) > 0)
    let questions = !byID || listed.leads || !(text?.isEmpty ?? true)
    let found = """
      FROM \(Self.from(listed, order: order, questions: questions, &values))
      WHERE \(filters.joined(separator: " AND "))
      ORDER BY \(orderBy)\(page)
      """
    let sql: String
    if byID {
      // Read from the questions holding a text (or a reason's checks), the rows are sorted,
      // so the page is chosen by id first and its columns read after: SQLite works out every
      // column of every row it sorts, and the reasons are subqueries (2,659 checks of a text
      // at 100,000 articles: 20 ms sorted with them).
      sql = """
        \(prefix)SELECT \(Self.columns())
        FROM checks AS c JOIN questions AS q ON q.id = c.question_id
        WHERE c.id IN (SELECT c.id \(found))
        ORDER BY \(orderBy)
        """
    } else {
      sql = "\(prefix)SELECT \(Self.columns())\n\(found)"
    }
    let statement = try db.prepare(sql)
    try statement.bind(named: values)
    return statement
  }

  /// SQLite's plan for the queue query (`EXPLAIN QUERY PLAN`), one line per step: how the
  /// queue is found, for tests and for anyone tuning a large archive.
  public func queryPlan(on db: Connection) throws -> [String] {
    let statement = try prepareQueue(
      on: db, plan: try textPlan(on: db), prefix: "EXPLAIN QUERY PLAN ")
    var plan: [String] = []
    try statement.forEachRow { plan.append($0.text("detail") ?? "") }
    return plan
  }

  /// `--max-age`: every check judged by one maximum age, its due date computed here by
  /// `DueDate` rather than read from the archive.
  private func runOverride(
    on db: Connection, maxAge: Int, explainer: ReasonExplainer, plan: Plan
  ) throws
    -> [StaleCheck]
  {
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso, ":max_age": maxAge]
    var filters = commonFilters(&values)
    if let reason { filters.append(Self.queue.reason(reason, overridden: true)) }
    let from = Self.from(textLeading(plan), &values)
    let statement = try db.prepare(
      """
      SELECT \(Self.columns(overridden: true)), \(CheckTimeline.columns)
      FROM \(from)
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
  /// reason, the limit and the offset): what the desk's tabs show. `nil` when the question
  /// text filter is too broad to count quickly: held by more than `countedQuestions`
  /// questions.
  public func tierCounts(on db: Connection) throws -> [QueueTier: Int]? {
    try tierCounts(on: db, plan: try textPlan(on: db))
  }

  private func tierCounts(on db: Connection, plan: Plan) throws -> [QueueTier: Int]? {
    if text?.isEmpty ?? true { return try tierCountsKept(on: db) }
    if case .common = plan { return nil }
    var unfiltered = self
    unfiltered.tier = nil
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    let filters = unfiltered.commonFilters(&values) + [Self.queue.due]
    let statement = try db.prepare(
      """
      SELECT c.queue_tier AS tier, count(*) AS checks
      FROM \(Self.from(plan, &values))
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

  /// The tier counts without a text filter (of one topic or all, one verdict or all),
  /// summed from `queue_counts` (live checks per tier, topic, rating class and due day, kept
  /// by every change that moves a check: `TierCounts`), less the few snoozed checks: a few
  /// thousand rows at any size, where counting the stale entries of `checks_by_tier` read
  /// about 900,000 of them at a million articles (129 ms; 278 ms for one topic; 0.3–1.1 s for
  /// the 63,000 checks of one verdict).
  private func tierCountsKept(on db: Connection) throws -> [QueueTier: Int] {
    var counts = Dictionary(uniqueKeysWithValues: QueueTier.allCases.map { ($0, 0) })
    var values: [String: any DatabaseValueConvertible] = [":as_of": asOf.iso]
    if let topic { values[":topic"] = TierCounts.topicKey(filter: topic) }
    if let ratingClass { values[":rating_class"] = ratingClass.rawValue }
    let sums = try db.query(
      TierCounts.dueBy(oneTopic: topic != nil, oneRating: ratingClass != nil), named: values
    ) { row in
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
        \(ratingClass == nil ? "" : "AND c.rating_class = :rating_class")
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

import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// Judging stored checks again.
extension CheckAssessor {
  public enum Scope: Sendable {
    /// Every check: after the rules change.
    case all
    /// Checks the policy has not judged yet (after a migration).
    case unjudged
  }

  /// Reloads the rules and recomputes topic, maximum age, time-sensitive wording, due date
  /// and tier of the checks in `scope`, in transactions of a thousand. Returns how many it
  /// judged. Checks judged for the first time get their names too.
  @discardableResult
  public func recompute(_ scope: Scope, progress: (Int) -> Void = { _ in }) throws -> Int {
    policy = try StalenessPolicy.load(from: db)
    let filter = scope == .all ? "1" : CheckSQL().unjudged
    let today = Day.today()
    var lastID: Int64 = 0
    var done = 0
    while true {
      let batch = try db.query(
        """
        SELECT c.id, \(CheckFacts.columns), c.key_terms IS NULL AS missing_terms,
          \(TierCounts.columns())
        FROM checks AS c
        JOIN questions AS q ON q.id = c.question_id
        JOIN documents AS d ON d.id = c.document_id
        WHERE c.id > ? AND \(filter)
        ORDER BY c.id LIMIT 1000
        """, [lastID]
      ) { row in
        (
          id: row.int64("id"), facts: CheckFacts(row: row, ingestedOnFallback: today),
          missingTerms: row.bool("missing_terms"), superseded: row.bool("superseded"),
          ratingClass: row.text("rating_class"), place: TierCounts.Place(row: row)
        )
      }
      guard let last = batch.last else { break }
      lastID = last.id
      try db.transaction {
        let update = try db.cachedStatement(
          """
          UPDATE checks SET topic = :topic, max_age_days = :max_age_days,
            time_sensitive_terms = :time_sensitive_terms, due_on = :due_on,
            queue_tier = :queue_tier,
            key_terms = CASE WHEN :missing_terms THEN :key_terms ELSE key_terms END
          WHERE id = :id
          """)
        for check in batch {
          let verdict = policy.assess(check.facts)
          try update.bind(verdict.topic, to: ":topic")
          try update.bind(verdict.maxAgeDays, to: ":max_age_days")
          try update.bind(verdict.timeSensitiveList, to: ":time_sensitive_terms")
          try update.bind(verdict.dueOn?.iso, to: ":due_on")
          try update.bind(verdict.tier?.rawValue, to: ":queue_tier")
          try update.bind(check.missingTerms, to: ":missing_terms")
          try update.bind(StoredList.names(verdict.keyTerms), to: ":key_terms")
          try update.bind(check.id, to: ":id")
          try update.run()
          try TierCounts.move(
            from: check.place,
            to: .init(
              superseded: check.superseded, tier: verdict.tier?.rawValue, topic: verdict.topic,
              ratingClass: check.ratingClass, dueOn: verdict.dueOn?.iso),
            on: db)
        }
      }
      done += batch.count
      progress(done)
    }
    return done
  }

  /// Sources stored before their names were kept (or before names came from the title and
  /// opening): finds their names. Returns how many.
  @discardableResult
  func fillSourceTerms() throws -> Int {
    let sources = try db.query(
      "SELECT s.id, s.title, s.body FROM sources AS s WHERE s.key_terms IS NULL"
    ) { row in (id: row.int64("id"), title: row.text("title") ?? "", body: row.text("body") ?? "") }
    try db.transaction {
      for source in sources {
        let terms = AboutText.sourceNames(title: source.title, body: source.body)
        try db.execute(
          "UPDATE sources SET key_terms = ? WHERE id = ?", [StoredList.names(terms), source.id])
      }
    }
    return sources.count
  }
}

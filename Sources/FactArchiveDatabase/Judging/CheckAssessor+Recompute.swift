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

  /// Reloads the rules and recomputes topic, maximum age, time-sensitive wording and due date
  /// of the checks in `scope`, in transactions of a thousand. Returns how many it judged.
  @discardableResult
  public func recompute(_ scope: Scope, progress: (Int) -> Void = { _ in }) throws -> Int {
    policy = try StalenessPolicy.load(from: db)
    let filter = scope == .all ? "1" : "c.due_on IS NULL"
    let today = Day.today()
    var lastID: Int64 = 0
    var done = 0
    while true {
      let batch = try db.query(
        """
        SELECT c.id, \(CheckFacts.columns), c.key_terms IS NULL AS missing_terms
        FROM checks AS c
        JOIN questions AS q ON q.id = c.question_id
        JOIN documents AS d ON d.id = c.document_id
        WHERE c.id > ? AND \(filter)
        ORDER BY c.id LIMIT 1000
        """, [lastID]
      ) { row in
        (
          id: row.int64("id"), facts: CheckFacts(row: row, ingestedOnFallback: today),
          missingTerms: row.bool("missing_terms")
        )
      }
      guard let last = batch.last else { break }
      lastID = last.id
      try db.transaction {
        let update = try db.cachedStatement(
          """
          UPDATE checks SET topic = :topic, max_age_days = :max_age_days,
            time_sensitive_terms = :time_sensitive_terms, due_on = :due_on,
            key_terms = CASE WHEN :missing_terms THEN :key_terms ELSE key_terms END
          WHERE id = :id
          """)
        for check in batch {
          let verdict = policy.assess(check.facts)
          try update.bind(verdict.topic, to: ":topic")
          try update.bind(verdict.maxAgeDays, to: ":max_age_days")
          try update.bind(verdict.timeSensitiveList, to: ":time_sensitive_terms")
          try update.bind(verdict.dueOn.iso, to: ":due_on")
          try update.bind(check.missingTerms, to: ":missing_terms")
          try update.bind(StoredList.names(verdict.keyTerms), to: ":key_terms")
          try update.bind(check.id, to: ":id")
          try update.run()
        }
      }
      done += batch.count
      progress(done)
    }
    if scope == .unjudged {
      try fillSourceTerms()
    }
    return done
  }

  /// Sources stored before key names were kept: find their names and link them.
  private func fillSourceTerms() throws {
    let sources = try db.query(
      """
      SELECT s.id, s.title, s.body, coalesce(s.published_on, s.published_on_inferred) AS day
      FROM sources AS s WHERE s.key_terms IS NULL
      """
    ) { row in
      (
        id: row.int64("id"), text: (row.text("title") ?? "") + "\n" + (row.text("body") ?? ""),
        day: row.day("day")
      )
    }
    for source in sources {
      let terms = KeyTerms.extract(from: source.text, limit: StalenessPolicy.sourceKeyTermLimit)
      try db.transaction {
        try db.execute(
          "UPDATE sources SET key_terms = ? WHERE id = ?", [StoredList.names(terms), source.id])
        if let day = source.day {
          try linkSource(source.id, keyTerms: terms, date: day)
        }
      }
    }
  }
}

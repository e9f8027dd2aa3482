import FactArchiveCore
import FactArchiveSchema
import FactArchiveStore

/// The queue night by night, as periods (`staleness_periods`): a check's period opens on the
/// night it enters the queue (`queued`, or `snoozed` in it) and closes on the night it
/// leaves or changes state. A run looks only at the checks whose place may have changed
/// since the run before (`staleness_changes`, filled by triggers; checks falling due since
/// that night; checks added since, with the other checks of their questions, which a new
/// check may have superseded; snoozes ending), so it writes, and mostly reads, what changed
/// rather than the whole queue.
enum StalenessPeriods {
  /// The run before this one, as far as periods are concerned.
  struct PreviousRun {
    var asOf: Day
    /// The largest check id it saw; `nil` for runs recorded before periods (the next run
    /// then looks at every check).
    var lastCheckID: Int64?
  }

  /// Brings the periods up to `asOf`, run `runID`.
  static func advance(runID: Int64, asOf: Day, previous: PreviousRun?, on db: Connection) throws {
    try db.execute(
      """
      CREATE TEMP TABLE IF NOT EXISTS run_candidates (check_id INTEGER PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE IF NOT EXISTS run_states (
        check_id INTEGER PRIMARY KEY, state TEXT, cause TEXT, reviewed_on TEXT) WITHOUT ROWID;
      CREATE TEMP TABLE IF NOT EXISTS run_closing (
        period_id INTEGER PRIMARY KEY, closed_as TEXT NOT NULL);
      DELETE FROM temp.run_candidates;
      DELETE FROM temp.run_states;
      DELETE FROM temp.run_closing;
      """)
    let queue = QueueSQL()
    let latest = QueueSQL(check: "checks")
    let values: [String: any DatabaseValueConvertible] = [
      ":run": runID, ":as_of": asOf.iso, ":previous": previous?.asOf.iso ?? "",
      ":last_check_id": previous?.lastCheckID ?? 0,
    ]
    if previous?.lastCheckID != nil {
      // What may have changed since the run before. Supersession is not watched by a
      // trigger (migration 009): it changes only for the checks of a question that gained a
      // check (read here: one added since, or one whose id was reused after a delete and so
      // is in staleness_changes) or lost one (the delete trigger records its siblings).
      // CROSS JOIN keeps the few changes as the outer loop: SQLite, without statistics,
      // would otherwise scan every check and look each up in them.
      try run(
        db,
        """
        INSERT OR IGNORE INTO temp.run_candidates (check_id)
        SELECT check_id FROM staleness_changes
        UNION ALL
        SELECT id FROM checks WHERE \(latest.stale) AND due_on > :previous
        UNION ALL
        SELECT o.id FROM checks AS n JOIN checks AS o ON o.question_id = n.question_id
        WHERE n.id > :last_check_id
        UNION ALL
        SELECT o.id FROM staleness_changes AS k CROSS JOIN checks AS n ON n.id = k.check_id
        CROSS JOIN checks AS o ON o.question_id = n.question_id
        UNION ALL
        SELECT check_id FROM snoozes WHERE until > :previous AND until <= :as_of
        """, values)
    } else {
      // No run saw every check: look at the whole queue and every open period, once.
      try run(
        db,
        """
        INSERT OR IGNORE INTO temp.run_candidates (check_id)
        SELECT id FROM checks WHERE \(latest.stale)
        UNION ALL
        SELECT check_id FROM staleness_periods WHERE closed_run IS NULL
        """, values)
    }
    // Where each candidate stands tonight, and why it would leave the queue.
    try run(
      db,
      """
      INSERT INTO temp.run_states (check_id, state, cause, reviewed_on)
      SELECT k.check_id,
             CASE WHEN c.id IS NULL OR NOT coalesce(\(queue.stale), 0) THEN NULL
                  WHEN \(queue.snoozed) THEN 'snoozed'
                  ELSE 'queued' END,
             CASE WHEN c.id IS NULL THEN 'removed'
                  WHEN c.superseded = 1 THEN 'refreshed'
                  WHEN \(queue.check.withdrawn) THEN 'withdrawn'
                  WHEN c.review_verdict IS NOT NULL THEN 'reviewed'
                  ELSE 'not_due' END,
             c.reviewed_on
      FROM temp.run_candidates AS k LEFT JOIN checks AS c ON c.id = k.check_id
      """, values)
    // Close the periods of checks that left the queue or changed state: per candidate
    // (CROSS JOIN), not a scan of every open period.
    try db.execute(
      """
      INSERT INTO temp.run_closing (period_id, closed_as)
      SELECT p.id,
             CASE WHEN s.state IS NOT NULL AND p.state = 'queued' THEN 'snoozed'
                  WHEN s.state IS NOT NULL THEN 'unsnoozed'
                  WHEN s.cause = 'reviewed' AND coalesce(s.reviewed_on, '') < p.opened_on
                    THEN 'not_due'
                  ELSE s.cause END
      FROM temp.run_states AS s
      CROSS JOIN staleness_periods AS p ON p.check_id = s.check_id AND p.closed_run IS NULL
      WHERE s.state IS NOT p.state
      """)
    try run(
      db,
      """
      UPDATE staleness_periods
      SET closed_run = :run, closed_on = :as_of,
          closed_as = (SELECT k.closed_as FROM temp.run_closing AS k
                       WHERE k.period_id = staleness_periods.id)
      WHERE id IN (SELECT period_id FROM temp.run_closing)
      """, values)
    // Open periods for checks that entered the queue or changed state.
    try run(
      db,
      """
      INSERT INTO staleness_periods (check_id, state, opened_run, opened_on, reasons, due_on)
      SELECT c.id, s.state, :run, :as_of, \(queue.reasonCodes()), c.due_on
      FROM temp.run_states AS s JOIN checks AS c ON c.id = s.check_id
      WHERE s.state IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM staleness_periods AS p
                        WHERE p.check_id = s.check_id AND p.closed_run IS NULL)
      """, values)
    try db.execute("DELETE FROM staleness_changes")
  }

  private static func run(
    _ db: Connection, _ sql: String, _ values: [String: any DatabaseValueConvertible]
  ) throws {
    let statement = try prepare(sql, values, on: db)
    while try statement.step() {}
  }

  /// A statement with those of `values` its SQL names bound (one set of values serves
  /// statements that each use some of them).
  private static func prepare(
    _ sql: String, _ values: [String: any DatabaseValueConvertible], on db: Connection
  ) throws -> Statement {
    let statement = try db.prepare(sql)
    try statement.bind(named: values.filter { sql.contains($0.key) })
    return statement
  }
}

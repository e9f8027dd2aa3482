import FactArchiveStore

/// Which check of a question is the latest, the only one judged for staleness: the one
/// rule, for the ingest writer and for merging and splitting questions. The latest check
/// has the latest date (stated, else inferred; undated checks come last), then the latest
/// id.
public enum QuestionSQL {
  /// The order of a question's checks, latest first.
  public static let latestFirst = """
    coalesce(checked_on, checked_on_inferred) IS NULL,
    coalesce(checked_on, checked_on_inferred) DESC, id DESC
    """

  /// Whether an editor merged a key away and has not split it again (`:publisher_key`,
  /// `:normalized_key`; a row or none): one index lookup, asked before `mergedInto`, whose
  /// recursion costs ten times as much to set up even when it finds nothing.
  public static let isMergedAway = """
    SELECT 1 FROM question_merges
    WHERE merged_publisher_key = :publisher_key AND merged_key = :normalized_key
      AND reason = 'editor' AND split_at IS NULL
    LIMIT 1
    """

  /// The question a key was merged into by an editor (`merge-questions`), following later
  /// merges, while not split again: a page asking it again lands there (`:publisher_key`,
  /// `:normalized_key`; one row or none).
  public static let mergedInto = """
    WITH RECURSIVE kept (id, depth) AS (
      SELECT question_id, 0 FROM question_merges
      WHERE merged_publisher_key = :publisher_key AND merged_key = :normalized_key
        AND reason = 'editor' AND split_at IS NULL
      UNION
      SELECT m.question_id, k.depth + 1 FROM question_merges AS m JOIN kept AS k ON m.merged_id = k.id
      WHERE m.split_at IS NULL AND k.depth < 50)
    SELECT q.id FROM kept JOIN questions AS q ON q.id = kept.id ORDER BY kept.depth LIMIT 1
    """

  /// A question's checks, latest first, with whether each is marked superseded (and where
  /// each counts in `queue_counts`).
  public static let checksOfQuestion = """
    SELECT c.id, \(TierCounts.columns()) FROM checks AS c WHERE c.question_id = :question_id
    ORDER BY \(latestFirst)
    """

  /// Marks the latest check of a question as the one not superseded, row by row (no
  /// statement journal: see migration 009), and moves the queue's counts of the checks
  /// that change (`counting: false` only in migrations older than the counts).
  public static func markLatest(
    questionID: Int64, checks: Statement, setSuperseded: Statement, counting: Bool = true,
    in db: Connection
  ) throws {
    try checks.bind(questionID, to: ":question_id")
    var rows: [(id: Int64, superseded: Bool, place: TierCounts.Place?)] = []
    try checks.forEachRow { row in
      // Where it counts while it is the latest of its question.
      let place = TierCounts.Place(
        superseded: false, tier: row.optionalInt("queue_tier"), topic: row.text("topic"),
        ratingClass: row.text("rating_class"), dueOn: row.text("due_on"))
      rows.append((row.int64("id"), row.bool("superseded"), place))
    }
    for (offset, row) in rows.enumerated() where row.superseded != (offset > 0) {
      try setSuperseded.bind(offset > 0, to: ":superseded")
      try setSuperseded.bind(row.id, to: ":id")
      try setSuperseded.run()
      guard counting else { continue }
      try TierCounts.move(
        from: row.superseded ? nil : row.place, to: offset > 0 ? nil : row.place, on: db)
    }
  }

  /// The same on any connection, with its cached statements.
  public static func markLatest(questionID: Int64, counting: Bool = true, in db: Connection)
    throws
  {
    try markLatest(
      questionID: questionID, checks: try db.cachedStatement(checksOfQuestion),
      setSuperseded: try db.cachedStatement(
        "UPDATE checks SET superseded = :superseded WHERE id = :id"), counting: counting, in: db)
  }
}

import FactArchiveCore
import FactArchiveDatabase
import FactArchiveStore

/// Editors' review verdicts: every review is kept (`reviews`), the latest counts (copied
/// onto the check), and the check's due date and tier follow it at once.
///
/// ```swift
/// try Reviews.record(checkID: 42, verdict: .stillAccurate, note: "figures unchanged",
///                    on: Day.today(), by: "ana", at: Timestamp.nowUTC(), in: db)
/// ```
public enum Reviews {
  public enum Failure: Error, Equatable, CustomStringConvertible {
    case noSuchCheck(Int64)
    /// Only the latest check of a question is reviewed; the newer check is named.
    case superseded(Int64, latest: Int64)

    public var description: String {
      switch self {
      case .noSuchCheck(let id): return "no check \(id)"
      case .superseded(let id, let latest):
        return "check \(id) has been superseded by check \(latest): review that one"
      }
    }
  }

  /// Records a review, in one short transaction, and brings the check's due date and tier
  /// in line with its latest review.
  @discardableResult
  public static func record(
    checkID: Int64, verdict: ReviewVerdict, note: String, on day: Day, by user: String,
    at time: String, in db: Database
  ) throws -> Review {
    try db.savepoint("review") {
      guard
        let (questionID, superseded) = try db.queryFirst(
          "SELECT question_id, superseded FROM checks WHERE id = ?", [checkID],
          { ($0.int64("question_id"), $0.bool("superseded")) })
      else { throw Failure.noSuchCheck(checkID) }
      if superseded {
        let latest = try db.scalarInt(
          "SELECT id FROM checks WHERE question_id = ? AND superseded = 0", [questionID])
        throw Failure.superseded(checkID, latest: latest)
      }
      try db.execute(
        """
        INSERT INTO reviews (check_id, verdict, note, reviewed_on, reviewed_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """, [checkID, verdict.rawValue, note, day.iso, user, time])
      let review = Review(
        id: db.lastInsertedRowID, checkID: checkID, verdict: verdict, note: note,
        reviewedOn: day, reviewedBy: user, createdAt: time)
      try db.execute(
        """
        UPDATE checks SET (review_verdict, reviewed_on) = (
          SELECT verdict, reviewed_on FROM reviews WHERE check_id = checks.id
          ORDER BY reviewed_on DESC, id DESC LIMIT 1)
        WHERE id = ?
        """, [checkID])
      try CheckAssessor(database: db).refreshDueDate(checkID: checkID)
      return review
    }
  }

  /// The review that counts: the latest by day, then by when it was recorded.
  public static func latest(checkID: Int64, in db: Database) throws -> Review? {
    try db.queryFirst(
      "\(select) WHERE check_id = ? ORDER BY reviewed_on DESC, id DESC LIMIT 1", [checkID],
      review)
  }

  /// Every review of a check, oldest first.
  public static func all(checkID: Int64, in db: Database) throws -> [Review] {
    try db.query("\(select) WHERE check_id = ? ORDER BY reviewed_on, id", [checkID], review)
  }

  /// Reviews dated after `after` (every one, for `nil`) up to `through`, oldest first.
  public static func dated(after: Day?, through: Day, in db: Database) throws -> [Review] {
    try db.query(
      "\(select) WHERE reviewed_on > ? AND reviewed_on <= ? ORDER BY reviewed_on, id",
      [after?.iso ?? "", through.iso], review)
  }

  private static let select = """
    SELECT id, check_id, verdict, note, reviewed_on, reviewed_by, created_at FROM reviews
    """

  private static func review(_ row: Row) -> Review {
    Review(
      id: row.int64("id"), checkID: row.int64("check_id"),
      verdict: ReviewVerdict(rawValue: row.text("verdict") ?? "") ?? .stillAccurate,
      note: row.text("note") ?? "", reviewedOn: row.day("reviewed_on") ?? Day(daysSinceEpoch: 0),
      reviewedBy: row.text("reviewed_by") ?? "", createdAt: row.text("created_at") ?? "")
  }
}

extension Review {
  /// `{"verdict": "still_accurate", "note": …, "reviewed_on": …, "reviewed_by": …}`.
  public var json: JSON {
    .object([
      .init("verdict", .string(verdict.rawValue)), .init("note", .string(note)),
      .init("reviewed_on", .string(reviewedOn.iso)), .init("reviewed_by", .string(reviewedBy)),
      .init("recorded_at", .string(createdAt)),
    ])
  }

  /// `found still accurate on 2026-03-02 by ana: figures unchanged`.
  public var sentence: String {
    "\(verdict.phrase) on \(reviewedOn.iso) by \(reviewedBy)" + (note.isEmpty ? "" : ": \(note)")
  }
}

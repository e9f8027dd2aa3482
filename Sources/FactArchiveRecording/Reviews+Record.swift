import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore

/// Recording editors' review verdicts: every review is kept (`reviews`), the latest counts
/// (copied onto the check), and the check's due date and tier follow it at once.
///
/// ```swift
/// try Reviews.record(checkID: 42, verdict: .stillAccurate, note: "figures unchanged",
///                    on: Day.today(), by: "ana", at: Timestamp.nowUTC(), in: db)
/// ```
extension Reviews {
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
    at time: String, in db: Connection
  ) throws -> Review {
    try db.savepoint("review") {
      guard
        let (questionID, superseded) = try db.queryFirst(
          "SELECT question_id, superseded FROM checks WHERE id = ?", [checkID],
          { ($0.int64("question_id"), $0.bool("superseded")) })
      else { throw Failure.noSuchCheck(checkID) }
      if superseded {
        let latest = try db.scalarInt(
          "SELECT id FROM checks WHERE question_id = ? AND \(QueueSQL(check: "checks").live)",
          [questionID])
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
}

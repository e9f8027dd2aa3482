import FactArchiveCore
import FactArchiveStore

/// Editors' review verdicts, read: every review is kept (`reviews`), the latest counts.
/// They are written by `Reviews.record` (`FactArchiveRecording`).
///
/// ```swift
/// let latest = try Reviews.latest(checkID: 42, in: db)
/// ```
public enum Reviews {
  /// The review that counts: the latest by day, then by when it was recorded.
  public static func latest(checkID: Int64, in db: Connection) throws -> Review? {
    try db.queryFirst(
      "\(select) WHERE check_id = ? ORDER BY reviewed_on DESC, id DESC LIMIT 1", [checkID],
      review)
  }

  /// Every review of a check, oldest first.
  public static func all(checkID: Int64, in db: Connection) throws -> [Review] {
    try db.query("\(select) WHERE check_id = ? ORDER BY reviewed_on, id", [checkID], review)
  }

  /// Reviews dated after `after` (every one, for `nil`) up to `through`, oldest first.
  public static func dated(after: Day?, through: Day, in db: Connection) throws -> [Review] {
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
  /// `{"verdict": "still_accurate", "note": …, "reviewed_on": …, "reviewed_by": …}`: its one
  /// shape (`Review: Codable`).
  public var json: JSON { JSON(encoding: self) }

  /// `found still accurate on 2026-03-02 by ana: figures unchanged`.
  public var sentence: String {
    "\(verdict.phrase) on \(reviewedOn.iso) by \(reviewedBy)" + (note.isEmpty ? "" : ": \(note)")
  }
}

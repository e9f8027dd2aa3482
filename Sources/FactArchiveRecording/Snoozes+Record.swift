import FactArchiveCore
import FactArchiveQuery
import FactArchiveSchema
import FactArchiveStore

/// Recording editors' snoozes: a snoozed check leaves the queue until a day, with a note.
/// Every snooze is kept (`snoozes`), with who and when; unsnoozing records who ended it.
extension Snoozes {
  public enum Failure: Error, CustomStringConvertible {
    case noSuchCheck(Int64)
    case notSnoozed(Int64)

    public var description: String {
      switch self {
      case .noSuchCheck(let id): return "no check \(id)"
      case .notSnoozed(let id): return "check \(id) is not snoozed"
      }
    }
  }

  /// Snoozes a check until `until` (it is back in the queue on that day).
  @discardableResult
  public static func snooze(
    checkID: Int64, until: Day, note: String, by user: String, at time: String, in db: Connection
  ) throws -> Int64 {
    guard try db.scalarInt("SELECT count(*) FROM checks WHERE id = ?", [checkID]) == 1 else {
      throw Failure.noSuchCheck(checkID)
    }
    try db.execute(
      "INSERT INTO snoozes (check_id, until, note, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
      [checkID, until.iso, note, user, time])
    return db.lastInsertedRowID
  }

  /// Ends the snoozes of a check that are still in force on `today`.
  /// - Returns: how many were ended.
  @discardableResult
  public static func unsnooze(
    checkID: Int64, today: Day, by user: String, at time: String, in db: Connection
  ) throws -> Int {
    try db.execute(
      """
      UPDATE snoozes AS z SET ended_by = ?, ended_at = ?
      WHERE z.check_id = ? AND \(QueueSQL.snoozeInForce(day: "?"))
      """, [user, time, checkID, today.iso])
    guard db.changes > 0 else { throw Failure.notSnoozed(checkID) }
    return db.changes
  }
}

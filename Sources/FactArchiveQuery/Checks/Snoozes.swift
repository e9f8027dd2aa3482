import FactArchiveCore
import FactArchiveDatabase
import FactArchiveStore

/// Editors' snoozes: a snoozed check leaves the queue until a day, with a note. Every
/// snooze is kept (`snoozes`), with who and when; unsnoozing records who ended it.
public enum Snoozes {
  public struct Snooze: Sendable, Equatable {
    public var id: Int64
    public var checkID: Int64
    public var until: Day
    public var note: String
    public var createdBy: String
    public var createdAt: String
    public var endedBy: String?
    public var endedAt: String?
  }

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
    checkID: Int64, until: Day, note: String, by user: String, at time: String, in db: Database
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
    checkID: Int64, today: Day, by user: String, at time: String, in db: Database
  ) throws -> Int {
    try db.execute(
      "UPDATE snoozes SET ended_by = ?, ended_at = ? WHERE check_id = ? AND ended_at IS NULL AND until > ?",
      [user, time, checkID, today.iso])
    guard db.changes > 0 else { throw Failure.notSnoozed(checkID) }
    return db.changes
  }

  /// Every snooze of a check, oldest first (the audit trail).
  public static func all(checkID: Int64, in db: Database) throws -> [Snooze] {
    try db.query(
      """
      SELECT id, check_id, until, note, created_by, created_at, ended_by, ended_at
      FROM snoozes WHERE check_id = ? ORDER BY id
      """, [checkID]
    ) { row in
      Snooze(
        id: row.int64("id"), checkID: row.int64("check_id"),
        until: row.day("until") ?? Day(daysSinceEpoch: 0),
        note: row.text("note") ?? "", createdBy: row.text("created_by") ?? "",
        createdAt: row.text("created_at") ?? "",
        endedBy: row.text("ended_by"), endedAt: row.text("ended_at"))
    }
  }
}

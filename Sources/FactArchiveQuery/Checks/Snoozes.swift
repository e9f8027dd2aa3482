import FactArchiveCore
import FactArchiveStore

/// Editors' snoozes, read: a snoozed check leaves the queue until a day, with a note. Every
/// snooze is kept (`snoozes`), with who and when. They are written by `Snoozes.snooze` and
/// `Snoozes.unsnooze` (`FactArchiveRecording`).
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

  /// Every snooze of a check, oldest first (the audit trail).
  public static func all(checkID: Int64, in db: Connection) throws -> [Snooze] {
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

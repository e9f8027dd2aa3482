internal import CSQLite

/// The one error type of the store: SQLite's result code, its specific message and the SQL.
///
/// Bound values never appear in the message, so an error can be logged without leaking
/// article text. It prints like GRDB's:
/// `SQLite error 19: UNIQUE constraint failed: documents.sha256 — while executing `INSERT …``.
///
/// See <https://www.sqlite.org/rescode.html> for the codes.
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE` = 2067, ...).
  public let extendedResultCode: Int32
  /// The message from `sqlite3_errmsg`, or one of the store's own.
  public let message: String
  /// The statement being prepared or run, when there was one.
  public let sql: String?

  public init(extendedResultCode: Int32, message: String, sql: String? = nil) {
    self.extendedResultCode = extendedResultCode
    self.message = message
    self.sql = sql
  }

  /// The primary result code (`SQLITE_CONSTRAINT` = 19, `SQLITE_BUSY` = 5, ...).
  public var resultCode: Int32 { extendedResultCode & 0xFF }

  public var isBusy: Bool { resultCode == ResultCode.busy || resultCode == ResultCode.locked }
  public var isReadOnly: Bool { resultCode == ResultCode.readOnly }
  public var isDiskFull: Bool { resultCode == ResultCode.full }
  public var isConstraintViolation: Bool { resultCode == ResultCode.constraint }
  /// A generic error: for SQL the program wrote itself, the text it was given was refused
  /// (FTS5 cannot read a search query).
  public var isGenericError: Bool { resultCode == ResultCode.error }

  public var description: String {
    var text = "SQLite error \(resultCode): \(message)"
    if let sql {
      text += " — while executing `\(sql)`"
    }
    return text
  }

  /// Reads the code and message the connection holds right now.
  static func current(_ handle: OpaquePointer?, code: Int32, sql: String? = nil) -> DatabaseError {
    let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
    let message: String
    if let handle, let cMessage = sqlite3_errmsg(handle) {
      message = String(cString: cMessage)
    } else if let cMessage = sqlite3_errstr(code) {
      message = String(cString: cMessage)
    } else {
      message = "unknown error"
    }
    // sqlite3_errmsg describes the last failing call; prefer its code when it matches.
    let useExtended = (extended & 0xFF) == (code & 0xFF) ? extended : code
    return DatabaseError(extendedResultCode: useExtended, message: message, sql: sql)
  }
}

internal import CSQLite

/// SQLite's primary result codes by name, for code outside the store that must tell
/// failures apart (<https://www.sqlite.org/rescode.html>).
public enum ResultCode {
  /// A generic error: bad SQL, or FTS5 refusing a query's text.
  public static let error: Int32 = SQLITE_ERROR
  public static let permission: Int32 = SQLITE_PERM
  public static let busy: Int32 = SQLITE_BUSY
  public static let locked: Int32 = SQLITE_LOCKED
  public static let readOnly: Int32 = SQLITE_READONLY
  public static let ioError: Int32 = SQLITE_IOERR
  public static let corrupt: Int32 = SQLITE_CORRUPT
  public static let full: Int32 = SQLITE_FULL
  public static let constraint: Int32 = SQLITE_CONSTRAINT
  public static let misuse: Int32 = SQLITE_MISUSE
  /// Refused by an authorizer.
  public static let auth: Int32 = SQLITE_AUTH
  /// A parameter index or name the statement does not have.
  public static let range: Int32 = SQLITE_RANGE
  /// The file is not a database.
  public static let notADatabase: Int32 = SQLITE_NOTADB
}

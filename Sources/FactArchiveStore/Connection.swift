internal import CSQLite

/// One connection to a SQLite database file, used from one thread at a time.
///
/// Opening follows GRDB's care: `sqlite3_open_v2`, the handle is closed even when opening
/// fails, extended result codes on, foreign keys on, a busy timeout, and `sqlite_master` is
/// read once so that a file that is not a database fails here rather than later.
///
/// ```swift
/// let db = try Connection(path: "factarchive.sqlite")
/// try db.execute("INSERT INTO questions(text, normalized_key) VALUES (?, ?)", ["Q?", "q"])
/// ```
///
/// See <https://www.sqlite.org/c3ref/open.html>.
public final class Connection {
  /// How to open the file.
  public enum Mode: Sendable {
    /// Read and write, creating the file when it does not exist.
    case readWriteCreate
    /// Read and write an existing file.
    case readWrite
    /// `SQLITE_OPEN_READONLY`: no statement can change the file.
    case readOnly
  }

  let handle: OpaquePointer
  /// The path the connection was opened with.
  public let path: String
  public let mode: Mode
  /// Milliseconds to wait for another connection's lock before failing with `SQLITE_BUSY`.
  public let busyTimeout: Int32
  private var statementCache: [String: Statement] = [:]
  /// The read-only authorizer's state, kept alive as long as the connection.
  var authorizer: ReadOnlyAuthorizer?

  /// Opens a connection.
  /// - Parameters:
  ///   - busyTimeout: milliseconds to wait for another connection's lock before failing with
  ///     `SQLITE_BUSY`, trying again every millisecond
  ///     (<https://www.sqlite.org/c3ref/busy_handler.html>).
  public init(path: String, mode: Mode = .readWriteCreate, busyTimeout: Int32 = 60_000)
    throws(DatabaseError)
  {
    Self.configureSQLiteOnce()
    var flags: Int32 = SQLITE_OPEN_NOMUTEX
    switch mode {
    case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    case .readWrite: flags |= SQLITE_OPEN_READWRITE
    case .readOnly: flags |= SQLITE_OPEN_READONLY
    }
    var connection: OpaquePointer?
    let code = sqlite3_open_v2(path, &connection, flags, nil)
    guard code == SQLITE_OK, let connection else {
      let error = DatabaseError.current(connection, code: code)
      sqlite3_close_v2(connection)
      throw DatabaseError(
        extendedResultCode: error.extendedResultCode,
        message: "cannot open \(path): \(error.message)")
    }
    self.handle = connection
    self.path = path
    self.mode = mode
    self.busyTimeout = busyTimeout
    sqlite3_extended_result_codes(connection, 1)
    csqlite_busy_poll_install(connection, busyTimeout)
    // Refuse the legacy double-quoted string literals and schema tampering from SQL.
    _ = csqlite_db_config_flag(connection, SQLITE_DBCONFIG_DQS_DML, 0)
    _ = csqlite_db_config_flag(connection, SQLITE_DBCONFIG_DQS_DDL, 0)
    _ = csqlite_db_config_flag(connection, SQLITE_DBCONFIG_DEFENSIVE, 1)
    // SQLite quietly opens a file it cannot write read-only; a writer should hear why now.
    if mode != .readOnly, sqlite3_db_readonly(connection, "main") == 1 {
      throw DatabaseError(
        extendedResultCode: SQLITE_READONLY,
        message: "cannot write \(path): the file or its folder is read-only")
    }
    try execute("PRAGMA foreign_keys = ON")
    // Fails with SQLITE_NOTADB when the file is not a database.
    _ = try scalarInt("SELECT count(*) FROM sqlite_master")
  }

  /// SQLite's process-wide settings, made before its first open: memory statistics off, so an
  /// allocation or free takes no global mutex (the mutex was 3% of an ingest's writing
  /// thread, by perf).
  private static let sqliteConfigured: Bool = csqlite_disable_memory_statistics() == SQLITE_OK

  private static func configureSQLiteOnce() { _ = sqliteConfigured }

  deinit {
    statementCache.removeAll()
    sqlite3_close_v2(handle)
  }

  // MARK: - Running SQL

  /// Runs one or more statements that take no parameters (a schema script, a pragma).
  public func execute(_ script: String) throws(DatabaseError) {
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, script, nil, nil, &message)
    guard code == SQLITE_OK else {
      let text = message.map { String(cString: $0) }
      sqlite3_free(message)
      let current = DatabaseError.current(handle, code: code, sql: script)
      throw DatabaseError(
        extendedResultCode: current.extendedResultCode, message: text ?? current.message,
        sql: script)
    }
  }

  /// Runs one statement with bound values.
  public func execute(_ sql: String, _ values: [any DatabaseValueConvertible])
    throws(DatabaseError)
  {
    try cachedStatement(sql).execute(values)
  }

  /// Prepares a statement the caller owns.
  public func prepare(_ sql: String) throws(DatabaseError) -> Statement {
    try Statement(connection: handle, sql: sql)
  }

  /// A prepared statement kept for reuse: ingest runs the same few statements per article.
  public func cachedStatement(_ sql: String) throws(DatabaseError) -> Statement {
    if let statement = statementCache[sql] {
      statement.reset()
      return statement
    }
    let statement = try Statement(connection: handle, sql: sql)
    statementCache[sql] = statement
    return statement
  }

  /// All rows of a query, each mapped by `transform`.
  public func query<T>(
    _ sql: String, _ values: [any DatabaseValueConvertible] = [],
    _ transform: (Row) throws -> T
  ) throws -> [T] {
    try cachedStatement(sql).map(values, transform)
  }

  /// The first row of a query mapped by `transform`, or `nil` when there is none.
  public func queryFirst<T>(
    _ sql: String, _ values: [any DatabaseValueConvertible] = [],
    _ transform: (Row) throws -> T
  ) throws -> T? {
    let statement = try cachedStatement(sql)
    try statement.bind(values)
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    return try transform(statement.currentRow)
  }

  /// The first column of the first row as an integer (0 when there is no row).
  public func scalarInt(_ sql: String, _ values: [any DatabaseValueConvertible] = [])
    throws(DatabaseError) -> Int64
  {
    let statement = try cachedStatement(sql)
    try statement.bind(values)
    defer { statement.reset() }
    guard try statement.step() else { return 0 }
    return statement.int64(at: 0)
  }

  /// The first column of the first row as an integer (0 when there is no row), with named
  /// parameters (`:as_of`); values the SQL does not name are left out.
  public func scalarInt(_ sql: String, named values: [String: any DatabaseValueConvertible])
    throws(DatabaseError) -> Int64
  {
    let statement = try cachedStatement(sql)
    try statement.bind(named: values.filter { sql.contains($0.key) })
    defer { statement.reset() }
    guard try statement.step() else { return 0 }
    return statement.int64(at: 0)
  }

  /// All rows of a query with named parameters (`:as_of`), each mapped by `transform`;
  /// values the SQL does not name are left out.
  public func query<T>(
    _ sql: String, named values: [String: any DatabaseValueConvertible],
    _ transform: (Row) throws -> T
  ) throws -> [T] {
    let statement = try cachedStatement(sql)
    try statement.bind(named: values.filter { sql.contains($0.key) })
    defer { statement.reset() }
    var rows: [T] = []
    while try statement.step() { rows.append(try transform(statement.currentRow)) }
    return rows
  }

  /// The first column of the first row as text, or `nil`.
  public func scalarText(_ sql: String, _ values: [any DatabaseValueConvertible] = [])
    throws(DatabaseError) -> String?
  {
    let statement = try cachedStatement(sql)
    try statement.bind(values)
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    return statement.text(at: 0)
  }

  // MARK: - State

  /// The rowid of the last successful INSERT on this connection.
  public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes(handle)) }

  /// Whether a transaction is open.
  public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

  /// Frees the cached statements (before closing, or after a schema change).
  public func clearStatementCache() {
    statementCache.removeAll()
  }

  /// The SQLite library version, e.g. `3.40.1`.
  public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}

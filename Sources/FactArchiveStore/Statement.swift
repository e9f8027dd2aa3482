internal import CSQLite

/// A prepared statement. It finalizes itself when released.
///
/// Values are always bound, never spliced into SQL:
///
/// ```swift
/// let statement = try db.prepare("SELECT id FROM questions WHERE normalized_key = ?")
/// try statement.bind(["how do tides work"])
/// while try statement.step() { print(statement.int64(at: 0)) }
/// ```
///
/// See <https://www.sqlite.org/c3ref/stmt.html>.
public final class Statement {
  let handle: OpaquePointer
  let connection: OpaquePointer
  /// The SQL this statement was prepared from.
  public let sql: String

  /// - Parameter single: refuse SQL that holds more than one statement.
  init(connection: OpaquePointer, sql: String, single: Bool = false) throws(DatabaseError) {
    var statement: OpaquePointer?
    var rest = ""
    let code = sql.withCString { text in
      var tail: UnsafePointer<CChar>?
      let code = sqlite3_prepare_v3(connection, text, -1, 0, &statement, &tail)
      if let tail { rest = String(cString: tail) }
      return code
    }
    guard code == SQLITE_OK, let statement else {
      let error = DatabaseError.current(connection, code: code, sql: sql)
      sqlite3_finalize(statement)
      if code == SQLITE_OK {
        throw DatabaseError(
          extendedResultCode: SQLITE_MISUSE, message: "no SQL statement", sql: sql)
      }
      throw error
    }
    if single, Statement.hasStatement(rest) {
      sqlite3_finalize(statement)
      throw DatabaseError(
        extendedResultCode: SQLITE_MISUSE, message: "only one statement at a time", sql: sql)
    }
    self.handle = statement
    self.connection = connection
    self.sql = sql
  }

  /// Whether `sql` holds anything but blanks, comments and semicolons.
  private static func hasStatement(_ sql: String) -> Bool {
    var scalars = Substring(sql).unicodeScalars[...]
    while let first = scalars.first {
      if first.properties.isWhitespace || first == ";" {
        scalars = scalars.dropFirst()
      } else if scalars.starts(with: "--".unicodeScalars) {
        scalars = scalars.drop { $0 != "\n" }
      } else if scalars.starts(with: "/*".unicodeScalars) {
        guard let end = scalars.firstRange(of: "*/".unicodeScalars) else { return false }
        scalars = scalars[end.upperBound...]
      } else {
        return true
      }
    }
    return false
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Result column names to positions, worked out once (the first of a repeated name wins).
  private(set) lazy var columnIndexes: [String: Int32] = {
    var indexes: [String: Int32] = [:]
    for index in 0..<columnCount where indexes[columnName(at: index)] == nil {
      indexes[columnName(at: index)] = index
    }
    return indexes
  }()

  /// The parameters' names by position (element 0 is parameter 1; `nil` for a `?`), read once.
  private lazy var parametersInOrder: [String?] = (0..<sqlite3_bind_parameter_count(handle)).map {
    sqlite3_bind_parameter_name(handle, $0 + 1).map { String(cString: $0) }
  }
  /// Where the next name is guessed to be: just after the last one found.
  private var nextParameter = 0

  /// The position of a named parameter (`:due_on`, written with its prefix). Callers bind
  /// mostly in the SQL's order, so the name after the last one found is tried first, then
  /// every name. Ingest binds most of an article's values this way: hashing each name for a
  /// dictionary cost 4% of the writer's time at 10,000 articles (by perf), and SQLite's own
  /// lookup (`sqlite3_bind_parameter_index`, a C string made and compared with each name in
  /// turn) about 2%.
  public func parameterIndex(_ name: String) throws(DatabaseError) -> Int32 {
    let names = parametersInOrder
    if nextParameter < names.count, names[nextParameter] == name {
      nextParameter += 1
      return Int32(nextParameter)
    }
    guard let position = names.firstIndex(of: name) else {
      throw DatabaseError(
        extendedResultCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
    }
    nextParameter = position + 1
    return Int32(position + 1)
  }

  // MARK: - Stepping

  /// Runs one step: `true` when a row is ready, `false` when the statement is done.
  @discardableResult
  public func step() throws(DatabaseError) -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW:
      return true
    case SQLITE_DONE:
      return false
    default:
      let error = DatabaseError.current(connection, code: code, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Resets the statement so it can run again; bindings are kept.
  public func reset() {
    sqlite3_reset(handle)
  }

  /// Binds, runs to completion and resets: for INSERT, UPDATE and DELETE.
  public func execute(_ values: [any DatabaseValueConvertible] = []) throws(DatabaseError) {
    try bind(values)
    defer { sqlite3_reset(handle) }
    while try step() {}
  }

  /// Binds and calls `body` once per row.
  public func forEachRow(
    _ values: [any DatabaseValueConvertible] = [], _ body: (Row) throws -> Void
  ) throws {
    try bind(values)
    try forEachRow(body)
  }

  /// Calls `body` once per row with the values bound already, then resets.
  public func forEachRow(_ body: (Row) throws -> Void) throws {
    defer { sqlite3_reset(handle) }
    let row = Row(self)
    while try step() {
      try body(row)
    }
  }

  /// Binds and returns each row mapped by `transform`.
  public func map<T>(
    _ values: [any DatabaseValueConvertible] = [], _ transform: (Row) throws -> T
  ) throws -> [T] {
    var rows: [T] = []
    try forEachRow(values) { rows.append(try transform($0)) }
    return rows
  }

  /// The current row, read by name (after `step()` returned `true`).
  public var currentRow: Row { Row(self) }

  // MARK: - Columns

  /// Whether the statement leaves the database unchanged (`sqlite3_stmt_readonly`).
  public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

  public var columnCount: Int32 { sqlite3_column_count(handle) }

  public func columnName(at index: Int32) -> String {
    guard let name = sqlite3_column_name(handle, index) else { return "" }
    return String(cString: name)
  }

  public var columnNames: [String] {
    (0..<columnCount).map { columnName(at: $0) }
  }

  /// The names of the statement's parameters (`:id`, `@name`, `$x`); unnamed ones left out.
  public var parameterNames: [String] {
    let count = sqlite3_bind_parameter_count(handle)
    guard count > 0 else { return [] }
    return (1...count).compactMap { index in
      sqlite3_bind_parameter_name(handle, index).map { String(cString: $0) }
    }
  }

  public func isNull(at index: Int32) -> Bool {
    sqlite3_column_type(handle, index) == SQLITE_NULL
  }

  public func int64(at index: Int32) -> Int64 {
    sqlite3_column_int64(handle, index)
  }

  public func int(at index: Int32) -> Int {
    Int(sqlite3_column_int64(handle, index))
  }

  public func double(at index: Int32) -> Double {
    sqlite3_column_double(handle, index)
  }

  public func bool(at index: Int32) -> Bool {
    sqlite3_column_int64(handle, index) != 0
  }

  /// The column as text; `nil` when it is NULL.
  public func text(at index: Int32) -> String? {
    guard sqlite3_column_type(handle, index) != SQLITE_NULL,
      let pointer = sqlite3_column_text(handle, index)
    else { return nil }
    let count = Int(sqlite3_column_bytes(handle, index))
    return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
  }

  /// The column as bytes (text or blob); `nil` when it is NULL.
  public func bytes(at index: Int32) -> [UInt8]? {
    guard sqlite3_column_type(handle, index) != SQLITE_NULL else { return nil }
    let count = Int(sqlite3_column_bytes(handle, index))
    guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
    return Array(UnsafeRawBufferPointer(start: pointer, count: count))
  }

  /// The column with its storage class.
  public func value(at index: Int32) -> DatabaseValue {
    switch sqlite3_column_type(handle, index) {
    case SQLITE_INTEGER: return .integer(int64(at: index))
    case SQLITE_FLOAT: return .real(double(at: index))
    case SQLITE_TEXT: return .text(text(at: index) ?? "")
    case SQLITE_BLOB: return .blob(bytes(at: index) ?? [])
    default: return .null
    }
  }

  /// Every column of the current row.
  public var values: [DatabaseValue] {
    (0..<columnCount).map { value(at: $0) }
  }

  func check(_ code: Int32) throws(DatabaseError) {
    guard code == SQLITE_OK else {
      throw DatabaseError.current(connection, code: code, sql: sql)
    }
  }
}

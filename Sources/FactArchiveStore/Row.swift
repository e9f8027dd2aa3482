/// The current row of a statement, read by column name, as GRDB's `Row["column"]`:
///
/// ```swift
/// try db.query("SELECT id, checked_on AS day FROM checks") { row in
///   (row.int64("id"), row.text("day"))
/// }
/// ```
///
/// Names are the result column names SQLite reports (the `AS` alias, else the column's own
/// name: `c.due_on` is `due_on`), resolved to positions once per prepared statement, so a
/// query and its reader can live in different files without counting positions. A name
/// the statement does not have is a programming error and stops the program with the SQL.
/// Valid only while its statement sits on that row.
public struct Row {
  let statement: Statement

  init(_ statement: Statement) {
    self.statement = statement
  }

  /// The position of `column`.
  public func index(of column: String) -> Int32 {
    guard let index = statement.columnIndexes[column] else {
      preconditionFailure("no column named \(column) in `\(statement.sql)`")
    }
    return index
  }

  /// Whether the statement has a column of this name.
  public func hasColumn(_ column: String) -> Bool {
    statement.columnIndexes[column] != nil
  }

  public subscript(_ column: String) -> DatabaseValue { statement.value(at: index(of: column)) }

  public func isNull(_ column: String) -> Bool { statement.isNull(at: index(of: column)) }
  public func int64(_ column: String) -> Int64 { statement.int64(at: index(of: column)) }
  public func int(_ column: String) -> Int { statement.int(at: index(of: column)) }
  public func double(_ column: String) -> Double { statement.double(at: index(of: column)) }
  public func bool(_ column: String) -> Bool { statement.bool(at: index(of: column)) }
  /// The column as text; `nil` when it is NULL.
  public func text(_ column: String) -> String? { statement.text(at: index(of: column)) }
  /// The column as bytes (text or blob); `nil` when it is NULL.
  public func bytes(_ column: String) -> [UInt8]? { statement.bytes(at: index(of: column)) }
  /// The column as an integer, or `nil` when it is NULL.
  public func optionalInt(_ column: String) -> Int? {
    let at = index(of: column)
    return statement.isNull(at: at) ? nil : statement.int(at: at)
  }

  // By position, for one-column queries and rows of unknown shape (researchers' SQL).

  public func isNull(at index: Int32) -> Bool { statement.isNull(at: index) }
  public func int64(at index: Int32) -> Int64 { statement.int64(at: index) }
  public func int(at index: Int32) -> Int { statement.int(at: index) }
  public func double(at index: Int32) -> Double { statement.double(at: index) }
  public func bool(at index: Int32) -> Bool { statement.bool(at: index) }
  public func text(at index: Int32) -> String? { statement.text(at: index) }
  public func bytes(at index: Int32) -> [UInt8]? { statement.bytes(at: index) }
  public func value(at index: Int32) -> DatabaseValue { statement.value(at: index) }

  /// Every column, in order.
  public var values: [DatabaseValue] { statement.values }
  public var columnCount: Int32 { statement.columnCount }
  public var columnNames: [String] { statement.columnNames }
}

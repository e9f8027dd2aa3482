internal import CSQLite

/// Connections for SQL written by people: nothing they run can change the file.
///
/// Three locks, each enough on its own for most attempts: the file is opened with
/// `SQLITE_OPEN_READONLY` (and `PRAGMA query_only`); a statement that
/// `sqlite3_stmt_readonly` says could write is refused before it runs; and an authorizer
/// refuses `ATTACH`/`DETACH`, transaction statements, pragmas outside a list of harmless ones
/// (and any pragma given a value), and `load_extension` and friends.
/// See <https://www.sqlite.org/c3ref/set_authorizer.html>.
extension Connection {
  /// Opens an existing database read-only, with the authorizer installed.
  public static func openReadOnly(path: String) throws(DatabaseError) -> Connection {
    let db = try Connection(path: path, mode: .readOnly)
    try db.execute("PRAGMA query_only = ON")
    db.installReadOnlyAuthorizer()
    return db
  }

  /// Prepares exactly one statement that cannot write, or explains why not.
  public func prepareReadOnly(_ sql: String) throws(DatabaseError) -> Statement {
    authorizer?.denial = nil
    let statement: Statement
    do {
      statement = try Statement(connection: handle, sql: sql, single: true)
    } catch {
      if let denial = authorizer?.denial {
        throw DatabaseError(
          extendedResultCode: SQLITE_AUTH, message: "refused: \(denial)", sql: sql)
      }
      throw error
    }
    guard statement.isReadOnly else {
      throw DatabaseError(
        extendedResultCode: SQLITE_READONLY,
        message: "refused: the statement could change the database, and this connection only reads",
        sql: sql)
    }
    return statement
  }

  private func installReadOnlyAuthorizer() {
    let state = ReadOnlyAuthorizer()
    authorizer = state
    sqlite3_set_authorizer(handle, readOnlyAuthorize, Unmanaged.passUnretained(state).toOpaque())
  }
}

/// What the authorizer refused last, for the error message.
final class ReadOnlyAuthorizer {
  var denial: String?

  /// Pragmas that only read, with or without an argument naming a table or index.
  static let readingPragmas: Set<String> = [
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
    "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check", "collation_list",
    "database_list", "function_list", "module_list", "pragma_list", "compile_options",
  ]

  /// Pragmas that report a setting when given no value (and change it when given one).
  static let settingPragmas: Set<String> = [
    "user_version", "schema_version", "application_id", "data_version", "page_count", "page_size",
    "freelist_count", "encoding", "journal_mode", "foreign_keys", "query_only", "auto_vacuum",
    "cache_size", "busy_timeout", "max_page_count", "synchronous", "temp_store",
    "wal_autocheckpoint", "recursive_triggers", "mmap_size", "case_sensitive_like",
  ]

  /// Functions that reach outside the database.
  static let refusedFunctions: Set<String> = [
    "load_extension", "fts3_tokenizer", "readfile", "writefile", "edit",
  ]

  func decide(_ action: Int32, _ first: String?, _ second: String?) -> Int32 {
    switch action {
    case SQLITE_ATTACH:
      denial = "ATTACH is not allowed: only this database can be read"
      return SQLITE_DENY
    case SQLITE_DETACH:
      denial = "DETACH is not allowed"
      return SQLITE_DENY
    case SQLITE_TRANSACTION, SQLITE_SAVEPOINT:
      denial = "transactions are not needed: each statement reads on its own"
      return SQLITE_DENY
    case SQLITE_PRAGMA:
      let name = (first ?? "").lowercased()
      if Self.readingPragmas.contains(name) { return SQLITE_OK }
      if Self.settingPragmas.contains(name), second == nil { return SQLITE_OK }
      denial =
        "PRAGMA \(name)\(second.map { " = \($0)" } ?? "") is not allowed: pragmas may only read"
      return SQLITE_DENY
    case SQLITE_FUNCTION:
      let name = (second ?? "").lowercased()
      if Self.refusedFunctions.contains(name) {
        denial = "\(name)() is not allowed"
        return SQLITE_DENY
      }
      return SQLITE_OK
    default:
      return SQLITE_OK
    }
  }
}

private func readOnlyAuthorize(
  _ context: UnsafeMutableRawPointer?, _ action: Int32, _ first: UnsafePointer<CChar>?,
  _ second: UnsafePointer<CChar>?, _ database: UnsafePointer<CChar>?,
  _ trigger: UnsafePointer<CChar>?
) -> Int32 {
  guard let context else { return SQLITE_DENY }
  let state = Unmanaged<ReadOnlyAuthorizer>.fromOpaque(context).takeUnretainedValue()
  return state.decide(action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
}

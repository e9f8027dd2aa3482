internal import CSQLite

/// Changing a table's declaration in place, for the changes SQLite documents as safe that
/// way: loosening a CHECK constraint changes nothing stored, so the table need not be
/// rebuilt (<https://www.sqlite.org/lang_altertable.html#otheralter>).
extension Connection {
  /// Replaces `old` with `new` in the declaration of `table`, inside the caller's
  /// transaction: the text must occur exactly once. Only for changes every stored row
  /// already satisfies (a CHECK that accepts more values).
  public func rewriteDeclaration(of table: String, replacing old: String, with new: String)
    throws(DatabaseError)
  {
    precondition(isInTransaction, "a declaration is rewritten inside a migration's transaction")
    guard
      let declaration = try scalarText(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", [table])
    else {
      throw DatabaseError(
        extendedResultCode: SQLITE_ERROR, message: "no table \(table) to rewrite", sql: nil)
    }
    let pieces = declaration.components(of: old)
    guard pieces == 1 else {
      throw DatabaseError(
        extendedResultCode: SQLITE_ERROR,
        message: "the declaration of \(table) holds the text to replace \(pieces) times, not once",
        sql: nil)
    }
    let version = try scalarInt("PRAGMA schema_version")
    // Writing the schema table is refused in defensive mode, which every connection runs in.
    _ = csqlite_db_config_flag(handle, SQLITE_DBCONFIG_DEFENSIVE, 0)
    defer { _ = csqlite_db_config_flag(handle, SQLITE_DBCONFIG_DEFENSIVE, 1) }
    try execute("PRAGMA writable_schema = ON")
    do {
      try execute(
        "UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?",
        [old, new, table])
      try execute("PRAGMA schema_version = \(version + 1)")
    } catch {
      try? execute("PRAGMA writable_schema = OFF")
      throw error
    }
    try execute("PRAGMA writable_schema = OFF")
    clearStatementCache()
    // The new schema is read again at once: a declaration SQLite cannot parse fails here,
    // inside the transaction, and is rolled back. (No stored row changes, so no scan.)
    guard try scalarInt("SELECT count(*) FROM pragma_table_info(?)", [table]) > 0 else {
      throw DatabaseError(
        extendedResultCode: SQLITE_CORRUPT, message: "\(table) unreadable after rewriting it",
        sql: nil)
    }
  }
}

extension String {
  /// How many times `piece` occurs (not overlapping).
  fileprivate func components(of piece: String) -> Int {
    let (text, pattern) = (Array(utf8), Array(piece.utf8))
    guard !pattern.isEmpty, text.count >= pattern.count else { return 0 }
    var (count, index) = (0, 0)
    while index <= text.count - pattern.count {
      if text[index..<(index + pattern.count)].elementsEqual(pattern) {
        count += 1
        index += pattern.count
      } else {
        index += 1
      }
    }
    return count
  }
}

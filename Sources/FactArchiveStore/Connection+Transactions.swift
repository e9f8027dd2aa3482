/// Transactions and savepoints.
///
/// A batch of documents runs in one transaction and each document in its own savepoint,
/// so a document that fails rolls back alone and the database is never half-written.
/// See <https://www.sqlite.org/lang_transaction.html> and
/// <https://www.sqlite.org/lang_savepoint.html>.
extension Connection {
  public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    /// Takes the write lock at once, so a busy database is noticed before any work is done.
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
  }

  /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
  public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T)
    throws -> T
  {
    try execute("BEGIN \(kind.rawValue)")
    let result: T
    do {
      result = try body()
    } catch {
      rollbackQuietly()
      throw error
    }
    do {
      try execute("COMMIT")
    } catch {
      rollbackQuietly()
      throw error
    }
    return result
  }

  /// Runs `body` in a savepoint: released when it returns, rolled back to when it throws.
  /// Inside a transaction it nests; outside it behaves as a deferred transaction.
  public func savepoint<T>(_ name: String = "unit", _ body: () throws -> T) throws -> T {
    let quoted = Connection.quoteIdentifier(name)
    try execute("SAVEPOINT \(quoted)")
    do {
      let result = try body()
      try execute("RELEASE \(quoted)")
      return result
    } catch {
      // ROLLBACK TO leaves the savepoint open; RELEASE then ends it.
      if isInTransaction {
        try? execute("ROLLBACK TO \(quoted)")
        try? execute("RELEASE \(quoted)")
      }
      throw error
    }
  }

  /// `name` as a double-quoted SQL identifier (`a"b` becomes `"a""b"`).
  public static func quoteIdentifier(_ name: String) -> String {
    Quoting.doubleQuoted(name)
  }

  private func rollbackQuietly() {
    // SQLite may already have rolled back (SQLITE_FULL, SQLITE_IOERR, ...).
    if isInTransaction {
      try? execute("ROLLBACK")
    }
  }
}

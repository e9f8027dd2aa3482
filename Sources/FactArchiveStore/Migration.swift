/// One numbered schema change, applied in order and recorded in `PRAGMA user_version`.
///
/// The store runs migrations; which ones exist is the archive's business (FactArchive's
/// come from `Schema/NNN_name.sql`, copied into the binary by `make schema`).
public struct Migration: Sendable, Equatable {
  /// The schema version this migration brings the database to (the file's number).
  public let version: Int
  /// The file name without its number and extension (`initial`).
  public let name: String
  /// The SQL script.
  public let sql: String

  public init(version: Int, name: String, sql: String) {
    self.version = version
    self.name = name
    self.sql = sql
  }

  /// The file this migration came from (`001_initial.sql`).
  public var fileName: String {
    let number = String(version)
    return String(repeating: "0", count: max(0, 3 - number.count)) + number + "_" + name + ".sql"
  }

}

/// A database whose schema version is past every migration this program has: it was
/// written by a newer version, and must not be changed by this one.
public struct NewerSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  /// The version recorded in the file.
  public var version: Int
  /// The newest version this program knows.
  public var known: Int

  public init(path: String, version: Int, known: Int) {
    self.path = path
    self.version = version
    self.known = known
  }

  public var description: String {
    "\(path) has schema version \(version), newer than this factarchive knows (\(known)); "
      + "upgrade factarchive"
  }
}

extension Connection {
  /// The schema version recorded in the file (`PRAGMA user_version`).
  public var schemaVersion: Int {
    get throws(DatabaseError) { Int(try scalarInt("PRAGMA user_version")) }
  }

  /// Applies the migrations the database has not had yet, each in its own transaction
  /// together with its `user_version` bump, so a migration lands whole or not at all.
  ///
  /// Fails with `NewerSchemaError`, changing nothing, when the file was written by a newer
  /// version. See <https://www.sqlite.org/pragma.html#pragma_user_version>.
  /// - Parameter steps: work a migration's SQL cannot do (rewriting stored JSON), run after
  ///   the SQL of the migration with that version, in its transaction.
  /// - Returns: the versions applied.
  @discardableResult
  public func migrate(
    _ migrations: [Migration], steps: [Int: @Sendable (Connection) throws -> Void] = [:]
  ) throws -> [Int] {
    let current = try schemaVersion
    if let latest = migrations.last?.version, current > latest {
      throw NewerSchemaError(path: path, version: current, known: latest)
    }
    var applied: [Int] = []
    for migration in migrations where migration.version > current {
      try transaction(.immediate) {
        // Another process may have migrated while we waited for the lock.
        guard try schemaVersion < migration.version else { return }
        try execute(migration.sql)
        try steps[migration.version]?(self)
        try execute("PRAGMA user_version = \(migration.version)")
        applied.append(migration.version)
      }
    }
    if !applied.isEmpty {
      clearStatementCache()
    }
    return applied
  }
}

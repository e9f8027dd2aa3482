/// One numbered schema change, applied in order and recorded in `PRAGMA user_version`.
///
/// The SQL lives in `Schema/NNN_name.sql`; `make schema` copies it into
/// `Migration+Schema.swift` so that the binary carries its schema wherever it is copied,
/// and a test fails when the two differ.
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

  /// The schema version a database gets from this build.
  public static var latestVersion: Int { all.last?.version ?? 0 }
}

extension Database {
  /// The schema version recorded in the file (`PRAGMA user_version`).
  public var schemaVersion: Int {
    get throws(DatabaseError) { Int(try scalarInt("PRAGMA user_version")) }
  }

  /// Applies the migrations the database has not had yet, each in its own transaction
  /// together with its `user_version` bump, so a migration lands whole or not at all.
  ///
  /// Fails without changing anything when the file was written by a newer FactArchive.
  /// See <https://www.sqlite.org/pragma.html#pragma_user_version>.
  /// - Returns: the versions applied.
  @discardableResult
  public func migrate(_ migrations: [Migration] = Migration.all) throws -> [Int] {
    let current = try schemaVersion
    if let latest = migrations.last?.version, current > latest {
      throw DatabaseError(
        extendedResultCode: 1,
        message:
          "\(path) has schema version \(current), newer than this factarchive knows (\(latest)); "
          + "upgrade factarchive")
    }
    var applied: [Int] = []
    for migration in migrations where migration.version > current {
      try transaction(.immediate) {
        // Another process may have migrated while we waited for the lock.
        guard try schemaVersion < migration.version else { return }
        try execute(migration.sql)
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

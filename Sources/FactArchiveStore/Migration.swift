internal import CSQLite

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

  /// The tables its SQL drops (`DROP TABLE questions`): a table rebuilt under the same name
  /// is dropped and its copy renamed.
  public var droppedTables: [String] {
    sql.split(separator: "\n").compactMap { line in
      let words = line.split(whereSeparator: { $0 == " " || $0 == ";" })
      guard words.count >= 3, words[0].uppercased() == "DROP", words[1].uppercased() == "TABLE"
      else { return nil }
      let name = words[2].uppercased() == "IF" && words.count >= 5 ? words[4] : words[2]
      return String(name)
    }
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
  /// Fails when a table that refers to one of `tables` holds a row whose reference has no
  /// row to point at: what rebuilding a table with foreign keys off could leave behind. Only
  /// the referring tables are checked (a full `foreign_key_check` of a large archive takes
  /// minutes), and only tables the migration rebuilt are referred to.
  func checkReferences(to tables: [String], after migration: Migration) throws {
    guard !tables.isEmpty else { return }
    let targets = Set(tables.map { $0.lowercased() })
    let children = try query(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ) { $0.text(at: 0) ?? "" }.filter { table in
      try query(
        "SELECT \"table\" FROM pragma_foreign_key_list(?)", [table]
      ) { ($0.text(at: 0) ?? "").lowercased() }.contains(where: targets.contains)
    }
    for child in children {
      if let dangling = try queryFirst(
        "PRAGMA foreign_key_check(\(Connection.quoteIdentifier(child)))", [],
        { row in
          "\(row.text(at: 0) ?? "?") row \(row.int64(at: 1)) refers to a missing "
            + "\(row.text(at: 2) ?? "?") row"
        })
      {
        throw DatabaseError(
          extendedResultCode: SQLITE_CONSTRAINT | (3 << 8),  // SQLITE_CONSTRAINT_FOREIGNKEY
          message: "migration \(migration.fileName) would leave \(dangling)")
      }
    }
  }

  /// The schema version recorded in the file (`PRAGMA user_version`).
  public var schemaVersion: Int {
    get throws(DatabaseError) { Int(try scalarInt("PRAGMA user_version")) }
  }

  /// Applies the migrations the database has not had yet, each in its own transaction
  /// together with its `user_version` bump, so a migration lands whole or not at all.
  ///
  /// Foreign keys are off while migrations run and checked (`PRAGMA foreign_key_check`)
  /// before each commits: a migration may rebuild a table others refer to, as SQLite's
  /// procedure for schema changes requires (<https://www.sqlite.org/lang_altertable.html>,
  /// "Making Other Kinds Of Table Schema Changes"), and still cannot leave a dangling
  /// reference behind.
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
    let pending = migrations.filter { $0.version > current }
    guard !pending.isEmpty else { return applied }
    let enforced = try scalarInt("PRAGMA foreign_keys") == 1
    if enforced { try execute("PRAGMA foreign_keys = OFF") }
    defer { if enforced { try? execute("PRAGMA foreign_keys = ON") } }
    for migration in pending {
      try transaction(.immediate) {
        // Another process may have migrated while we waited for the lock.
        guard try schemaVersion < migration.version else { return }
        try execute(migration.sql)
        try steps[migration.version]?(self)
        try checkReferences(to: migration.droppedTables, after: migration)
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

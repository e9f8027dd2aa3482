/// Opening a FactArchive database: the schema migrated and the journal in WAL mode.
extension Database {
  /// Opens the archive at `path`, creating it when needed, and brings its schema up to date.
  ///
  /// WAL lets readers (`stale`, `report`) run while an ingest writes
  /// (<https://www.sqlite.org/wal.html>); `synchronous = NORMAL` is durable across
  /// application crashes in WAL mode and much faster than FULL.
  public static func openArchive(path: String) throws -> Database {
    let db = try Database(path: path, mode: .readWriteCreate)
    try db.execute("PRAGMA journal_mode = WAL")
    try db.execute("PRAGMA synchronous = NORMAL")
    try db.migrate()
    return db
  }

  /// Opens an existing archive with `SQLITE_OPEN_READONLY`: nothing can change the file.
  public static func openArchiveReadOnly(path: String) throws -> Database {
    let db = try Database(path: path, mode: .readOnly)
    let version = try db.schemaVersion
    guard version == Migration.latestVersion else {
      throw DatabaseError(
        extendedResultCode: 1,
        message: version == 0
          ? "\(path) is not a FactArchive database"
          : "\(path) has schema version \(version), this factarchive expects "
            + "\(Migration.latestVersion); run a writing command such as `factarchive check` "
            + "to migrate it first")
    }
    return db
  }
}

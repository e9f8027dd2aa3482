internal import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Online backups with SQLite's backup API (<https://www.sqlite.org/backup.html>).
extension Connection {
  /// What a backup copied.
  public struct Backup: Sendable, Equatable {
    public var path: String
    public var pages: Int
    public var bytes: Int
  }

  /// Copies this database, as it stands at one moment, into a new file at `path`.
  ///
  /// The copy is made in one `sqlite3_backup_step(-1)`: it reads a single snapshot, so in
  /// WAL mode other processes go on writing while it runs and the copy holds none of their
  /// later changes (a step-by-step backup would restart each time they wrote). It is written
  /// to `path.partial`, switched to a rollback journal so that it is one self-contained file,
  /// checked with `PRAGMA quick_check`, and only then renamed to `path`: a backup that fails
  /// leaves no file behind that looks like a good one.
  ///
  /// ```swift
  /// let copy = try Connection(path: "factarchive.sqlite", mode: .readOnly)
  ///   .backup(to: "nightly/factarchive-2026-11-23.sqlite")
  /// ```
  ///
  /// - Parameter replacing: overwrite an existing file at `path`; otherwise that is an error.
  public func backup(to path: String, replacing: Bool = false) throws(DatabaseError) -> Backup {
    if !replacing, access(path, F_OK) == 0 {
      throw DatabaseError(
        extendedResultCode: SQLITE_CANTOPEN,
        message: "\(path) already exists; choose another path or replace it (--force)")
    }
    let partial = path + ".partial"
    Self.removeDatabaseFiles(partial)
    do throws(DatabaseError) {
      let pages = try copy(toNewFile: partial)
      guard rename(partial, path) == 0 else {
        let reason = String(cString: strerror(errno))
        throw DatabaseError(
          extendedResultCode: SQLITE_IOERR,
          message: "cannot rename \(partial) to \(path): \(reason)"
        )
      }
      var status = stat()
      let bytes = stat(path, &status) == 0 ? Int(status.st_size) : 0
      return Backup(path: path, pages: pages, bytes: bytes)
    } catch {
      Self.removeDatabaseFiles(partial)
      throw error
    }
  }

  /// Removes a database file and the journal files SQLite may have left beside it.
  private static func removeDatabaseFiles(_ path: String) {
    for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
  }

  /// Copies every page into a new database file; returns the page count.
  private func copy(toNewFile path: String) throws(DatabaseError) -> Int {
    let destination = try Connection(path: path, mode: .readWriteCreate)
    guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
      throw DatabaseError.current(destination.handle, code: sqlite3_errcode(destination.handle))
    }
    var code = sqlite3_backup_step(backup, -1)
    var waited = 0
    // Another connection holds a lock the copy needs: wait for it, as a busy timeout would.
    while code == SQLITE_BUSY || code == SQLITE_LOCKED, waited < busyTimeout {
      usleep(20_000)
      waited += 20
      code = sqlite3_backup_step(backup, -1)
    }
    let pages = Int(sqlite3_backup_pagecount(backup))
    sqlite3_backup_finish(backup)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        extendedResultCode: code,
        message: "backup to \(path) failed: \(String(cString: sqlite3_errstr(code)))")
    }
    // One file: the copy keeps the source's WAL flag until it is switched back.
    try destination.execute("PRAGMA journal_mode = DELETE")
    let check = try destination.scalarText("PRAGMA quick_check")
    guard check == "ok" else {
      throw DatabaseError(
        extendedResultCode: SQLITE_CORRUPT,
        message: "the backup in \(path) fails quick_check: \(check ?? "no answer")")
    }
    return pages
  }
}

import FactArchiveCore
import FactArchiveStore

extension Migration {
  /// The schema version a database gets from this build.
  public static var latestVersion: Int { all.last?.version ?? 0 }

  /// What a migration's SQL cannot do, run in its transaction right after it.
  public static let steps: [Int: @Sendable (Connection) throws -> Void] = [
    10: StoredReport.rewriteLegacyRuns,
    11: { try RatingClasses.classifyStored(in: $0) },
    12: QuestionRekeying.migrate,
    13: DocumentTypes.allowFeeds,
    23: DocumentTypes.allowWebArchives,
  ]
}

/// Opening a FactArchive archive. Opening it for writing keeps its invariants: the schema
/// is migrated, the journal is in WAL mode, and every live check has a due date (checks
/// stored before the policy existed, or left unjudged by a migration, are judged once,
/// here). Opening it read-only never writes.
extension Connection {
  /// The page size of a new archive: 16 KiB rather than SQLite's 4 KiB. Ingest writes a
  /// quarter as many WAL frames and B-tree pages (the full-text indexes' segments and the
  /// documents' text are large), and queries read as fast (see Benchmarks/NOTES.md).
  public static let archivePageSize = 16_384

  /// Opens the archive at `path` for writing, creating it when needed.
  ///
  /// WAL lets readers (`stale`, `report`) run while an ingest writes
  /// (<https://www.sqlite.org/wal.html>); `synchronous = NORMAL` is durable across
  /// application crashes in WAL mode and much faster than FULL.
  /// - Parameter busyTimeout: milliseconds to wait for another connection's write lock.
  public static func openArchive(path: String, busyTimeout: Int32 = 60_000) throws -> Connection {
    let db = try Connection(path: path, mode: .readWriteCreate, busyTimeout: busyTimeout)
    // Before anything is written: a new archive takes this page size, an existing one keeps
    // its own (WAL mode fixes it).
    try db.execute("PRAGMA page_size = \(archivePageSize)")
    try db.execute("PRAGMA journal_mode = WAL")
    try db.execute("PRAGMA synchronous = NORMAL")
    do {
      try db.migrate(Migration.all, steps: Migration.steps)
    } catch let error as NewerSchemaError {
      throw ArchiveError.fromNewerVersion(
        path: path, version: error.version, known: error.known)
    }
    try db.judgeUnjudged()
    return db
  }

  /// Opens an existing archive with `SQLITE_OPEN_READONLY`: nothing can change the file.
  /// An archive that needs migrating first is refused, with what to run.
  public static func openArchiveReadOnly(path: String, busyTimeout: Int32 = 60_000) throws
    -> Connection
  {
    let db = try Connection(path: path, mode: .readOnly, busyTimeout: busyTimeout)
    let version = try db.schemaVersion
    guard version != 0 else { throw ArchiveError.notAnArchive(path: path) }
    if version > Migration.latestVersion {
      throw ArchiveError.fromNewerVersion(
        path: path, version: version, known: Migration.latestVersion)
    }
    guard version == Migration.latestVersion else {
      throw ArchiveError.needsMigration(
        path: path, version: version, expected: Migration.latestVersion)
    }
    return db
  }

  /// For reading: the archive opened for writing where the file can be written (so an older
  /// archive is migrated and judged once), else read-only (a read-only mount, a backup on
  /// a CD).
  public static func openArchiveForReading(path: String) throws -> Connection {
    do {
      return try openArchive(path: path)
    } catch let error as DatabaseError where error.isReadOnly {
      return try openArchiveReadOnly(path: path)
    }
  }

  /// Applies the archive's migrations the file has not had yet (`Migration.all`).
  @discardableResult
  public func migrate() throws -> [Int] {
    try migrate(Migration.all, steps: Migration.steps)
  }

  /// Judges the checks that have no due date yet, finds the names of sources that have
  /// none, counts the archive's names, judges every evidence link, and reads every
  /// question's claim and links claims: after a migration (nothing else leaves any of these
  /// undone), once.
  private func judgeUnjudged() throws {
    guard try scalarInt(Self.leftToJudge) == 1 else { return }
    let assessor = try CheckAssessor(database: self)
    let judged = try assessor.recompute(.unjudged)
    let filled = try assessor.fillSourceTerms()
    let countsKept = try assessor.names.areKept()
    if judged > 0 || filled > 0 || !countsKept {
      try transaction { try assessor.names.recount() }
      try assessor.rebuildEvidence()
    }
    if try scalarInt("SELECT EXISTS (SELECT 1 FROM questions WHERE claim_terms IS NULL)") == 1 {
      try assessor.rebuildClaimLinks()
    }
  }
}

extension Connection {
  /// Whether anything is left to judge, asked every time the archive is opened for writing:
  /// each question reads a partial index that holds only what is left (`checks_undated`,
  /// `sources_unread`, `questions_unread`), never a whole table.
  static let leftToJudge = """
    SELECT EXISTS (SELECT 1 FROM checks AS c WHERE \(CheckSQL().unjudged))
        OR EXISTS (SELECT 1 FROM sources WHERE key_terms IS NULL)
        OR NOT EXISTS (SELECT 1 FROM name_totals)
        OR EXISTS (SELECT 1 FROM questions WHERE claim_terms IS NULL)
    """
}

/// Why a file cannot be used as this version's archive.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Written by a newer FactArchive: this one must not change it.
  case fromNewerVersion(path: String, version: Int, known: Int)
  /// A SQLite database, but not one FactArchive made.
  case notAnArchive(path: String)
  /// An older archive opened read-only: it cannot be migrated.
  case needsMigration(path: String, version: Int, expected: Int)

  public var description: String {
    switch self {
    case .fromNewerVersion(let path, let version, let known):
      return "\(path) has schema version \(version), newer than this factarchive knows "
        + "(\(known)); upgrade factarchive"
    case .notAnArchive(let path):
      return "\(path) is not a FactArchive database"
    case .needsMigration(let path, let version, let expected):
      return "\(path) has schema version \(version), this factarchive expects \(expected); "
        + "run a writing command such as `factarchive check` to migrate it first"
    }
  }
}

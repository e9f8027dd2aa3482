import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// The archive's name frequencies (`names`, `name_totals`), kept as documents land: each
/// check and source adds one to the count of every name in its key terms, and to the
/// document total; a document removed (a reparse) takes its names back. So the counts stay
/// exact without rescans, and `NameWeights` reads them.
///
/// During a bulk write (`deferringWrites`) the changes are summed in memory and written once
/// per name when the batch ends, inside its transaction; the counts read in the meantime
/// include them, so every judgement sees exactly what it would have seen row by row.
public final class NameCounts {
  let db: Connection
  /// Changes not yet written: per name, and to the document total.
  private var pending: [String: Int] = [:]
  private var pendingDocuments = 0
  private var deferring = false
  /// Counts read during the current batch (before its pending changes): the writer asks
  /// about the same names for every check and claim of a batch.
  private var cache: [String: Int] = [:]

  public init(database: Connection) {
    db = database
  }

  /// A document with these names landed.
  public func add(_ names: [String]) throws {
    try change(names, by: 1)
  }

  /// A document with these names is gone (or is about to be written again).
  public func remove(_ names: [String]) throws {
    try change(names, by: -1)
  }

  /// Runs `body` (inside the caller's transaction) with the changes summed in memory, then
  /// writes them, one statement per name rather than one per name per document. If `body`
  /// throws, its changes are dropped with it: the caller's transaction rolls back.
  public func deferringWrites<T>(_ body: () throws -> T) throws -> T {
    precondition(db.isInTransaction, "deferred name counts need the caller's transaction")
    deferring = true
    defer {
      deferring = false
      pending.removeAll(keepingCapacity: true)
      cache.removeAll(keepingCapacity: true)
      pendingDocuments = 0
    }
    let result = try body()
    for (name, delta) in pending.sorted(by: { $0.key < $1.key }) where delta != 0 {
      try write(name, delta)
    }
    try writeTotal(pendingDocuments)
    return result
  }

  private func change(_ names: [String], by delta: Int) throws {
    guard deferring else {
      for name in Set(names) {
        try write(name, delta)
      }
      try writeTotal(delta)
      return
    }
    for name in Set(names) {
      pending[name, default: 0] += delta
    }
    pendingDocuments += delta
  }

  // Plain single-row statements: an upsert needs a statement journal, which makes FTS5
  // flush its pending terms in the middle of a batch.
  private func write(_ name: String, _ delta: Int) throws {
    let update = try db.cachedStatement(
      "UPDATE names SET documents = max(0, documents + :delta) WHERE name = :name")
    try update.bind(delta, to: ":delta")
    try update.bind(name, to: ":name")
    try update.run()
    if db.changes == 0, delta > 0 {
      let insert = try db.cachedStatement(
        "INSERT INTO names (name, documents) VALUES (:name, :documents)")
      try insert.bind(name, to: ":name")
      try insert.bind(delta, to: ":documents")
      try insert.run()
    }
  }

  private func writeTotal(_ delta: Int) throws {
    guard delta != 0 else { return }
    let total = try db.cachedStatement(
      "UPDATE name_totals SET documents = max(0, documents + :delta) WHERE id = 1")
    try total.bind(delta, to: ":delta")
    try total.run()
    if db.changes == 0, delta > 0 {
      try db.execute("INSERT INTO name_totals (id, documents) VALUES (1, ?)", [delta])
    }
  }

  /// Documents counted.
  public func documents() throws -> Int {
    try stored(Self.totalKey) + pendingDocuments
  }

  /// Whether the counts have been taken at all (an archive migrated from before they were
  /// kept has none until it is judged again).
  public func areKept() throws -> Bool {
    try db.scalarInt("SELECT count(*) FROM name_totals") > 0
  }

  /// The weights of `names` as the archive stands.
  public func weights(for names: some Sequence<String>) throws -> NameWeights {
    var frequencies: [String: Int] = [:]
    for name in names where frequencies[name] == nil {
      frequencies[name] = max(0, try stored(name) + (pending[name] ?? 0))
    }
    return NameWeights(documents: try documents(), frequencies: frequencies)
  }

  /// The cache's key for the document total (no name is empty).
  private static let totalKey = ""

  private func stored(_ name: String) throws -> Int {
    if deferring, let known = cache[name] { return known }
    let lookup: Statement
    if name == Self.totalKey {
      lookup = try db.cachedStatement("SELECT documents FROM name_totals WHERE id = 1")
    } else {
      lookup = try db.cachedStatement("SELECT documents FROM names WHERE name = :name")
      try lookup.bind(name, to: ":name")
    }
    let count = try lookup.step() ? lookup.currentRow.int("documents") : 0
    lookup.reset()
    if deferring { cache[name] = count }
    return count
  }

  /// Counts every check's and source's names again from their key terms.
  public func recount() throws {
    try db.execute("DELETE FROM names")
    try db.execute("DELETE FROM name_totals")
    try db.execute(
      """
      WITH RECURSIVE documents (terms) AS (
        SELECT key_terms FROM checks WHERE key_terms IS NOT NULL
        UNION ALL SELECT key_terms FROM sources WHERE key_terms IS NOT NULL),
      split (name, rest) AS (
        SELECT '', terms || '|' FROM documents
        UNION ALL
        SELECT substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1)
        FROM split WHERE rest <> '')
      INSERT INTO names (name, documents)
      SELECT name, count(*) FROM split WHERE name <> '' GROUP BY name
      """)
    try db.execute(
      """
      INSERT INTO name_totals (id, documents)
      SELECT 1, (SELECT count(*) FROM checks WHERE key_terms IS NOT NULL)
              + (SELECT count(*) FROM sources WHERE key_terms IS NOT NULL)
      """)
  }
}

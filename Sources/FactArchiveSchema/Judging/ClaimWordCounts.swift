import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// How many questions' claims use each word (`claim_words`), kept as questions land, so
/// `ClaimWeights` reads the archive's own frequencies without rescans. The row whose word is
/// empty holds the number of questions counted.
///
/// Like `NameCounts`, during a batch (`deferringWrites`) the changes are summed in memory and
/// written once per word when it ends, and what it reads is remembered for the batch: the
/// writer asks about the same common words for every question.
public final class ClaimWordCounts {
  let db: Connection
  private var pending: [String: Int] = [:]
  private var pendingQuestions = 0
  private var deferring = false
  /// Counts read during the current batch (before its pending changes).
  private var cache: [String: Int] = [:]

  /// The word whose row holds the number of questions counted.
  static let totalRow = ""

  public init(database: Connection) {
    db = database
  }

  /// A question with this claim landed.
  public func add(_ terms: [String]) throws { try change(terms, by: 1) }

  /// A question with this claim is gone (merged into another).
  public func remove(_ terms: [String]) throws { try change(terms, by: -1) }

  /// Runs `body` inside the caller's transaction with the changes summed in memory, then
  /// writes them.
  public func deferringWrites<T>(_ body: () throws -> T) throws -> T {
    precondition(db.isInTransaction, "deferred claim counts need the caller's transaction")
    deferring = true
    defer {
      deferring = false
      pending.removeAll(keepingCapacity: true)
      cache.removeAll(keepingCapacity: true)
      pendingQuestions = 0
    }
    let result = try body()
    for (word, delta) in pending.sorted(by: { $0.key < $1.key }) where delta != 0 {
      try write(word, delta)
    }
    if pendingQuestions != 0 { try write(Self.totalRow, pendingQuestions) }
    return result
  }

  private func change(_ terms: [String], by delta: Int) throws {
    let words = Set(terms).subtracting([Self.totalRow])
    guard deferring else {
      for word in words { try write(word, delta) }
      try write(Self.totalRow, delta)
      return
    }
    for word in words { pending[word, default: 0] += delta }
    pendingQuestions += delta
  }

  // Single-row statements, no upsert: see `NameCounts.write`.
  private func write(_ word: String, _ delta: Int) throws {
    let update = try db.cachedStatement(
      "UPDATE claim_words SET questions = max(0, questions + :delta) WHERE word = :word")
    try update.bind(delta, to: ":delta")
    try update.bind(word, to: ":word")
    try update.run()
    if db.changes == 0, delta > 0 {
      let insert = try db.cachedStatement(
        "INSERT INTO claim_words (word, questions) VALUES (:word, :questions)")
      try insert.bind(word, to: ":word")
      try insert.bind(delta, to: ":questions")
      try insert.run()
    }
  }

  private func stored(_ word: String) throws -> Int {
    if deferring, let known = cache[word] { return known }
    let lookup = try db.cachedStatement("SELECT questions FROM claim_words WHERE word = :word")
    try lookup.bind(word, to: ":word")
    let count = try lookup.step() ? lookup.currentRow.int("questions") : 0
    lookup.reset()
    if deferring { cache[word] = count }
    return count
  }

  /// Adds the counts of `terms` not in `frequencies` yet: a caller weighing a claim and then
  /// its candidates reads each word once.
  public func count(_ terms: some Sequence<String>, into frequencies: inout [String: Int]) throws {
    for term in terms where frequencies[term] == nil {
      frequencies[term] = max(0, try stored(term) + (pending[term] ?? 0))
    }
  }

  /// The weights of the words counted with `count(_:into:)` as the archive stands, with
  /// `names` for the names' weights.
  public func weights(_ frequencies: [String: Int], names: NameWeights) throws -> ClaimWeights {
    ClaimWeights(
      questions: max(0, try stored(Self.totalRow) + pendingQuestions), frequencies: frequencies,
      names: names)
  }

  /// Counts every question's claim words again from `questions.claim_terms`.
  public func recount() throws {
    try db.execute("DELETE FROM claim_words")
    try db.execute(
      """
      WITH RECURSIVE split (word, rest) AS (
        SELECT '', claim_terms || '|' FROM questions WHERE claim_terms IS NOT NULL
        UNION ALL
        SELECT substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1)
        FROM split WHERE rest <> '')
      INSERT INTO claim_words (word, questions)
      SELECT word, count(*) FROM split WHERE word <> '' GROUP BY word
      """)
    try db.execute(
      """
      INSERT INTO claim_words (word, questions)
      SELECT '', count(*) FROM questions WHERE claim_terms IS NOT NULL
      """)
  }
}

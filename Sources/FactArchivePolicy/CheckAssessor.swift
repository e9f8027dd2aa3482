import FactArchiveStore

/// Applies the staleness policy to stored checks: judges new checks as they are written,
/// links newer evidence, and recomputes every due date when the rules change.
public final class CheckAssessor {
  public let db: Database
  public private(set) var policy: StalenessPolicy
  /// Whether any source is stored (no evidence lookups on archives without sources).
  private var hasSources: Bool

  /// Names kept per source for matching checks.
  public static let sourceKeyTermLimit = 40

  public init(database: Database) throws {
    db = database
    policy = try StalenessPolicy.load(from: database)
    hasSources = try database.scalarInt("SELECT EXISTS (SELECT 1 FROM sources)") == 1
  }

  /// A newer source sharing a check's names.
  public struct EvidenceLink: Sendable, Equatable {
    public var sourceID: Int64
    public var sharedTerms: [String]
    public var sourceDate: Day
  }

  /// The policy's verdict on a check about to be written, and the stored sources that are
  /// newer evidence for it.
  /// `assessed` is the verdict when it was worked out already, on another thread.
  public func judge(_ facts: StalenessPolicy.Facts, assessed: StalenessPolicy.Verdict? = nil) throws
    -> (StalenessPolicy.Verdict, [EvidenceLink])
  {
    var verdict = assessed ?? policy.assess(facts)
    guard hasSources, let base = facts.baseDate, !verdict.keyTerms.isEmpty else {
      return (verdict, [])
    }
    let links = try newerSources(sharing: verdict.keyTerms, after: base)
    if let earliest = links.map(\.sourceDate).min() {
      verdict.dueOn = min(verdict.dueOn, earliest)
    }
    return (verdict, links)
  }

  /// Stores evidence links found by `judge` once the check has its id.
  public func record(_ links: [EvidenceLink], checkID: Int64) throws {
    let insert = try db.cachedStatement(
      """
      INSERT OR IGNORE INTO check_evidence (check_id, source_id, shared_terms, source_date)
      VALUES (?, ?, ?, ?)
      """)
    for link in links {
      try insert.execute([
        checkID, link.sourceID, link.sharedTerms.joined(separator: "|"), link.sourceDate.iso,
      ])
    }
  }

  /// Two shared names make a source evidence (one, when the check names only one).
  static func shared(_ checkTerms: [String], _ sourceTerms: Set<String>) -> [String]? {
    let common = checkTerms.filter { sourceTerms.contains($0) }
    return common.count >= min(2, checkTerms.count) && !common.isEmpty ? common : nil
  }

  private func newerSources(sharing terms: [String], after base: Day) throws -> [EvidenceLink] {
    let statement = try db.cachedStatement(
      """
      SELECT s.id, s.key_terms, coalesce(s.published_on, s.published_on_inferred)
      FROM sources_fts AS f JOIN sources AS s ON s.id = f.rowid
      WHERE sources_fts MATCH ? AND coalesce(s.published_on, s.published_on_inferred) > ?
      ORDER BY s.id LIMIT 500
      """)
    var links: [EvidenceLink] = []
    try statement.forEachRow([Self.ftsQuery(terms), base.iso]) { row in
      let sourceTerms = Set((row.text(at: 1) ?? "").split(separator: "|").map(String.init))
      guard let date = row.text(at: 2).flatMap({ Day(iso: $0) }),
        let common = Self.shared(terms, sourceTerms)
      else { return }
      links.append(EvidenceLink(sourceID: row.int64(at: 0), sharedTerms: common, sourceDate: date))
    }
    return links
  }

  /// Links a stored source to the latest checks it is newer evidence for, and brings their
  /// due dates forward. Returns how many checks it links. A source with no date, stated or
  /// mentioned, cannot be shown to be newer and links nothing.
  @discardableResult
  public func linkSource(_ sourceID: Int64, keyTerms: [String], date: Day) throws -> Int {
    hasSources = true
    guard !keyTerms.isEmpty else { return 0 }
    let sourceTerms = Set(keyTerms)
    let candidates = try db.query(
      """
      SELECT c.id, c.key_terms FROM checks_fts AS f JOIN checks AS c ON c.id = f.rowid
      WHERE checks_fts MATCH ? AND c.superseded = 0
        AND coalesce(c.checked_on, c.checked_on_inferred) < ?
      ORDER BY c.id LIMIT 5000
      """, [Self.ftsQuery(keyTerms), date.iso]
    ) { ($0.int64(at: 0), ($0.text(at: 1) ?? "").split(separator: "|").map(String.init)) }
    var linked = 0
    for (checkID, checkTerms) in candidates {
      guard let common = Self.shared(checkTerms, sourceTerms) else { continue }
      try record(
        [EvidenceLink(sourceID: sourceID, sharedTerms: common, sourceDate: date)], checkID: checkID)
      try db.execute(
        "UPDATE checks SET due_on = min(coalesce(due_on, ?), ?) WHERE id = ?",
        [date.iso, date.iso, checkID])
      linked += 1
    }
    return linked
  }

  /// `"term one" OR "term two"`: each name as an FTS5 phrase.
  static func ftsQuery(_ terms: [String]) -> String {
    terms.map {
      "\"" + $0.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
        + "\""
    }
    .joined(separator: " OR ")
  }

  // MARK: - Recomputing

  public enum Scope: Sendable {
    /// Every check: after the rules change.
    case all
    /// Checks the policy has not judged yet (after a migration).
    case unjudged
  }

  /// Reloads the rules and recomputes topic, maximum age, time-sensitive wording and due date
  /// of the checks in `scope`, in transactions of a thousand. Returns how many it judged.
  @discardableResult
  public func recompute(_ scope: Scope, progress: (Int) -> Void = { _ in }) throws -> Int {
    policy = try StalenessPolicy.load(from: db)
    let filter = scope == .all ? "1" : "c.due_on IS NULL"
    var lastID: Int64 = 0
    var done = 0
    while true {
      let batch = try db.query(
        """
        SELECT c.id, q.text, c.checked_on, c.checked_on_inferred, substr(d.ingested_at, 1, 10),
               c.publisher_flagged_outdated,
               (SELECT s.body FROM summaries AS s WHERE s.check_id = c.id ORDER BY s.position LIMIT 1),
               (SELECT min(e.source_date) FROM check_evidence AS e WHERE e.check_id = c.id),
               c.key_terms
        FROM checks AS c
        JOIN questions AS q ON q.id = c.question_id
        JOIN documents AS d ON d.id = c.document_id
        WHERE c.id > ? AND \(filter)
        ORDER BY c.id LIMIT 1000
        """, [lastID]
      ) { row in
        (
          row.int64(at: 0),
          StalenessPolicy.Facts(
            question: row.text(at: 1) ?? "", summary: row.text(at: 6) ?? "",
            checkedOn: row.text(at: 2).flatMap { Day(iso: $0) },
            checkedOnInferred: row.text(at: 3).flatMap { Day(iso: $0) },
            ingestedOn: row.text(at: 4).flatMap { Day(iso: $0) } ?? Day.today(),
            publisherFlagged: row.bool(at: 5), evidenceOn: row.text(at: 7).flatMap { Day(iso: $0) }),
          row.isNull(at: 8)
        )
      }
      guard let last = batch.last else { break }
      lastID = last.0
      try db.transaction {
        for (checkID, facts, missingTerms) in batch {
          let verdict = policy.assess(facts)
          try db.execute(
            """
            UPDATE checks SET topic = ?, max_age_days = ?, time_sensitive_terms = ?, due_on = ?,
              key_terms = CASE WHEN ? THEN ? ELSE key_terms END
            WHERE id = ?
            """,
            [
              verdict.topic, verdict.maxAgeDays, Self.joinedTerms(verdict.timeSensitiveTerms),
              verdict.dueOn.iso, missingTerms, verdict.keyTerms.joined(separator: "|"), checkID,
            ])
        }
      }
      done += batch.count
      progress(done)
    }
    if scope == .unjudged {
      try fillSourceTerms()
    }
    return done
  }

  /// Sources stored before key names were kept: find their names and link them.
  private func fillSourceTerms() throws {
    let sources = try db.query(
      """
      SELECT s.id, s.title, s.body, coalesce(s.published_on, s.published_on_inferred)
      FROM sources AS s WHERE s.key_terms IS NULL
      """
    ) { ($0.int64(at: 0), ($0.text(at: 1) ?? "") + "\n" + ($0.text(at: 2) ?? ""), $0.text(at: 3)) }
    for (sourceID, text, date) in sources {
      let terms = KeyTerms.extract(from: text, limit: Self.sourceKeyTermLimit)
      try db.transaction {
        try db.execute(
          "UPDATE sources SET key_terms = ? WHERE id = ?", [terms.joined(separator: "|"), sourceID])
        if let day = date.flatMap({ Day(iso: $0) }) {
          try linkSource(sourceID, keyTerms: terms, date: day)
        }
      }
    }
  }

  /// `currently, this week`, or `nil` for none.
  public static func joinedTerms(_ terms: [String]) -> String? {
    terms.isEmpty ? nil : terms.joined(separator: ", ")
  }
}

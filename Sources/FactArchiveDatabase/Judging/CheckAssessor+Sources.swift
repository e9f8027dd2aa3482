import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// Newer evidence: sources published after a check that share its names.
extension CheckAssessor {
  /// Stored sources newer than `base` that share enough of `terms`.
  func newerSources(sharing terms: [String], after base: Day) throws -> [EvidenceLink] {
    let statement = try db.cachedStatement(
      """
      SELECT s.id, s.key_terms, coalesce(s.published_on, s.published_on_inferred) AS source_date
      FROM sources_fts AS f JOIN sources AS s ON s.id = f.rowid
      WHERE sources_fts MATCH :terms AND coalesce(s.published_on, s.published_on_inferred) > :base
      ORDER BY s.id LIMIT 500
      """)
    try statement.bind(Self.ftsQuery(terms), to: ":terms")
    try statement.bind(base.iso, to: ":base")
    var links: [EvidenceLink] = []
    try statement.forEachRow { row in
      let sourceTerms = Set(StoredList.names(from: row.text("key_terms")))
      guard let date = row.day("source_date"), let common = EvidenceMatch.shared(terms, sourceTerms)
      else { return }
      links.append(EvidenceLink(sourceID: row.int64("id"), sharedTerms: common, sourceDate: date))
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
    ) { ($0.int64("id"), StoredList.names(from: $0.text("key_terms"))) }
    var linked = 0
    for (checkID, checkTerms) in candidates {
      guard let common = EvidenceMatch.shared(checkTerms, sourceTerms) else { continue }
      try record(
        [EvidenceLink(sourceID: sourceID, sharedTerms: common, sourceDate: date)], checkID: checkID)
      try refreshDueDate(checkID: checkID)
      linked += 1
    }
    return linked
  }

  /// Computes a stored check's due date again from its timeline (its evidence included)
  /// and the maximum age the policy gave it.
  func refreshDueDate(checkID: Int64) throws {
    guard
      let (timeline, maxAge) = try db.queryFirst(
        """
        SELECT \(CheckTimeline.columns), c.max_age_days
        FROM checks AS c JOIN documents AS d ON d.id = c.document_id
        WHERE c.id = ?
        """, [checkID],
        { row in
          (
            CheckTimeline(row: row, ingestedOnFallback: Day.today()),
            row.optionalInt("max_age_days")
          )
        })
    else { return }
    // A check the policy has not judged yet gets its whole verdict from `recompute`.
    guard let maxAge else { return }
    try db.execute(
      "UPDATE checks SET due_on = ? WHERE id = ?",
      [DueDate.of(timeline, maxAgeDays: maxAge).iso, checkID])
  }
}

import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// Judging every evidence link again.
///
/// Links are judged as documents land, with the weights of that moment. As the archive
/// grows, weights move: a name that was rare becomes common, or the reverse, and a link
/// judged then may not be one now. Re-judging every link on every ingest would cost a
/// pass over all sources per batch; instead `rebuildEvidence` re-judges them all in one
/// pass, and the nightly report runs it when the archive (with the documents the prior
/// counts as) has grown by a tenth since the last full judging: a name's share is
/// `(df + k·prior) / (N + k)`, so weights only move that much when the archive does. Or
/// `factarchive evidence --rebuild` runs it on demand.
extension CheckAssessor {
  /// The growth since the last full judging past which the nightly report judges again.
  public static let rejudgeGrowth = 0.10

  public struct EvidenceTally: Sendable, Equatable {
    public var sources: Int
    public var links: Int
    public var checksWithEvidence: Int
  }

  /// Whether the archive has grown enough since every link was last judged that weights
  /// may have moved (or links have never been judged in full).
  public func evidenceNeedsJudging() throws -> Bool {
    guard hasSources else { return false }
    let now = try names.documents()
    guard
      let judged = try db.queryFirst(
        "SELECT judged_documents FROM name_totals WHERE id = 1", [],
        { $0.optionalInt("judged_documents") }
      ) ?? nil
    else { return true }
    // Weights move with the archive plus the documents the prior counts as.
    let prior = NameWeights.priorDocuments
    return Double(now) + prior > (Double(judged) + prior) * (1 + Self.rejudgeGrowth)
  }

  /// Judges every link again with today's weights, and brings the due dates and tiers of
  /// every check that had or now has evidence up to date. One transaction per 200 sources.
  @discardableResult
  public func rebuildEvidence(progress: (Int) -> Void = { _ in }) throws -> EvidenceTally {
    var affected = Set(
      try db.query("SELECT DISTINCT check_id FROM check_evidence") { $0.int64(at: 0) })
    try db.transaction { try db.execute("DELETE FROM check_evidence") }
    var lastID: Int64 = 0
    var sources = 0
    while true {
      let batch = try db.query(
        """
        SELECT id, key_terms, coalesce(published_on, published_on_inferred) AS day
        FROM sources WHERE id > ? ORDER BY id LIMIT 200
        """, [lastID]
      ) { row in
        (
          id: row.int64("id"), terms: StoredList.names(from: row.text("key_terms")),
          day: row.day("day")
        )
      }
      guard let last = batch.last else { break }
      lastID = last.id
      try db.transaction {
        for source in batch {
          guard let day = source.day else { continue }
          try linkSource(source.id, keyTerms: source.terms, date: day)
        }
      }
      sources += batch.count
      progress(sources)
    }
    affected.formUnion(
      try db.query("SELECT DISTINCT check_id FROM check_evidence") { $0.int64(at: 0) })
    let ordered = affected.sorted()
    for start in stride(from: 0, to: ordered.count, by: 1000) {
      try db.transaction {
        for checkID in ordered[start..<min(start + 1000, ordered.count)] {
          try refreshDueDate(checkID: checkID)
        }
      }
    }
    try db.execute(
      "UPDATE name_totals SET judged_documents = documents, judged_at = ? WHERE id = 1",
      [Timestamp.nowUTC()])
    return try evidenceTally()
  }

  /// Links, sources and checks with evidence, as they stand.
  public func evidenceTally() throws -> EvidenceTally {
    EvidenceTally(
      sources: Int(try db.scalarInt("SELECT count(*) FROM sources")),
      links: Int(try db.scalarInt("SELECT count(*) FROM check_evidence")),
      checksWithEvidence: Int(
        try db.scalarInt("SELECT count(DISTINCT check_id) FROM check_evidence")))
  }
}

import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// Newer evidence: sources published after a check that share telling names with it.
extension CheckAssessor {
  /// An FTS5 query for the documents that could be linked through `terms`: those naming one
  /// of the names rare enough to make a link (`EvidenceMatch`); `nil` when none is. Common
  /// and fairly common names are never asked for. The candidates are then judged exactly.
  static func candidateQuery(_ terms: [String], weights: NameWeights) -> String? {
    let rare = terms.filter {
      weights.isTelling($0) && weights.weight(of: $0) >= EvidenceMatch.minimumScore
    }
    return rare.isEmpty ? nil : rare.map(Quoting.doubleQuoted).joined(separator: " OR ")
  }

  /// Stored sources newer than `base` that are evidence for a check naming `terms`.
  func newerSources(for terms: [String], after base: Day) throws -> [EvidenceLink] {
    let weights = try names.weights(for: terms)
    guard let query = Self.candidateQuery(terms, weights: weights) else { return [] }
    let statement = try db.cachedStatement(
      """
      SELECT s.id, s.key_terms, coalesce(s.published_on, s.published_on_inferred) AS source_date
      FROM sources_fts AS f JOIN sources AS s ON s.id = f.rowid
      WHERE sources_fts MATCH :terms AND coalesce(s.published_on, s.published_on_inferred) > :base
      ORDER BY s.id LIMIT 500
      """)
    try statement.bind(query, to: ":terms")
    try statement.bind(base.iso, to: ":base")
    var links: [EvidenceLink] = []
    try statement.forEachRow { row in
      let sourceTerms = Set(StoredList.names(from: row.text("key_terms")))
      guard let date = row.day("source_date"),
        let match = EvidenceMatch.judge(
          checkTerms: terms, sourceTerms: sourceTerms, weights: weights)
      else { return }
      links.append(EvidenceLink(row.int64("id"), match, date))
    }
    return links
  }

  /// A source landed: counts its names and links it to the checks it is evidence for.
  @discardableResult
  public func addSource(_ sourceID: Int64, keyTerms: [String], date: Day?) throws -> Int {
    try names.add(keyTerms)
    hasSources = true
    guard let date else { return 0 }
    return try linkSource(sourceID, keyTerms: keyTerms, date: date)
  }

  /// Links a stored source to the latest checks it is newer evidence for, and brings their
  /// due dates forward. Returns how many checks it links. A source with no date, stated or
  /// mentioned, cannot be shown to be newer and links nothing.
  @discardableResult
  public func linkSource(_ sourceID: Int64, keyTerms: [String], date: Day) throws -> Int {
    hasSources = true
    guard !keyTerms.isEmpty else { return 0 }
    let sourceTerms = Set(keyTerms)
    let sourceWeights = try names.weights(for: keyTerms)
    guard let query = Self.candidateQuery(keyTerms, weights: sourceWeights) else { return 0 }
    let candidates = try db.query(
      """
      SELECT c.id, c.key_terms FROM checks_fts AS f JOIN checks AS c ON c.id = f.rowid
      WHERE checks_fts MATCH ? AND c.superseded = 0
        AND coalesce(c.checked_on, c.checked_on_inferred) < ?
      ORDER BY c.id DESC LIMIT 5000
      """, [query, date.iso]
    ) { ($0.int64("id"), StoredList.names(from: $0.text("key_terms"))) }
    var linked = 0
    for (checkID, checkTerms) in candidates {
      // The shared names are the source's, so its weights hold every one of them.
      guard
        let match = EvidenceMatch.judge(
          checkTerms: checkTerms, sourceTerms: sourceTerms, weights: sourceWeights)
      else { continue }
      try record([EvidenceLink(sourceID, match, date)], checkID: checkID)
      try refreshDueDateSoon(checkID: checkID)
      linked += 1
    }
    return linked
  }

  /// Refreshes a check's due date now, or at the end of the batch when the caller defers
  /// them (`deferringDueDates`).
  func refreshDueDateSoon(checkID: Int64) throws {
    if dueDatesLater != nil {
      dueDatesLater?.insert(checkID)
    } else {
      try refreshDueDate(checkID: checkID)
    }
  }

  /// Runs `body` inside the caller's transaction with the due dates that evidence and other
  /// verdicts bring forward refreshed once per check at its end, not as each link is made.
  ///
  /// Updating `checks` fires its triggers, which needs a statement journal, and opening one
  /// makes every FTS5 table written earlier in the transaction flush its pending terms: a
  /// refresh per link was a flush per link (a tenth of importing ClaimReviews). At the end
  /// of the batch the first refresh flushes once and the rest find nothing pending. The due
  /// date is worked out from what is stored, so refreshing later gives the same date.
  public func deferringDueDates<T>(_ body: () throws -> T) throws -> T {
    precondition(db.isInTransaction, "deferred due dates need the caller's transaction")
    dueDatesLater = []
    defer { dueDatesLater = nil }
    let result = try body()
    for checkID in (dueDatesLater ?? []).sorted() { try refreshDueDate(checkID: checkID) }
    return result
  }

  /// Computes a stored check's due date and tier again from its timeline (its evidence and
  /// latest review included), the maximum age and the wording the policy found.
  public func refreshDueDate(checkID: Int64) throws {
    guard
      let (timeline, maxAge, sensitive, superseded, topic, ratingClass, place) = try db.queryFirst(
        """
        SELECT \(CheckTimeline.columns), c.max_age_days, c.time_sensitive_terms IS NOT NULL AS sensitive,
          \(TierCounts.columns())
        FROM checks AS c JOIN documents AS d ON d.id = c.document_id
        WHERE c.id = ?
        """, [checkID],
        { row in
          (
            CheckTimeline(row: row, ingestedOnFallback: Day.today()),
            row.optionalInt("max_age_days"), row.bool("sensitive"), row.bool("superseded"),
            row.text("topic"), row.text("rating_class"), TierCounts.Place(row: row)
          )
        })
    else { return }
    // A check the policy has not judged yet gets its whole verdict from `recompute`.
    guard let maxAge else { return }
    let dueOn = DueDate.of(timeline, maxAgeDays: maxAge)?.iso
    let tier = QueueTier.of(timeline, timeSensitive: sensitive)?.rawValue
    try db.execute(
      "UPDATE checks SET due_on = ?, queue_tier = ? WHERE id = ?", [dueOn, tier, checkID])
    try TierCounts.move(
      from: place,
      to: .init(
        superseded: superseded, tier: tier, topic: topic, ratingClass: ratingClass, dueOn: dueOn),
      on: db)
  }
}

extension EvidenceLink {
  init(_ sourceID: Int64, _ match: EvidenceMatch, _ date: Day) {
    self.init(
      sourceID: sourceID, sharedTerms: match.sharedTerms, tellingTerms: match.tellingTerms,
      score: match.score, sourceDate: date)
  }
}

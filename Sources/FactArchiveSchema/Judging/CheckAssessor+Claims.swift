import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// Claims matched across the archive (`ClaimMatch`): questions of one publisher worded so
/// alike they may be the same question (`similar_questions`, for an editor to merge), and
/// another publisher's later check of a similar claim, newer evidence on the earlier check
/// (`other_verdicts`, reason `other_verdict`).
///
/// Candidates come from the questions' full-text index: questions sharing two of the
/// claim's three rarest words (one or two words for shorter claims); each is then judged
/// exactly.
extension CheckAssessor {
  /// Candidates judged per check at most (the newest questions first).
  public static let claimCandidates = 60

  /// A question's claim as stored, and its latest check.
  struct StoredClaim {
    var questionID: Int64
    var publisherKey: String
    var profile: ClaimProfile
  }

  /// A question just created: counts its claim's words and keeps the claim as read.
  public func addClaim(_ profile: ClaimProfile, questionID: Int64) throws {
    try claimWords.add(profile.terms)
    rememberClaim(profile, of: questionID)
  }

  /// Links a check just written with the claims like its own. Returns how many links it
  /// made.
  /// - Parameter earlierQuestionsOnly: judge only questions created before its own (a full
  ///   rebuild judges each pair once).
  @discardableResult
  public func linkClaims(checkID: Int64, earlierQuestionsOnly: Bool = false) throws -> Int {
    guard
      let (claim, check) = try db.queryFirst(
        """
        SELECT c.question_id, q.text, q.language, q.publisher_key,
               coalesce(c.checked_on, c.checked_on_inferred) AS day, c.rating_class
        FROM checks AS c JOIN questions AS q ON q.id = c.question_id WHERE c.id = ?
        """, [checkID],
        { row in
          (
            StoredClaim(
              questionID: row.int64("question_id"), publisherKey: row.text("publisher_key") ?? "",
              profile: claimProfile(of: row.int64("question_id"), row)),
            DatedCheck(
              id: checkID, day: row.day("day"),
              ratingClass: row.text("rating_class").flatMap(RatingClass.init(rawValue:)))
          )
        })
    else { return 0 }
    var linked = 0
    let candidates = try claimCandidates(for: claim, earlierQuestionsOnly: earlierQuestionsOnly)
    guard !candidates.isEmpty else { return 0 }
    let weights = try claimWeights([claim.profile] + candidates.map(\.profile))
    for candidate in candidates {
      if candidate.publisherKey == claim.publisherKey {
        guard
          let match = ClaimMatch.judge(
            claim.profile, candidate.profile, weights: weights, bar: ClaimMatch.sameQuestion)
        else { continue }
        try recordSimilarQuestions(claim.questionID, candidate.questionID, match)
        linked += 1
      } else {
        guard
          let match = ClaimMatch.judge(claim.profile, candidate.profile, weights: weights),
          let other = try latestCheck(of: candidate.questionID),
          let mine = check.day, let theirs = other.day, mine != theirs
        else { continue }
        let (earlier, later) = mine < theirs ? (check, other) : (other, check)
        try recordOtherVerdict(on: earlier, by: later, match)
        linked += 1
      }
    }
    return linked
  }

  struct DatedCheck {
    var id: Int64
    var day: Day?
    var ratingClass: RatingClass?
  }

  /// The questions that may share the claim: those naming two of its three rarest words.
  func claimCandidates(for claim: StoredClaim, earlierQuestionsOnly: Bool) throws
    -> [StoredClaim]
  {
    let weights = try claimWeights([claim.profile])
    let rarest = zip(claim.profile.terms, claim.profile.surfaces)
      .sorted { weights.weight(of: $0.0) > weights.weight(of: $1.0) }
      .prefix(3).map { Quoting.doubleQuoted($0.1) }
    let query: String
    switch rarest.count {
    case 0: return []
    case 1: query = rarest[0]
    case 2: query = "\(rarest[0]) AND \(rarest[1])"
    default:
      query =
        "(\(rarest[0]) AND \(rarest[1])) OR (\(rarest[0]) AND \(rarest[2])) "
        + "OR (\(rarest[1]) AND \(rarest[2]))"
    }
    let statement = try db.cachedStatement(
      """
      SELECT q.id, q.text, q.language, q.publisher_key
      FROM questions_fts AS f JOIN questions AS q ON q.id = f.rowid
      WHERE questions_fts MATCH :query AND q.id <> :id AND (:earlier = 0 OR q.id < :id)
      ORDER BY q.id DESC LIMIT \(Self.claimCandidates)
      """)
    try statement.bind(query, to: ":query")
    try statement.bind(claim.questionID, to: ":id")
    try statement.bind(earlierQuestionsOnly, to: ":earlier")
    var candidates: [StoredClaim] = []
    try statement.forEachRow { row in
      candidates.append(
        StoredClaim(
          questionID: row.int64("id"), publisherKey: row.text("publisher_key") ?? "",
          profile: claimProfile(of: row.int64("id"), row)))
    }
    return candidates
  }

  /// The claim of a question, from its `text` and `language` in `row`, read once.
  func claimProfile(of questionID: Int64, _ row: Row) -> ClaimProfile {
    if let known = claimProfiles[questionID] { return known }
    let profile = ClaimProfile(row.text("text") ?? "", language: row.text("language"))
    rememberClaim(profile, of: questionID)
    return profile
  }

  private func rememberClaim(_ profile: ClaimProfile, of questionID: Int64) {
    if claimProfiles.count >= 50_000 { claimProfiles.removeAll(keepingCapacity: true) }
    claimProfiles[questionID] = profile
  }

  func claimWeights(_ profiles: [ClaimProfile]) throws -> ClaimWeights {
    try claimWords.weights(
      for: profiles.flatMap(\.terms), names: try names.weights(for: profiles.flatMap(\.names)))
  }

  func latestCheck(of questionID: Int64) throws -> DatedCheck? {
    try db.queryFirst(
      """
      SELECT id, coalesce(checked_on, checked_on_inferred) AS day, rating_class
      FROM checks WHERE question_id = ? AND superseded = 0
      """, [questionID]
    ) { row in
      DatedCheck(
        id: row.int64("id"), day: row.day("day"),
        ratingClass: row.text("rating_class").flatMap(RatingClass.init(rawValue:)))
    }
  }

  func recordSimilarQuestions(_ one: Int64, _ other: Int64, _ match: ClaimMatch) throws {
    let insert = try db.cachedStatement(
      """
      INSERT OR REPLACE INTO similar_questions
        (question_id, other_question_id, score, shared_terms, found_at)
      VALUES (:question_id, :other_question_id, :score, :shared_terms, :found_at)
      """)
    try insert.bind(min(one, other), to: ":question_id")
    try insert.bind(max(one, other), to: ":other_question_id")
    try insert.bind(.real(match.score), to: ":score")
    try insert.bind(StoredList.names(match.shared), to: ":shared_terms")
    try insert.bind(Timestamp.nowUTC(), to: ":found_at")
    try insert.run()
  }

  /// Records the later check as an other verdict on the earlier, and brings the earlier
  /// check's due date and tier forward.
  func recordOtherVerdict(on earlier: DatedCheck, by later: DatedCheck, _ match: ClaimMatch)
    throws
  {
    guard let day = later.day else { return }
    let disagrees =
      earlier.ratingClass.flatMap { mine in later.ratingClass.map { mine.disagrees(with: $0) } }
      ?? false
    let insert = try db.cachedStatement(
      """
      INSERT OR REPLACE INTO other_verdicts
        (check_id, other_check_id, other_date, score, shared_terms, disagrees, found_at)
      VALUES (:check_id, :other_check_id, :other_date, :score, :shared_terms, :disagrees, :found_at)
      """)
    try insert.bind(earlier.id, to: ":check_id")
    try insert.bind(later.id, to: ":other_check_id")
    try insert.bind(day.iso, to: ":other_date")
    try insert.bind(.real(match.score), to: ":score")
    try insert.bind(StoredList.names(match.shared), to: ":shared_terms")
    try insert.bind(disagrees, to: ":disagrees")
    try insert.bind(Timestamp.nowUTC(), to: ":found_at")
    try insert.run()
    try refreshDueDate(checkID: earlier.id)
  }

  /// Reads every question's claim again, counts the words again and finds every link again:
  /// after the matcher changes (`evidence --rebuild`), or when a migration first reads them.
  /// Returns how many links it made.
  @discardableResult
  public func rebuildClaimLinks(progress: (Int) -> Void = { _ in }) throws -> Int {
    var affected = Set(
      try db.query("SELECT DISTINCT check_id FROM other_verdicts") { $0.int64(at: 0) })
    try db.transaction {
      try db.execute("DELETE FROM similar_questions")
      try db.execute("DELETE FROM other_verdicts")
      try readClaims(where: "1")
      try claimWords.recount()
    }
    var lastID: Int64 = 0
    var done = 0
    var links = 0
    while true {
      let batch = try db.query(
        "SELECT id FROM checks WHERE superseded = 0 AND id > ? ORDER BY id LIMIT 500", [lastID]
      ) { $0.int64(at: 0) }
      guard let last = batch.last else { break }
      lastID = last
      try db.transaction {
        for checkID in batch {
          links += try linkClaims(checkID: checkID, earlierQuestionsOnly: true)
        }
      }
      done += batch.count
      progress(done)
    }
    affected.subtract(
      try db.query("SELECT DISTINCT check_id FROM other_verdicts") { $0.int64(at: 0) })
    try db.transaction {
      for checkID in affected.sorted() { try refreshDueDate(checkID: checkID) }
    }
    return links
  }

  /// Stores the language and claim words of the questions `condition` selects (`q`),
  /// with each question's language as its latest check gives it.
  public func readClaims(where condition: String) throws {
    let rows = try db.query(
      """
      SELECT q.id, q.text,
             (SELECT c.language FROM checks AS c WHERE c.question_id = q.id
              ORDER BY c.superseded, c.id DESC LIMIT 1) AS given
      FROM questions AS q WHERE \(condition)
      """
    ) { ($0.int64("id"), $0.text("text") ?? "", $0.text("given")) }
    claimProfiles.removeAll()
    let update = try db.cachedStatement(
      "UPDATE questions SET language = :language, claim_terms = :claim_terms WHERE id = :id")
    for (id, text, given) in rows {
      let profile = ClaimProfile(text, language: given)
      try update.bind(profile.language, to: ":language")
      try update.bind(StoredList.names(profile.terms), to: ":claim_terms")
      try update.bind(id, to: ":id")
      try update.run()
    }
  }
}

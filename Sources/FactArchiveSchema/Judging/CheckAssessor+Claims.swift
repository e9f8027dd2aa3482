import FactArchiveCore
import FactArchivePolicy
import FactArchiveStore

/// Claims matched across the archive (`ClaimMatch`): questions of one publisher worded so
/// alike they may be the same question (`similar_questions`, for an editor to merge), and
/// another publisher's later check of a similar claim, newer evidence on the earlier check
/// (`other_verdicts`, reason `other_verdict`).
///
/// Candidates are the questions sharing two of the claim's three rarest words (both of two,
/// the one of one), found in the writer's lists of which questions use each word
/// (`ClaimPostings`, read from the questions' full-text index); each is then judged exactly.
/// Another publisher's check of a claim that appeared at one of the same addresses
/// (`claim_appearances`: the same post, video or article) reviews the same claim however
/// either words it, and is linked without weighing words.
extension CheckAssessor {
  /// Candidates judged per check at most (those sharing most of its rarest words first,
  /// then the newest).
  public static let claimCandidates = 5
  /// Claims remembered as read, at most: about 600 bytes each in memory (measured: 200,000
  /// took an ingest of 100,000 articles from 127 to 186 MiB at its peak, in the same time),
  /// so the rest are decoded again from `claim_profile` when a claim needs them.
  static let rememberedClaims = 20_000
  /// Claims' gates kept at most (`ClaimGate`); the rest are read back.
  static let rememberedGates = 1_000_000

  /// A question's claim as stored, with whose question it is.
  struct StoredClaim {
    var questionID: Int64
    var publisherKey: String
    var profile: ClaimProfile
  }

  /// A question just created: counts its claim's words and keeps the claim as read.
  public func addClaim(_ profile: ClaimProfile, questionID: Int64, publisherKey: String) throws {
    try claimWords.add(profile.terms)
    rememberClaim(profile, of: questionID, publisherKey: publisherKey)
    claimPostings.add(questionID, terms: profile.terms)
  }

  /// Forgets what was read of the claims of the questions after `questionID`: their rows were
  /// rolled back (a refused batch or document), and SQLite gives their ids to the next
  /// questions, whose claims are other claims.
  public func forgetClaims(after questionID: Int64) {
    claimProfiles = claimProfiles.filter { $0.key <= questionID }
    claimGates = claimGates.filter { $0.key <= questionID }
    claimPostings.forget(after: questionID)
  }

  /// Runs `body`, a writer's batch that writes the full-text rows of the questions it creates
  /// (`questions_fts`) at its end rather than with each question: claim candidates looked up
  /// meanwhile still find those questions (`ClaimPostings.holdingUnindexed`).
  public func indexingQuestionsLater<T>(_ body: () throws -> T) rethrows -> T {
    try claimPostings.holdingUnindexed(body)
  }

  /// Links a check just written with the claims like its own. Returns how many links it
  /// made.
  /// - Parameter earlierQuestionsOnly: judge only questions created before its own (a full
  ///   rebuild judges each pair once).
  @discardableResult
  public func linkClaims(checkID: Int64, earlierQuestionsOnly: Bool = false) throws -> Int {
    try timingClaims {
      guard
        let (claim, check) = try db.queryFirst(
          """
          SELECT c.question_id, q.text, q.language, q.publisher_key, q.claim_profile,
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
      return try linkClaims(claim, check, earlierQuestionsOnly: earlierQuestionsOnly)
    }
  }

  /// Links a check just written, of a question just created, with the claims like its own,
  /// from what the writer has at hand (the same as `linkClaims(checkID:)` reads back).
  @discardableResult
  public func linkClaims(
    checkID: Int64, ofNewQuestion questionID: Int64, publisherKey: String, claim: ClaimProfile,
    day: Day?, ratingClass: RatingClass?
  ) throws -> Int {
    try timingClaims {
      try linkClaims(
        StoredClaim(questionID: questionID, publisherKey: publisherKey, profile: claim),
        DatedCheck(id: checkID, day: day, ratingClass: ratingClass), earlierQuestionsOnly: false)
    }
  }

  /// Runs `body`, adding its time to `claimMatchingTime`.
  private func timingClaims(_ body: () throws -> Int) rethrows -> Int {
    let start = ContinuousClock.now
    defer { claimMatchingTime += ContinuousClock.now - start }
    return try body()
  }

  private func linkClaims(_ claim: StoredClaim, _ check: DatedCheck, earlierQuestionsOnly: Bool)
    throws -> Int
  {
    try linkByWords(claim, check, earlierQuestionsOnly: earlierQuestionsOnly)
      + linkByAppearance(claim, check, earlierQuestionsOnly: earlierQuestionsOnly)
  }

  /// Links a check with the questions whose claims are worded like its own (`ClaimMatch`):
  /// the same publisher's as possibly the same question, another's as an other verdict.
  private func linkByWords(_ claim: StoredClaim, _ check: DatedCheck, earlierQuestionsOnly: Bool)
    throws -> Int
  {
    var linked = 0
    var frequencies: [String: Int] = [:]
    let candidates = try claimCandidates(
      for: claim, earlierQuestionsOnly: earlierQuestionsOnly, frequencies: &frequencies)
    let plausible = candidates.filter {
      ClaimMatch.mayMatch(
        claim.profile, $0.profile,
        bar: $0.publisherKey == claim.publisherKey
          ? ClaimMatch.sameQuestion : ClaimMatch.similarClaim)
    }
    guard !plausible.isEmpty else { return 0 }
    let profiles = [claim.profile] + plausible.map(\.profile)
    try claimWords.count(profiles.flatMap(\.terms), into: &frequencies)
    let weights = try claimWords.weights(
      frequencies, names: try names.weights(for: profiles.flatMap(\.names)))
    for candidate in plausible {
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
        try recordOtherVerdict(on: earlier, by: later, score: match.score, shared: match.shared)
        linked += 1
      }
    }
    return linked
  }

  /// Links a check with other publishers' latest checks of claims that appeared at an address
  /// its claim appeared at: an other verdict of score 1 that shares the address.
  private func linkByAppearance(
    _ claim: StoredClaim, _ check: DatedCheck, earlierQuestionsOnly: Bool
  ) throws -> Int {
    guard let mine = check.day else { return 0 }
    let others = try db.query(
      """
      SELECT theirs.check_id AS id, min(theirs.url) AS url, c.rating_class,
             coalesce(c.checked_on, c.checked_on_inferred) AS day
      FROM claim_appearances AS own
      JOIN claim_appearances AS theirs
        ON theirs.url_key = own.url_key AND theirs.check_id <> own.check_id
      JOIN checks AS c ON c.id = theirs.check_id AND c.superseded = 0
      JOIN questions AS q ON q.id = c.question_id
      WHERE own.check_id = ? AND q.publisher_key <> ? AND q.id < ?
      GROUP BY theirs.check_id
      """, [check.id, claim.publisherKey, earlierQuestionsOnly ? claim.questionID : Int64.max]
    ) { row in
      (
        DatedCheck(
          id: row.int64("id"), day: row.day("day"),
          ratingClass: row.text("rating_class").flatMap(RatingClass.init(rawValue:))),
        row.text("url") ?? ""
      )
    }
    var linked = 0
    for (other, url) in others {
      guard let theirs = other.day, theirs != mine else { continue }
      let (earlier, later) = mine < theirs ? (check, other) : (other, check)
      try recordOtherVerdict(on: earlier, by: later, score: 1, shared: [url])
      linked += 1
    }
    return linked
  }

  struct DatedCheck {
    var id: Int64
    var day: Day?
    var ratingClass: RatingClass?
  }

  /// The questions that may share the claim: those using two of its three rarest words
  /// (both of two, the one of one), those using most of them first, then the newest. The
  /// counts of the claim's words are left in `frequencies`, for weighing.
  func claimCandidates(
    for claim: StoredClaim, earlierQuestionsOnly: Bool, frequencies: inout [String: Int]
  ) throws -> [StoredClaim] {
    // The rarest words are those in fewest questions (the names' weights are not read).
    try claimWords.count(claim.profile.terms, into: &frequencies)
    var ranked: [(term: String, surface: String, count: Int)] = []
    for (term, surface) in zip(claim.profile.terms, claim.profile.surfaces) {
      ranked.append((term, surface, frequencies[term] ?? 0))
    }
    // (Typed and in steps: as one chain this took the type checker 15 s.)
    ranked.sort { (a, b) -> Bool in a.count != b.count ? a.count < b.count : a.term < b.term }
    let rarest: [(String, String)] = ranked.prefix(3).map { ($0.term, $0.surface) }
    guard !rarest.isEmpty else { return [] }
    let lists = try rarest.map { try claimPostings.ids(of: $0.0, surface: $0.1, in: db) }
    let below = earlierQuestionsOnly ? claim.questionID : Int64.max
    var ids: [Int64]
    if lists.count == 1 {
      ids = lists[0].reversed().lazy.filter { $0 < below && $0 != claim.questionID }
        .prefix(Self.claimCandidates).map { $0 }
    } else {
      ids = ClaimPostings.inTwo(of: lists, limit: Self.claimCandidates + 1, below: below)
        .filter { $0 != claim.questionID }.prefix(Self.claimCandidates).map { $0 }
    }
    // Those whose gate says they cannot match are not read back: `linkClaims` would drop
    // them unweighed.
    let gate = ClaimGate(claim.profile)
    let publisher = publisherNumber(claim.publisherKey)
    ids.removeAll { id in
      guard let known = claimGates[id] else { return false }
      let bar = known.publisher == publisher ? ClaimMatch.sameQuestion : ClaimMatch.similarClaim
      return !ClaimGate.mayMatch(gate, known.gate, bar: bar)
    }
    return try ids.compactMap(storedClaim)
  }

  /// A question's claim and publisher: remembered, else read (`nil` when the question is
  /// gone: merged away since its id was listed).
  func storedClaim(_ questionID: Int64) throws -> StoredClaim? {
    if let known = claimProfiles[questionID] {
      return StoredClaim(
        questionID: questionID, publisherKey: known.publisherKey, profile: known.profile)
    }
    let statement = try db.cachedStatement(
      "SELECT text, language, publisher_key, claim_profile FROM questions WHERE id = :id")
    try statement.bind(questionID, to: ":id")
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    let row = statement.currentRow
    return StoredClaim(
      questionID: questionID, publisherKey: row.text("publisher_key") ?? "",
      profile: claimProfile(of: questionID, row))
  }

  /// The claim of a question: remembered, else as stored (`claim_profile` in `row`), else
  /// read from its `text` and `language`.
  func claimProfile(of questionID: Int64, _ row: Row) -> ClaimProfile {
    if let known = claimProfiles[questionID] { return known.profile }
    let profile =
      row.text("claim_profile").flatMap(ClaimProfile.init(stored:))
      ?? ClaimProfile(row.text("text") ?? "", language: row.text("language"))
    rememberClaim(profile, of: questionID, publisherKey: row.text("publisher_key") ?? "")
    return profile
  }

  private func rememberClaim(_ profile: ClaimProfile, of questionID: Int64, publisherKey: String) {
    if claimProfiles.count >= Self.rememberedClaims {
      claimProfiles.removeAll(keepingCapacity: true)
    }
    claimProfiles[questionID] = (publisherKey, profile)
    if claimGates.count >= Self.rememberedGates {
      claimGates.removeAll(keepingCapacity: true)
    }
    claimGates[questionID] = (publisherNumber(publisherKey), ClaimGate(profile))
  }

  /// A number for a publisher's key, the same for the writer's life.
  private func publisherNumber(_ key: String) -> Int32 {
    if let known = publisherNumbers[key] { return known }
    let number = Int32(truncatingIfNeeded: publisherNumbers.count)
    publisherNumbers[key] = number
    return number
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
    try db.writeRow(
      into: "similar_questions",
      key: ["question_id": min(one, other), "other_question_id": max(one, other)],
      values: [
        "score": DatabaseValue.real(match.score), "shared_terms": StoredList.names(match.shared),
        "found_at": Timestamp.nowUTC(),
      ])
  }

  /// Records the later check as an other verdict on the earlier (how alike their claims
  /// are, and what they share), and brings the earlier check's due date and tier forward.
  func recordOtherVerdict(
    on earlier: DatedCheck, by later: DatedCheck, score: Double, shared: [String]
  ) throws {
    guard let day = later.day else { return }
    let disagrees =
      earlier.ratingClass.flatMap { mine in later.ratingClass.map { mine.disagrees(with: $0) } }
      ?? false
    try db.writeRow(
      into: "other_verdicts", key: ["check_id": earlier.id, "other_check_id": later.id],
      values: [
        "other_date": day.iso, "score": DatabaseValue.real(score),
        "shared_terms": StoredList.names(shared), "disagrees": disagrees,
        "found_at": Timestamp.nowUTC(),
      ])
    try refreshDueDateSoon(checkID: earlier.id)
  }

  /// Computes every appearance's match key again, so that a rebuild compares addresses as
  /// this version of `WebAddress.matchKey` does (a newer one knows more forms of one post's
  /// address than the one that stored them). Only keys that changed are written.
  func rekeyAppearances() throws {
    let stored = try db.query("SELECT check_id, position, url, url_key FROM claim_appearances") {
      row in
      (row.int64("check_id"), row.int64("position"), row.text("url") ?? "", row.text("url_key"))
    }
    for (checkID, position, url, key) in stored {
      let current = ClaimOrigin.key(of: url)
      guard current != key else { continue }
      try db.execute(
        "UPDATE claim_appearances SET url_key = ? WHERE check_id = ? AND position = ?",
        [current, checkID, position])
    }
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
      try rekeyAppearances()
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
    claimGates.removeAll()
    claimPostings.forget()
    let update = try db.cachedStatement(
      """
      UPDATE questions SET language = :language, claim_terms = :claim_terms,
        claim_profile = :claim_profile
      WHERE id = :id
      """)
    for (id, text, given) in rows {
      let profile = ClaimProfile(text, language: given)
      try update.bind(profile.language, to: ":language")
      try update.bind(StoredList.names(profile.terms), to: ":claim_terms")
      try update.bind(profile.stored, to: ":claim_profile")
      try update.bind(id, to: ":id")
      try update.run()
    }
  }
}

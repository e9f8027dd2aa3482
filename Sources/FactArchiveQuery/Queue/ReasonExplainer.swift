import FactArchiveCore
import FactArchivePolicy
import FactArchiveSchema
import FactArchiveStore

/// Turns a stored check into a `StaleCheck` with reasons an editor understands:
/// "checked 354 days ago; rule 'elections' allows 30". Which reasons apply is decided in
/// SQL (`QueueSQL.reason`, read here as `reason_codes`); this writes their sentences.
struct ReasonExplainer {
  let db: Connection
  let asOf: Day
  let policy: StalenessPolicy

  init(database: Connection, asOf: Day) throws {
    db = database
    self.asOf = asOf
    policy = try StalenessPolicy.load(from: database)
  }

  /// A check from a row holding `StaleQueue.columns`.
  func check(from row: Row, maxAgeOverride: Int?) throws -> StaleCheck {
    let checkID = row.int64("id")
    let checkedOn = row.day("checked_on")
    let inferred = row.day("checked_on_inferred")
    let dueOn = row.day("due_on") ?? asOf
    let topic = row.text("topic")
    let storedMaxAge = row.optionalInt("max_age_days") ?? policy.ruleMaxAge(topic: topic)
    let lastReview =
      row.isNull("review_verdict") ? nil : try Reviews.latest(checkID: checkID, in: db)
    var check = StaleCheck(
      checkID: checkID, questionID: row.int64("question_id"), question: row.text("question") ?? "",
      checkedOn: checkedOn, checkedOnInferred: inferred,
      ageDays: (checkedOn ?? inferred).map { asOf.days(since: $0) }, dueOn: dueOn,
      overdueDays: asOf.days(since: dueOn), topic: topic,
      maxAgeDays: maxAgeOverride ?? storedMaxAge,
      citationCount: row.int("citation_count"), reasons: [], evidence: try evidence(for: checkID),
      snoozedUntil: row.day("snoozed_until"),
      tier: row.optionalInt("queue_tier").flatMap(QueueTier.init(rawValue:)),
      lastReview: lastReview)
    check.publisher = row.text("publisher")
    check.ratingClass = row.text("rating_class").flatMap(RatingClass.init(rawValue:))
    check.otherVerdicts = try ClaimLinks.otherVerdicts(on: checkID, through: asOf, in: db)
    check.possiblySameQuestions = try ClaimLinks.similarQuestions(
      to: row.int64("question_id"), in: db)
    let codes = Set(
      (row.text("reason_codes") ?? "").split(separator: ",").compactMap {
        StaleReason.Code(rawValue: String($0))
      })
    check.reasons = StaleReason.Code.allCases.filter(codes.contains).map { code in
      StaleReason(
        code: code,
        detail: sentence(
          code, for: check, agedFrom: row.day("aged_from"),
          sensitiveTerms: StoredList.phrases(from: row.text("time_sensitive_terms")),
          overridden: maxAgeOverride != nil))
    }
    return check
  }

  private func evidence(for checkID: Int64) throws -> [EvidenceSource] {
    try db.query(
      """
      SELECT s.id, s.title, e.source_date, e.shared_terms, e.score, e.telling_terms
      FROM check_evidence AS e JOIN sources AS s ON s.id = e.source_id
      JOIN checks AS c ON c.id = e.check_id
      WHERE e.check_id = ? AND e.source_date <= ? AND \(CheckSQL().evidenceCounts())
      ORDER BY e.source_date, s.id
      """, [checkID, asOf.iso]
    ) { row in
      EvidenceSource(
        sourceID: row.int64("id"), title: row.text("title") ?? "",
        date: row.day("source_date") ?? asOf,
        sharedTerms: StoredList.names(from: row.text("shared_terms")),
        score: row.isNull("score") ? nil : row.double("score"),
        tellingTerms: row.isNull("telling_terms")
          ? nil : StoredList.names(from: row.text("telling_terms")))
    }
  }

  /// `AFP Fact Check rated a similar claim "False" on 2026-03-01: "…" (shares cartel de
  /// los soles, venezuela)`, or for claims linked by their address `… rated a claim made at
  /// the same address "False" … (both appeared at https://…)`, with a disagreement said
  /// first.
  static func sentence(_ verdict: OtherVerdict) -> String {
    let what =
      verdict.sharedAppearance == nil ? "a similar claim" : "a claim made at the same address"
    let rated = verdict.rating.map { "rated \(what) “\($0)”" } ?? "checked \(what)"
    let claim = verdict.claim.count > 120 ? String(verdict.claim.prefix(119)) + "…" : verdict.claim
    let disagreement = verdict.disagrees ? "disagreeing: " : ""
    return "\(disagreement)\(verdict.publisher) \(rated) on \(verdict.date.iso): “\(claim)” "
      + "(\(verdict.sharing))"
  }

  /// The editor's sentence for one reason.
  func sentence(
    _ code: StaleReason.Code, for check: StaleCheck, agedFrom: Day?, sensitiveTerms: [String],
    overridden: Bool
  ) -> String {
    let ruleAge = overridden ? check.maxAgeDays : policy.ruleMaxAge(topic: check.topic)
    switch code {
    case .age:
      let rule =
        overridden
        ? "--max-age allows \(check.maxAgeDays)"
        : check.topic.map { "rule '\($0)' allows \(ruleAge)" }
          ?? "the default rule allows \(ruleAge)"
      let shortened =
        overridden || sensitiveTerms.isEmpty
        ? "" : ", \(check.maxAgeDays) with time-bound wording"
      let what: String
      if let review = check.lastReview, review.verdict.restartsClock, let agedFrom {
        what =
          "reviewed on \(review.reviewedOn.iso) and \(review.verdict.phrase), "
          + "\(asOf.days(since: agedFrom)) days ago"
      } else {
        let age = check.ageDays ?? 0
        what =
          check.checkedOn != nil
          ? "checked \(age) days ago" : "its newest date is \(age) days old"
      }
      return "\(what); \(rule)\(shortened)"
    case .publisherFlag:
      return "the publisher's page says \"This fact-check may be outdated\""
    case .timeSensitive:
      let quoted = sensitiveTerms.map { "“\($0)”" }.joined(separator: ", ")
      return "leans on time-bound wording (\(quoted)), so it falls due after "
        + "\(check.maxAgeDays) days instead of \(ruleAge)"
    case .newerEvidence:
      let named = check.evidence.prefix(3).map { source in
        let names = source.tellingTerms ?? source.sharedTerms
        return "“\(source.title)” (\(source.date.iso)) shares \(names.joined(separator: ", "))"
      }
      let more = check.evidence.count > 3 ? "; and \(check.evidence.count - 3) more" : ""
      return named.joined(separator: "; ") + more
    case .otherVerdict:
      let named = check.otherVerdicts.prefix(3).map(Self.sentence)
      let more = check.otherVerdicts.count > 3 ? "; and \(check.otherVerdicts.count - 3) more" : ""
      return named.joined(separator: "; ") + more
    case .undated:
      if let inferred = check.checkedOnInferred, let age = check.ageDays {
        return "no check date; newest date mentioned is \(inferred.iso), \(age) days ago"
      }
      return "no check date and no date in its text; listed until it is re-checked"
    case .review:
      return check.lastReview?.sentence ?? "marked needs update"
    }
  }
}

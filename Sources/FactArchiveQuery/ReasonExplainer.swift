import FactArchivePolicy
import FactArchiveStore

/// Turns a stored check into a `StaleCheck` with reasons an editor understands:
/// "checked 354 days ago; rule 'elections' allows 30".
struct ReasonExplainer {
  let db: Database
  let asOf: Day
  let defaultMaxAge: Int
  let timeSensitivePercent: Int
  let topicMaxAge: [String: Int]

  init(database: Database, asOf: Day) throws {
    db = database
    self.asOf = asOf
    let rules = try StalenessRule.all(in: database)
    defaultMaxAge = rules.first { $0.kind == .default }?.maxAgeDays ?? 90
    timeSensitivePercent = rules.first { $0.kind == .timeSensitive }?.maxAgePercent ?? 100
    var topics: [String: Int] = [:]
    for rule in rules where rule.kind == .topic {
      topics[rule.name] = rule.maxAgeDays ?? defaultMaxAge
    }
    topicMaxAge = topics
  }

  /// A check from a row laid out as `StaleQueue.columns`.
  func check(from row: Statement, maxAgeOverride: Int?) throws -> StaleCheck {
    let checkID = row.int64(at: 0)
    let checkedOn = row.text(at: 3).flatMap { Day(iso: $0) }
    let inferred = row.text(at: 4).flatMap { Day(iso: $0) }
    let dueOn = row.text(at: 5).flatMap { Day(iso: $0) } ?? asOf
    let topic = row.text(at: 6)
    let storedMaxAge = row.isNull(at: 7) ? defaultMaxAge : row.int(at: 7)
    let flagged = row.bool(at: 8)
    let sensitiveTerms = row.text(at: 9).map { $0.split(separator: ", ").map(String.init) } ?? []
    let evidence = try self.evidence(for: checkID)
    var check = StaleCheck(
      checkID: checkID, questionID: row.int64(at: 1), question: row.text(at: 2) ?? "",
      checkedOn: checkedOn, checkedOnInferred: inferred,
      ageDays: (checkedOn ?? inferred).map { asOf.days(since: $0) }, dueOn: dueOn,
      overdueDays: asOf.days(since: dueOn), topic: topic,
      maxAgeDays: maxAgeOverride ?? storedMaxAge,
      citationCount: row.int(at: 10), reasons: [], evidence: evidence,
      snoozedUntil: row.text(at: 11).flatMap { Day(iso: $0) })
    check.reasons = reasons(
      for: check, flagged: flagged, sensitiveTerms: maxAgeOverride == nil ? sensitiveTerms : [],
      overridden: maxAgeOverride != nil)
    return check
  }

  private func evidence(for checkID: Int64) throws -> [EvidenceSource] {
    try db.query(
      """
      SELECT s.id, s.title, e.source_date, e.shared_terms
      FROM check_evidence AS e JOIN sources AS s ON s.id = e.source_id
      WHERE e.check_id = ? AND e.source_date <= ?
      ORDER BY e.source_date, s.id
      """, [checkID, asOf.iso]
    ) { row in
      EvidenceSource(
        sourceID: row.int64(at: 0), title: row.text(at: 1) ?? "",
        date: row.text(at: 2).flatMap { Day(iso: $0) } ?? asOf,
        sharedTerms: (row.text(at: 3) ?? "").split(separator: "|").map(String.init))
    }
  }

  func reasons(for check: StaleCheck, flagged: Bool, sensitiveTerms: [String], overridden: Bool)
    -> [StaleReason]
  {
    var reasons: [StaleReason] = []
    let ruleAge =
      overridden ? check.maxAgeDays : check.topic.flatMap { topicMaxAge[$0] } ?? defaultMaxAge
    let rule =
      overridden
      ? "--max-age allows \(check.maxAgeDays)"
      : check.topic.map { "rule '\($0)' allows \(ruleAge)" } ?? "the default rule allows \(ruleAge)"
    let shortened = sensitiveTerms.isEmpty ? "" : ", \(check.maxAgeDays) with time-bound wording"
    if let age = check.ageDays, age > check.maxAgeDays {
      let what =
        check.checkedOn != nil ? "checked \(age) days ago" : "its newest date is \(age) days old"
      reasons.append(StaleReason(code: .age, detail: "\(what); \(rule)\(shortened)"))
    }
    if flagged {
      reasons.append(
        StaleReason(
          code: .publisherFlag,
          detail: "the publisher's page says \"This fact-check may be outdated\""))
    }
    if !sensitiveTerms.isEmpty {
      let quoted = sensitiveTerms.map { "“\($0)”" }.joined(separator: ", ")
      reasons.append(
        StaleReason(
          code: .timeSensitive,
          detail: "leans on time-bound wording (\(quoted)), so it falls due after "
            + "\(check.maxAgeDays) days instead of \(ruleAge)"))
    }
    if !check.evidence.isEmpty {
      let named = check.evidence.prefix(3).map { source in
        "“\(source.title)” (\(source.date.iso); \(source.sharedTerms.joined(separator: ", ")))"
      }
      let more = check.evidence.count > 3 ? " and \(check.evidence.count - 3) more" : ""
      let noun = check.evidence.count == 1 ? "a newer source mentions" : "newer sources mention"
      reasons.append(
        StaleReason(
          code: .newerEvidence, detail: "\(noun) its names: \(named.joined(separator: "; "))\(more)"
        ))
    }
    if check.checkedOn == nil {
      if let inferred = check.checkedOnInferred, let age = check.ageDays {
        reasons.append(
          StaleReason(
            code: .undated,
            detail: "no check date; newest date mentioned is \(inferred.iso), \(age) days ago"))
      } else {
        reasons.append(
          StaleReason(
            code: .undated,
            detail: "no check date and no date in its text; listed until it is re-checked"))
      }
    }
    return reasons
  }
}

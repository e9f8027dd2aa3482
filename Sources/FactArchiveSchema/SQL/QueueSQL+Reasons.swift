import FactArchiveCore
import FactArchivePolicy

/// When each reason applies, as an SQL condition on the check and the day: the one
/// definition. Editors' sentences are written for the codes these conditions give
/// (`ReasonExplainer`); what a review does is read from `CheckSQL`, the age rule from
/// `DueDate`.
extension QueueSQL {
  /// - Parameter overridden: `--max-age` judges age by `:max_age` and drops time-bound
  ///   wording (the override replaces the policy that shortens ages for it).
  public func reason(_ code: StaleReason.Code, overridden: Bool = false) -> String {
    switch code {
    case .age:
      return pastMaxAge(overridden ? ":max_age" : "\(c).max_age_days")
    case .publisherFlag:
      return check.bannerCounts
    case .timeSensitive:
      return overridden ? "0" : "\(c).time_sensitive_terms IS NOT NULL"
    case .newerEvidence:
      return "EXISTS (SELECT 1 FROM check_evidence AS e WHERE e.check_id = \(c).id "
        + "AND e.source_date <= \(day) AND \(check.evidenceCounts()))"
    case .otherVerdict:
      return "EXISTS (SELECT 1 FROM other_verdicts AS o WHERE o.check_id = \(c).id "
        + "AND o.other_date <= \(day) AND \(check.otherVerdictCounts()))"
    case .undated:
      return "\(c).checked_on IS NULL"
    case .review:
      return "\(c).review_verdict = '\(ReviewVerdict.needsUpdate.rawValue)'"
    }
  }

  /// The live checks `code` can apply to on the day, as `SELECT … AS id` (every check
  /// `reason(code)` holds for, perhaps more), each read from an index or table holding only
  /// such checks (migration 020, `check_evidence`, `other_verdicts`); `nil` for the reasons
  /// most checks may have (`age`, the publisher's banner), which the queue meets in its own
  /// order. Kept beside `reason(_:)`: a change to a reason's condition changes this too.
  /// The index is named: without statistics SQLite would rather scan a wider index that
  /// also holds the column (`checks_stale_queue`: 77 ms at 1,000,000 articles).
  public func candidates(_ code: StaleReason.Code) -> String? {
    func live(_ index: String) -> String {
      "SELECT id FROM checks INDEXED BY \(index) WHERE superseded = 0 AND"
    }
    switch code {
    case .review:
      return "\(live("checks_needing_update")) review_verdict = "
        + "'\(ReviewVerdict.needsUpdate.rawValue)'"
    case .timeSensitive: return "\(live("checks_time_bound")) time_sensitive_terms IS NOT NULL"
    case .undated: return "\(live("checks_without_date")) checked_on IS NULL"
    case .newerEvidence:
      return "SELECT DISTINCT check_id AS id FROM check_evidence WHERE source_date <= \(day)"
    case .otherVerdict:
      return "SELECT DISTINCT check_id AS id FROM other_verdicts WHERE other_date <= \(day)"
    case .age, .publisherFlag: return nil
    }
  }

  /// Past its maximum age on the day: the day has reached `DueDate.byAge` (its age counts
  /// from `CheckSQL.agedFrom`).
  public func pastMaxAge(_ maxAge: String) -> String {
    let agedFrom = "(\(check.agedFrom))"
    return "(\(agedFrom) IS NOT NULL AND julianday(\(day)) - julianday(\(agedFrom)) "
      + ">= \(maxAge) + \(DueDate.daysPastMaxAge))"
  }

  /// How many reasons apply.
  public func reasonCount(overridden: Bool = false) -> String {
    "("
      + StaleReason.Code.allCases.map { "(\(reason($0, overridden: overridden)))" }
      .joined(separator: " + ") + ")"
  }

  /// The reason codes as `age,publisher_flag`: what runs record, and what the sentences
  /// are written for.
  public func reasonCodes(overridden: Bool = false) -> String {
    "rtrim("
      + StaleReason.Code.allCases.map {
        "CASE WHEN \(reason($0, overridden: overridden)) THEN '\($0.rawValue),' ELSE '' END"
      }
      .joined(separator: " || ") + ", ',')"
  }
}

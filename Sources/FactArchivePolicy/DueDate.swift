import FactArchiveCore

/// When a check falls due: the one rule every due date in the archive comes from.
///
/// - A dated check falls due the day after it reaches its maximum age, counted from its
///   own date (stated or inferred), or from the day an editor found it still accurate;
///   and at once (on its own date) when the publisher flagged it, unless a review has
///   restarted its clock since.
/// - An undated check with no date in its text is due from the day it was ingested.
/// - Newer evidence brings the due date forward to the evidence's date (only evidence
///   published after the latest review counts: the timeline holds that).
/// - A check an editor marked as needing an update is due from the review day; a
///   withdrawn check is never due (`nil`).
///
/// ```swift
/// let timeline = CheckTimeline(checkedOn: Day(iso: "2026-01-01"), checkedOnInferred: nil,
///                              ingestedOn: Day(iso: "2026-11-23")!, publisherFlagged: false)
/// DueDate.of(timeline, maxAgeDays: 90)  // 2026-04-02
/// ```
///
/// The policy calls it when it judges a check, the database module when evidence arrives
/// or an editor records a review, and the queue when `--max-age` overrides the policy.
public enum DueDate {
  /// A dated check falls due this many days after it reaches its maximum age: the day
  /// after.
  public static let daysPastMaxAge = 1

  /// The day a check falls due by its age alone, its age counted from `agedFrom`.
  public static func byAge(from agedFrom: Day, maxAgeDays: Int) -> Day {
    agedFrom.adding(days: maxAgeDays + daysPastMaxAge)
  }

  public static func of(_ timeline: CheckTimeline, maxAgeDays: Int) -> Day? {
    switch timeline.reviewVerdict {
    case .withdrawn?:
      return nil
    case .needsUpdate?:
      if let reviewedOn = timeline.reviewedOn { return reviewedOn }
    default:
      break
    }
    var due: Day
    if let agedFrom = timeline.agedFrom {
      due = byAge(from: agedFrom, maxAgeDays: maxAgeDays)
      if timeline.bannerCounts { due = min(due, agedFrom) }
    } else {
      due = timeline.ingestedOn
    }
    if let evidence = timeline.evidenceOn { due = min(due, evidence) }
    return due
  }
}

extension StalenessVerdict {
  /// Works out the due date and the tier again for `timeline` (newer evidence found, a
  /// review recorded), keeping the maximum age and wording the policy found.
  public mutating func reconsider(_ timeline: CheckTimeline) {
    dueOn = DueDate.of(timeline, maxAgeDays: maxAgeDays)
    tier = QueueTier.of(timeline, timeSensitive: !timeSensitiveTerms.isEmpty)
  }
}

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
      due = agedFrom.adding(days: maxAgeDays + 1)
      if timeline.bannerCounts { due = min(due, agedFrom) }
    } else {
      due = timeline.ingestedOn
    }
    if let evidence = timeline.evidenceOn { due = min(due, evidence) }
    return due
  }
}

/// Which tier of the queue a check is in: the queue takes checks tier by tier, so the few
/// most likely to be wrong now are not buried under the many that are merely old.
///
/// 1. an editor marked it as needing an update;
/// 2. the publisher's banner (not dismissed by a review), or newer evidence;
/// 3. time-bound wording;
/// 4. only old (or undated).
///
/// A withdrawn check is in no tier (`nil`).
public enum QueueTier {
  public static let needsUpdate = 1
  public static let bannerOrEvidence = 2
  public static let timeSensitive = 3
  public static let onlyOld = 4
  public static let all = [needsUpdate, bannerOrEvidence, timeSensitive, onlyOld]

  public static func of(_ timeline: CheckTimeline, timeSensitive: Bool) -> Int? {
    switch timeline.reviewVerdict {
    case .withdrawn?: return nil
    case .needsUpdate?: return needsUpdate
    default: break
    }
    if timeline.bannerCounts || timeline.evidenceOn != nil { return bannerOrEvidence }
    return timeSensitive ? Self.timeSensitive : onlyOld
  }

  /// What a tier holds, for editors: "needs update", "banner or newer evidence", ...
  public static func name(_ tier: Int) -> String {
    switch tier {
    case needsUpdate: return "needs update"
    case bannerOrEvidence: return "banner or newer evidence"
    case timeSensitive: return "time-sensitive"
    default: return "only old"
    }
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

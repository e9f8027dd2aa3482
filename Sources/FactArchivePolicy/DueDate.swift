import FactArchiveCore

/// When a check falls due: the one rule every due date in the archive comes from.
///
/// - A dated check (stated or inferred date) falls due the day after it reaches its
///   maximum age, and at once (on its own date) when the publisher flagged it.
/// - An undated check with no date in its text is due from the day it was ingested.
/// - Newer evidence brings the due date forward to the evidence's date.
///
/// ```swift
/// let timeline = CheckTimeline(checkedOn: Day(iso: "2026-01-01"), checkedOnInferred: nil,
///                              ingestedOn: Day(iso: "2026-11-23")!, publisherFlagged: false)
/// DueDate.of(timeline, maxAgeDays: 90)  // 2026-04-02
/// ```
///
/// The policy calls it when it judges a check, the database module when evidence arrives,
/// and the queue when `--max-age` overrides the policy.
public enum DueDate {
  public static func of(_ timeline: CheckTimeline, maxAgeDays: Int) -> Day {
    var due: Day
    if let base = timeline.baseDate {
      due = base.adding(days: maxAgeDays + 1)
      if timeline.publisherFlagged { due = min(due, base) }
    } else {
      due = timeline.ingestedOn
    }
    if let evidence = timeline.evidenceOn { due = min(due, evidence) }
    return due
  }
}

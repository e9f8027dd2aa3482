import FactArchiveCore

extension QueueTier {
  /// Which tier of the queue a check is in: the one rule, beside the due date's.
  ///
  /// 1. an editor marked it as needing an update;
  /// 2. the publisher's banner (not dismissed by a review), or newer evidence;
  /// 3. time-bound wording;
  /// 4. only old (or undated).
  ///
  /// A withdrawn check is in no tier (`nil`).
  public static func of(_ timeline: CheckTimeline, timeSensitive: Bool) -> QueueTier? {
    switch timeline.reviewVerdict {
    case .withdrawn?: return nil
    case .needsUpdate?: return .needsUpdate
    default: break
    }
    if timeline.bannerCounts || timeline.evidenceOn != nil { return .bannerOrEvidence }
    return timeSensitive ? .timeSensitive : .onlyOld
  }
}
